using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json.Nodes;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;

namespace SourceCheck.References.BibTex;

/// <summary>BibTeX/BibLaTeX → CSL items. Types and fields are mapped to CSL (article → article-journal,
/// inproceedings → paper-conference, journal/booktitle → container-title, address → publisher-place, number →
/// issue for articles, year+month+day or date → issued, urldate → accessed, …); LaTeX becomes Unicode; crossref
/// parents fill missing fields. Nothing is dropped: fields without a CSL variable, and the entry type when CSL
/// cannot tell it apart, are kept in the item's <c>custom</c> object ("bibtex-type", "bibtex": {field: raw
/// value}) which <see cref="BibTexWriter"/> writes back; fields named <c>x-csl-VARIABLE</c> set CSL variables
/// directly (that is how the writer carries CSL variables BibTeX has no field for).</summary>
internal static class BibTexReader
{
    internal const string CustomFields = "bibtex";
    internal const string CustomType = "bibtex-type";
    internal const string CustomDateField = "bibtex-date";
    internal const string CslPrefix = "x-csl-";

    /// <summary>custom key listing the CSL variables made from several BibTeX fields (title + subtitle, eprint → URL,
    /// organization → publisher, …): the writer leaves them out and restores the original fields from custom.bibtex.</summary>
    internal const string CustomDerived = "bibtex-derived";

    internal static readonly FrozenDictionary<string, string> TypeMap = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["article"] = "article-journal", ["book"] = "book", ["mvbook"] = "book", ["booklet"] = "pamphlet", ["inbook"] = "chapter",
        ["incollection"] = "chapter", ["bookinbook"] = "chapter", ["suppbook"] = "chapter", ["collection"] = "book", ["mvcollection"] = "book",
        ["inproceedings"] = "paper-conference", ["conference"] = "paper-conference", ["proceedings"] = "book", ["mvproceedings"] = "book",
        ["manual"] = "report", ["mastersthesis"] = "thesis", ["phdthesis"] = "thesis", ["thesis"] = "thesis", ["techreport"] = "report",
        ["report"] = "report", ["unpublished"] = "manuscript", ["misc"] = "document", ["online"] = "webpage", ["electronic"] = "webpage",
        ["www"] = "webpage", ["webpage"] = "webpage", ["patent"] = "patent", ["periodical"] = "periodical", ["dataset"] = "dataset",
        ["software"] = "software", ["inreference"] = "entry-encyclopedia", ["reference"] = "book", ["video"] = "motion_picture",
        ["movie"] = "motion_picture", ["audio"] = "song", ["music"] = "song", ["letter"] = "personal_communication",
        ["review"] = "review", ["standard"] = "standard", ["artwork"] = "graphic", ["image"] = "graphic", ["legislation"] = "legislation",
        ["jurisdiction"] = "legal_case", ["map"] = "map", ["performance"] = "performance", ["interview"] = "interview",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>BibTeX field → CSL variable for fields that map one to one (others are handled in code).</summary>
    internal static readonly FrozenDictionary<string, string> FieldMap = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["title"] = "title", ["shorttitle"] = "title-short", ["series"] = "collection-title", ["volume"] = "volume",
        ["issue"] = "issue", ["pages"] = "page", ["doi"] = "DOI", ["url"] = "URL", ["isbn"] = "ISBN", ["issn"] = "ISSN",
        ["abstract"] = "abstract", ["keywords"] = "keyword", ["note"] = "note", ["annote"] = "annote", ["annotation"] = "annote",
        ["publisher"] = "publisher", ["address"] = "publisher-place", ["location"] = "publisher-place", ["edition"] = "edition",
        ["language"] = "language", ["chapter"] = "chapter-number", ["type"] = "genre", ["howpublished"] = "medium",
        ["eventtitle"] = "event-title", ["venue"] = "event-place", ["pagetotal"] = "number-of-pages", ["volumes"] = "number-of-volumes",
        ["pmid"] = "PMID", ["pmcid"] = "PMCID", ["version"] = "version", ["shortjournal"] = "container-title-short",
        ["journalabbr"] = "container-title-short", ["origtitle"] = "original-title", ["eprint"] = "number", ["archive"] = "archive",
        ["origpublisher"] = "original-publisher", ["origlocation"] = "original-publisher-place", ["section"] = "section",
        ["maintitle"] = "volume-title", ["medium"] = "medium", ["status"] = "status", ["part"] = "part", ["division"] = "division",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Fields whose value is not LaTeX text (no accent or brace conversion).</summary>
    internal static readonly FrozenSet<string> Verbatim = FrozenSet.ToFrozenSet(["url", "doi", "eprint", "file", "pmid", "pmcid", "isbn", "issn"], StringComparer.Ordinal);

