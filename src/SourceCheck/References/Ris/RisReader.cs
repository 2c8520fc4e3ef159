using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.Text;

namespace SourceCheck.References.Ris;

/// <summary>One RIS tag line: tag, value, 1-based line.</summary>
internal sealed record RisLine(string Tag, string Value, int Line);

/// <summary>RIS → CSL items. Records run from TY to ER; tags are mapped to CSL (AU/A1 → author, A2/ED → editor,
/// A3 → collection-editor, A4 → translator, TI/T1 → title, T2/JO/JF/BT → container-title, JA/J2 → short container
/// title, PY/Y1/DA → issued, Y2 → accessed, SP/EP → page, VL, IS, DO, UR, AB, KW (repeated), PB, CY, SN (ISSN or
/// ISBN by shape), N1, ET, AN, LA, …). Tags without a CSL variable and the exact RIS type, when CSL cannot tell it
/// apart, are kept in <c>custom</c> ("ris-type", "ris": {TAG: [values]}) so that <see cref="RisWriter"/> writes
/// them back. Malformed lines are diagnostics with their line number.</summary>
internal static partial class RisReader
{
    internal const string CustomTags = "ris";
    internal const string CustomType = "ris-type";
    internal const string CustomYearTag = "ris-year-tag";

    internal static readonly FrozenDictionary<string, string> TypeMap = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["JOUR"] = "article-journal", ["JFULL"] = "article-journal", ["EJOUR"] = "article-journal", ["INPR"] = "article-journal",
        ["ABST"] = "article", ["NEWS"] = "article-newspaper", ["MGZN"] = "article-magazine", ["BLOG"] = "post-weblog",
        ["ELEC"] = "webpage", ["WEB"] = "webpage", ["ICOMM"] = "webpage", ["BOOK"] = "book", ["EBOOK"] = "book", ["EDBOOK"] = "book",
        ["CHAP"] = "chapter", ["ECHAP"] = "chapter", ["RPRT"] = "report", ["GOVDOC"] = "report", ["THES"] = "thesis",
        ["CONF"] = "paper-conference", ["CPAPER"] = "paper-conference", ["GEN"] = "document", ["DATA"] = "dataset",
        ["COMP"] = "software", ["PAT"] = "patent", ["MAP"] = "map", ["MPCT"] = "motion_picture", ["VIDEO"] = "motion_picture",
        ["SOUND"] = "song", ["MUSIC"] = "musical_score", ["CASE"] = "legal_case", ["BILL"] = "bill", ["STAT"] = "legislation",
        ["LEGAL"] = "legislation", ["HEAR"] = "hearing", ["PCOMM"] = "personal_communication", ["UNPB"] = "manuscript",
        ["MANSCPT"] = "manuscript", ["PAMP"] = "pamphlet", ["ENCYC"] = "entry-encyclopedia", ["DICT"] = "entry-dictionary",
        ["SER"] = "periodical", ["STAND"] = "standard", ["ART"] = "graphic", ["FIGURE"] = "figure", ["CTLG"] = "book",
        ["AGGR"] = "dataset", ["ANCIENT"] = "classic", ["CLSWK"] = "classic", ["SLIDE"] = "speech", ["EQUA"] = "document",
        ["ADVS"] = "broadcast", ["CHART"] = "figure", ["INTV"] = "interview",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>RIS tag → CSL standard/number variable for one-to-one tags.</summary>
    internal static readonly FrozenDictionary<string, string> TagMap = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["VL"] = "volume", ["IS"] = "issue", ["DO"] = "DOI", ["AB"] = "abstract", ["PB"] = "publisher", ["CY"] = "publisher-place",
        ["N1"] = "note", ["ET"] = "edition", ["AN"] = "archive_location", ["LA"] = "language", ["T3"] = "collection-title",
        ["ST"] = "title-short", ["DB"] = "archive", ["CN"] = "call-number", ["M3"] = "genre", ["NV"] = "number-of-volumes",
        ["LB"] = "citation-label", ["OP"] = "original-title", ["SE"] = "section", ["M1"] = "number", ["J2"] = "container-title-short",
        ["JA"] = "container-title-short", ["N2"] = "abstract",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static ParseResult<IReadOnlyList<CslItem>> Read(string text, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new List<Diagnostic>();
        var items = new List<CslItem>();
        var records = Records(text, diagnostics, source);
        int n = 0;
        foreach (var record in records)
        {
            n++;
            items.Add(ToCsl(record, n, diagnostics, source));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            string id = item.Id;
            for (int k = 2; !ids.Add(id); k++)
            {
                id = $"{item.Id}-{k}";
            }

            item.Id = id;
        }

        return new ParseResult<IReadOnlyList<CslItem>>(items, diagnostics);
    }

