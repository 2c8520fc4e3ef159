using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using SourceCheck.Documents;
using SourceCheck.Documents.Web;

namespace SourceCheck.Claims;

/// <summary>One hand-annotated quote of the attribution gold: a short verbatim anchor, direct/indirect and the
/// speaker the article names (null: the article does not say who).</summary>
public sealed record GoldQuote(string Anchor, string Kind, string? Speaker, ImmutableArray<string> Aliases);

/// <summary>One article of the attribution gold (<c>fixtures/attribution/gold.jsonl</c>): a webmeta page by id and
/// file, its quotes and the page-furniture lines that must not become claims.</summary>
public sealed record GoldArticle(string Id, string Language, string Split, string File, ImmutableArray<GoldQuote> Quotes,
    ImmutableArray<(string Text, string Kind)> Furniture)
{
    /// <summary>The annotation round the page came from ("dev-s5", "val-s5", "val-s6", "val-s7", "val-s8").</summary>
    public string Origin { get; init; } = "";
}

/// <summary>What happened to one gold quote: found as a claim or not, the predicted speaker, and whether it is right.</summary>
public sealed record QuoteOutcome(GoldArticle Article, GoldQuote Quote, Claim? Claim, bool SpeakerRight, bool FalseSpeaker);

/// <summary>Scores of the extractor against the attribution gold. Speaker accuracy is over quotes with a named gold
/// speaker (a quote not found, or found without a speaker, is wrong: "unknown"); a false speaker is a wrong
/// named one. Claims found is over all quotes. Furniture kept out is over the furniture lines.</summary>
public sealed record AttributionScore(
    int Quotes, int Found, int Named, int SpeakerRight, int FalseSpeaker, int Unknown,
    int NamedDe, int RightDe, int NamedEn, int RightEn,
    int Furniture, int FurnitureKeptOut, int Articles, int Claims, ImmutableArray<QuoteOutcome> Outcomes,
    ImmutableArray<(GoldArticle Article, string Text, Claim Claim)> FurnitureLeaks)
{
    public static double Rate(int a, int b) => b == 0 ? 0 : (double)a / b;

    /// <summary>Quotes whose gold names nobody (an unnamed source, a shout, "critics") that the extractor gave a name anyway:
    /// not part of speaker accuracy (it is over named quotes), so counted apart.</summary>
    public int NamedWhereGoldUnnamed => Outcomes.Count(o => o.Quote.Speaker is null && o.Claim?.Speaker is not null);

    /// <summary>Quotes whose gold names nobody.</summary>
    public int Unnamed => Outcomes.Count(o => o.Quote.Speaker is null);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"articles {Articles}, quotes {Quotes} ({Named} with a named speaker), claims extracted {Claims}\n" +
        $"speaker accuracy {Rate(SpeakerRight, Named):P1} ({SpeakerRight}/{Named}); German {Rate(RightDe, NamedDe):P1} ({RightDe}/{NamedDe}); English {Rate(RightEn, NamedEn):P1} ({RightEn}/{NamedEn})\n" +
        $"  wrong: false speaker {FalseSpeaker}, unknown {Unknown}; a name where the gold has none {NamedWhereGoldUnnamed} (of {Unnamed} unnamed quotes)\n" +
        $"furniture kept out {Rate(FurnitureKeptOut, Furniture):P1} ({FurnitureKeptOut}/{Furniture})\n" +
        $"claims found {Rate(Found, Quotes):P1} ({Found}/{Quotes})");
}

