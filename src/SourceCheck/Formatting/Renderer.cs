using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using SourceCheck.Csl;
using SourceCheck.Text;

namespace SourceCheck.Formatting;

/// <summary>Per-item disambiguation state.</summary>
internal sealed class ItemState
{
    public int AddNames;

    /// <summary>Given-name expansion level per name index (0 = as the style says, 1 = initials, 2 = full).</summary>
    public int[]? GivenLevel;

    /// <summary>The <see cref="GivenLevel"/> at which the citation printed a given name in full: 2 when its names are
    /// short (1 gave initials), 1 when they are long. A long-form bibliography name with initials spells out a given
    /// name the citation had to print in full (citeproc-js's requested level 2 over the default 1).</summary>
    public int FullGivenLevel = 2;

    public int YearSuffix = -1;

    public bool Disambiguate;

    /// <summary>How many disambiguate="true" conditions (in rendering order) test true.</summary>
    public int DisambiguateLevel = int.MaxValue;

    public int CitationNumber;

    public int FirstNoteNumber;

    /// <summary>The item's cite without locator, affixes or position, as disambiguation renders it.</summary>
    public CiteItem? BareCite;

    /// <summary>Most characters one rendering of the item may produce (<see cref="OutputBudget.EntryLimit"/>).</summary>
    public long OutputLimit = long.MaxValue;
}

/// <summary>The output-size budget of one processor run (issue 15): a style that multiplies its output (a macro repeating
/// a long variable within the expansion budget, huge affixes or delimiters) stops with a positioned SC3014 instead of
/// producing gigabytes. Each rendering of an item may produce at most <see cref="EntryLimit"/> characters, and the run's
/// finished citations and entries together at most <see cref="RunLimit"/>, both relative to the input.</summary>
internal sealed class OutputBudget(long runLimit, string? source)
{
    /// <summary>Characters an item's rendering may reach: 100,000 plus 8 per character of the item's own data.</summary>
    public static long EntryLimit(long itemChars) => 100_000 + (8 * itemChars);

    /// <summary>Characters a run may produce: 32 Mi plus 8 per character of all items' data.</summary>
    public static long RunLimitFor(long inputChars) => (32L << 20) + (8 * inputChars);

    private long _run;

    public long RunLimit { get; } = runLimit;

    public string? Source { get; } = source;

    /// <summary>Starts a new run (a processor may be asked for its output more than once).</summary>
    public void Reset() => Interlocked.Exchange(ref _run, 0);

    /// <summary>Counts a finished citation or entry against the run's limit (thread-safe: entries render in parallel).</summary>
    public void AddFinished(int chars, int line)
    {
        if (Interlocked.Add(ref _run, chars) > RunLimit)
        {
            throw Over(line, $"the formatted output passes {RunLimit:N0} characters (32 Mi plus 8 per input character); stopped");
        }
    }

    public Diagnostics.DiagnosticException Over(int line, string message) =>
        new([new Diagnostics.Diagnostic(Diagnostics.DiagnosticCodes.CslOutputBudget, Diagnostics.Severity.Error,
            new Text.TextSpan(0, 0, Math.Max(1, line), 1), message, Source)]);
}

/// <summary>One cite in a citation: item, locator, label, affixes, position.</summary>
internal sealed record CiteItem(string Id)
{
    public string? Locator { get; init; }

    public string? Label { get; init; }

    public string? Prefix { get; init; }

    public string? Suffix { get; init; }

    public bool SuppressAuthor { get; init; }

    public bool AuthorOnly { get; init; }

    /// <summary>A position given by the caller instead of the one computed from the citation order.</summary>
    public Position? Position { get; init; }
}

internal enum Position : byte { First, Subsequent, Ibid, IbidWithLocator }

/// <summary>State of one rendering pass of one item.</summary>
internal sealed class Ctx
{
    public required Style Style;
    public required Locale Locale;
    public required CslItem Item;
    public required Section Section;
    public required ItemState State;
    public bool Bib;
    public CiteItem? Cite;
    public Position Position;
    public bool NearNote;
    public int Called;
    public int NonEmpty;
    public HashSet<string>? Suppressed;
    public bool SortMode;
    public SortKey? SortKey;

