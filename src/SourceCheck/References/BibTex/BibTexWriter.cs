using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.Text;

namespace SourceCheck.References.BibTex;

/// <summary>CSL items → BibTeX. Types and variables are mapped back (see <see cref="BibTexReader"/>), Unicode is
/// escaped to LaTeX, nocase spans become braces. CSL variables without a BibTeX field are written as
/// <c>x-csl-VARIABLE</c> fields (read back by the reader), fields kept in <c>custom.bibtex</c> are restored as they
/// were. Only what cannot be written at all (unknown non-CSL keys, custom data of other formats) is reported as
/// SC1040 FieldNotRepresentable.</summary>
internal static class BibTexWriter
{
    private static readonly Dictionary<string, string> Reverse = BuildReverse();

    private static Dictionary<string, string> BuildReverse()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, variable) in BibTexReader.FieldMap)
        {
            if (field is "location" or "annotation" or "journalabbr" or "eprint" or "medium")
            {
                continue;
            }

            map.TryAdd(variable, field);
        }

        return map;
    }

    /// <summary>The BibTeX entry type for a CSL type (thesis → phdthesis or mastersthesis by genre).</summary>
    public static string TypeFor(string cslType, string? genre = null) => cslType switch
    {
        "article-journal" or "article-newspaper" or "article-magazine" or "article" or "review" or "review-book" => "article",
        "book" or "classic" or "collection" => "book",
        "chapter" or "entry" or "entry-dictionary" => "incollection",
        "entry-encyclopedia" => "inreference",
        "paper-conference" => "inproceedings",
        "report" => "techreport",
        "thesis" => genre is not null && genre.Contains("master", StringComparison.OrdinalIgnoreCase) ? "mastersthesis" : "phdthesis",
        "manuscript" => "unpublished",
        "pamphlet" => "booklet",
        "webpage" or "post" or "post-weblog" => "online",
        "patent" => "patent",
        "dataset" => "dataset",
        "software" => "software",
        "periodical" => "periodical",
        "motion_picture" => "video",
        "song" => "audio",
        "personal_communication" => "letter",
        "standard" => "standard",
        "graphic" => "artwork",
        "legislation" => "legislation",
        "legal_case" => "jurisdiction",
        "map" => "map",
        "performance" => "performance",
        "interview" => "interview",
        _ => "misc",
    };

    public static string Write(IEnumerable<CslItem> items, List<Diagnostic> diagnostics, IEnumerable<string>? preambles = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var sb = new StringBuilder();
        foreach (var p in preambles ?? [])
        {
            sb.Append("@preamble{ {").Append(p).Append("} }\n\n");
        }

        int n = 0;
        foreach (var item in items)
        {
            n++;
            WriteEntry(sb, item, n, diagnostics);
        }

        return sb.ToString();
    }

    private static void WriteEntry(StringBuilder sb, CslItem item, int number, List<Diagnostic> diagnostics)
    {
        var custom = item.GetExtra("custom") as JsonObject;
        var raw = custom?[BibTexReader.CustomFields] as JsonObject;
        string bibType = custom?[BibTexReader.CustomType] is JsonValue tv && tv.TryGetValue(out string? t) ? t : TypeFor(item.Type, item.GetString("genre"));
        bool isArticle = bibType is "article" or "periodical";
        bool dateField = custom?[BibTexReader.CustomDateField] is not null;
        string? containerField = custom?["bibtex-container"] is JsonValue cv && cv.TryGetValue(out string? c) ? c : null;
        var fields = new List<(string Name, string Value, bool Macro)>();

        if (TypeFor(item.Type, item.GetString("genre")) != bibType || BibTexReader.TypeMap.GetValueOrDefault(bibType, "document") != item.Type)
        {
            string expected = BibTexReader.TypeMap.GetValueOrDefault(bibType, "document");
            bool subtypeRestores = bibType == "article" && item.Type is "article-newspaper" or "article-magazine";
            if (expected != item.Type && !subtypeRestores)
            {
                fields.Add(("x-csl-type", item.Type, false));
            }
        }

        if (bibType == "article" && item.Type is "article-newspaper" or "article-magazine")
        {
            fields.Add(("entrysubtype", item.Type == "article-newspaper" ? "newspaper" : "magazine", false));
        }

        var derived = custom?[BibTexReader.CustomDerived] as JsonArray;
        foreach (var key in item.Keys)
        {
            if (raw is not null && derived is not null && derived.Any(d => d is JsonValue dv && dv.TryGetValue(out string? dk) && dk == key))
            {
                continue; // made from several BibTeX fields (title + subtitle, eprint → URL, …): the fields are restored below
            }

            object? value = item.GetRaw(key);
            switch (value)
            {
                case IReadOnlyList<CslName> names:
                {
                    string field = key switch
                    {
                        "author" or "editor" or "translator" => key,
                        "container-author" => "bookauthor",
                        _ => BibTexReader.CslPrefix + key,
                    };
                    fields.Add((field, BibTexNames.Format(names), false));
                    break;
                }

                case CslDate date:
                    WriteDate(fields, key, date, dateField);
                    break;
                case string s:
                {
                    string field = key switch
                    {
                        "container-title" => containerField ?? BibTexReader.DefaultContainerField(bibType),
                        "issue" when isArticle => "number",
                        "number" => isArticle ? BibTexReader.CslPrefix + "number" : "number",
                        "publisher" => BibTexReader.PublisherField(bibType),
                        "citation-key" => string.Empty,
                        _ => Reverse.GetValueOrDefault(key) ?? BibTexReader.CslPrefix + key,
                    };
                    if (field.Length == 0)
                    {
                        break;
                    }

                    bool verbatim = BibTexReader.Verbatim.Contains(field);
                    fields.Add((field, verbatim ? s : Latex.FromUnicode(s), false));
                    break;
                }

                case JsonNode node when key == "custom":
                    foreach (var (ck, cnode) in (JsonObject)node)
                    {
                        if (ck is BibTexReader.CustomFields or BibTexReader.CustomType or BibTexReader.CustomDateField or BibTexReader.CustomDerived or "bibtex-container"
                            || (ck.StartsWith("ris-", StringComparison.Ordinal) && ck.EndsWith("-tag", StringComparison.Ordinal)) || ck is "ris-type" or "ris-date-only")
                        {
                            continue; // format hints, not data
                        }

                        if (ck == "ris" && cnode is JsonObject tags)
                        {
                            foreach (var (tag, _) in tags)
                            {
                                diagnostics.Add(new Diagnostic(DiagnosticCodes.FieldNotRepresentable, Severity.Warning, TextSpan.Empty,
                                    $"item {number} ({item.Id}): RIS tag {tag} has no BibTeX field; not written"));
                            }

                            continue;
                        }

                        diagnostics.Add(new Diagnostic(DiagnosticCodes.FieldNotRepresentable, Severity.Warning, TextSpan.Empty,
                            $"item {number} ({item.Id}): custom.{ck} has no BibTeX field; not written"));
                    }

                    break;
                default:
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.FieldNotRepresentable, Severity.Warning, TextSpan.Empty,
                        $"item {number} ({item.Id}): '{key}' has no BibTeX field; not written"));
                    break;
            }
        }

        if (raw is not null)
        {
            var written = new HashSet<string>(fields.Select(f => f.Name), StringComparer.Ordinal); // linear in many raw fields
            foreach (var (name, node) in raw)
            {
                if (node is JsonValue v && v.TryGetValue(out string? s) && written.Add(name))
                {
                    fields.Add((name, s, name == "month" && Latex.MonthMacros.Contains(s)));
                }
            }
        }

        string key0 = SanitiseKey(item.GetString("citation-key") ?? item.Id);
        sb.Append('@').Append(bibType).Append('{').Append(key0).Append(",\n");
        foreach (var (name, value, macro) in fields)
        {
            sb.Append("  ").Append(name).Append(" = ");
            if (macro)
            {
                sb.Append(value);
            }
            else
            {
                sb.Append('{').Append(Balance(OneLine(value))).Append('}');
            }

            sb.Append(",\n");
        }

        sb.Append("}\n\n");
    }

    private static void WriteDate(List<(string, string, bool)> fields, string key, CslDate date, bool dateField)
    {
        if (key == "accessed")
        {
            fields.Add(("urldate", DateText(date), false));
            return;
        }

        if (key != "issued")
        {
            fields.Add((BibTexReader.CslPrefix + key, DateText(date), false));
            return;
        }

        if (dateField || date.IsRange || date.Parts.IsDefaultOrEmpty && date.Literal is null || date.Circa || date.Season is not null)
        {
            fields.Add(("date", DateText(date), false));
            return;
        }

        if (date.Literal is not null)
        {
            fields.Add(("year", Latex.FromUnicode(date.Literal), false));
            return;
        }

        var p = date.Parts[0];
        fields.Add(("year", p.Year.ToString(CultureInfo.InvariantCulture), false));
        if (p.Month is { } m and >= 1 and <= 12)
        {
            fields.Add(("month", Latex.MonthMacros[m - 1], true));
            if (p.Day is { } d)
            {
                fields.Add(("day", d.ToString(CultureInfo.InvariantCulture), false));
            }
        }
    }

    private static string DateText(CslDate date)
    {
        if (date.Literal is not null)
        {
            return Latex.FromUnicode(date.Literal);
        }

        if (date.Parts.IsDefaultOrEmpty)
        {
            return Latex.FromUnicode(date.Raw ?? string.Empty);
        }

        string text = date.ToString();
        return date.Circa ? text + "~" : text;
    }

    /// <summary>Line breaks inside a value become spaces (BibTeX reads them as spaces anyway, and a line that
    /// starts with '@' inside a value would look like a new entry to tolerant readers).</summary>
    private static string OneLine(string value) =>
        value.IndexOfAny(['\n', '\r']) < 0 ? value : value.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');

    private static string SanitiseKey(string key)
    {
        var sb = new StringBuilder(key.Length);
        foreach (char c in key)
        {
            sb.Append(char.IsWhiteSpace(c) || c is ',' or '{' or '}' or '(' or ')' or '"' or '#' or '%' or '=' or '\\' or '~' ? '_' : c);
        }

        return sb.Length == 0 ? "item" : sb.ToString();
    }

    /// <summary>Makes sure braces in a value balance (verbatim URLs may hold a stray brace).</summary>
    private static string Balance(string value)
    {
        int depth = 0;
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\')
            {
                i++;
                continue;
            }

            if (value[i] == '{')
            {
                depth++;
            }
            else if (value[i] == '}')
            {
                depth--;
                if (depth < 0)
                {
                    break;
                }
            }
        }

        if (depth == 0)
        {
            return value;
        }

        return value.Replace("{", "\\{", StringComparison.Ordinal).Replace("}", "\\}", StringComparison.Ordinal);
    }
}