/// <summary>Reads the attribution gold, runs the page reader + claim extractor on the webmeta pages it names and
/// scores speakers, furniture and claims found (used by the bench section "attribution" and its test).</summary>
public static class AttributionEvaluation
{
    public static IReadOnlyList<GoldArticle> ReadGold(string jsonl)
    {
        ArgumentNullException.ThrowIfNull(jsonl);
        var list = new List<GoldArticle>();
        foreach (string line in jsonl.Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            var quotes = r.GetProperty("quotes").EnumerateArray().Select(q => new GoldQuote(
                q.GetProperty("anchor").GetString()!, q.GetProperty("kind").GetString()!,
                q.GetProperty("speaker").ValueKind == JsonValueKind.String ? q.GetProperty("speaker").GetString() : null,
                [.. q.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!)])).ToImmutableArray();
            var furniture = r.GetProperty("furniture").EnumerateArray()
                .Select(f => (f.GetProperty("text").GetString()!, f.GetProperty("kind").GetString()!)).ToImmutableArray();
            list.Add(new GoldArticle(r.GetProperty("id").GetString()!, r.GetProperty("lang").GetString()!, r.GetProperty("split").GetString()!,
                r.GetProperty("file").GetString()!, quotes, furniture)
            {
                Origin = r.TryGetProperty("origin", out var o) ? o.GetString() ?? "" : "",
            });
        }

