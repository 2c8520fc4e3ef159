using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SourceCheck.Csl;
using SourceCheck.References;

namespace SourceCheck.Bench;

/// <summary>Scores parsed references against the hand labels of <c>fixtures/realrefs/</c> (real reference lists,
/// BibTeX and RIS exports nobody on the team wrote). Shared by the bench section <c>realrefs</c> and the tests
/// (linked source). A labelled field is right when the parsed value matches after NFKC, case folding and
/// punctuation → space (names: same number, family names pairwise; dates: the same YYYY[-MM[-DD]]; DOIs from
/// "10." on; URLs without scheme/"www."); a scored field the parser filled where the label has none counts as wrong.</summary>
public static class RealRefsScore
{
    public sealed class Tally
    {
        public int Right { get; set; }
        public int Gold { get; set; }
        public int Extra { get; set; }
        public List<string> Misses { get; } = [];

        /// <summary>Right / (labelled fields + fields filled without a label).</summary>
        public double Accuracy => Gold + Extra == 0 ? 1 : (double)Right / (Gold + Extra);

        public void Add(Tally o)
        {
            Right += o.Right;
            Gold += o.Gold;
            Extra += o.Extra;
            Misses.AddRange(o.Misses);
        }
    }

    /// <summary>Variables whose presence without a label counts as an error.</summary>
    private static readonly string[] Scored = ["author", "editor", "title", "container-title", "issued", "accessed", "volume", "issue", "page",
        "publisher", "publisher-place", "DOI", "URL", "collection-title", "collection-number"];

    public static Tally ScoreItem(CslItem? item, JsonObject gold, string label)
    {
        var t = new Tally();
        foreach (var (key, node) in gold)
        {
            if (key is "type" or "start" || node is null)
            {
                continue;
            }

            t.Gold++;
            string? got = item is null ? null : Value(item, key);
            if (got is not null && Same(key, node, item!))
            {
                t.Right++;
            }
            else
            {
                t.Misses.Add($"{label} {key}: want '{(node is JsonArray a ? string.Join("; ", a.Select(x => x!.GetValue<string>())) : node.GetValue<string>())}' got '{got}'");
            }
        }

        if (item is not null)
        {
            foreach (var key in Scored)
            {
                if (!gold.ContainsKey(key) && Value(item, key) is { Length: > 0 } extra && !(key == "URL" && IsDoiLinkOf(extra, gold)))
                {
                    t.Extra++;
                    t.Misses.Add($"{label} {key}: want nothing got '{extra}'");
                }
            }
        }

        return t;
    }

    /// <summary>The parsed value as text (names joined with "; ", dates as YYYY-MM-DD), or null.</summary>
    public static string? Value(CslItem item, string key)
    {
        if (key is "author" or "editor")
        {
            var names = item.GetNames(key);
            return names.Count == 0 ? null : string.Join("; ", names.Select(n => n.Literal ?? n.Family ?? string.Empty));
        }

        if (key is "issued" or "accessed")
        {
            var d = item.GetDate(key);
            return d?.Start is { } p ? DateKey(p) : d?.Literal;
        }

        return item.GetString(key) is { Length: > 0 } s ? s : null;
    }

    private static string DateKey(DateParts p) =>
        p.Year.ToString("D4", CultureInfo.InvariantCulture) + (p.Month is { } m ? "-" + m.ToString("D2", CultureInfo.InvariantCulture) : "")
        + (p.Month is not null && p.Day is { } d ? "-" + d.ToString("D2", CultureInfo.InvariantCulture) : "");

    private static bool Same(string key, JsonNode gold, CslItem item)
    {
        if (key is "author" or "editor")
        {
            var names = item.GetNames(key);
            var want = ((JsonArray)gold).Select(x => x!.GetValue<string>()).ToList();
            return names.Count == want.Count && names.Zip(want).All(p => Norm(p.First.Literal ?? p.First.Family ?? "") == Norm(p.Second)
                || (p.First.Literal is null && Norm((p.First.NonDroppingParticle + " " + p.First.Family).Trim()) == Norm(p.Second)));
        }

        string w = gold.GetValue<string>();
        string g = Value(item, key) ?? string.Empty;
        return key switch
        {
            "DOI" => string.Equals(Doi(g), Doi(w), StringComparison.OrdinalIgnoreCase),
            "URL" => Url(g) == Url(w),
            "issued" or "accessed" => g == w,
            _ => Norm(StripMarkup(g)) == Norm(w),
        };
    }