    /// <summary>Splits RIS text into records (lists of tag lines).</summary>
    public static List<List<RisLine>> Records(string text, List<Diagnostic> diagnostics, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var records = new List<List<RisLine>>();
        List<RisLine>? current = null;
        int lineNo = 0;
        int offset = 0;
        // continuation lines of the current record's last value, joined once when the next tag line (or the end)
        // comes: joining them one by one copied the whole value per line (1.9 MB of continuation lines: minutes)
        StringBuilder? wrapped = null;
        List<RisLine>? wrappedRecord = null;
        void JoinWrapped()
        {
            if (wrapped is not null && wrappedRecord is not null)
            {
                wrappedRecord[^1] = wrappedRecord[^1] with { Value = wrapped.ToString() };
            }

            wrapped = null;
            wrappedRecord = null;
        }

        foreach (var rawLine in text.Split('\n'))
        {
            lineNo++;
            int lineStart = offset;
            offset += rawLine.Length + 1;
            string line = rawLine.TrimEnd('\r').TrimStart('\uFEFF');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var m = TagLine().Match(line);
            if (!m.Success)
            {
                if (current is not null && current.Count > 0)
                {
                    // Continuation of a wrapped value: the parts joined by one space (values are trimmed; an
                    // empty value takes the first part as it is).
                    if (wrapped is null)
                    {
                        wrapped = new StringBuilder(current[^1].Value);
                        wrappedRecord = current;
                    }

                    if (wrapped.Length > 0)
                    {
                        wrapped.Append(' ');
                    }

                    wrapped.Append(line.AsSpan().Trim());
                }
                else
                {
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.RisSyntax, Severity.Error, new TextSpan(lineStart, line.Length, lineNo, 1),
                        $"line {lineNo}: not a RIS tag line (expected 'XX  - value'): '{Truncate(line)}'", source));
                }

                continue;
            }