        return list;
    }

    /// <summary>Reads a gzip-compressed saved page as the commands read an HTML file.</summary>
    public static Article ReadPage(string webmetaDir, GoldArticle gold)
    {
        ArgumentNullException.ThrowIfNull(gold);
        using var gz = new GZipStream(File.OpenRead(Path.Combine(webmetaDir, gold.File)), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        var page = PageReader.Read(ms.ToArray());
        return ArticleReader.FromPage(page, gold.Id).Article;
    }

    public static AttributionScore Score(IReadOnlyList<(GoldArticle Gold, IReadOnlyList<Claim> Claims)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var outcomes = new List<QuoteOutcome>();
        var leaks = new List<(GoldArticle, string, Claim)>();
        int furniture = 0, keptOut = 0, claimCount = 0;
        foreach (var (gold, claims) in runs)
        {
            claimCount += claims.Count;
            var normClaims = claims.Select(c => (Claim: c, Text: Norm(c.Text))).ToList();
            foreach (var q in gold.Quotes)
            {
                var claim = FindClaim(normClaims, q.Anchor);
                bool right = claim?.Speaker is { } s && q.Speaker is not null && SpeakerMatches(s, [q.Speaker, .. q.Aliases]);
                bool falseSpeaker = q.Speaker is not null && claim?.Speaker is not null && !right;
                outcomes.Add(new QuoteOutcome(gold, q, claim, right, falseSpeaker));
            }

            foreach (var (text, _) in gold.Furniture)
            {
                furniture++;
                string n = Norm(text);
                string probe = n.Length > 40 ? n[..40] : n;
                var leak = normClaims.FirstOrDefault(c => c.Text.Contains(probe, StringComparison.Ordinal));
                if (leak.Claim is null)
                {
                    keptOut++;
                }
                else
                {
                    leaks.Add((gold, text, leak.Claim));
                }
            }
        }

        var named = outcomes.Where(o => o.Quote.Speaker is not null).ToList();
        return new AttributionScore(
            outcomes.Count, outcomes.Count(o => o.Claim is not null), named.Count, named.Count(o => o.SpeakerRight), named.Count(o => o.FalseSpeaker),
            named.Count(o => !o.SpeakerRight && !o.FalseSpeaker),
            named.Count(o => o.Article.Language == "de"), named.Count(o => o.Article.Language == "de" && o.SpeakerRight),
            named.Count(o => o.Article.Language == "en"), named.Count(o => o.Article.Language == "en" && o.SpeakerRight),
            furniture, keptOut, runs.Count, claimCount, [.. outcomes], [.. leaks]);
    }

    /// <summary>Per sentence class that named the speaker (<see cref="ClaimExtractor.SpeakerRule"/>), per language and per
    /// group of pages: quotes with a named gold speaker that the class answered (right / false named), and quotes whose gold
    /// has no named speaker that the class gave a name anyway. Precision = right / answered.</summary>
    public static string RuleTable(AttributionScore score, IReadOnlyDictionary<Claim, string> ruleOf, Func<GoldArticle, string> group)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(ruleOf);
        ArgumentNullException.ThrowIfNull(group);
        var rows = score.Outcomes.Where(o => o.Claim?.Speaker is not null)
            .GroupBy(o => (Rule: ruleOf.TryGetValue(o.Claim!, out var r) ? r : "?", Group: group(o.Article), Lang: o.Article.Language))
            .OrderBy(g => g.Key.Rule, StringComparer.Ordinal).ThenBy(g => g.Key.Group, StringComparer.Ordinal).ThenBy(g => g.Key.Lang, StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.AppendLine("class                 pages       lang  answered  right  false  precision  named-but-gold-unnamed");
        foreach (var g in rows)
        {
            int named = g.Count(o => o.Quote.Speaker is not null);
            int right = g.Count(o => o.SpeakerRight);
            int wrong = g.Count(o => o.FalseSpeaker);
            int extra = g.Count(o => o.Quote.Speaker is null);
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{g.Key.Rule,-21} {g.Key.Group,-11} {g.Key.Lang,-5} {named,8}  {right,5}  {wrong,5}  {Rate(right, named),9:P0}  {extra,5}"));
        }

        return sb.ToString();
    }

    private static double Rate(int a, int b) => AttributionScore.Rate(a, b);

    /// <summary>The claim holding the anchor; an anchor that runs over a sentence end is found by its first
    /// sentence when that has at least 12 characters.</summary>
    private static Claim? FindClaim(List<(Claim Claim, string Text)> claims, string anchor)
    {
        string a = Norm(anchor);
        foreach (var (claim, text) in claims)
        {
            if (text.Contains(a, StringComparison.Ordinal))
            {
                return claim;
            }
        }

        int stop = a.IndexOfAny(['.', '?', '!']);
        if (stop >= 12 && stop < a.Length - 1)
        {
            string first = a[..(stop + 1)];
            return claims.FirstOrDefault(c => c.Text.Contains(first, StringComparison.Ordinal)).Claim;
        }

        return null;
    }

    /// <summary>A predicted speaker is right when its name tokens contain the gold name's tokens, or are part of
    /// them and include the gold name's last token ("Kauert" for "Steffen Kauert", "Office" alone is not enough
    /// unless it is the head of the gold name).</summary>
    public static bool SpeakerMatches(string predicted, IEnumerable<string> gold)
    {
        ArgumentNullException.ThrowIfNull(gold);
        var p = Tokens(predicted);
        if (p.Count == 0)
        {
            return false;
        }

        foreach (string g in gold)
        {
            var t = Tokens(g);
            if (t.Count == 0)
            {
                continue;
            }

            if (t.All(p.Contains) || (p.All(t.Contains) && p.Contains(t[^1])))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly HashSet<string> Filler = ["the", "der", "die", "das", "des", "of", "for", "jr"];

    private static List<string> Tokens(string name) =>
        [.. SourceCheck.Text.TextFolding.Key(Norm(name).Replace("'s ", " ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !Filler.Contains(t))];

    /// <summary>Text compared by the scorer: NFKC, typographic quotes and apostrophes folded, invisible characters
    /// dropped, spaces collapsed.</summary>
    public static string Norm(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text.Normalize(NormalizationForm.FormKC))
        {
            char d = c switch
            {
                '“' or '”' or '„' or '«' or '»' or '‟' => '"',
                '‘' or '’' or '‚' or '‹' or '›' or '`' => '\'',
                _ => c,
            };
            if (d is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\uFEFF')
            {
                continue;
            }

            if (char.IsWhiteSpace(d))
            {
                space = true;
                continue;
            }

            if (space && sb.Length > 0)
            {
                sb.Append(' ');
            }

            space = false;
            sb.Append(d);
        }

        return sb.ToString();
    }
}
