using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using SourceCheck.Checking;
using SourceCheck.Claims;
using SourceCheck.Claims.Matching;
using SourceCheck.Claims.Text;
using SourceCheck.Reports;
using SourceCheck.Storage;
using SourceCheck.Text;

namespace SourceCheck.Bench;

/// <summary>Links in an archive at size: the real pages of ../shared/webmeta and the dev stories (as in
/// <see cref="ArchiveBench"/>) plus derived articles up to 1k, 10k, 100k articles. Derivation (seeded): a derived
/// article takes 8–15 claims, each from a different real page (pages of one same-event group or related set count
/// as one page), and replaces every name in them (the event anchors: capitalised non-dictionary words, acronyms,
/// the speaker's name) by a synthetic name drawn for that article from a pool of 5,000,000 with a Zipf(1) law (one
/// article keeps one name per original name; unrelated articles share common names by chance, as a real archive
/// does). So each derived article is its own story: it shares sentence wording with the pages it was cut from but
/// not their actors.
/// Truth by provenance (the rule since session 7): every claim has a source page (a real page, a story article, or
/// for a derived claim the page it was cut from); a link is true when both claims' source pages are on one story
/// (the same page, the same labelled same-event group, the same invented story) — a derived sentence and its source,
/// or two derived copies of one sentence, ARE the same claim — false when they are on different stories, and not
/// scored when the two source pages are in one labelled related-topic set. The session-6 rule (a link between two
/// documents of different stories is false, whatever the sentences) is printed beside it as a lower bound.
/// Prints, at each size, the links and their precision, the dev stories' F1 inside the corpus, and, for each store
/// size, the precision of the stored matches and the time to check one new article with <see cref="Checker"/>
/// against a store holding the corpus (probes: the four articles of every dev story, every 10th real page with a claim
/// and four derived articles, each already stored and excluded by content): precision at N articles = of the stored
/// matches of the probes, the share whose stored article is on the probe's story (links into a labelled related-topic
/// set not scored), per probe kind; each story's F1 from its articles' matches with its stored siblings and its links to
/// other stories' articles.
/// Usage: <c>archive-scale [--sizes 1000,10000] [--store 1000,10000,100000] [--store-dir DIR]</c>; with
/// <c>--store-dir</c> the store of size N is kept as <c>DIR/archive-N.db</c> and reused when it exists (ingest is skipped;
/// each check adds its probe to the store, as a real check does, and the probe's stored copies are excluded by content).</summary>
internal static class ArchiveScaleBench
{
    private const int NamePool = 5_000_000;