            JoinWrapped();
            string tag = m.Groups[1].Value;
            string value = m.Groups[2].Value.Trim();
            if (tag == "TY")
            {
                if (current is not null)
                {
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.RisSyntax, Severity.Warning, new TextSpan(lineStart, line.Length, lineNo, 1),
                        $"line {lineNo}: record {records.Count} has no ER before the next TY; ended here", source));
                }

                current = [new RisLine(tag, value, lineNo)];
                records.Add(current);
                continue;
            }

            if (current is null)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.RisSyntax, Severity.Error, new TextSpan(lineStart, line.Length, lineNo, 1),
                    $"line {lineNo}: tag {tag} outside a record (no TY before it); ignored", source));
                continue;
            }

            if (tag == "ER")
            {
                current = null;
                continue;
            }

            current.Add(new RisLine(tag, value, lineNo));
        }

        JoinWrapped();
        if (current is not null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.RisSyntax, Severity.Warning, new TextSpan(text.Length, 0, lineNo, 1),
                $"line {lineNo}: the last record (TY at line {current[0].Line}) has no ER; kept", source));
        }

        return records;
    }

    private static string Truncate(string s) => s.Length > 40 ? s[..40] + "…" : s;

    private static CslItem ToCsl(List<RisLine> record, int number, List<Diagnostic> diagnostics, string? source)
    {
        string ty = record[0].Value.Trim().ToUpperInvariant();
        if (!TypeMap.TryGetValue(ty, out string? cslType))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.RisSyntax, Severity.Warning, new TextSpan(0, 0, record[0].Line, 1),
                $"line {record[0].Line}: record {number}: unknown RIS type '{ty}', read as 'document'", source));
            cslType = "document";
        }

        string id = record.FirstOrDefault(l => l.Tag == "ID")?.Value is { Length: > 0 } rid ? rid : $"ris-{number}";
        var item = new CslItem(id, cslType);
        var custom = new JsonObject();
        var raw = new JsonObject();
        if (RisWriter.TypeFor(cslType) != ty)
        {
            custom[CustomType] = ty;
        }

        var authors = new List<CslName>();
        var editors = new List<CslName>();
        var seriesEditors = new List<CslName>();
        var translators = new List<CslName>();
        var keywords = new List<string>();
        string? sp = null;
        string? ep = null;
        CslDate? year = null;
        CslDate? full = null;
        foreach (var line in record.Skip(1))
        {
            string v = line.Value;
            if (v.Length == 0)
            {
                continue;
            }

            switch (line.Tag)
            {
                case "ID":
                    continue;
                case "AU" or "A1":
                    authors.Add(Name(v));
                    if (line.Tag == "A1")
                    {
                        custom["ris-author-tag"] = "A1";
                    }

                    continue;
                case "A2" or "ED":
                    editors.Add(Name(v));
                    if (line.Tag == "ED")
                    {
                        custom["ris-editor-tag"] = "ED";
                    }

                    continue;
                case "A3":
                    seriesEditors.Add(Name(v));
                    continue;
                case "A4":
                    translators.Add(Name(v));
                    continue;
                case "TI" or "T1" when !item.Has("title"):
                    item.SetString("title", v);
                    if (line.Tag == "T1")
                    {
                        custom["ris-title-tag"] = "T1";
                    }

                    continue;
                case "BT" when !item.Has("title") && cslType == "book":
                    item.SetString("title", v);
                    custom["ris-title-tag"] = "BT";
                    continue;
                case "BT" when cslType is "chapter" && record.Any(l => l.Tag == "T2" && l.Value.Length > 0 && l.Value != v)
                    && !record.Any(l => l.Tag == "T3" && l.Value.Length > 0) && !item.Has("collection-title"):
                    // ScienceDirect chapters: BT is the series ("Methods in Enzymology", with its ISSN), T2 the book.
                    item.SetString("collection-title", v);
                    custom["ris-collection-title-tag"] = "BT";
                    continue;
                case "T2" or "JO" or "JF" or "BT" when !item.Has("container-title") && !(line.Tag != "T2" && record.Any(l => l.Tag == "T2" && l.Value.Length > 0 && cslType == "chapter")):
                    item.SetString("container-title", v);
                    if (line.Tag != "T2")
                    {
                        custom["ris-container-tag"] = line.Tag;
                    }

                    continue;
                case "DO" when !item.Has("DOI") && Doi(v) is { } doi:
                    item.SetString("DOI", doi); // bare: "https://doi.org/…", "doi:" prefixes dropped
                    continue;
                case "M3" or "N1" when DoiNote().IsMatch(v):
                    // "M3  - doi: 10.1016/…", "N1  - https://doi.org/…": the DOI, not a genre or a note
                    if (!item.Has("DOI") && Doi(v) is { } noteDoi)
                    {
                        item.SetString("DOI", noteDoi);
                    }

                    var kept = raw[line.Tag] as JsonArray ?? [];
                    kept.Add((JsonNode?)v);
                    raw[line.Tag] = kept;
                    continue;
                case "VL" when VolumeLabel().Match(v) is { Success: true } vm && !item.Has("volume"):
                    item.SetString("volume", v[vm.Length..].Trim());
                    continue;
                case "PY" or "Y1" when year is null:
                    year = Date(v);
                    if (line.Tag == "Y1")
                    {
                        custom[CustomYearTag] = "Y1";
                    }

                    continue;
                case "DA" when full is null:
                    full = Date(v);
                    continue;
                case "Y2" when !item.Has("accessed"):
                    item.SetDate("accessed", Date(v));
                    continue;
                case "SP" when sp is null:
                    sp = v;
                    continue;
                case "EP" when ep is null:
                    ep = v;
                    continue;
                case "UR" when !item.Has("URL"):
                    item.SetString("URL", v);
                    continue;
                case "KW":
                    keywords.Add(v);
                    continue;
                case "SN" when !item.Has("ISSN") && !item.Has("ISBN"):
                    item.SetString(Issn().IsMatch(v) ? "ISSN" : "ISBN", v);
                    continue;
            }

            if (TagMap.TryGetValue(line.Tag, out string? variable) && !item.Has(variable))
            {
                item.SetString(variable, v);
                if (line.Tag is "N2" or "J2")
                {
                    custom["ris-" + variable + "-tag"] = line.Tag;
                }

                continue;
            }

            var list = raw[line.Tag] as JsonArray ?? [];
            list.Add((JsonNode?)v);
            raw[line.Tag] = list;
        }

        item.SetNames("author", authors);
        item.SetNames("editor", editors);
        item.SetNames("collection-editor", seriesEditors);
        item.SetNames("translator", translators);
        if (keywords.Count > 0)
        {
            if (keywords.Any(k => k.Contains(',', StringComparison.Ordinal)))
            {
                raw["KW"] = new JsonArray([.. keywords.Select(k => (JsonNode?)JsonValue.Create(k))]);
            }
            else
            {
                item.SetString("keyword", string.Join(", ", keywords));
            }
        }

        if (sp is not null)
        {
            item.SetString("page", ep is null ? sp : $"{sp}–{ep}");
        }
        else if (ep is not null)
        {
            raw["EP"] = new JsonArray(ep);
        }

        var issued = full is { Parts.IsDefaultOrEmpty: false } && (year is null || year.Parts.IsDefaultOrEmpty || year.Parts[0].Year == full.Parts[0].Year) ? full : year ?? full;
        if (issued is not null)
        {
            item.SetDate("issued", issued);
            if (full is not null && year is not null && !ReferenceEquals(issued, full))
            {
                raw["DA"] = new JsonArray(RisWriter.DateText(full));
            }
        }

        if (full is not null && year is null)
        {
            custom["ris-date-only"] = true;
        }

        if (raw.Count > 0)
        {
            custom[CustomTags] = raw;
        }

        if (custom.Count > 0)
        {
            item.SetExtra("custom", custom);
        }

        return item;
    }

    /// <summary>The bare DOI of a DO/M3/N1 value ("doi: 10.x/y", "https://doi.org/10.x/y", "http://dx.doi.org/10.x%2Fy"), or null.</summary>
    internal static string? Doi(string value)
    {
        string v = value.Trim();
        if (v.Contains('%', StringComparison.Ordinal))
        {
            try
            {
                v = Uri.UnescapeDataString(v);
            }
            catch (UriFormatException)
            {
                // keep as written
            }
        }

        return DoiText.Find(v);
    }

    /// <summary>"Last, First, Suffix" → person (leading lower-case words of Last are the particle). Without a comma:
    /// "First Last" (two to four capitalised words, not an organisation) → person; otherwise a literal name.</summary>
    internal static CslName Name(string value)
    {
        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length < 2 || parts[0].Length == 0)
        {
            return FirstLast(value.Trim()) ?? CslName.Institution(value.Trim());
        }

        var words = parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int k = 0;
        while (k < words.Length - 1 && words[k].Length > 0 && char.IsLower(words[k][0]))
        {
            k++;
        }

        return new CslName
        {
            Family = string.Join(' ', words.Skip(k)),
            NonDroppingParticle = k > 0 ? string.Join(' ', words.Take(k)) : null,
            Given = parts[1].Length > 0 ? parts[1] : null,
            Suffix = parts.Length > 2 && parts[2].Length > 0 ? string.Join(", ", parts.Skip(2)) : null,
        };
    }

    /// <summary>"John R. Kitchin" → given "John R.", family "Kitchin" (particles such as "van der" join the family
    /// name); null for organisations ("Harbour Watch Team", "World Health Organization") and single words.</summary>
    private static CslName? FirstLast(string value)
    {
        var words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 5 || References.Parsing.NameText.IsCorporate(value)
            || words.Any(w => !(char.IsUpper(w[0]) || References.Parsing.Lexicon.Particles.Contains(w))) || !char.IsUpper(words[^1][0]))
        {
            return null;
        }

        int familyStart = words.Length - 1;
        while (familyStart > 1 && References.Parsing.Lexicon.Particles.Contains(words[familyStart - 1]))
        {
            familyStart--;
        }

        string? particle = familyStart < words.Length - 1 ? string.Join(' ', words[familyStart..^1]) : null;
        return new CslName
        {
            Given = string.Join(' ', words[..familyStart]),
            Family = words[^1],
            NonDroppingParticle = particle,
        };
    }

    /// <summary>"YYYY/MM/DD/other", "YYYY", "YYYY-MM-DD", "YYYY///other".</summary>
    internal static CslDate Date(string value)
    {
        string v = value.Trim();
        var iso = CslJson.ParseEdtf(v);
        if (iso is not null)
        {
            return iso;
        }

        var parts = v.Split('/');
        if (parts.Length >= 1 && parts[0].Length == 4 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int y))
        {
            int? m = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int mm) && mm is >= 1 and <= 12 ? mm : null;
            int? d = m is not null && parts.Length > 2 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int dd) && dd is >= 1 and <= 31 ? dd : null;
            string? other = parts.Length > 3 && parts[3].Trim().Length > 0 ? string.Join('/', parts.Skip(3)).Trim() : null;
            var date = CslDate.Of(y, m, d);
            return other is null ? date : date with { Season = other };
        }

        return new CslDate { Literal = v };
    }

    [GeneratedRegex(@"^([A-Z][A-Z0-9])  ?-(?: (.*)|$)", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex TagLine();

    [GeneratedRegex(@"^\s*(?:doi:?\s*10\.|https?://(?:dx\.)?doi\.org/10\.)\S+\s*$", RegexOptions.IgnoreCase, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex DoiNote();

    [GeneratedRegex(@"^(?:Volume|Vol\.?|Bd\.?|Band)\s+(?=\S)", RegexOptions.IgnoreCase, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex VolumeLabel();

    [GeneratedRegex(@"^\d{4}-?\d{3}[\dXx]$", RegexOptions.None, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex Issn();
}
