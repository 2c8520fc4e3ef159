using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.Text;

namespace SourceCheck.Formatting;

/// <summary>A citation: one or more cites, with the note number it sits in (note styles).</summary>
internal sealed record Citation(IReadOnlyList<CiteItem> Items)
{
    public int? NoteIndex { get; init; }

    public string? Id { get; init; }
}

/// <summary>Everything one run produces: rendered citations, bibliography entries and warnings.</summary>
internal sealed record FormatResult(IReadOnlyList<string> Citations, IReadOnlyList<string> Bibliography, IReadOnlyList<Diagnostic> Warnings)
{
    private string? _bibliographyText;

    /// <summary>The bibliography wrapped the way citeproc-js does for HTML, or one entry per line otherwise (joined
    /// when first asked for: the <c>format</c> command writes the entries itself).</summary>
    public string BibliographyText
    {
        get => _bibliographyText ??= JoinBibliography?.Invoke() ?? string.Empty;
        init => _bibliographyText = value;
    }

    /// <summary>Builds <see cref="BibliographyText"/> on first use.</summary>
    internal Func<string>? JoinBibliography { get; init; }

    /// <summary>The item id of each <see cref="Bibliography"/> entry, in the same order.</summary>
    public IReadOnlyList<string> BibliographyIds { get; init; } = [];
}

/// <summary>The CSL engine: renders citations and a bibliography for a set of items with a compiled style and locale.
/// One instance per document; the style and locale are shared, immutable and thread-safe.</summary>
internal sealed partial class CslProcessor
{
    private readonly Style _style;
    private readonly Locale _locale;
    private readonly List<CslItem> _items;
    private readonly Dictionary<string, CslItem> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ItemState> _state = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> _warnings = [];
    private readonly CompareInfo _compare;

    public CslProcessor(Style style, Locale locale, IEnumerable<CslItem> items)
    {
        _style = style;
        _locale = locale;
        _items = [];
        foreach (var input in items)
        {
            var item = NoteFieldVariables(input);
            if (_byId.TryAdd(item.Id, item))
            {
                _items.Add(item);
                _state[item.Id] = new ItemState();
            }
            else
            {
                // a later item with the same id replaces the earlier one (in its place)
                _items[_items.IndexOf(_byId[item.Id])] = item;
                _byId[item.Id] = item;
            }
        }

        long inputChars = 0;
        foreach (var item in _items)
        {
            long chars = DataChars(item);
            _state[item.Id].OutputLimit = OutputBudget.EntryLimit(chars);
            inputChars += chars;
        }

        _budget = new OutputBudget(OutputBudget.RunLimitFor(inputChars), style.Source);
        _compare = locale.Culture.CompareInfo;
        _implicitYearSuffix = !UsesVariable(style, "year-suffix");
    }

    private readonly bool _implicitYearSuffix;
    private readonly OutputBudget _budget;

    /// <summary>Characters of an item's own data (strings, names, 16 a date or other value), the measure of the output budget.</summary>
    private static long DataChars(CslItem item)
    {
        long chars = item.Id.Length;
        foreach (string key in item.Keys)
        {
            chars += key.Length + item.GetRaw(key) switch
            {
                string s => s.Length,
                IReadOnlyList<Csl.CslName> names => names.Sum(n => (long)(n.Family?.Length ?? 0) + (n.Given?.Length ?? 0) + (n.Literal?.Length ?? 0) + 8),
                _ => 16,
            };
        }

        return chars;
    }

    private static bool UsesVariable(Style style, string variable)
    {
        foreach (var m in style.Macros.Values)
        {
            if (AnyUses(m.Children, variable))
            {
                return true;
            }
        }

        return AnyUses(style.Citation.Layout.Children, variable) || (style.Bibliography is { } b && AnyUses(b.Layout.Children, variable));
    }