    /// <summary>In a sort key, the sort strings of the dates rendered inside a macro that has a date.</summary>
    public List<string>? SortDates;
    public bool SuppressAuthor;
    public bool AuthorOnly;
    public bool InSubstitute;

    /// <summary>While a substitute renders, the names element it belongs to: a names element nested deeper in the
    /// substitute (inside a choose or a macro) inherits its name, et-al and label as a direct child does
    /// (citeproc-js inherits at build time for everything under cs:substitute).</summary>
    public NamesElement? SubstituteParent;
    public bool NamesSeen;

    /// <summary>In a bibliography entry, while its first names element (with its substitutes) renders: the item's
    /// given-name disambiguation levels apply there as in its cites.</summary>
    public bool InFirstNames;
    public RSpan? FirstNamesNode;
    public List<string>? FirstNamesList;

    /// <summary>Whether names elements record the plain text of each name (<see cref="FirstNamesList"/>); off where
    /// nothing reads it (sort keys, a bibliography without subsequent-author-substitute).</summary>
    public bool NameTexts = true;

    /// <summary>A probe for the names of the first names element: rendering stops once they are known.</summary>
    public bool StopAfterFirstNames;
    public bool DisambigMode;

    /// <summary>Some names list was shortened by et-al (showing more names would change the output).</summary>
    public bool EtAlCut;

    /// <summary>Disambiguation key in the subsequent-cite et-al form (et-al-subsequent-min/use-first).</summary>
    public bool SubsequentEtAl;

    /// <summary>disambiguate conditions met so far in this rendering.</summary>
    public int DisambiguateSeen;
    public bool YearSuffixRendered;
    public bool ImplicitYearSuffix;
    public int NameCounter;
    public List<string>? Recording;
    public List<string>? LastNamesList;
    public IReadOnlyList<Csl.CslName>? LastNamesRaw;
    public IReadOnlyList<Csl.CslName>? FirstNamesRaw;

    /// <summary>The name options the first names element rendered with (a substituted names element inherits them).</summary>
    public NameOptions? FirstNamesOpts;
    public NameOptions? LastNamesOpts;

    public NameOptions NameOpts = NameOptions.Empty;

    /// <summary>Memo of item variable presence for choose conditions (0 unknown, 1 no, 2 yes), by
    /// <see cref="VariableIds"/> number.</summary>
    public byte[]? VariableMemo;
    public string? NamesDelimiter;

    /// <summary>The run's output budget (null: unbounded) and the characters this rendering has produced so far.</summary>
    public OutputBudget? Budget;
    public long Output;

    /// <summary>The style line of the element being rendered (where a budget overrun is reported).</summary>
    public int Line;

    /// <summary>Makes a used context as a new one for another rendering (sort keys and disambiguation keys render
    /// tens of thousands of times; a context per rendering was a tenth of their allocations). Every field is set:
    /// <c>CtxResetTests</c> checks by reflection that a reset context equals a new one.</summary>
    public void Reset(Style style, Locale locale, CslItem item, Section section, ItemState state, bool bib, bool implicitYearSuffix, OutputBudget? budget)
    {
        Style = style;
        Locale = locale;
        Item = item;
        Section = section;
        State = state;
        Bib = bib;
        Cite = null;
        Position = default;
        NearNote = false;
        Called = 0;
        NonEmpty = 0;
        Suppressed = null;
        SortMode = false;
        SortKey = null;
        SortDates = null;
        SuppressAuthor = false;
        AuthorOnly = false;
        InSubstitute = false;
        SubstituteParent = null;
        NamesSeen = false;
        InFirstNames = false;
        FirstNamesNode = null;
        FirstNamesList = null;
        NameTexts = true;
        StopAfterFirstNames = false;
        DisambigMode = false;
        EtAlCut = false;
        SubsequentEtAl = false;
        DisambiguateSeen = 0;
        YearSuffixRendered = false;
        ImplicitYearSuffix = implicitYearSuffix;
        NameCounter = 0;
        Recording = null;
        LastNamesList = null;
        LastNamesRaw = null;
        FirstNamesRaw = null;
        FirstNamesOpts = null;
        LastNamesOpts = null;
        NameOpts = NameOptions.Empty;
        if (VariableMemo is { } memo)
        {
            // the memo array is kept: all unknown again
            Array.Clear(memo);
        }

        NamesDelimiter = null;
        Budget = budget;
        Output = 0;
        Line = 0;
    }