    public static void Run(string[] args)
    {
        string sizes = "1000,10000";
        string storeSizes = "1000";
        string? storeDir = null;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--sizes": sizes = args[i + 1]; break;
                case "--store": storeSizes = args[i + 1]; break;
                case "--store-dir": storeDir = args[i + 1]; break;
                default: Console.WriteLine($"unknown option {args[i]}"); return;
            }
        }

        string? repo = MatchBench.RepoRoot();
        string? shared = MatchBench.SharedRoot();
        if (repo is null || shared is null || !File.Exists(Path.Combine(shared, "webmeta", "dev.jsonl")))
        {
            Console.WriteLine("../shared/webmeta not present: archive-scale bench skipped");
            return;
        }

        string fixtures = Path.Combine(repo, "fixtures", "archive");
        var stories = ArchiveBench.LoadStories(fixtures, repo, shared, "dev");
        var (pages, groupOf, relatedOf) = ArchiveBench.LoadWebmeta(fixtures, shared);
        var lexicon = BilingualLexicon.Default;
        var claimsOf = new Dictionary<string, IReadOnlyList<Claim>>(StringComparer.Ordinal);
        var sourceOf = new Dictionary<string, string>(StringComparer.Ordinal); // derived claim id -> source page id
        var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var textOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in stories)
        {
            foreach (string id in s.ArticleIds)
            {
                var file = MatchBench.ReadGold(s.Dir).Articles.First(a => a.Id == id).File;
                string text = File.ReadAllText(Path.Combine(s.Dir, file));
                claimsOf[id] = ClaimExtractor.Extract(text, id, LanguageGuesser.Guess(text));
                storyOf[id] = s.Name;
                textOf[id] = text;
            }
        }

        foreach (var p in pages)
        {
            claimsOf[p.Id] = ClaimExtractor.Extract(p.Text, p.Id, LanguageGuesser.Guess(p.Text));
            storyOf[p.Id] = groupOf.GetValueOrDefault(p.Id, p.Id);
            textOf[p.Id] = p.Text;
        }

        // a page's "story" for derivation: its same-event group or (first) related set, so one derived article
        // never takes two sentences about one event
        string Source(string page) => groupOf.TryGetValue(page, out var g) ? g : relatedOf.TryGetValue(page, out var r) ? "rel:" + r.Order(StringComparer.Ordinal).First() : page;
        var sourcePages = pages.Where(p => claimsOf[p.Id].Count > 0).Select(p => p.Id).ToList();
        var spans = new Dictionary<string, List<(int Offset, int Length, string Key)>>(StringComparer.Ordinal);
        foreach (var id in sourcePages)
        {
            foreach (var c in claimsOf[id])
            {
                var t = AnalyzedText.Analyze(c.Text, ClaimMatcher.NormalizeLanguage(c.Language, c.Text), lexicon);
                var anchors = EventScope.Anchors(c, t, lexicon).ToHashSet(StringComparer.Ordinal);
                spans[c.Id] = [.. t.Tokens.Where(k => k.Kind == TokenKind.Word && anchors.Contains(AnalyzedText.EntityKey(k.Lower)) && char.IsUpper(k.Surface[0]))
                    .Select(k => (k.Offset, k.Surface.Length, AnalyzedText.EntityKey(k.Lower)))];
            }
        }

        var zipf = new double[NamePool];
        double sum = 0;
        for (int i = 0; i < NamePool; i++)
        {
            sum += 1.0 / (i + 1);
            zipf[i] = sum;
        }

        var baseCorpus = stories.SelectMany(s => s.ArticleIds).Concat(pages.Select(p => p.Id)).ToList();
        int maxSize = sizes.Split(',').Concat(storeSizes.Split(',')).Max(x => int.Parse(x, CultureInfo.InvariantCulture));
        var watch = Stopwatch.StartNew();
        var derived = new List<string>();
        for (int k = 0; derived.Count + baseCorpus.Count < maxSize; k++)
        {
            string id = $"derived:{k:D6}";
            var rng = new Random(1000 + k);
            int want = 8 + rng.Next(8);
            var used = new HashSet<string>(StringComparer.Ordinal);
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            string Name(string key)
            {
                if (!names.TryGetValue(key, out var n))
                {
                    int idx = Array.BinarySearch(zipf, rng.NextDouble() * sum);
                    names[key] = n = Synthetic(idx < 0 ? ~idx : idx);
                }

                return n;
            }

            var claims = new List<Claim>();
            var text = new StringBuilder();
            for (int tries = 0; claims.Count < want && tries < 200; tries++)
            {
                string page = sourcePages[rng.Next(sourcePages.Count)];
                if (!used.Add(Source(page)))
                {
                    continue;
                }

                var src = claimsOf[page][rng.Next(claimsOf[page].Count)];
                var sb = new StringBuilder(src.Text);
                foreach (var (offset, length, key) in spans[src.Id].OrderByDescending(s => s.Offset))
                {
                    sb.Remove(offset, length).Insert(offset, Name(key));
                }

                // the speaker and the rules' candidate (matching reads it; `with` would keep the source's) both renamed
                string? Renamed(string? who) => who is null ? null
                    : string.Join(' ', who.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.IsUpper(w[0]) ? Name(AnalyzedText.EntityKey(w.ToLowerInvariant())) : w));
                string? speaker = Renamed(src.Speaker);
                string claimText = sb.ToString();
                int start = text.Length;
                text.Append(claimText).Append("\n\n");
                sourceOf[$"{id}-c{claims.Count + 1}"] = page;
                claims.Add(src with
                {
                    Id = $"{id}-c{claims.Count + 1}", DocumentId = id, Text = claimText, Span = new TextSpan(start, claimText.Length),
                    Speaker = speaker, SpeakerCandidate = Renamed(src.SpeakerCandidate), SpeakerMention = speaker, Figures = FigureExtractor.Extract(claimText, 0, claimText.Length, src.Language, years: true),
                });
            }

            claimsOf[id] = claims;
            storyOf[id] = id;
            textOf[id] = text.ToString();
            derived.Add(id);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"archive-scale: {baseCorpus.Count} base articles (dev stories + real pages), {derived.Count} derived articles ({derived.Sum(d => claimsOf[d].Count)} claims) made in {watch.ElapsedMilliseconds} ms"));

        // provenance: the story of a claim's source page; a text maps to the stories of every claim carrying it
        string SourcePage(Claim c) => sourceOf.GetValueOrDefault(c.Id, c.DocumentId);
        string TruthStory(Claim c) => storyOf[SourcePage(c)];
        bool RelatedPages(string a, string b) => relatedOf.TryGetValue(a, out var ra) && relatedOf.TryGetValue(b, out var rb) && ra.Overlaps(rb);
        var storiesOfText = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var pagesOfText = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var c in claimsOf.Values.SelectMany(x => x))
        {
            (storiesOfText.TryGetValue(c.Text, out var st) ? st : storiesOfText[c.Text] = new HashSet<string>(StringComparer.Ordinal)).Add(TruthStory(c));
            (pagesOfText.TryGetValue(c.Text, out var pg) ? pg : pagesOfText[c.Text] = new HashSet<string>(StringComparer.Ordinal)).Add(SourcePage(c));
        }

        foreach (string size in sizes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int n = int.Parse(size, CultureInfo.InvariantCulture);
            var corpus = baseCorpus.Concat(derived).Take(Math.Max(n, baseCorpus.Count)).ToList();
            var claims = corpus.SelectMany(d => claimsOf[d]).ToList();
            watch.Restart();
            var links = ClaimMatcher.Match(claims, MatchBench.BenchMatchOptions());
            long ms = watch.ElapsedMilliseconds;
            int different = 0, related = 0, derivedLinks = 0;
            foreach (var l in links)
            {
                string da = l.A.DocumentId, db = l.B.DocumentId;
                if (storyOf[da] == storyOf[db])
                {
                    continue;
                }

                if (relatedOf.TryGetValue(da, out var ra) && relatedOf.TryGetValue(db, out var rb) && ra.Overlaps(rb))
                {
                    related++;
                    continue;
                }

                different++;
                derivedLinks += da.StartsWith("derived:", StringComparison.Ordinal) || db.StartsWith("derived:", StringComparison.Ordinal) ? 1 : 0;
            }

            int scored = links.Count - related;
            int provTrue = 0, provFalse = 0, provRelated = 0, identical = 0;
            foreach (var l in links)
            {
                string pa = SourcePage(l.A), pb = SourcePage(l.B);
                if (storyOf[pa] == storyOf[pb])
                {
                    provTrue++;
                    identical += l.A.Text == l.B.Text ? 1 : 0;
                }
                else if (RelatedPages(pa, pb))
                {
                    provRelated++;
                }
                else
                {
                    provFalse++;
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"== {corpus.Count} articles, {claims.Count} claims: {links.Count} links in {ms} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  by provenance: {provTrue} true ({identical} between identical sentences), {provFalse} false (source pages on different stories), {provRelated} related-topic (not scored): precision {MatchBench.Div(provTrue, provTrue + provFalse):F3}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  by document (session-6 rule, lower bound): links between different stories {different} ({derivedLinks} with a derived article); precision {1 - MatchBench.Div(different, scored):F3} (related-topic links not scored: {related})"));
            foreach (var s in stories)
            {
                var predicted = new Dictionary<(string, string), string>();
                foreach (var l in links.Where(l => storyOf[l.A.DocumentId] == s.Name && storyOf[l.B.DocumentId] == s.Name))
                {
                    predicted.TryAdd(MatchBench.Key(MatchBench.GoldId(s.GoldClaims, l.A) ?? "?" + l.A.Id, MatchBench.GoldId(s.GoldClaims, l.B) ?? "?" + l.B.Id), l.Type.ToName());
                }

                int det = predicted.Keys.Count(s.GoldLinks.ContainsKey);
                int typed = predicted.Count(p => s.GoldLinks.TryGetValue(p.Key, out var t) && t == p.Value);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  story {s.Name}: detection F1={MatchBench.F1(det, predicted.Count, s.GoldLinks.Count):F3} typed F1={MatchBench.F1(typed, predicted.Count, s.GoldLinks.Count):F3}"));
            }

            if (Environment.GetEnvironmentVariable("ARCHIVE_VERBOSE") == "1")
            {
                foreach (var l in links.Where(l => storyOf[l.A.DocumentId] != storyOf[l.B.DocumentId]
                    && (l.A.DocumentId.StartsWith("derived:", StringComparison.Ordinal) || l.B.DocumentId.StartsWith("derived:", StringComparison.Ordinal))).Take(40))
                {
                    Console.WriteLine($"  FALSE {l.Type.ToName()} {l.Score:F3} {l.A.DocumentId} ~ {l.B.DocumentId} | {l.A.Text} || {l.B.Text}");
                }
            }
        }

        foreach (string size in storeSizes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int n = int.Parse(size, CultureInfo.InvariantCulture);
            var corpus = baseCorpus.Concat(derived).Take(Math.Max(n, baseCorpus.Count)).ToList();
            string folder = storeDir ?? Path.Combine(Path.GetTempPath(), "sc-archive-scale-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(folder);
            try
            {
                string path = Path.Combine(folder, storeDir is null ? "archive.db" : $"archive-{n}.db");
                bool reused = storeDir is not null && File.Exists(path);
                watch.Restart();
                if (!reused)
                {
                    using var store = SourceCheckStore.Open(path);
                    foreach (string id in corpus)
                    {
                        store.Ingest(new DocumentInput(id + ".txt", textOf[id]), null, claimsOf[id]);
                    }
                }

                long ingestMs = watch.ElapsedMilliseconds;
                // new articles (probes), each already in the store (its stored copy is excluded by content): the four
                // articles of every dev story, a fixed sample of real pages (every 10th page of webmeta.json that has a
                // claim) and four derived articles. A stored match is scored twice: by provenance (see the summary) and by
                // document (the stored article's story against the probe's: same story, related-topic set, or a
                // different story = a false link at archive size).
                var storyProbes = stories.SelectMany(s => s.ArticleIds).ToList();
                var realProbes = pages.Where(p => claimsOf[p.Id].Count > 0).Where((_, k) => k % 10 == 0).Select(p => p.Id).ToList();
                var derivedProbes = derived.Where((_, k) => k % 97 == 0).Take(4).ToList();
                var probes = storyProbes.Concat(realProbes).Concat(derivedProbes).ToList();
                // each stage's time: from one progress message of the check to the next (digits folded, medians over the probes)
                var stages = new StageClock();
                var checker = new Checker(new CheckerOptions { OpenStore = () => StoreLocation.Open(path), Progress = stages });
                var times = new List<double>();
                int storeTrue = 0, storeFalse = 0, storeRelated = 0, storeUnknown = 0, compared = 0;
                var byKind = new Dictionary<string, int[]>(StringComparer.Ordinal) { ["story"] = new int[4], ["real"] = new int[4], ["derived"] = new int[4] };
                var storyOut = stories.ToDictionary(s => s.Name, _ => 0, StringComparer.Ordinal);
                var storyPredicted = stories.ToDictionary(s => s.Name, _ => new Dictionary<(string, string), string>(), StringComparer.Ordinal);
                foreach (string probe in probes)
                {
                    var sw = Stopwatch.StartNew();
                    stages.Start();
                    var report = checker.Check([new CheckInput(probe + ".txt", textOf[probe])]);
                    times.Add(sw.Elapsed.TotalMilliseconds);
                    stages.Stop();
                    compared += report.Store?.ComparedDocuments.Length ?? 0;
                    string kind = storyProbes.Contains(probe) ? "story" : realProbes.Contains(probe) ? "real" : "derived";
                    foreach (var l in report.Links.Where(report.IsStoreMatch))
                    {
                        // by document: [0] links, [1] same story, [2] related-topic (not scored), [3] different story
                        var (own, stored) = report.StoredDocument(l.A.DocumentId) is null ? (l.A, l.B) : (l.B, l.A);
                        string? storedId = report.StoredDocument(stored.DocumentId)?.Source is { } src && src.EndsWith(".txt", StringComparison.Ordinal) ? src[..^4] : null;
                        var counts = byKind[kind];
                        counts[0]++;
                        if (storedId is null || !storyOf.TryGetValue(storedId, out var storedStory))
                        {
                            counts[2]++;
                        }
                        else if (storedStory == storyOf[probe])
                        {
                            counts[1]++;
                            if (kind == "story")
                            {
                                var s = stories.First(x => x.Name == storedStory);
                                string? ga = MatchBench.GoldId(s.GoldClaims, own with { DocumentId = probe }), gb = MatchBench.GoldId(s.GoldClaims, stored with { DocumentId = storedId });
                                storyPredicted[s.Name].TryAdd(MatchBench.Key(ga ?? "?" + own.Id, gb ?? "?" + storedId + stored.Span.Start), l.Type.ToName());
                            }
                        }
                        else if (RelatedPages(probe, storedId))
                        {
                            counts[2]++;
                        }
                        else
                        {
                            counts[3]++;
                            if (kind == "story")
                            {
                                storyOut[storyOf[probe]]++;
                            }

                            if (Environment.GetEnvironmentVariable("ARCHIVE_VERBOSE") == "1")
                            {
                                Console.WriteLine($"  OTHER-STORY {l.Type.ToName()} {l.Score.ToString("F3", CultureInfo.InvariantCulture)} {probe} ~ {storedId} | {own.Text} || {stored.Text}");
                            }
                        }

                        if (!storiesOfText.TryGetValue(l.A.Text, out var sa) || !storiesOfText.TryGetValue(l.B.Text, out var sb))
                        {
                            storeUnknown++;
                        }
                        else if (sa.Overlaps(sb))
                        {
                            storeTrue++;
                        }
                        else if (pagesOfText[l.A.Text].Any(x => pagesOfText[l.B.Text].Any(y => RelatedPages(x, y))))
                        {
                            storeRelated++;
                        }
                        else
                        {
                            storeFalse++;
                            if (Environment.GetEnvironmentVariable("ARCHIVE_VERBOSE") == "1")
                            {
                                Console.WriteLine($"  STORE-FALSE {l.Type.ToName()} {l.Score.ToString("F3", CultureInfo.InvariantCulture)} | {l.A.Text} || {l.B.Text}");
                            }
                        }
                    }
                }

                var sorted = times.Order().ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"== store of {corpus.Count} articles ({corpus.Sum(d => claimsOf[d].Count)} claims) {(reused ? "reused" : $"ingested in {ingestMs / 1000.0:F1} s")} ({new FileInfo(path).Length / (1024.0 * 1024):F0} MiB), load average {LoadAverage()}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  check of one new article ({probes.Count} probes: {storyProbes.Count} story articles, {realProbes.Count} real pages, {derivedProbes.Count} derived), ms: median {sorted[sorted.Count / 2]:F0}, 90th percentile {sorted[(int)(sorted.Count * 0.9)]:F0}, max {sorted[^1]:F0} [target < 2000]; {compared / probes.Count} stored documents compared per check"));
                Console.WriteLine("  stages (median ms over the probes, from each progress message to the next):");
                foreach (var (stage, ms) in stages.Medians())
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {ms,8:F0}  {stage}"));
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  stored matches by provenance: {storeTrue} true, {storeFalse} false, {storeRelated} related-topic (not scored), {storeUnknown} unknown: precision {MatchBench.Div(storeTrue, storeTrue + storeFalse):F3}"));
                foreach (var (kind, c) in byKind)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  precision at {corpus.Count} articles, {kind} probes (by document: a link to a stored article of another story is false): {c[0]} stored matches, {c[1]} same story, {c[3]} to other stories, {c[2]} related-topic (not scored): precision {1 - MatchBench.Div(c[3], c[1] + c[3]):F3}"));
                }

                foreach (var s in stories)
                {
                    var predicted = storyPredicted[s.Name];
                    int det = predicted.Keys.Count(s.GoldLinks.ContainsKey);
                    int typed = predicted.Count(p => s.GoldLinks.TryGetValue(p.Key, out var t) && t == p.Value);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  story {s.Name} checked against the store: detection F1={MatchBench.F1(det, predicted.Count, s.GoldLinks.Count):F3} typed F1={MatchBench.F1(typed, predicted.Count, s.GoldLinks.Count):F3}; links to other stories' articles {storyOut[s.Name]}"));
                }
            }
            finally
            {
                if (storeDir is null)
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
    }

    /// <summary>The 1-minute load average (Linux), or "?" elsewhere.</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
        catch (UnauthorizedAccessException)
        {
            return "?";
        }
    }

    /// <summary>Times the stages of checks: each progress message starts a stage that ends at the next message (or at
    /// <see cref="Stop"/>); stages are named by their message with each number folded to '#'. Reports synchronously.</summary>
    private sealed class StageClock : IProgress<string>
    {
        private readonly Dictionary<string, List<double>> _times = new(StringComparer.Ordinal);
        private readonly List<string> _order = [];
        private readonly Stopwatch _watch = new();
        private string _stage = "start";

        public void Start()
        {
            _stage = "start";
            _watch.Restart();
        }

        public void Report(string value)
        {
            Close();
            var folded = new StringBuilder(value.Length);
            foreach (char c in value)
            {
                if (!char.IsAsciiDigit(c))
                {
                    folded.Append(c);
                }
                else if (folded.Length == 0 || folded[^1] != '#')
                {
                    folded.Append('#');
                }
            }

            _stage = folded.ToString();
            if (_stage.StartsWith("reading ", StringComparison.Ordinal))
            {
                _stage = "reading + extracting the article";
            }
        }

        public void Stop() => Close();

        public IEnumerable<(string Stage, double Ms)> Medians() =>
            _order.Select(s => (s, _times[s].Order().ElementAt(_times[s].Count / 2)));

        private void Close()
        {
            double ms = _watch.Elapsed.TotalMilliseconds;
            _watch.Restart();
            if (!_times.TryGetValue(_stage, out var list))
            {
                _times[_stage] = list = [];
                _order.Add(_stage);
            }

            list.Add(ms);
        }
    }

    /// <summary>A synthetic name for pool entry <paramref name="i"/>: syllables from its digits (unique per entry).</summary>
    private static string Synthetic(int i)
    {
        string[] syllables = ["ka", "ve", "ro", "mi", "tan", "dor", "lu", "sen", "bra", "qui", "zel", "fo", "gar", "nis", "pel", "tho", "vur", "yan", "ost", "lem"];
        var sb = new StringBuilder();
        int x = i + 400;
        do
        {
            sb.Append(syllables[x % syllables.Length]);
            x /= syllables.Length;
        }
        while (x > 0);
        return char.ToUpperInvariant(sb[0]) + sb.ToString(1, sb.Length - 1);
    }
}