    /// <summary>Whether an element prints <paramref name="variable"/> directly (macros are looked at separately).</summary>
    private static bool AnyUses(ImmutableArray<Element> els, string variable)
    {
        foreach (var e in els)
        {
            bool uses = e switch
            {
                TextElement t when t.Source == TextSource.Variable => t.Name == variable,
                NumberElement n => n.Variable == variable,
                GroupElement g => AnyUses(g.Children, variable),
                ChooseElement c => AnyBranchUses(c, variable, macros: false),
                NamesElement n => n.Substitute is { } s && AnyUses(s, variable),
                _ => false,
            };
            if (uses)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyBranchUses(ChooseElement c, string variable, bool macros)
    {
        foreach (var b in c.Branches)
        {
            if (macros ? MacroUses(b.Children, variable) : AnyUses(b.Children, variable))
            {
                return true;
            }
        }

        return false;
    }

    public Style Style => _style;

    /// <summary>Variables given as "name: value" lines in the note field (the Zotero convention citeproc-js honours).</summary>
    private static CslItem NoteFieldVariables(CslItem item)
    {
        string? note = item.GetString("note");
        return note is null || !note.Contains(": ", StringComparison.Ordinal) ? item : NoteFieldVariables(item, note);
    }

    private static CslItem NoteFieldVariables(CslItem item, string note)
    {
        CslItem? copy = null;
        var remaining = new List<string>();
        foreach (var rawLine in note.Split('\n'))
        {
            string line = rawLine.Trim();
            if (line.StartsWith("{:", StringComparison.Ordinal) && line.EndsWith('}'))
            {
                line = line[2..^1];
            }

            int colon = line.IndexOf(": ", StringComparison.Ordinal);
            string key = colon > 0 ? line[..colon].Trim() : string.Empty;
            var kind = key.Length > 0 ? CslVariables.KindOf(key) : null;
            if (kind is null && key != "type")
            {
                remaining.Add(rawLine);
                continue;
            }

            string value = line[(colon + 2)..].Trim();
            copy ??= item.Clone();
            switch (kind)
            {
                case VariableKind.Date:
                    if (!copy.Has(key) && CslJson.ParseEdtf(value) is { } d)
                    {
                        copy.SetDate(key, d);
                    }

                    break;
                case VariableKind.Name:
                {
                    var parts = value.Split("||");
                    var name = parts.Length > 1 ? CslName.Person(parts[0].Trim(), parts[1].Trim()) : CslName.Institution(value);
                    copy.SetNames(key, [.. copy.GetNames(key), name]);
                    break;
                }

                case null:
                    copy.Type = value;
                    break;
                default:
                    if (!copy.Has(key))
                    {
                        copy.SetString(key, value);
                    }

                    break;
            }
        }

        if (copy is null)
        {
            return item;
        }

        if (remaining.Count == 0)
        {
            copy.Remove("note");
        }
        else
        {
            copy.SetString("note", string.Join('\n', remaining));
        }

        return copy;
    }

    public Locale Locale => _locale;

    /// <summary>Called with a stage's name when <see cref="Process"/> finishes it (sort, disambiguate, citations,
    /// bibliography): the bench's timing split of <c>format</c>.</summary>
    internal Action<string>? StageDone { get; set; }

    /// <summary>Renders <paramref name="citations"/> (in document order) and the bibliography of all items
    /// (or of <paramref name="bibliographyIds"/> when given, in that registration order).</summary>
    public FormatResult Process(IReadOnlyList<Citation> citations, OutputFormat format = OutputFormat.Html, IReadOnlyList<string>? bibliographyIds = null,
        bool bibliography = true)
    {
        _budget.Reset();
        var registry = bibliographyIds is null ? CitedFirst(citations) : [.. bibliographyIds.Where(_byId.ContainsKey).Distinct().Select(id => _byId[id])];
        foreach (var c in citations)
        {
            foreach (var ci in c.Items)
            {
                if (!_byId.ContainsKey(ci.Id))
                {
                    _warnings.Add(new Diagnostic(DiagnosticCodes.CslItemNotFound, Severity.Warning, TextSpan.Empty, $"citation refers to unknown item '{ci.Id}'"));
                }
            }
        }

        var sorted = SortBibliography(registry);
        AssignNumbers(registry, sorted);
        if (_style.IsNote)
        {
            FirstNoteNumbers(citations);
        }

        StageDone?.Invoke("sort");
        Disambiguate(sorted);
        if (Names.GlobalGivenRule(_style) && _style.Bibliography is { Sort.IsEmpty: false }
            && sorted.Exists(i => _state[i.Id].GivenLevel is { } gl && Array.Exists(gl, l => l > 0)))
        {
            // the sort keys again with the given names the global rule expanded (see Names.GivenLevel)
            sorted = SortBibliography(registry);
            AssignNumbers(registry, sorted);
        }

        StageDone?.Invoke("disambiguate");
        var renderedCitations = RenderCitations(citations, format);
        StageDone?.Invoke("citations");
        var bib = new List<string>();
        if (bibliography && _style.Bibliography is not null)
        {
            bib = RenderBibliography(sorted, format);
        }

        StageDone?.Invoke("bibliography");

        return new FormatResult(renderedCitations, bib, [.. _warnings])
        {
            JoinBibliography = bib.Count == 0 ? null : () => BibliographyDocument(bib, format),
            BibliographyIds = bib.Count == 0 ? [] : [.. sorted.Select(i => i.Id)],
        };
    }

    /// <summary>The registry as citeproc-js builds it: items in the order of their first citation, then the uncited
    /// ones in input order. It decides citation numbers when the bibliography sorts by <c>citation-number</c> (IEEE,
    /// Vancouver: the first-cited work is [1]) and the order of a bibliography without sort.</summary>
    private List<CslItem> CitedFirst(IReadOnlyList<Citation> citations)
    {
        if (citations.Count == 0)
        {
            return _items;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var registry = new List<CslItem>(_items.Count);
        foreach (var ci in citations.SelectMany(c => c.Items))
        {
            if (_byId.TryGetValue(ci.Id, out var item) && seen.Add(ci.Id))
            {
                registry.Add(item);
            }
        }

        registry.AddRange(_items.Where(i => !seen.Contains(i.Id)));
        return registry;
    }

    /// <summary>First-reference note numbers are known before disambiguation (subsequent forms print them).</summary>
    private void FirstNoteNumbers(IReadOnlyList<Citation> citations)
    {
        int counter = 0;
        foreach (var c in citations)
        {
            counter++;
            foreach (var ci in c.Items)
            {
                if (_state.TryGetValue(ci.Id, out var st) && st.FirstNoteNumber == 0)
                {
                    st.FirstNoteNumber = c.NoteIndex ?? counter;
                }
            }
        }
    }

    /// <summary>Registry order after the bibliography sort (citation order when the style has no sort).</summary>
    /// <summary>The processing state of an item (number, disambiguation), to tell which citations a change touches.</summary>
    internal string StateKey(string id, bool withNumber) => _state.TryGetValue(id, out var st)
        ? string.Join('|', withNumber ? st.CitationNumber : 0, st.YearSuffix, st.AddNames, st.Disambiguate, st.GivenLevel is null ? string.Empty : string.Join(',', st.GivenLevel))
        : string.Empty;

    private void AssignNumbers(List<CslItem> registry, List<CslItem> sorted)
    {
        bool byCitationNumber = false;
        foreach (var k in _style.Bibliography?.Sort ?? [])
        {
            byCitationNumber |= k.Variable == "citation-number" || (k.Macro is not null && MacroUses(k.Macro.Children, "citation-number"));
        }

        var order = byCitationNumber ? registry : sorted;
        for (int i = 0; i < order.Count; i++)
        {
            _state[order[i].Id].CitationNumber = i + 1;
        }
    }

    /// <summary>Runs <paramref name="body"/> for 0 .. <paramref name="count"/> - 1: small jobs (fewer than 256 units
    /// of <paramref name="work"/>) inline, large ones on the available cores, each worker taking the next index.
    /// (Parallel.For would do the same, but its generic machinery costs every fresh process a JIT compile.)</summary>
    private static void ForEachIndex(int count, int work, Action<int> body)
    {
        int degree = work < 256 ? 1 : Math.Min(Environment.ProcessorCount, count);
        if (degree <= 1)
        {
            for (int i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        int next = -1;
        void Worker()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                body(i);
            }
        }

        var others = new Task[degree - 1];
        for (int t = 0; t < others.Length; t++)
        {
            others[t] = Task.Run(Worker);
        }

        try
        {
            Worker();
        }
        finally
        {
            Task.WaitAll(others);
        }
    }

    /// <summary>Whether elements (with the macros they call) print <paramref name="variable"/>.</summary>
    private static bool MacroUses(ImmutableArray<Element> els, string variable)
    {
        foreach (var e in els)
        {
            bool uses = e switch
            {
                TextElement t when t.Source == TextSource.Variable => t.Name == variable,
                TextElement { Macro: { } mm } => MacroUses(mm.Children, variable),
                NumberElement n => n.Variable == variable,
                GroupElement g => MacroUses(g.Children, variable),
                ChooseElement c => AnyBranchUses(c, variable, macros: true),
                _ => false,
            };
            if (uses)
            {
                return true;
            }
        }

        return false;
    }

    [ThreadStatic]
    private static Ctx? _spareCtx;

    /// <summary>A context for a rendering whose context does not outlive it (sort keys, disambiguation keys): the
    /// thread's spare one, reset, when it is free; give it back with <see cref="ReturnCtx"/>.</summary>
    private Ctx RentCtx(CslItem item, Section sec, bool bib)
    {
        var c = _spareCtx;
        if (c is null)
        {
            return NewCtx(item, sec, bib);
        }

        _spareCtx = null;
        c.Reset(_style, _locale, item, sec, _state[item.Id], bib, _implicitYearSuffix, _budget);
        return c;
    }

    private static void ReturnCtx(Ctx c) => _spareCtx = c;

    private Ctx NewCtx(CslItem item, Section sec, bool bib) => new()
    {
        Style = _style,
        Locale = _locale,
        Item = item,
        Section = sec,
        State = _state[item.Id],
        Bib = bib,
        ImplicitYearSuffix = _implicitYearSuffix,
        Budget = _budget,
    };

}