    /// <summary>Counts <paramref name="chars"/> of output made by the element being rendered against the item's limit.</summary>
    public void Charge(long chars)
    {
        Output += chars;
        if (Output > State.OutputLimit && Budget is { } b)
        {
            throw b.Over(Line, $"the output of item '{Item.Id}' passes {State.OutputLimit:N0} characters here (100,000 plus 8 per character of the item's data: the style repeats text or has very long affixes or delimiters); stopped");
        }
    }
}

/// <summary>Renders rendering elements of a style for one item into a rendering tree.</summary>
internal static class Renderer
{
    public static RSpan? RenderLayout(Ctx c, Layout layout)
    {
        c.NameOpts = c.Section.Names.Over(c.Style.Names);
        c.NamesDelimiter = c.Section.NamesDelimiter ?? c.Style.NamesDelimiter;
        var span = new RSpan();
        foreach (var e in layout.Children)
        {
            span.Add(Render(c, e));
            if (c.StopAfterFirstNames && c.FirstNamesRaw is not null)
            {
                break;
            }
        }

        return Rich.IsEmpty(span) ? null : span;
    }

    /// <summary>citeproc-js's bibliography layout when its first child has <c>display</c> ("using_display"): the
    /// layout suffix is put on the last immediate child of the layout (a choose is transparent) instead of after the
    /// entry. A display block keeps its own suffix and takes the layout suffix inside the block; any other child has its
    /// suffix replaced by it. A names element or a <c>&lt;text macro&gt;</c> that renders nothing still counts as the
    /// last child, and the suffix is lost with it; other empty elements leave no trace (node scripts against citeproc-js
    /// 2.4.63: fishery-bulletin, currents-in-biblical-research).</summary>
    public static RSpan? RenderDisplayLayout(Ctx c, Layout layout, string suffix)
    {
        c.NameOpts = c.Section.Names.Over(c.Style.Names);
        c.NamesDelimiter = c.Section.NamesDelimiter ?? c.Style.NamesDelimiter;
        var span = new RSpan();
        RNode? lastNode = null;
        Element? lastElement = null;
        void Visit(ImmutableArray<Element> children)
        {
            foreach (var e in children)
            {
                if (e is ChooseElement ch)
                {
                    foreach (var b in ch.Branches)
                    {
                        if (b.Conditions.IsEmpty || Conditions.Test(c, b))
                        {
                            Visit(b.Children);
                            break;
                        }
                    }

                    continue;
                }

                var n = Render(c, e);
                if (n is not null && !Rich.IsEmpty(n))
                {
                    span.Add(n);
                    (lastNode, lastElement) = (n, e);
                }
                else if (e is NamesElement or TextElement { Source: TextSource.Macro })
                {
                    (lastNode, lastElement) = (null, e);
                }
            }
        }

        Visit(layout.Children);
        if (lastNode is not null && lastElement is not null)
        {
            var d = lastElement.Decor;
            if (d.Display != DisplayMode.None && lastNode is RSpan { Display: not DisplayMode.None } block)
            {
                block.Children.Add(new RText(suffix) { NoCase = true });
            }
            else if (d.Suffix is { Length: > 0 } own && FindSuffix(lastNode, own, 4) is { } ownText)
            {
                ownText.Text = suffix;
            }
            else
            {
                span.Add(new RText(suffix) { NoCase = true });
            }
        }

        return Rich.IsEmpty(span) ? null : span;
    }

    /// <summary>Whether the first child of a bibliography layout carries <c>display</c> (citeproc-js's
    /// "using_display").</summary>
    public static bool UsesDisplay(Layout layout) => layout.Children.Length > 0 && layout.Children[0] is not ChooseElement && layout.Children[0].Decor.Display != DisplayMode.None;

    /// <summary>The affix leaf that <see cref="Decorate"/> wrote for a suffix: the last child of the node or of its
    /// last child, a few levels down.</summary>
    private static RText? FindSuffix(RNode node, string suffix, int depth)
    {
        while (depth-- > 0 && node is RSpan s && s.Children.Count > 0)
        {
            if (s.Children[^1] is RText { NoCase: true } t && t.Text == suffix && s.Children.Count > 1)
            {
                return t;
            }

            node = s.Children[^1];
        }

        return null;
    }

