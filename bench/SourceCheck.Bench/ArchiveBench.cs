using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SourceCheck.Claims;
using SourceCheck.Claims.Matching;
using SourceCheck.Text;

namespace SourceCheck.Bench;

/// <summary>Links in an archive: stories of four articles (own gold) put among the real pages of
/// ../shared/webmeta (fundus + aeb, gold body as plain text). At each archive size prints the links between
/// articles on different stories, each story's detection/typed F1 inside the corpus and the same-event real
/// groups found. Usage: <c>archive [--split dev|val|all] [--sizes 0,50,all]</c>.</summary>
internal static class ArchiveBench
{
    internal sealed record Article(string Id, string Story, string Text, bool Real);

    internal sealed record Story(string Name, string Dir, List<Claim> GoldClaims, Dictionary<(string, string), string> GoldLinks, List<string> ArticleIds);

    public static void Run(string[] args)
    {
        string split = "dev";
        string sizes = "0,50,all";
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--split": split = args[i + 1]; break;
                case "--sizes": sizes = args[i + 1]; break;
                default: Console.WriteLine($"unknown option {args[i]}"); return;
            }
        }

        string? repo = MatchBench.RepoRoot();
        string? shared = MatchBench.SharedRoot();
        if (repo is null || shared is null || !File.Exists(Path.Combine(shared, "webmeta", "dev.jsonl")))
        {
            Console.WriteLine("../shared/webmeta not present: archive bench skipped");
            return;
        }

        string fixtures = Path.Combine(repo, "fixtures", "archive");
        var stories = LoadStories(fixtures, repo, shared, split);
        var (pages, groupOf, relatedOf) = LoadWebmeta(fixtures, shared);
        var storyArticles = new List<Article>();
        foreach (var s in stories)
        {
            foreach (string id in s.ArticleIds)
            {
                var file = MatchBench.ReadGold(s.Dir).Articles.First(a => a.Id == id).File;
                storyArticles.Add(new Article(id, s.Name, File.ReadAllText(Path.Combine(s.Dir, file)), false));
            }
        }

        // claims once per article (extraction does not depend on the archive)
        var claimsOf = new Dictionary<string, IReadOnlyList<Claim>>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        foreach (var a in storyArticles.Concat(pages))
        {
            claimsOf[a.Id] = ClaimExtractor.Extract(a.Text, a.Id, LanguageGuesser.Guess(a.Text));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"archive: split {split}, {stories.Count} stories ({storyArticles.Count} articles), {pages.Count} real pages, {claimsOf.Values.Sum(c => c.Count)} claims extracted in {watch.ElapsedMilliseconds} ms"));

        foreach (string size in sizes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int n = size == "all" ? pages.Count : Math.Min(pages.Count, int.Parse(size, CultureInfo.InvariantCulture));
            var real = pages.Take(n).ToList();
            var corpus = storyArticles.Concat(real).ToList();
            var claims = corpus.SelectMany(a => claimsOf[a.Id]).ToList();
            watch.Restart();
            var links = ClaimMatcher.Match(claims, MatchBench.BenchMatchOptions());
            long ms = watch.ElapsedMilliseconds;
            var storyOf = corpus.ToDictionary(a => a.Id, a => a.Real ? groupOf.GetValueOrDefault(a.Id, a.Id) : a.Story, StringComparer.Ordinal);
            var isReal = corpus.ToDictionary(a => a.Id, a => a.Real, StringComparer.Ordinal);
            int storyToOther = 0, realDifferent = 0, realSame = 0, related = 0, storyInternal = 0;
            var wrongTypes = new Dictionary<string, int>(StringComparer.Ordinal);
            var perStoryOut = stories.ToDictionary(s => s.Name, _ => 0, StringComparer.Ordinal);
            var groupLinks = new Dictionary<string, List<ClaimLink>>(StringComparer.Ordinal);
            var falseLinks = new List<ClaimLink>();
            foreach (var l in links)
            {
                string da = l.A.DocumentId, db = l.B.DocumentId;
                string sa = storyOf[da], sb = storyOf[db];
                if (sa == sb)
                {
                    if (isReal[da])
                    {
                        realSame++;
                        if (!groupLinks.TryGetValue(sa, out var gl))
                        {
                            groupLinks[sa] = gl = [];
                        }

                        gl.Add(l);
                    }
                    else
                    {
                        storyInternal++;
                    }

                    continue;
                }

                if (isReal[da] && isReal[db] && relatedOf.TryGetValue(da, out var ra) && relatedOf.TryGetValue(db, out var rb) && ra.Overlaps(rb))
                {
                    related++;
                    continue;
                }

                falseLinks.Add(l);
                wrongTypes[l.Type.ToName()] = wrongTypes.GetValueOrDefault(l.Type.ToName()) + 1;
                if (isReal[da] && isReal[db])
                {
                    realDifferent++;
                }
                else
                {
                    storyToOther++;
                    foreach (string s in new[] { sa, sb })
                    {
                        if (perStoryOut.TryGetValue(s, out int count))
                        {
                            perStoryOut[s] = count + 1;
                        }
                    }
                }
            }

            var present = new HashSet<string>(real.Select(r => r.Id), StringComparer.Ordinal);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"== size {n} real + {storyArticles.Count} story articles = {corpus.Count} articles, {claims.Count} claims: {links.Count} links in {ms} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  links between different stories: {storyToOther + realDifferent} (story->other {storyToOther} [target <= 2 per story], real<->real {realDifferent} [target <= 10]); types: {string.Join(", ", wrongTypes.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}"))}"));
            Console.WriteLine($"  same-event real links: {realSame}; related-topic links (not scored): {related}; story-internal links: {storyInternal}");
            foreach (var s in stories)
            {
                var own = links.Where(l => storyOf[l.A.DocumentId] == s.Name && storyOf[l.B.DocumentId] == s.Name).ToList();
                var predicted = new Dictionary<(string, string), string>();
                foreach (var l in own)
                {
                    string ga = MatchBench.GoldId(s.GoldClaims, l.A) ?? "?" + l.A.Id;
                    string gb = MatchBench.GoldId(s.GoldClaims, l.B) ?? "?" + l.B.Id;
                    predicted.TryAdd(MatchBench.Key(ga, gb), l.Type.ToName());
                }

                int det = predicted.Keys.Count(s.GoldLinks.ContainsKey);
                if (Environment.GetEnvironmentVariable("ARCHIVE_MISSED") == "1")
                {
                    PrintMissed(s, predicted, links, claimsOf);
                }

                int typed = predicted.Count(p => s.GoldLinks.TryGetValue(p.Key, out var t) && t == p.Value);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  story {s.Name}: {predicted.Count} links, gold {s.GoldLinks.Count}; detection F1={MatchBench.F1(det, predicted.Count, s.GoldLinks.Count):F3} (P={MatchBench.Div(det, predicted.Count):F3} R={MatchBench.Div(det, s.GoldLinks.Count):F3}) typed F1={MatchBench.F1(typed, predicted.Count, s.GoldLinks.Count):F3}; links to other stories {perStoryOut[s.Name]} [target <= 2]"));
            }

            int groupsPresent = 0, groupsFound = 0, falseMisattribution = 0;
            foreach (var (group, members) in GroupsIn(groupOf))
            {
                if (members.Count(present.Contains) < 2)
                {
                    continue;
                }

                groupsPresent++;
                var gl = groupLinks.GetValueOrDefault(group) ?? [];
                if (gl.Count > 0)
                {
                    groupsFound++;
                }

                int mis = gl.Count(l => l.Type == LinkType.Misattribution);
                falseMisattribution += mis;
                Console.WriteLine($"  group {group}: {gl.Count} links ({string.Join(", ", gl.GroupBy(l => l.Type.ToName()).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))})");
            }

            Console.WriteLine($"  same-event real groups with at least one link: {groupsFound} of {groupsPresent}; misattributions inside them (to read by hand): {falseMisattribution}");
            if (Environment.GetEnvironmentVariable("ARCHIVE_PAIRS") == "1")
            {
                // the document pairs behind false links, with the anchors they share (to see why they passed)
                var anchorsOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
                HashSet<string> AnchorsOf(string doc)
                {
                    if (!anchorsOf.TryGetValue(doc, out var set))
                    {
                        set = new HashSet<string>(StringComparer.Ordinal);
                        foreach (var c in claimsOf[doc])
                        {
                            var t = AnalyzedText.Analyze(c.Text, ClaimMatcher.NormalizeLanguage(c.Language, c.Text), BilingualLexicon.Default);
                            set.UnionWith(EventScope.Anchors(c, t, BilingualLexicon.Default));
                        }

                        anchorsOf[doc] = set;
                    }

                    return set;
                }

                var docList = corpus.Select(a => a.Id).ToList();
                var docNo = docList.Select((d, k) => (d, k)).ToDictionary(p => p.d, p => p.k, StringComparer.Ordinal);
                var an = claims.Select(c => AnalyzedText.Analyze(c.Text, ClaimMatcher.NormalizeLanguage(c.Language, c.Text), BilingualLexicon.Default)).ToArray();
                var profiles = EventScope.Profiles(claims, an, claims.Select(c => docNo[c.DocumentId]).ToArray(), docList.Select(d => claimsOf[d].Count < 3).ToArray(), MatchOptions.Default);
                double Cos(string x, string y) => EventScope.Cosine(profiles[docNo[x]], profiles[docNo[y]]);
                foreach (var (group, members) in GroupsIn(groupOf))
                {
                    var m = members.Where(present.Contains).ToList();
                    for (int x = 0; x < m.Count; x++)
                    {
                        for (int y = x + 1; y < m.Count; y++)
                        {
                            var common = AnchorsOf(m[x]).Intersect(AnchorsOf(m[y])).Order(StringComparer.Ordinal);
                            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  GROUPPAIR {group} cos={Cos(m[x], m[y]):F3}: {string.Join(", ", common)}"));
                        }
                    }
                }

                foreach (var st in stories)
                {
                    for (int x = 0; x < st.ArticleIds.Count; x++)
                    {
                        for (int y = x + 1; y < st.ArticleIds.Count; y++)
                        {
                            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  STORYPAIR {st.Name} {st.ArticleIds[x]}~{st.ArticleIds[y]} cos={Cos(st.ArticleIds[x], st.ArticleIds[y]):F3}: {string.Join(", ", AnchorsOf(st.ArticleIds[x]).Intersect(AnchorsOf(st.ArticleIds[y])).Order(StringComparer.Ordinal))}"));
                        }
                    }
                }

                foreach (var g in falseLinks.GroupBy(l => (l.A.DocumentId, l.B.DocumentId)).OrderByDescending(g => g.Count()))
                {
                    var common = AnchorsOf(g.Key.Item1).Intersect(AnchorsOf(g.Key.Item2)).Order(StringComparer.Ordinal);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  PAIR {g.Count()} {g.Key.Item1} ~ {g.Key.Item2} cos={Cos(g.Key.Item1, g.Key.Item2):F3}: {string.Join(", ", common)}"));
                }
            }

            if (Environment.GetEnvironmentVariable("ARCHIVE_VERBOSE") == "1")
            {
                foreach (var l in falseLinks)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  FALSE {l.Type.ToName()} {l.Score:F3} {l.A.DocumentId} ~ {l.B.DocumentId} | {Short(l.A.Text)} || {Short(l.B.Text)} | {string.Join("; ", l.Evidence)}"));
                }

                foreach (var (group, gl) in groupLinks.OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    foreach (var l in gl)
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"  GROUP {group} {l.Type.ToName()} {l.Score:F3} | {Short(l.A.Text)} || {Short(l.B.Text)}"));
                    }
                }
            }
        }

        static string Short(string t) => t.Length <= 110 ? t : t[..107] + "...";
    }

    /// <summary>The story's gold links missed inside the corpus, each with the gate that dropped it: no extracted claim
    /// for a side (extraction), found when the story is matched alone without the event test (scope), or the score
    /// the pair reaches alone with every threshold at 0 (score/type).</summary>
    private static void PrintMissed(Story s, Dictionary<(string, string), string> predicted, IReadOnlyList<ClaimLink> links, Dictionary<string, IReadOnlyList<Claim>> claimsOf)
    {
        var own = s.ArticleIds.SelectMany(a => claimsOf[a]).ToList();
        var byGold = new Dictionary<string, Claim>(StringComparer.Ordinal);
        foreach (var c in own)
        {
            if (MatchBench.GoldId(s.GoldClaims, c) is { } g)
            {
                byGold.TryAdd(g, c);
            }
        }

        var open = MatchOptions.Default with { EventScope = false, Threshold = 0, ContradictionThreshold = 0, MisattributionThreshold = 0, ClauseFloor = 0 };
        var alone = ClaimMatcher.Match(own, MatchOptions.Default with { EventScope = false });
        var aloneKeys = alone.Select(l => MatchBench.Key(MatchBench.GoldId(s.GoldClaims, l.A) ?? "?", MatchBench.GoldId(s.GoldClaims, l.B) ?? "?")).ToHashSet();
        var all = ClaimMatcher.Match(own, open).ToDictionary(l => MatchBench.Key(l.A.Id, l.B.Id), l => l);
        var text = s.GoldClaims.ToDictionary(c => c.Id, c => c.Text, StringComparer.Ordinal);
        SimilarityScorer? scorer = null;
        static SimilarityScorer Scorer(List<Claim> claims)
        {
            var sc = new SimilarityScorer(BilingualLexicon.Default, new IdfTable());
            foreach (var c in claims)
            {
                sc.AddToIdf(AnalyzedText.Analyze(c.Text, ClaimMatcher.NormalizeLanguage(c.Language, c.Text), BilingualLexicon.Default, c.Figures.IsDefault ? null : c.Figures));
            }

            return sc;
        }

        foreach (var (key, type) in s.GoldLinks.OrderBy(k => k.Key.Item1, StringComparer.Ordinal).ThenBy(k => k.Key.Item2, StringComparer.Ordinal))
        {
            string gate;
            if (predicted.TryGetValue(key, out var got))
            {
                if (got == type)
                {
                    continue;
                }

                gate = "TYPED " + got;
            }
            else if (!byGold.TryGetValue(key.Item1, out var ca) || !byGold.TryGetValue(key.Item2, out var cb))
            {
                gate = "EXTRACTION";
            }
            else if (aloneKeys.Contains(key))
            {
                gate = "SCOPE";
            }
            else
            {
                var l = all.GetValueOrDefault(MatchBench.Key(ca.Id, cb.Id));
                var ta = AnalyzedText.Analyze(ca.Text, ClaimMatcher.NormalizeLanguage(ca.Language, ca.Text), BilingualLexicon.Default, ca.Figures.IsDefault ? null : ca.Figures);
                var tb = AnalyzedText.Analyze(cb.Text, ClaimMatcher.NormalizeLanguage(cb.Language, cb.Text), BilingualLexicon.Default, cb.Figures.IsDefault ? null : cb.Figures);
                scorer ??= Scorer(own);
                string why = string.Create(CultureInfo.InvariantCulture,
                    $"raw {scorer.LinkScore(ta, tb):F3}; speakers [{ca.Quote} {ca.Speaker}] [{cb.Quote} {cb.Speaker}] differ={LinkTyper.SpeakersDiffer(ca, cb)}; figures [{string.Join(",", ta.Figures.Select(f => f.Text))}] [{string.Join(",", tb.Figures.Select(f => f.Text))}]");
                gate = l is null ? "SCORE none (" + why + ")" : string.Create(CultureInfo.InvariantCulture, $"SCORE {l.Score:F3} {l.Type.ToName()} ({why})");
            }

            Console.WriteLine($"    MISSED {s.Name} {key.Item1}~{key.Item2} gold {type}: {gate} | {text[key.Item1]} || {text[key.Item2]}");
        }
    }

    private static IEnumerable<(string Group, List<string> Members)> GroupsIn(Dictionary<string, string> groupOf) =>
        groupOf.GroupBy(p => p.Value, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Select(p => p.Key).ToList()));

    internal static List<Story> LoadStories(string fixtures, string repo, string shared, string split)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixtures, "stories.json")));
        var result = new List<Story>();
        foreach (var part in doc.RootElement.GetProperty("splits").EnumerateObject())
        {
            if (split != "all" && part.Name != split)
            {
                continue;
            }

            foreach (var entry in part.Value.EnumerateArray())
            {
                string path = entry.GetString()!;
                string dir = path.StartsWith("shared:", StringComparison.Ordinal) ? Path.Combine(shared, path["shared:".Length..]) : Path.Combine(repo, path);
                if (!File.Exists(Path.Combine(dir, "gold.json")))
                {
                    Console.WriteLine($"story {path}: no gold.json, skipped");
                    continue;
                }

                var (claims, links, articles) = MatchBench.ReadGold(dir);
                result.Add(new Story(Path.GetFileName(dir.TrimEnd('/')), dir, claims, links, articles.Select(a => a.Id).ToList()));
            }
        }

        return result;
    }

    internal static (List<Article> Pages, Dictionary<string, string> GroupOf, Dictionary<string, HashSet<string>> RelatedOf) LoadWebmeta(string fixtures, string shared)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixtures, "webmeta.json")));
        var root = doc.RootElement;
        var wanted = new HashSet<string>(root.GetProperty("pages").EnumerateArray().Select(e => e.GetString()!), StringComparer.Ordinal);
        var groupOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var g in root.GetProperty("groups").EnumerateObject())
        {
            foreach (var m in g.Value.EnumerateArray())
            {
                groupOf[m.GetString()!] = "group:" + g.Name;
            }
        }

        var relatedOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var g in root.GetProperty("related").EnumerateObject())
        {
            foreach (var m in g.Value.EnumerateArray())
            {
                if (!relatedOf.TryGetValue(m.GetString()!, out var set))
                {
                    relatedOf[m.GetString()!] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(g.Name);
            }
        }

        var pages = new List<Article>();
        foreach (string line in File.ReadLines(Path.Combine(shared, "webmeta", "dev.jsonl")))
        {
            using var row = JsonDocument.Parse(line);
            string id = row.RootElement.GetProperty("id").GetString()!;
            if (wanted.Contains(id) && row.RootElement.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.String)
            {
                pages.Add(new Article(id, id, body.GetString()!, true));
            }
        }

        // a fixed order that mixes sources, so that every size holds fundus and aeb pages (and, from about half, the groups)
        pages.Sort((a, b) => Fnv(a.Id).CompareTo(Fnv(b.Id)));
        return (pages, groupOf, relatedOf);
    }

    private static uint Fnv(string s)
    {
        uint h = 2166136261;
        foreach (char c in s)
        {
            h = (h ^ c) * 16777619;
        }

        return h;
    }
}