    /// <summary>One rule for doi.org links (issue 14): the parser keeps a doi.org link the text prints as URL and its DOI as
    /// DOI; the labels give such a link as DOI only. A URL that is the doi.org form of the labelled DOI carries no
    /// other information, so it is not counted as a field filled without a label.</summary>
    private static bool IsDoiLinkOf(string url, JsonObject gold)
    {
        if (gold["DOI"] is not JsonValue d)
        {
            return false;
        }

        string u = Url(url);
        foreach (var host in (string[])["doi.org/", "dx.doi.org/"])
        {
            if (u.StartsWith(host, StringComparison.Ordinal))
            {
                return string.Equals(Uri.UnescapeDataString(u[host.Length..]).TrimEnd('.'), Doi(d.GetValue<string>()), StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }

    private static string Doi(string s) => s.IndexOf("10.", StringComparison.Ordinal) is int i and >= 0 ? s[i..].Trim() : s.Trim();

    private static string Url(string s)
    {
        s = s.Trim().TrimEnd('/');
        foreach (var p in (string[])["https://", "http://"])
        {
            if (s.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            {
                s = s[p.Length..];
            }
        }

        return (s.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? s[4..] : s).ToLowerInvariant();
    }

    private static string StripMarkup(string s) => Regex.Replace(s, "<[^>]{1,60}>", string.Empty, RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>NFKC, case folded, every punctuation/symbol → space, spaces collapsed.</summary>
    public static string Norm(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s.Normalize(NormalizationForm.FormKC).ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(c);
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return sb.ToString();
    }

    /// <summary>BibTeX/RIS: items matched by id (BibTeX keys) or by position (RIS, "order"); keys of one split.</summary>
    public static Tally ScoreStructured(IReadOnlyList<CslItem> items, JsonObject labels, string split, bool byOrder)
    {
        var all = new Tally();
        var golds = (JsonObject)labels["items"]!;
        var keys = ((JsonArray)labels["split"]![split]!).Select(x => x!.GetValue<string>()).ToList();
        var order = byOrder ? ((JsonArray)labels["order"]!).Select(x => x!.GetValue<string>()).ToList() : null;
        foreach (var key in keys)
        {
            CslItem? item = byOrder
                ? (order!.IndexOf(key) is int i and >= 0 && i < items.Count ? items[i] : null)
                : items.FirstOrDefault(x => x.Id == key || x.GetString("citation-key") == key);
            all.Add(ScoreItem(item, (JsonObject)golds[key]!, key));
        }

        return all;
    }

    /// <summary>Agreement of two readings of the same entries on the labelled fields: share of labelled fields where
    /// both give the same (normalised) value.</summary>
    public static (int Same, int Total) Agreement(IReadOnlyList<CslItem> a, IReadOnlyList<CslItem> b, JsonObject labels, IEnumerable<string> keys)
    {
        int same = 0;
        int total = 0;
        var golds = (JsonObject)labels["items"]!;
        foreach (var key in keys)
        {
            var x = a.FirstOrDefault(i => i.Id == key);
            var y = b.FirstOrDefault(i => i.Id == key);
            foreach (var (field, _) in (JsonObject)golds[key]!)
            {
                if (field is "type" or "start")
                {
                    continue;
                }

                total++;
                string vx = x is null ? string.Empty : Norm(StripMarkup(Value(x, field) ?? string.Empty));
                string vy = y is null ? string.Empty : Norm(StripMarkup(Value(y, field) ?? string.Empty));
                same += vx == vy ? 1 : 0;
            }
        }

        return (same, total);
    }

    public sealed record ListResult(string File, bool SplitRight, bool Error, int Expected, int Found, Tally Fields);

    /// <summary>One real text list: read as `sourcecheck parse` does (format sniffed), split compared with the labelled
    /// entry starts, fields scored entry by entry in order.</summary>
    public static ListResult ScoreTextList(string file, string text, JsonObject list)
    {
        var entries = ((JsonArray)list["entries"]!).Select(e => (JsonObject)e!).ToList();
        var read = ReferenceReader.Read(text, InputFormat.Auto, file);
        var format = ReferenceReader.Detect(text, file);
        var blocks = format == InputFormat.Html ? HtmlBibliographyDetector.Detect(text) : BibliographyDetector.Detect(text);
        var found = blocks.SelectMany(b => b.Entries).Select(e => e.Text).Where(t => !BibliographyDetector.IsBackReference(t)).ToList(); // the reader parses no reference from "Ibid." notes
        bool split = found.Count == entries.Count && found.Zip(entries).All(p =>
            Norm(Unlabel(p.First)).StartsWith(Norm(Unlabel(p.Second["start"]!.GetValue<string>())), StringComparison.Ordinal));
        var fields = new Tally();
        for (int i = 0; i < entries.Count; i++)
        {
            var item = split && i < read.Items.Count ? read.Items[i] : FindByStart(read.Items, found, entries[i]);
            fields.Add(ScoreItem(item, entries[i], $"{Path.GetFileName(file)}#{i + 1}"));
        }

        return new ListResult(file, split, read.HasErrors, entries.Count, found.Count, fields);
    }

    private static CslItem? FindByStart(IReadOnlyList<CslItem> items, List<string> found, JsonObject gold)
    {
        string start = Norm(Unlabel(gold["start"]!.GetValue<string>()));
        for (int i = 0; i < found.Count && i < items.Count; i++)
        {
            if (Norm(Unlabel(found[i])).StartsWith(start, StringComparison.Ordinal))
            {
                return items[i];
            }
        }

        return null;
    }

    private static string Unlabel(string s) =>
        Regex.Replace(s, @"^\s*(?:\[[^\]]{1,20}\]:?|\(?\d{1,4}[.)]|\d{1,3}(?=\s)|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})?\s*(?:\^\s*(?:[a-z]\s+)*)?", string.Empty, RegexOptions.None, TimeSpan.FromSeconds(1));
}