    /// <summary>A formatted element's prefix at the very start of a group or macro output moves into a closing quote
    /// before it after all: citeproc-js lifts leading punctuation out of a nested blob ("“Title.” <i>Journal</i>"
    /// through <c>&lt;text macro&gt;</c>, but "“Title”. <i>Journal</i>" for a sibling).</summary>
    private static void ReleaseLeadingPrefix(RNode? node)
    {
        for (int depth = 0; depth < 8 && node is RSpan s && s.Children.Count > 0; depth++)
        {
            node = s.Children[0];
        }

        if (node is RText { StaysOutsideQuote: true } t)
        {
            t.StaysOutsideQuote = false;
        }
    }

    public static RNode? RenderChildren(Ctx c, ImmutableArray<Element> children, string? delimiter)
    {
        RSpan? span = null;
        AppendChildren(c, children, delimiter, ref span);
        return span;
    }

    /// <summary>Renders children into <paramref name="span"/> with delimiters; a choose is transparent (its chosen
    /// branch's children take part in the enclosing delimiter).</summary>
    private static void AppendChildren(Ctx c, ImmutableArray<Element> children, string? delimiter, ref RSpan? span)
    {
        foreach (var e in children)
        {
            if (c.StopAfterFirstNames && c.FirstNamesRaw is not null)
            {
                return;
            }

            if (e is ChooseElement ch)
            {
                foreach (var b in ch.Branches)
                {
                    if (b.Conditions.IsEmpty || Conditions.Test(c, b))
                    {
                        AppendChildren(c, b.Children, delimiter, ref span);
                        break;
                    }
                }

                continue;
            }

            var n = Render(c, e);
            if (n is null || Rich.IsEmpty(n))
            {
                continue;
            }

            span ??= new RSpan();
            if (delimiter is { Length: > 0 } && span.Children.Count > 0)
            {
                c.Charge(delimiter.Length);
                span.Children.Add(new RText(delimiter) { NoCase = true, IsDelimiter = true });
            }

            span.Children.Add(n);
        }
    }

    public static RNode? Render(Ctx c, Element e)
    {
        int outerLine = c.Line;
        c.Line = e.Line;
        var node = e switch
        {
            TextElement t => RenderText(c, t),
            NumberElement n => RenderNumber(c, n),
            LabelElement l => RenderLabel(c, l, null),
            DateElement d => Dates.Render(c, d),
            NamesElement n => Names.Render(c, n, c.InSubstitute ? c.SubstituteParent : null),
            GroupElement g => RenderGroup(c, g),
            ChooseElement ch => RenderChoose(c, ch),
            _ => null,
        };

        // Leaves are charged whole; groups, choices and macro calls through their children (and their affixes in Decorate).
        if (node is not null && e is not (GroupElement or ChooseElement or TextElement { Source: TextSource.Macro }))
        {
            c.Charge(Rich.Length(node));
        }

        c.Line = outerLine;
        return node;
    }

    private static RNode? RenderGroup(Ctx c, GroupElement g)
    {
        int called = c.Called, nonEmpty = c.NonEmpty;
        c.Called = 0;
        c.NonEmpty = 0;
        var content = RenderChildren(c, g.Children, g.Delimiter);
        ReleaseLeadingPrefix(content);
        bool suppress = c.Called > 0 && c.NonEmpty == 0;
        int nonEmptyInside = c.NonEmpty;
        c.Called = called + (c.Called > 0 ? 1 : 0);
        if (suppress || content is null)
        {
            c.NonEmpty = nonEmpty + (nonEmptyInside > 0 ? 1 : 0);
            return null;
        }

        // a nested group that renders counts as content for the enclosing group, even without variables
        c.NonEmpty = nonEmpty + 1;
        return Decorate(c, content, g.Decor);
    }

    private static RNode? RenderChoose(Ctx c, ChooseElement ch)
    {
        foreach (var b in ch.Branches)
        {
            if (b.Conditions.IsEmpty || Conditions.Test(c, b))
            {
                return RenderChildren(c, b.Children, null);
            }
        }

        return null;
    }

    // ------------------------------------------------------------------ text