    public static ParseResult<IReadOnlyList<CslItem>> Read(string text, string? source = null)
    {
        var db = BibTexParser.Parse(text, source);
        var diagnostics = new List<Diagnostic>(db.Diagnostics);
        var items = Convert(db, diagnostics, source);
        return new ParseResult<IReadOnlyList<CslItem>>(items, diagnostics);
    }

    public static IReadOnlyList<CslItem> Convert(BibTexDatabase db, List<Diagnostic> diagnostics, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var byKey = new Dictionary<string, BibTexEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in db.Entries)
        {
            if (e.Key.Length > 0 && !byKey.TryAdd(e.Key, e))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.BibTexSyntax, Severity.Warning, e.Span,
                    $"entry {e.Number}: citation key '{e.Key}' is used twice", source));
            }
        }

        var items = new List<CslItem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var nextSuffix = new Dictionary<string, int>(StringComparer.Ordinal); // linear in repeated keys
        foreach (var e in db.Entries)
        {
            var fields = Inherit(e, byKey, diagnostics, source);
            var item = ToCsl(e, fields, diagnostics, source);
            string id = item.Id;
            if (!ids.Add(id))
            {
                int n = nextSuffix.GetValueOrDefault(item.Id, 2);
                do
                {
                    id = $"{item.Id}-{n++}";
                }
                while (!ids.Add(id));
                nextSuffix[item.Id] = n;
            }

            item.Id = id;
            items.Add(item);
        }

        return items;
    }

    /// <summary>The entry's fields plus those inherited from its crossref parent (parent title → booktitle).</summary>
    private static List<BibTexField> Inherit(BibTexEntry e, Dictionary<string, BibTexEntry> byKey, List<Diagnostic> diagnostics, string? source)
    {
        var fields = new List<BibTexField>(e.Fields);
        var crossref = e.Has("crossref") ? e.Fields.First(f => f.Name == "crossref") : null;
        if (crossref is null)
        {
            return fields;
        }

        if (!byKey.TryGetValue(crossref.Value.Trim(), out var parent) || ReferenceEquals(parent, e))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.BibTexMissingCrossref, Severity.Warning, crossref.Span,
                $"entry {e.Number} ({e.Key}): crossref '{crossref.Value}' names no entry in this input; nothing inherited", source));
            return fields;
        }

        var names = new HashSet<string>(fields.Select(f => f.Name), StringComparer.Ordinal);
        foreach (var f in parent.Fields)
        {
            string name = f.Name switch
            {
                "title" when e.Type is "inproceedings" or "incollection" or "inbook" or "inreference" or "bookinbook" => "booktitle",
                _ => f.Name,
            };
            if (name is "crossref" or "ids" or "key" or "shorttitle" || (name == "title" && f.Name == "title" && e.Type is "inproceedings" or "incollection"))
            {
                continue;
            }

            if (names.Add(name))
            {
                fields.Add(f with { Name = name });
            }
        }

        return fields;
    }

    private static CslItem ToCsl(BibTexEntry e, List<BibTexField> fields, List<Diagnostic> diagnostics, string? source)
    {
        // first value of each field name, looked up by name: a list search per lookup made entries with many fields quadratic
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in fields)
        {
            byName.TryAdd(f.Name, f.Value);
        }

        string? Field(string n) => byName.GetValueOrDefault(n);
        string cslType = TypeMap.GetValueOrDefault(e.Type, "document");
        string? subtype = Field("entrysubtype")?.Trim().ToLowerInvariant();
        if (e.Type == "article" && subtype is "newspaper" or "magazine")
        {
            cslType = subtype == "newspaper" ? "article-newspaper" : "article-magazine";
        }

        var item = new CslItem(e.Key.Length > 0 ? e.Key : $"entry-{e.Number}", cslType);
        var custom = new JsonObject();
        var raw = new JsonObject();
        if (BibTexWriter.TypeFor(cslType, Field("type")) != e.Type)
        {
            custom[CustomType] = e.Type;
        }

        bool isArticle = e.Type is "article" or "periodical";
        var derived = new JsonArray();
        int? year = null;
        int? month = null;
        int? day = null;
        string? yearText = null;
        foreach (var f in fields)
        {
            string name = f.Name;
            string value = f.Value;
            if (name.StartsWith(CslPrefix, StringComparison.Ordinal))
            {
                SetCslVariable(item, name[CslPrefix.Length..], Latex.ToUnicode(value));
                continue;
            }

            switch (name)
            {
                case "title" or "subtitle" or "titleaddon" when Field("subtitle") is not null || Field("titleaddon") is not null:
                case "booktitle" or "booksubtitle" when Field("booksubtitle") is not null && Field("booktitle") is not null:
                case "journal" or "journaltitle" or "journalsubtitle" when Field("journalsubtitle") is not null:
                    // biblatex splits titles: the CSL title is "Title: Subtitle" (the parts are kept for BibTeX output).
                    raw[name] = value;
                    continue;
                case "number" when !isArticle && Field("series") is not null && e.Type is not ("techreport" or "report" or "patent"):
                    // biblatex: the number of the book in its series
                    item.SetString("collection-number", Latex.ToUnicode(value, protectCase: false));
                    raw[name] = value;
                    derived.Add((JsonNode)"collection-number");
                    continue;
                case "eprint":
                    raw[name] = value;
                    continue;
                case "howpublished" when Field("url") is null && UrlIn(value) is { } hpUrl:
                    item.SetString("URL", hpUrl);
                    raw[name] = value;
                    derived.Add((JsonNode)"URL");
                    continue;
                case "organization" or "institution" or "howpublished" when Field("publisher") is null && name != PublisherField(e.Type)
                    && !item.Has("publisher") && Field(PublisherField(e.Type)) is null:
                    // biblatex: the organisation/institution (or the publication notice) is who published the work
                    item.SetString("publisher", Latex.ToUnicode(value, protectCase: false));
                    raw[name] = value;
                    derived.Add((JsonNode)"publisher");
                    continue;
                case "publisher" or "address" or "location" when value.Contains(" and ", StringComparison.Ordinal):
                    // biblatex lists: "M{\"u}nchen and Berlin" → "München; Berlin"
                    string variable0 = name == "publisher" ? "publisher" : "publisher-place";
                    if (!item.Has(variable0))
                    {
                        item.SetString(variable0, string.Join("; ", Latex.ToUnicode(value, protectCase: false)
                            .Split(" and ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
                        raw[name] = value;
                        derived.Add((JsonNode)variable0);
                        continue;
                    }

                    break;
                case "author" or "editor" or "translator":
                    item.SetNames(name, BibTexNames.Parse(value));
                    continue;
                case "bookauthor":
                    item.SetNames("container-author", BibTexNames.Parse(value));
                    continue;
                case "journal" or "journaltitle" or "booktitle" when !item.Has("container-title"):
                    item.SetString("container-title", Latex.ToUnicode(value));
                    if (name != DefaultContainerField(e.Type))
                    {
                        custom["bibtex-container"] = name;
                    }

                    continue;
                case "number" when isArticle && Field("issue") is null:
                    item.SetString("issue", Latex.ToUnicode(value));
                    continue;
                case "number":
                    item.SetString("number", Latex.ToUnicode(value));
                    continue;
                case "year":
                    yearText = value.Trim();
                    if (int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out int y))
                    {
                        year = y;
                    }

                    continue;
                case "month" when Latex.Month(value) is { } m:
                    month = m;
                    continue;
                case "day" when int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int d) && d is >= 1 and <= 31:
                    day = d;
                    continue;
                case "date":
                    item.SetDate("issued", CslJson.ParseEdtf(value) ?? new CslDate { Literal = Latex.ToUnicode(value, protectCase: false) });
                    custom[CustomDateField] = "date";
                    continue;
                case "urldate":
                    item.SetDate("accessed", CslJson.ParseEdtf(value) ?? new CslDate { Literal = value });
                    continue;
                case "institution" or "school" or "organization" when !item.Has("publisher") && Field("publisher") is null
                    && name == PublisherField(e.Type):
                    item.SetString("publisher", Latex.ToUnicode(value));
                    continue;
                case "entrysubtype" when e.Type == "article" && subtype is "newspaper" or "magazine":
                    continue;
                case "crossref":
                    raw[name] = value;
                    continue;
            }

            if (FieldMap.TryGetValue(name, out var variable) && !item.Has(variable) && !(name == "eprint"))
            {
                item.SetString(variable, Verbatim.Contains(name) ? value : Latex.ToUnicode(value, protectCase: variable is "title" or "container-title" or "collection-title" or "title-short"));
                continue;
            }

            raw[name] = value;
        }

        JoinTitle(item, "title", Field("title"), Field("subtitle"), Field("titleaddon"), derived);
        JoinTitle(item, "container-title", Field("booktitle"), Field("booksubtitle"), null, derived, onlyWithSubtitle: true);
        JoinTitle(item, "container-title", Field("journaltitle") ?? Field("journal"), Field("journalsubtitle"), null, derived, onlyWithSubtitle: true);
        if (Field("eprint") is { } eprint && !item.Has("URL") && EprintUrl(Field("eprinttype") ?? Field("archiveprefix"), eprint.Trim()) is { } eprintUrl)
        {
            item.SetString("URL", eprintUrl);
            derived.Add((JsonNode)"URL");
        }

        if (year is not null)
        {
            item.SetDate("issued", CslDate.Of(year.Value, month, month is null ? null : day));
            if (month is null && day is not null)
            {
                raw["day"] = day.Value.ToString(CultureInfo.InvariantCulture);
            }
        }
        else if (yearText is not null)
        {
            item.SetDate("issued", new CslDate { Literal = Latex.ToUnicode(yearText, protectCase: false) });
            if (month is not null)
            {
                raw["month"] = Latex.MonthMacros[month.Value - 1];
            }
        }
        else if (month is not null)
        {
            raw["month"] = Latex.MonthMacros[month.Value - 1];
        }

        if (raw.Count > 0)
        {
            custom[CustomFields] = raw;
        }

        if (derived.Count > 0)
        {
            custom[CustomDerived] = derived;
        }

        if (custom.Count > 0)
        {
            item.SetExtra("custom", custom);
        }

        return item;
    }

    /// <summary>Sets "Title: Subtitle. Addon" (biblatex prints title, subtitle and addon together); the variable
    /// is marked as derived so that the writer restores the separate fields.</summary>
    private static void JoinTitle(CslItem item, string variable, string? title, string? subtitle, string? addon, JsonArray derived, bool onlyWithSubtitle = false)
    {
        if (title is null || (subtitle is null && (addon is null || onlyWithSubtitle)) || derived.Any(d => d?.GetValue<string>() == variable))
        {
            return;
        }

        string text = Latex.ToUnicode(title.Trim());
        if (subtitle is not null)
        {
            string sub = Latex.ToUnicode(subtitle.Trim());
            text = text.Length > 0 && text[^1] is '?' or '!' or ':' or '.' ? $"{text} {sub}" : $"{text}: {sub}";
        }

        if (addon is not null)
        {
            string add = Latex.ToUnicode(addon.Trim());
            text = text.Length > 0 && text[^1] is '?' or '!' or '.' ? $"{text} {add}" : $"{text}. {add}";
        }

        item.SetString(variable, text);
        derived.Add((JsonNode)variable);
    }

    /// <summary>The address of an e-print: arXiv (eprinttype/archivePrefix "arxiv") → https://arxiv.org/abs/ID,
    /// handle → hdl.handle.net, JSTOR → jstor.org/stable, PubMed → pubmed.ncbi.nlm.nih.gov; null for others.</summary>
    internal static string? EprintUrl(string? eprintType, string id)
    {
        if (id.Length == 0 || id.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }

        string type = (eprintType ?? string.Empty).Trim().ToLowerInvariant();
        if (type.Length == 0 && id.StartsWith("arXiv:", StringComparison.OrdinalIgnoreCase))
        {
            type = "arxiv";
        }

        if (id.StartsWith("arXiv:", StringComparison.OrdinalIgnoreCase))
        {
            id = id[6..];
        }

        return type switch
        {
            "arxiv" => "https://arxiv.org/abs/" + id,
            "hdl" or "handle" => "https://hdl.handle.net/" + id,
            "jstor" => "https://www.jstor.org/stable/" + id,
            "pubmed" => "https://pubmed.ncbi.nlm.nih.gov/" + id,
            _ => null,
        };
    }

    /// <summary>The address in a howpublished such as "\url{https://…}" or "Available at https://…".</summary>
    private static string? UrlIn(string value)
    {
        int k = value.IndexOf("http", StringComparison.OrdinalIgnoreCase);
        if (k < 0 || !(value.AsSpan(k).StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.AsSpan(k).StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        int end = k;
        while (end < value.Length && !char.IsWhiteSpace(value[end]) && value[end] is not ('}' or '{'))
        {
            end++;
        }

        return value[k..end].TrimEnd('.', ',');
    }

    internal static string DefaultContainerField(string bibType) => bibType is "article" or "periodical" ? "journal" : "booktitle";

    /// <summary>Which BibTeX field holds the CSL publisher for an entry type (school for theses, institution for
    /// reports, organization for manuals, publisher otherwise).</summary>
    internal static string PublisherField(string bibType) => bibType switch
    {
        "phdthesis" or "mastersthesis" or "thesis" => "school",
        "techreport" or "report" => "institution",
        "manual" => "organization",
        _ => "publisher",
    };

    internal static void SetCslVariable(CslItem item, string variable, string value)
    {
        if (variable == "type")
        {
            item.Type = value;
            return;
        }

        switch (CslVariables.KindOf(variable))
        {
            case VariableKind.Name:
                item.SetNames(variable, BibTexNames.Parse(Latex.FromUnicode(value)));
                break;
            case VariableKind.Date:
                item.SetDate(variable, CslJson.ParseEdtf(value) ?? new CslDate { Literal = value });
                break;
            default:
                item.SetString(variable, value);
                break;
        }
    }
}
