using System.Collections.Immutable;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using SourceCheck.Diagnostics;
using SourceCheck.Text;

namespace SourceCheck.Formatting;

internal sealed record Term(string Name, TermForm Form, string Single, string Multiple, string? Gender, string? GenderForm, string? Match);

/// <summary>One locale source: a locale file or an in-style &lt;locale&gt; element.</summary>
internal sealed class LocaleData
{
    public string? Lang { get; init; }

    public Dictionary<(string, TermForm), List<Term>> Terms { get; } = [];

    public Dictionary<string, DateElement> Dates { get; } = new(StringComparer.Ordinal);

    public bool? PunctuationInQuote { get; set; }

    public bool? LimitDayOrdinalsToDay1 { get; set; }

    public bool HasOrdinals { get; set; }

    /// <summary>Reads a &lt;locale&gt; file.</summary>
    public static ParseResult<LocaleData> Parse(string xml, string? source = null)
    {
        var diags = new List<Diagnostic>();
        try
        {
            var doc = StyleParser.LoadXml(xml);
            var data = FromXml(doc.Root!, diags, source);
            return ParseResult<LocaleData>.Ok(data, diags);
        }
        catch (XmlException ex)
        {
            diags.Add(new Diagnostic(DiagnosticCodes.CslXmlSyntax, Severity.Error, new TextSpan(0, 0, ex.LineNumber, ex.LinePosition), ex.Message, source));
            return ParseResult<LocaleData>.Fail(diags);
        }
    }

    internal static LocaleData FromXml(XElement el, List<Diagnostic> diags, string? source)
    {
        var data = new LocaleData { Lang = (string?)el.Attribute(XNamespace.Xml + "lang") is { Length: > 0 } l ? l : null };
        foreach (var child in el.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "style-options":
                    if (child.Attribute("punctuation-in-quote") is { } piq)
                    {
                        data.PunctuationInQuote = piq.Value == "true";
                    }

                    if (child.Attribute("limit-day-ordinals-to-day-1") is { } ld)
                    {
                        data.LimitDayOrdinalsToDay1 = ld.Value == "true";
                    }

                    break;
                case "date":
                    var date = StyleParser.ParseDateStatic(child, diags, source, inLocale: true);
                    if (date is not null && (string?)child.Attribute("form") is { Length: > 0 } form)
                    {
                        data.Dates[form] = date;
                    }

                    break;
                case "terms":
                    foreach (var t in child.Elements().Where(e => e.Name.LocalName == "term"))
                    {
                        data.AddTerm(t);
                    }

                    break;
            }
        }

        return data;
    }

    private void AddTerm(XElement t)
    {
        string name = (string?)t.Attribute("name") ?? string.Empty;
        var form = StyleParser.ParseTermForm((string?)t.Attribute("form"));
        string single, multiple;
        var s = t.Elements().FirstOrDefault(e => e.Name.LocalName == "single");
        var m = t.Elements().FirstOrDefault(e => e.Name.LocalName == "multiple");
        if (s is not null || m is not null)
        {
            single = s?.Value ?? m?.Value ?? string.Empty;
            multiple = m?.Value ?? single;
        }
        else
        {
            // content that is only layout whitespace (a line break and indentation) is an empty term
            single = multiple = string.IsNullOrWhiteSpace(t.Value) && t.Value.Contains('\n', StringComparison.Ordinal) ? string.Empty : t.Value;
        }

        if (name.StartsWith("ordinal", StringComparison.Ordinal) || name.StartsWith("long-ordinal", StringComparison.Ordinal))
        {
            HasOrdinals = true;
        }

        var term = new Term(name, form, single, multiple, (string?)t.Attribute("gender"), (string?)t.Attribute("gender-form"), (string?)t.Attribute("match"));
        if (!Terms.TryGetValue((name, form), out var list))
        {
            Terms[(name, form)] = list = [];
        }

        list.RemoveAll(x => x.GenderForm == term.GenderForm);
        list.Add(term);
    }
}

/// <summary>A resolved locale: in-style overrides over locale files over the en-US fallback.</summary>
internal sealed class Locale
{
    private readonly ImmutableArray<LocaleData> _chain;
    private readonly ImmutableArray<LocaleData> _ordinalChain;

    public Locale(string lang, IEnumerable<LocaleData> chain)
    {
        Lang = lang;
        _chain = [.. chain];
        // Ordinal terms: the first source that defines any ordinal term replaces all ordinal terms of later sources.
        int first = _chain.IndexOf(_chain.FirstOrDefault(c => c.HasOrdinals) ?? _chain[^1]);
        _ordinalChain = first < 0 ? _chain : [.. _chain.Take(first + 1)];
        OpenQuote = TermText("open-quote") ?? "\u201C";
        CloseQuote = TermText("close-quote") ?? "\u201D";
        OpenInnerQuote = TermText("open-inner-quote") ?? "\u2018";
        CloseInnerQuote = TermText("close-inner-quote") ?? "\u2019";
        PunctuationInQuote = _chain.Select(c => c.PunctuationInQuote).FirstOrDefault(v => v is not null) ?? false;
        LimitDayOrdinalsToDay1 = _chain.Select(c => c.LimitDayOrdinalsToDay1).FirstOrDefault(v => v is not null) ?? false;
        Culture = SafeCulture(lang);
    }

    public string Lang { get; }

    public CultureInfo Culture { get; }