    private static RNode? RenderText(Ctx c, TextElement t)
    {
        switch (t.Source)
        {
            case TextSource.Macro:
            {
                if (t.Macro is null)
                {
                    return null;
                }

                int called = c.Called, nonEmpty = c.NonEmpty;
                c.Called = 0;
                c.NonEmpty = 0;
                var content = RenderMacroBody(c, t.Macro);
                ReleaseLeadingPrefix(content);
                bool suppress = c.Called > 0 && c.NonEmpty == 0;
                int ca = c.Called;
                // content holds only children that were not empty when added (nothing changed them since)
                bool produced = !suppress && content is not null;
                c.Called = called + (ca > 0 || produced ? 1 : 0);
                c.NonEmpty = nonEmpty + (produced ? 1 : 0);
                if (!produced)
                {
                    return null;
                }

                return Decorate(c, content, t.Decor);
            }

            case TextSource.Term:
            {
                string? term = c.Locale.Term(t.Name, t.Form, t.PluralTerm);
                if (string.IsNullOrEmpty(term))
                {
                    return null;
                }

                // a term without markup is a bare leaf (as in a span of one leaf, it is marked as a term)
                var termNode = Rich.ParseMarkupNode(term, quotes: false);
                if ((termNode as RText ?? (termNode is RSpan { Children: [RText inner] } ? inner : null)) is { } tt)
                {
                    tt.IsTerm = true;
                }

                return Decorate(c, termNode, t.Decor, anyLanguage: true);
            }

            case TextSource.Value:
                // straight quotes in a value are quotations, like in field values ("'friend'" → “friend”)
                return t.Name.Length == 0 ? null : Decorate(c, Rich.ParseMarkupNode(t.Name), t.Decor, anyLanguage: true);
            default:
                var node = Variable(c, t.Name, t.Form);
                if (node is null)
                {
                    if (t.Name != "year-suffix")
                    {
                        c.Called++;
                    }

                    return null;
                }

                c.Called++;
                c.NonEmpty++;
                c.Recording?.Add(t.Name);
                return Decorate(c, node, t.Decor);
        }
    }

    public static string? StringVar(Ctx c, string name, TermForm form = TermForm.Long)
    {
        if (c.Suppressed is not null && c.Suppressed.Contains(name))
        {
            return null;
        }

        switch (name)
        {
            case "locator":
                return c.Cite?.Locator is { Length: > 0 } loc ? loc : null;
            case "citation-number":
                // citeproc-js renders no number when it compares cites for disambiguation: a cite that prints only
                // its number is as ambiguous as its other output (so numeric styles still get year suffixes)
                return c.DisambigMode ? null : c.State.CitationNumber > 0 ? c.State.CitationNumber.ToString(CultureInfo.InvariantCulture) : null;
            case "first-reference-note-number":
                return c.State.FirstNoteNumber > 0 && c.Cite is not null && c.Position != Position.First ? c.State.FirstNoteNumber.ToString(CultureInfo.InvariantCulture) : null;
            case "year-suffix":
                return c.State.YearSuffix >= 0 ? YearSuffixLetters(c.State.YearSuffix) : null;
            case "citation-label":
            {
                string label = c.Item.GetString("citation-label") ?? Trigraph(c.Item);
                if (c.ImplicitYearSuffix && !c.YearSuffixRendered && c.State.YearSuffix >= 0 && !c.SortMode)
                {
                    c.YearSuffixRendered = true;
                    label += YearSuffixLetters(c.State.YearSuffix);
                }

                return label;
            }
        }

        string? v = null;
        if (form == TermForm.Short)
        {
            v = name switch
            {
                "title" => c.Item.GetString("title-short") ?? c.Item.GetString("shortTitle"),
                "container-title" => c.Item.GetString("container-title-short") ?? c.Item.GetString("journalAbbreviation"),
                _ => c.Item.GetString(name + "-short"),
            };
        }

        v ??= c.Item.GetString(name);
        if (v is null && name == "page-first" && c.Item.GetString("page") is { } pg)
        {
            int e = 0;
            while (e < pg.Length && !(pg[e] is '-' or '\u2013' or ',' or '&' or ' '))
            {
                e++;
            }

            v = pg[..e];
        }
        if (v is null && name == "title-short")
        {
            v = c.Item.GetString("shortTitle");
        }
        else if (v is null && name == "container-title-short")
        {
            v = c.Item.GetString("journalAbbreviation");
        }

        return string.IsNullOrEmpty(v) ? null : v;
    }

