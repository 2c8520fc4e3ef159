using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.Text;

namespace SourceCheck.References.Ris;

/// <summary>CSL items → RIS. Types and variables are mapped back (see <see cref="RisReader"/>); tags kept in
/// <c>custom.ris</c> are written back as they were. RIS has no place for arbitrary data: every CSL variable or
/// custom value without a RIS tag is reported as SC1040 FieldNotRepresentable (warning, with the item number).</summary>
internal static class RisWriter
{
    private static readonly Dictionary<string, string> Reverse = BuildReverse();

    private static Dictionary<string, string> BuildReverse()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (tag, variable) in RisReader.TagMap)
        {
            if (tag is "N2" or "JA")
            {
                continue;
            }

            map.TryAdd(variable, tag);
        }

        return map;
    }

    public static string TypeFor(string cslType) => cslType switch
    {
        "article-journal" => "JOUR",
        "article" => "ABST",
        "article-newspaper" => "NEWS",
        "article-magazine" => "MGZN",
        "post-weblog" => "BLOG",
        "webpage" or "post" => "ELEC",
        "book" or "collection" => "BOOK",
        "chapter" => "CHAP",
        "report" => "RPRT",
        "thesis" => "THES",
        "paper-conference" => "CPAPER",
        "dataset" => "DATA",
        "software" => "COMP",
        "patent" => "PAT",
        "map" => "MAP",
        "motion_picture" => "MPCT",
        "song" => "SOUND",
        "musical_score" => "MUSIC",
        "legal_case" => "CASE",
        "bill" => "BILL",
        "legislation" => "STAT",
        "hearing" => "HEAR",
        "personal_communication" => "PCOMM",
        "manuscript" => "MANSCPT",
        "pamphlet" => "PAMP",
        "entry-encyclopedia" => "ENCYC",
        "entry-dictionary" => "DICT",
        "periodical" => "SER",
        "standard" => "STAND",
        "graphic" => "ART",
        "figure" => "FIGURE",
        "classic" => "CLSWK",
        "broadcast" => "ADVS",
        "interview" => "INTV",
        _ => "GEN",
    };

    public static string Write(IEnumerable<CslItem> items, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var sb = new StringBuilder();
        int n = 0;
        foreach (var item in items)
        {
            n++;
            WriteRecord(sb, item, n, diagnostics);
        }

        return sb.ToString();
    }

    /// <summary>"ris-3": an id the reader made up for a record without ID (not written back).</summary>
    private static bool IsGeneratedId(string id) =>
        id.StartsWith("ris-", StringComparison.Ordinal) && id.Length > 4 && id.AsSpan(4).IndexOfAnyExceptInRange('0', '9') < 0;

    private static string? CustomString(JsonObject? custom, string key) =>
        custom?[key] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    private static void WriteRecord(StringBuilder sb, CslItem item, int number, List<Diagnostic> diagnostics)
    {
        var custom = item.GetExtra("custom") as JsonObject;
        var raw = custom?[RisReader.CustomTags] as JsonObject;
        string ty = CustomString(custom, RisReader.CustomType) ?? TypeFor(item.Type);
        Tag(sb, "TY", ty);
        if (!IsGeneratedId(item.Id))
        {
            Tag(sb, "ID", item.Id);
        }

        if (RisReader.TypeMap.GetValueOrDefault(ty, "document") != item.Type)
        {
            Unrepresentable(diagnostics, item, number, $"type '{item.Type}' (written as {ty})");
        }

        foreach (var key in item.Keys)
        {
            object? value = item.GetRaw(key);
            switch (value)
            {
                case IReadOnlyList<CslName> names:
                {
                    string? tag = key switch
                    {
                        "author" => CustomString(custom, "ris-author-tag") ?? "AU",
                        "editor" => CustomString(custom, "ris-editor-tag") ?? "A2",
                        "collection-editor" => "A3",
                        "translator" => "A4",
                        _ => null,
                    };
                    if (tag is null)
                    {
                        Unrepresentable(diagnostics, item, number, key);
                        break;
                    }

                    foreach (var name in names)
                    {
                        Tag(sb, tag, FormatName(name));
                    }

                    break;
                }

                case CslDate date when key == "issued":
                    if (custom?["ris-date-only"] is not null)
                    {
                        Tag(sb, "DA", DateText(date));
                    }
                    else if (date.Parts.IsDefaultOrEmpty)
                    {
                        Tag(sb, CustomString(custom, RisReader.CustomYearTag) ?? "PY", date.Literal ?? date.Raw ?? string.Empty);
                    }
                    else
                    {
                        Tag(sb, CustomString(custom, RisReader.CustomYearTag) ?? "PY", date.Parts[0].Year.ToString("D4", CultureInfo.InvariantCulture));
                        if (date.Parts[0].Month is not null || date.Season is not null)
                        {
                            Tag(sb, "DA", DateText(date));
                        }
                    }

                    break;
                case CslDate date when key == "accessed":
                    Tag(sb, "Y2", DateText(date));
                    break;
                case CslDate:
                    Unrepresentable(diagnostics, item, number, key);
                    break;
                case string s:
                    WriteString(sb, item, custom, key, s, number, diagnostics);
                    break;
                case JsonNode node when key == "custom":
                    foreach (var (ck, cv) in (JsonObject)node)
                    {
                        if (ck.StartsWith("ris", StringComparison.Ordinal) || ck.StartsWith("bibtex-", StringComparison.Ordinal))
                        {
                            continue; // format hints, not data
                        }

                        if (ck == "bibtex" && cv is JsonObject fields)
                        {
                            foreach (var (field, _) in fields)
                            {
                                Unrepresentable(diagnostics, item, number, $"BibTeX field '{field}'");
                            }

                            continue;
                        }

                        Unrepresentable(diagnostics, item, number, "custom." + ck);
                    }

                    break;
                default:
                    Unrepresentable(diagnostics, item, number, key);
                    break;
            }
        }

        if (raw is not null)
        {
            foreach (var (tag, node) in raw)
            {
                foreach (var v in node as JsonArray ?? [])
                {
                    if (v is JsonValue jv && jv.TryGetValue(out string? s))
                    {
                        Tag(sb, tag, s);
                    }
                }
            }
        }

        sb.Append("ER  - \n\n");
    }

    private static void WriteString(StringBuilder sb, CslItem item, JsonObject? custom, string key, string s, int number, List<Diagnostic> diagnostics)
    {
        switch (key)
        {
            case "title":
                Tag(sb, CustomString(custom, "ris-title-tag") ?? "TI", s);
                return;
            case "container-title":
                Tag(sb, CustomString(custom, "ris-container-tag") ?? "T2", s);
                return;
            case "page":
            {
                int dash = s.IndexOfAny(['–', '-', '—']);
                if (dash > 0)
                {
                    Tag(sb, "SP", s[..dash].Trim());
                    Tag(sb, "EP", s[(dash + 1)..].TrimStart('-', '–').Trim());
                }
                else
                {
                    Tag(sb, "SP", s);
                }

                return;
            }

            case "URL":
                Tag(sb, "UR", s);
                return;
            case "keyword":
                foreach (var k in s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    Tag(sb, "KW", k);
                }

                return;
            case "ISSN" or "ISBN":
                Tag(sb, "SN", s);
                return;
            case "abstract":
                Tag(sb, CustomString(custom, "ris-abstract-tag") ?? "AB", s);
                return;
            case "container-title-short":
                Tag(sb, CustomString(custom, "ris-container-title-short-tag") ?? "J2", s);
                return;
            case "collection-title":
                Tag(sb, CustomString(custom, "ris-collection-title-tag") ?? "T3", s);
                return;
        }

        if (Reverse.TryGetValue(key, out string? tag))
        {
            Tag(sb, tag, s);
            return;
        }

        Unrepresentable(diagnostics, item, number, key);
    }

    private static void Unrepresentable(List<Diagnostic> diagnostics, CslItem item, int number, string what) =>
        diagnostics.Add(new Diagnostic(DiagnosticCodes.FieldNotRepresentable, Severity.Warning, TextSpan.Empty,
            $"item {number} ({item.Id}): {what} has no RIS tag; not written"));

    private static void Tag(StringBuilder sb, string tag, string value)
    {
        string v = StripMarkup(value).Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
        sb.Append(tag).Append("  - ").Append(v).Append('\n');
    }

    /// <summary>RIS is plain text: CSL rich-text markup (&lt;i&gt;, &lt;span class="nocase"&gt;, …) is dropped.</summary>
    internal static string StripMarkup(string value)
    {
        if (value.IndexOf('<', StringComparison.Ordinal) < 0)
        {
            return value;
        }

        string[] tags = ["<i>", "</i>", "<b>", "</b>", "<sup>", "</sup>", "<sub>", "</sub>", "<span class=\"nocase\">", "<span style=\"font-variant:small-caps;\">", "</span>"];
        foreach (var t in tags)
        {
            value = value.Replace(t, string.Empty, StringComparison.Ordinal);
        }

        return value;
    }

    internal static string FormatName(CslName n)
    {
        if (n.Literal is not null)
        {
            return n.Literal;
        }

        string family = string.Join(' ', new[] { n.NonDroppingParticle, n.Family }.Where(p => !string.IsNullOrEmpty(p)));
        string given = string.Join(' ', new[] { n.Given, n.DroppingParticle }.Where(p => !string.IsNullOrEmpty(p)));
        if (given.Length == 0 && string.IsNullOrEmpty(n.Suffix))
        {
            return family + ",";
        }

        return string.IsNullOrEmpty(n.Suffix) ? $"{family}, {given}" : $"{family}, {given}, {n.Suffix}";
    }

    /// <summary>A CSL date in RIS form "YYYY/MM/DD/other" (parts that are missing left empty).</summary>
    internal static string DateText(CslDate date)
    {
        if (date.Parts.IsDefaultOrEmpty)
        {
            return date.Literal ?? date.Raw ?? string.Empty;
        }

        var p = date.Parts[0];
        string y = p.Year.ToString("D4", CultureInfo.InvariantCulture);
        string m = p.Month is { } mm ? mm.ToString("D2", CultureInfo.InvariantCulture) : string.Empty;
        string d = p.Day is { } dd ? dd.ToString("D2", CultureInfo.InvariantCulture) : string.Empty;
        return date.Season is { } s ? $"{y}/{m}/{d}/{s}" : d.Length > 0 ? $"{y}/{m}/{d}" : $"{y}/{m}/";
    }
}