    public string OpenQuote { get; }

    public string CloseQuote { get; }

    public string OpenInnerQuote { get; }

    public string CloseInnerQuote { get; }

    public bool PunctuationInQuote { get; }

    public bool LimitDayOrdinalsToDay1 { get; }

    private static CultureInfo SafeCulture(string lang)
    {
        try
        {
            return CultureInfo.GetCultureInfo(lang);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    private string? TermText(string name) => FindTerm(name, TermForm.Long, null)?.Single;

    public DateElement? DateFormat(string form)
    {
        foreach (var c in _chain)
        {
            if (c.Dates.TryGetValue(form, out var d))
            {
                return d;
            }
        }

        return null;
    }

    private static readonly TermForm[][] FormFallback =
    [
        [TermForm.Long],
        [TermForm.Short, TermForm.Long],
        [TermForm.Verb, TermForm.Long],
        [TermForm.VerbShort, TermForm.Verb, TermForm.Long],
        [TermForm.Symbol, TermForm.Short, TermForm.Long],
    ];

    public Term? FindTerm(string name, TermForm form, string? genderForm)
    {
        bool ordinal = name.StartsWith("ordinal", StringComparison.Ordinal) || name.StartsWith("long-ordinal", StringComparison.Ordinal);
        var chain = ordinal ? _ordinalChain : _chain;
        foreach (var f in FormFallback[(int)form])
        {
            foreach (var c in chain)
            {
                if (c.Terms.TryGetValue((name, f), out var list))
                {
                    Term? neutral = null;
                    foreach (var t in list)
                    {
                        if (t.GenderForm == genderForm)
                        {
                            return t;
                        }

                        if (t.GenderForm is null)
                        {
                            neutral = t;
                        }
                    }

                    if (neutral is not null)
                    {
                        return neutral;
                    }
                }
            }
        }

        return null;
    }

    public string? Term(string name, TermForm form = TermForm.Long, bool plural = false)
    {
        var t = FindTerm(name, form, null);
        return t is null ? null : plural ? t.Multiple : t.Single;
    }

    public string? Gender(string name)
    {
        foreach (var c in _chain)
        {
            if (c.Terms.TryGetValue((name, TermForm.Long), out var list))
            {
                foreach (var t in list)
                {
                    if (t.GenderForm is null && t.Gender is not null)
                    {
                        return t.Gender;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Ordinal suffix for a number, CSL 1.0.1 rules (ordinal-00..99 with match, then "ordinal").</summary>
    private static readonly string[] LocatorTypes =
    [
        "act", "appendix", "article-locator", "book", "canon", "chapter", "column", "elocation", "equation", "figure", "folio",
        "issue", "line", "note", "opus", "page", "paragraph", "part", "rule", "scene", "section", "sub-verbo", "supplement",
        "table", "timestamp", "title-locator", "verse", "volume",
    ];

    private Dictionary<string, string>? _locatorAbbreviations;

    /// <summary>The locator type whose short term (singular or plural) is <paramref name="abbreviation"/>
    /// ("vol." → volume, "pp." → page); only abbreviations ending in a period count.</summary>
    public string? LocatorTypeOf(string abbreviation)
    {
        var map = LazyInitializer.EnsureInitialized(ref _locatorAbbreviations, () =>
        {
            var d = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string type in LocatorTypes)
            {
                foreach (bool plural in (ReadOnlySpan<bool>)[false, true])
                {
                    if (Term(type, TermForm.Short, plural) is { Length: > 1 } abbr && abbr[^1] == '.' && !abbr.Contains(' ', StringComparison.Ordinal))
                    {
                        d.TryAdd(abbr, type);
                    }
                }
            }

            return d;
        });
        return map.GetValueOrDefault(abbreviation);
    }

    public string OrdinalSuffix(int n, string? gender)
    {
        long abs = Math.Abs((long)n); // int.MinValue has no int magnitude
        int last2 = (int)(abs % 100);
        int last1 = (int)(abs % 10);
        if (last2 >= 10)
        {
            var t2 = FindOrdinal($"ordinal-{last2:D2}", gender);
            if (t2 is not null && (t2.Match != "whole-number" || abs == last2))
            {
                return t2.Single;
            }
        }

        var t1 = FindOrdinal($"ordinal-{last1:D2}", gender);
        if (t1 is not null)
        {
            bool ok = t1.Match switch
            {
                "whole-number" => abs == last1,
                "last-two-digits" => last2 == last1,
                _ => true,
            };
            if (ok)
            {
                return t1.Single;
            }
        }

        return FindOrdinal("ordinal", gender)?.Single ?? string.Empty;
    }

    private Term? FindOrdinal(string name, string? gender)
    {
        foreach (var c in _ordinalChain)
        {
            if (c.Terms.TryGetValue((name, TermForm.Long), out var list))
            {
                Term? neutral = null;
                foreach (var t in list)
                {
                    if (t.GenderForm == gender)
                    {
                        return t;
                    }

                    if (t.GenderForm is null)
                    {
                        neutral = t;
                    }
                }

                // a gendered ordinal of another gender does not apply: the caller falls back to the next term
                return neutral;
            }
        }

        return null;
    }

    public string? LongOrdinal(int n, string? gender)
    {
        if (n is < 1 or > 10)
        {
            return null;
        }

        var t = FindOrdinal($"long-ordinal-{n:D2}", gender);
        return t?.Single;
    }
}