    private static string Trigraph(CslItem item)
    {
        IReadOnlyList<CslName> names = [];
        foreach (var v in new[] { "author", "editor", "translator" })
        {
            names = item.GetNames(v);
            if (names.Count > 0)
            {
                break;
            }
        }

        static string Fam(CslName n)
        {
            // the family name without its particle ("von Dipheria" → "Dipheria")
            string f = n.Family ?? n.Literal ?? string.Empty;
            int sp = f.LastIndexOf(' ');
            if (n.Family is not null && sp > 0 && char.IsLower(f[0]) && sp + 1 < f.Length && !char.IsLower(f[sp + 1]))
            {
                f = f[(sp + 1)..];
            }

            return f.Replace(" ", string.Empty, StringComparison.Ordinal);
        }

        static string Take(string s, int k) => s.Length <= k ? s : s[..k];
        string label = names.Count switch
        {
            0 => Take((item.GetString("title") ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal), 4),
            1 => Take(Fam(names[0]), 4),
            2 or 3 => string.Concat(names.Select(n => Take(Fam(n), 2))),
            _ => string.Concat(names.Take(4).Select(n => Take(Fam(n), 1))),
        };
        int? year = item.GetDate("issued")?.Start?.Year;
        return label + (year is { } y ? (Math.Abs((long)y) % 100).ToString("D2", CultureInfo.InvariantCulture) : string.Empty);
    }

    public static string YearSuffixLetters(int n)
    {
        var sb = new StringBuilder();
        n++;
        while (n > 0)
        {
            n--;
            sb.Insert(0, (char)('a' + (n % 26)));
            n /= 26;
        }

        return sb.ToString();
    }

    private static RNode? Variable(Ctx c, string name, TermForm form)
    {
        string? v = StringVar(c, name, form);
        if (v is null)
        {
            return null;
        }

        if (name == "year-suffix")
        {
            c.YearSuffixRendered = true;
        }

        if (name is "page" or "locator")
        {
            // the range delimiter term is only looked up for the variables that use it
            string rangeDelim = c.Locale.Term("page-range-delimiter") ?? "\u2013";
            v = c.Style.PageRangeFormat is { } prf && (name == "page" || (c.Cite?.Label ?? "page") == "page")
                ? Numbers.FormatPageRange(v, prf, rangeDelim)
                : Numbers.NormalizeRangeDash(v, rangeDelim);
            if (v.Contains('&', StringComparison.Ordinal) && c.Locale.Term("and", TermForm.Symbol) is { Length: > 0 } amp && amp != "&" && Numbers.IsNumeric(v))
            {
                // "12 & 14": the ampersand between numbers is the locale's "and" symbol
                v = v.Replace("&", amp, StringComparison.Ordinal);
            }
        }
        else if (name is "issue" or "volume" or "number" or "chapter-number" or "collection-number" or "number-of-volumes"
            && v.Contains('-', StringComparison.Ordinal) && Numbers.IsNumeric(v))
        {
            // a numeric range in another number variable ("3-4") takes an en dash
            v = Numbers.NormalizeRangeDash(v);
        }

        if (name is "URL" or "DOI")
        {
            return new RText(name == "URL" && form == TermForm.Short ? ShortUrl(v) : v);
        }

        // values without markup are bare leaves (a wrapping span without formatting renders the same)
        return Rich.ParseMarkupNode(v);
    }

    private static readonly System.Text.RegularExpressions.Regex UrlPath = RegexPolicy.Create(
        @"^(.*\.[^/]+)/.*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>The short form of a URL, which CSL 1.0.2 leaves undefined, as citeproc-js (and so Zotero) writes it:
    /// the address up to its host ("https://example.org"), and without the scheme when the host starts with "www."
    /// ("www.example.com").</summary>
    internal static string ShortUrl(string url)
    {
        string value = url;
        try
        {
            if (UrlPath.Match(url) is { Success: true } m)
            {
                value = m.Groups[1].Value;
            }
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            RegexPolicy.Skipped();
            return url;
        }

        if (value.Contains("//www.", StringComparison.Ordinal))
        {
            int scheme = value.IndexOf("://", StringComparison.Ordinal);
            if (scheme > 0 && (value[..scheme] is "http" or "https"))
            {
                value = value[(scheme + 3)..];
            }
        }

        return value;
    }

    // ------------------------------------------------------------------ number

    private static RNode? RenderNumber(Ctx c, NumberElement n)
    {
        c.Called++;
        string? v = StringVar(c, n.Variable);
        if (v is null)
        {
            return null;
        }

        c.NonEmpty++;
        c.Recording?.Add(n.Variable);
        string text;
        if (c.SortMode && Numbers.LeadingNumber(v) is { } sortNum)
        {
            return new RText(sortNum.ToString("D8", CultureInfo.InvariantCulture));
        }

        if (Numbers.IsNumeric(v))
        {
            string? gender = n.Form is NumberForm.Ordinal or NumberForm.LongOrdinal ? GenderOf(c, n.Variable) : null;
            text = Numbers.Format(v, n.Form, c.Locale, gender, n.Variable == "page" || n.Variable == "locator" ? c.Style.PageRangeFormat : null);
        }
        else if (v.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
        {
            // a number field with numbers in it is not parsed for rich-text markup; its numeric parts
            // ("7, p. 3-8") are formatted one by one
            string? gender = n.Form is NumberForm.Ordinal or NumberForm.LongOrdinal ? GenderOf(c, n.Variable) : null;
            text = Numbers.FormatMixed(v, n.Form, c.Locale, gender);
            return Decorate(c, new RText(text), n.Decor);
        }
        else
        {
            text = v;
        }

        return Decorate(c, Rich.ParseMarkupNode(text), n.Decor);
    }

    private static string? GenderOf(Ctx c, string variable)
    {
        string term = variable switch
        {
            "locator" => c.Cite?.Label ?? "page",
            _ => variable,
        };
        return c.Locale.Gender(term);
    }

    // ------------------------------------------------------------------ label

    public static RNode? RenderLabel(Ctx c, LabelElement l, int? nameCount) => RenderLabel(c, l.Variable, l.Form, l.Plural, l.Decor, nameCount);

    public static RNode? RenderLabel(Ctx c, string variable, TermForm form, Plural pluralMode, Decor decor, int? nameCount)
    {
        string term;
        bool plural;
        if (nameCount is { } count)
        {
            term = variable;
            plural = pluralMode switch { Plural.Always => true, Plural.Never => false, _ => count > 1 };
        }
        else
        {
            string? value = StringVar(c, variable);
            term = variable == "locator" ? c.Cite?.Label ?? "page" : variable;

            // citeproc-js (CSL.evaluateLabel) prints a label's term whether or not its variable has a value; the term
            // counts as a term for group suppression, so a group whose variables are all empty still vanishes.
            // CSL 1.0.2 says a label renders only with its variable; Zotero users see the term ("Vol.", "p."), so we
            // print it as citeproc-js does (docs/formatting.md, session 8).
            plural = pluralMode switch
            {
                Plural.Always => true,
                Plural.Never => false,
                _ when value is null => false,
                _ => variable == "number-of-pages" || variable == "number-of-volumes"
                    ? Numbers.LeadingNumber(value) is { } nv && nv > 1
                    : Numbers.IsPlural(value) || (c.Locale.Term("and") is { Length: > 0 } andTerm && value.Contains(" " + andTerm + " ", StringComparison.Ordinal)),
            };
        }

        string? text = c.Locale.Term(term, form, plural);
        if (string.IsNullOrEmpty(text) && term is "sub verbo" or "sub-verbo")
        {
            // the locator type is "sub-verbo" in CSL 1.0.2 locales, "sub verbo" in older ones and in item data
            text = c.Locale.Term(term == "sub verbo" ? "sub-verbo" : "sub verbo", form, plural);
        }

        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return Decorate(c, Rich.ParseMarkupNode(text, quotes: false), decor, anyLanguage: true);
    }

    // ------------------------------------------------------------------ decoration

    /// <summary>Applies a decoration. <c>text-case="title"</c> applies to English items only (the item's language,
    /// else the rendering locale), except for terms, labels and fixed values (<paramref name="anyLanguage"/>):
    /// citeproc-js checks the language only where it renders a variable, so es-ES APA prints "(Eds.)".</summary>
    public static RNode? Decorate(Ctx c, RNode? content, Decor d, bool anyLanguage = false)
    {
        if (content is null)
        {
            return null;
        }

        if (ReferenceEquals(d, Decor.None))
        {
            return content;
        }

        if (d.StripPeriods)
        {
            StripPeriods(content);
        }

        if (d.TextCase != TextCase.None)
        {
            TextCasing.Apply(content, d.TextCase, c.Locale, d.TextCase != TextCase.Title || anyLanguage || IsEnglish(c),
                d.TextCase is TextCase.Uppercase or TextCase.Lowercase ? CasingCulture(c) : null);
        }

        RNode node = content;
        if (d.Quotes || !d.Format.IsEmpty)
        {
            // one span for both: its formatting opens outside its quotation marks, as a formatted span around a
            // quoted one writes them
            var f = new RSpan(1) { Quotes = d.Quotes, Format = d.Format };
            f.Children.Add(node);
            node = f;
        }

        if (d.Prefix is { Length: > 0 } || d.Suffix is { Length: > 0 })
        {
            c.Charge((d.Prefix?.Length ?? 0) + (d.Suffix?.Length ?? 0));
            var a = new RSpan(3);
            if (d.Prefix is { Length: > 0 } p)
            {
                a.Children.Add(new RText(p) { NoCase = true, StaysOutsideQuote = !d.Format.IsEmpty });
            }

            a.Children.Add(node);
            if (d.Suffix is { Length: > 0 } s)
            {
                a.Children.Add(new RText(s) { NoCase = true });
            }

            node = a;
        }

        if (d.Display != DisplayMode.None && !c.SortMode)
        {
            var disp = new RSpan(1) { Display = d.Display };
            disp.Children.Add(node);
            node = disp;
        }

        return node;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, CultureInfo?> LanguageCultures = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Upper- and lowercasing follow the item's language (Turkish dotted and dotless i), else the locale's.</summary>
    private static CultureInfo CasingCulture(Ctx c)
    {
        string? lang = c.Item.GetString("language");
        if (string.IsNullOrEmpty(lang) || lang.Length > 35)
        {
            return c.Locale.Culture;
        }

        if (!LanguageCultures.TryGetValue(lang, out var culture))
        {
            try
            {
                culture = CultureInfo.GetCultureInfo(lang);
                culture = culture.Name.Length == 0 ? null : culture;
            }
            catch (CultureNotFoundException)
            {
                culture = null;
            }

            if (LanguageCultures.Count < 256)
            {
                LanguageCultures.TryAdd(lang, culture);
            }
        }

        return culture ?? c.Locale.Culture;
    }

    /// <summary>
    /// A macro's children. In a sort key, a macro whose own body holds a date yields only the sort strings of the
    /// dates rendered inside it: citeproc-js ("doing-macro-with-date") drops every other output of such a macro from
    /// the key, so "Title + date" keys sort by the date alone and a key macro whose date is not rendered is empty.
    /// </summary>
    internal static RNode? RenderMacroBody(Ctx c, Macro macro)
    {
        if (!c.SortMode || !macro.HasDate)
        {
            return RenderChildren(c, macro.Children, null);
        }

        var outer = c.SortDates;
        var dates = new List<string>();
        c.SortDates = dates;
        try
        {
            RenderChildren(c, macro.Children, null);
        }
        finally
        {
            c.SortDates = outer;
        }

        outer?.AddRange(dates);
        return dates.Count == 0 ? null : new RText(string.Concat(dates));
    }

    private static bool IsEnglish(Ctx c)
    {
        string? lang = c.Item.GetString("language");
        if (!string.IsNullOrEmpty(lang))
        {
            return lang.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        }

        // no item language: the language the entries are rendered in (a locale chosen by the caller replaces the
        // style's default-locale, as citeproc-js's forced language does)
        return c.Locale.Lang.StartsWith("en", StringComparison.OrdinalIgnoreCase);
    }

    public static void StripPeriods(RNode node)
    {
        var leaves = new List<RText>();
        Rich.Leaves(node, leaves);
        foreach (var l in leaves)
        {
            if (l.Text.Contains('.', StringComparison.Ordinal))
            {
                l.Text = l.Text.Replace(".", string.Empty, StringComparison.Ordinal);
            }
        }
    }
}
