using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.Text;

namespace SourceCheck.Formatting;

/// <summary>A citation: one or more cites, with the note number it sits in (note styles).</summary>
public sealed record Citation(IReadOnlyList<CiteItem> Items)
{
    public int? NoteIndex { get; init; }

    public string? Id { get; init; }
}

/// <summary>Everything one run produces: rendered citations, bibliography entries and warnings.</summary>
public sealed record FormatResult(IReadOnlyList<string> Citations, IReadOnlyList<string> Bibliography, IReadOnlyList<Diagnostic> Warnings)
{
    /// <summary>The bibliography wrapped the way citeproc-js does for HTML, or one entry per line otherwise.</summary>
    public string BibliographyText { get; init; } = string.Empty;

    /// <summary>The item id of each <see cref="Bibliography"/> entry, in the same order.</summary>
    public IReadOnlyList<string> BibliographyIds { get; init; } = [];
}

/// <summary>The CSL engine: renders citations and a bibliography for a set of items with a compiled style and locale.
/// One instance per document; the style and locale are shared, immutable and thread-safe.</summary>
public sealed class CslProcessor
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

        Disambiguate(sorted);
        var renderedCitations = RenderCitations(citations, format);
        var bib = new List<string>();
        string bibText = string.Empty;
        if (bibliography && _style.Bibliography is not null)
        {
            (bib, bibText) = RenderBibliography(sorted, format);
        }

        return new FormatResult(renderedCitations, bib, [.. _warnings])
        {
            BibliographyText = bibText,
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

    internal List<CslItem> SortBibliography(List<CslItem> registry)
    {
        var sec = _style.Bibliography;
        if (sec is null || sec.Sort.IsEmpty)
        {
            return [.. registry];
        }

        // provisional citation numbers in registry order (sort keys may use them)
        for (int i = 0; i < registry.Count; i++)
        {
            _state[registry[i].Id].CitationNumber = i + 1;
        }

        return SortItems(registry, sec);
    }

    private static readonly string Pending = new('\0', 1);

    private List<CslItem> SortItems(List<CslItem> items, Section sec)
    {
        // keys are computed lazily: most comparisons are decided by the first key
        int nk = sec.Sort.Length;
        var keys = new string?[items.Count][];
        var idx = new int[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            var row = new string?[nk];
            for (int k = 0; k < nk; k++)
            {
                row[k] = Pending;
            }

            keys[i] = row;
            idx[i] = i;
        }

        string? Key(int i, int k)
        {
            var v = keys[i][k];
            if (ReferenceEquals(v, Pending))
            {
                v = SortValue(items[i], sec.Sort[k], sec);
                keys[i][k] = v;
            }

            return v;
        }

        if (nk > 0 && items.Count >= 256)
        {
            ForEachIndex(items.Count, items.Count, i => keys[i][0] = SortValue(items[i], sec.Sort[0], sec));
        }

        Array.Sort(idx, (a, b) =>
        {
            for (int k = 0; k < nk; k++)
            {
                int r = CompareOne(Key(a, k), Key(b, k), sec.Sort[k].Descending);
                if (r != 0)
                {
                    return r;
                }
            }

            return a.CompareTo(b);
        });
        var sorted = new List<CslItem>(idx.Length);
        foreach (int i in idx)
        {
            sorted.Add(items[i]);
        }

        return sorted;
    }

    // citeproc-js: sensitivity "base" (no case, no accents), numeric (2 before 10); punctuation is gone from the keys
    private const CompareOptions SortCompareOptions = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace
        | CompareOptions.IgnoreKanaType | CompareOptions.IgnoreWidth | CompareOptions.NumericOrdering;

    private int CompareOne(string? x, string? y, bool descending)
    {
        if (x is null && y is null)
        {
            return 0;
        }

        if (x is null)
        {
            return 1;
        }

        if (y is null)
        {
            return -1;
        }

        int r = _compare.Compare(x, y, SortCompareOptions);
        return descending ? -r : r;
    }

    private string? SortValue(CslItem item, SortKey key, Section sec)
    {
        var ctx = NewCtx(item, sec, bib: ReferenceEquals(sec, _style.Bibliography));
        ctx.SortMode = true;
        ctx.SortKey = key;
        ctx.NameOpts = sec.Names.Over(_style.Names);
        ctx.NamesDelimiter = sec.NamesDelimiter ?? _style.NamesDelimiter;
        if (key.Macro is not null)
        {
            var node = Renderer.RenderMacroBody(ctx, key.Macro);
            string s = Rich.Plain(node);
            return CleanSortString(s);
        }

        string v = key.Variable!;
        switch (CslVariables.KindOf(v))
        {
            case VariableKind.Name:
            {
                var names = item.GetNames(v);
                if (names.Count == 0)
                {
                    return null;
                }

                var el = new NamesElement { Variables = [v], Name = new NameElement { Options = SortNameOptions } };
                var node = Names.Render(ctx, el);
                string s = Rich.Plain(node);
                return CleanSortString(s);
            }

            case VariableKind.Date:
            {
                var d = item.GetDate(v);
                return d is null || d.Parts.IsDefaultOrEmpty ? null : Dates.SortString(d);
            }

            case VariableKind.Number:
            {
                string? s = Renderer.StringVar(ctx, v);
                if (s is null)
                {
                    return null;
                }

                return Numbers.LeadingNumber(s) is { } n ? n.ToString("D8", CultureInfo.InvariantCulture) : s;
            }

            default:
            {
                if (v == "citation-number")
                {
                    return _state[item.Id].CitationNumber.ToString("D8", CultureInfo.InvariantCulture);
                }

                string? s = Renderer.StringVar(ctx, v);
                return s is null ? null : CleanSortString(Rich.Plain(Rich.ParseMarkup(s)));
            }
        }
    }

    private static readonly NameOptions SortNameOptions = new() { NameAsSortOrder = "all" };

    /// <summary>
    /// A text sort key as citeproc-js builds and compares it: every space becomes "|" (a symbol, so word boundaries
    /// still count and sort before any letter or digit: "de Smith" before "Design") and one "|" ends the key; the
    /// comparison (citeproc-js: <c>Intl.Collator(lang, {sensitivity: "base", ignorePunctuation: true, numeric: true})</c>
    /// on lowercased keys) ignores punctuation and other white space entirely, which is the same as deleting them here
    /// ("U.S." sorts as "us", "d’Alembert" as "dalembert"); case and accents are ignored by <see cref="CompareOne"/>.
    /// </summary>
    internal static string? CleanSortString(string s)
    {
        var sb = new StringBuilder(s.Length + 1);
        foreach (char ch in s.AsSpan().Trim())
        {
            if (ch == ' ')
            {
                sb.Append('|');
                continue;
            }

            if (char.IsWhiteSpace(ch) || char.IsControl(ch) || char.IsPunctuation(ch))
            {
                continue;
            }

            sb.Append(ch);
        }

        if (sb.Length == 0)
        {
            return null;
        }

        sb.Append('|');
        return sb.ToString();
    }

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

    // ------------------------------------------------------------------ disambiguation

    private string DisambigKey(CslItem item, bool subsequentEtAl = false, bool subsequentPosition = false) =>
        DisambigKey(item, out _, subsequentEtAl, subsequentPosition);

    /// <summary>The plain text of an item's citation as disambiguation sees it; <paramref name="etAlCut"/> tells
    /// whether some names list was shortened by et-al (when not, adding names cannot change the key).</summary>
    private string DisambigKey(CslItem item, out bool etAlCut, bool subsequentEtAl = false, bool subsequentPosition = false)
    {
        var ctx = NewCtx(item, _style.Citation, bib: false);
        ctx.DisambigMode = true;
        ctx.NameTexts = false;
        ctx.SubsequentEtAl = subsequentEtAl || subsequentPosition;
        if (subsequentPosition)
        {
            ctx.Position = Position.Subsequent;
        }

        ctx.Cite = new CiteItem(item.Id);
        var node = Renderer.RenderLayout(ctx, _style.Citation.Layout);
        etAlCut = ctx.EtAlCut;
        return Rich.Plain(node);
    }

    private void Disambiguate(List<CslItem> order)
    {
        var sec = _style.Citation;
        bool addNames = sec.Opt("disambiguate-add-names") == "true";
        bool addGiven = sec.Opt("disambiguate-add-givenname") == "true";
        bool addYear = sec.Opt("disambiguate-add-year-suffix") == "true";
        string rule = sec.Opt("givenname-disambiguation-rule") ?? "by-cite";
        bool usesDisambiguate = UsesDisambiguateCondition();
        if (!addNames && !addGiven && !addYear && !usesDisambiguate)
        {
            return;
        }

        Dictionary<string, string>? known = null;
        if (addGiven && rule != "by-cite")
        {
            known = GlobalGivenNames(order, rule);
        }

        var keyArr = new string[order.Count];
        var cutArr = new bool[order.Count];
        ForEachIndex(order.Count, order.Count, i =>
        {
            if (known is not null && known.TryGetValue(order[i].Id, out var k))
            {
                keyArr[i] = k;
                cutArr[i] = true; // not known: rendered again when names are added
            }
            else
            {
                keyArr[i] = DisambigKey(order[i], out cutArr[i]);
            }
        });
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var uncut = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < order.Count; i++)
        {
            keys[order[i].Id] = keyArr[i];
            if (!cutArr[i])
            {
                uncut.Add(order[i].Id);
            }
        }

        if (addNames || addGiven)
        {
            // colliding groups are independent of each other: resolved in parallel, each on its own keys
            var groups = Collisions(order, keys);
            int total = 0;
            foreach (var g in groups)
            {
                total += g.Count;
            }

            var resolved = new GroupState[groups.Count];
            bool byCite = addGiven && rule == "by-cite";
            ForEachIndex(groups.Count, total, i => resolved[i] = ResolveGroup(groups[i], keys, uncut, addNames, byCite));
            foreach (var g in resolved)
            {
                foreach (var (id, key) in g.Keys)
                {
                    keys[id] = key;
                }
            }
        }

        if (usesDisambiguate)
        {
            DisambiguateConditions(order, keys);
        }

        if (addYear)
        {
            YearSuffixes(order, keys);
        }
    }

    /// <summary>The groups of items sharing a key (more than one item each), in first-appearance order.</summary>
    private static List<List<CslItem>> Collisions(List<CslItem> order, Dictionary<string, string> keys)
    {
        var byKey = new Dictionary<string, List<CslItem>>(order.Count, StringComparer.Ordinal);
        var groups = new List<List<CslItem>>();
        foreach (var it in order)
        {
            string k = keys[it.Id];
            if (!byKey.TryGetValue(k, out var g))
            {
                byKey[k] = g = [];
                groups.Add(g);
            }

            g.Add(it);
        }

        var result = new List<List<CslItem>>();
        foreach (var g in groups)
        {
            if (g.Count > 1)
            {
                result.Add(g);
            }
        }

        return result;
    }

    /// <summary>Switches on disambiguate conditions, one more at a time, for the cites still ambiguous.</summary>
    private void DisambiguateConditions(List<CslItem> order, Dictionary<string, string> keys)
    {
        var dgroups = Collisions(order, keys);
        Dictionary<string, string>? subKeys = null;
        if (_style.IsNote)
        {
            // note styles: cites that collide in their subsequent form ("Doe, supra note 1") need it as well
            subKeys = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var it in order)
            {
                subKeys[it.Id] = DisambigKey(it, subsequentPosition: true);
            }

            dgroups = MergeGroups(order, dgroups, [.. order.GroupBy(it => subKeys[it.Id], StringComparer.Ordinal).Select(g => g.ToList())]);
        }

        foreach (var group in dgroups)
        {
            // one more disambiguate condition at a time, for the cites still ambiguous
            var pending = new List<CslItem>(group);
            for (int level = 1; level <= 16 && pending.Count > 0; level++)
            {
                bool changed = false;
                foreach (var it in pending)
                {
                    _state[it.Id].Disambiguate = true;
                    _state[it.Id].DisambiguateLevel = level;
                    string k = DisambigKey(it);
                    changed |= k != keys[it.Id];
                    keys[it.Id] = k;
                    if (subKeys is not null)
                    {
                        string sk = DisambigKey(it, subsequentPosition: true);
                        changed |= sk != subKeys[it.Id];
                        subKeys[it.Id] = sk;
                    }
                }

                var counts = group.GroupBy(it => keys[it.Id], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
                var subCounts = subKeys is null ? null
                    : group.GroupBy(it => subKeys[it.Id], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
                pending.RemoveAll(it => counts[keys[it.Id]] == 1 && (subCounts is null || subCounts[subKeys![it.Id]] == 1));
                if (!changed && level > 1)
                {
                    break;
                }
            }

            foreach (var it in pending)
            {
                _state[it.Id].DisambiguateLevel = int.MaxValue;
                keys[it.Id] = DisambigKey(it);
            }
        }
    }

    private void YearSuffixes(List<CslItem> order, Dictionary<string, string> keys)
    {
        var groups = Collisions(order, keys);
        var opts = _style.Citation.Names.Over(_style.Names);
        if (opts.EtAlSubsequentMin is not null || opts.EtAlSubsequentUseFirst is not null)
        {
            // cites that only collide in their subsequent (shortened et-al) form need year suffixes as well
            groups = MergeGroups(order, groups, order.GroupBy(it => DisambigKey(it, subsequentEtAl: true), StringComparer.Ordinal)
                .Select(g => g.ToList()).ToList());
        }

        foreach (var group in groups)
        {
            int n = 0;
            foreach (var it in group)
            {
                _state[it.Id].YearSuffix = n++;
            }
        }
    }

    /// <summary>Unites two groupings of the same items (connected components), each group in <paramref name="order"/>.</summary>
    private static List<List<CslItem>> MergeGroups(List<CslItem> order, List<List<CslItem>> a, List<List<CslItem>> b)
    {
        var index = new Dictionary<CslItem, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < order.Count; i++)
        {
            index[order[i]] = i;
        }

        var parent = new int[order.Count];
        for (int i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }

        int Find(int x)
        {
            while (parent[x] != x)
            {
                x = parent[x] = parent[parent[x]];
            }

            return x;
        }

        foreach (var g in a.Concat(b))
        {
            for (int i = 1; i < g.Count; i++)
            {
                parent[Find(index[g[i]])] = Find(index[g[0]]);
            }
        }

        var byRoot = new Dictionary<int, List<CslItem>>();
        for (int i = 0; i < order.Count; i++)
        {
            int r = Find(i);
            if (!byRoot.TryGetValue(r, out var list))
            {
                byRoot[r] = list = [];
            }

            list.Add(order[i]);
        }

        return [.. byRoot.Values.Where(l => l.Count > 1)];
    }

    private GroupState ResolveGroup(List<CslItem> group, Dictionary<string, string> allKeys, HashSet<string> uncut, bool addNames, bool addGiven)
    {
        int maxAdd = 0;
        if (addNames)
        {
            foreach (var it in group)
            {
                maxAdd = Math.Max(maxAdd, MaxNames(it));
            }
        }

        var g = new GroupState(this, group, allKeys, uncut);
        int bestK = 0;
        int best = g.Distinct();
        for (int k = 0; k <= maxAdd && g.Pending.Count > 1; k++)
        {
            if (k > 0)
            {
                foreach (var it in g.Pending)
                {
                    _state[it.Id].AddNames = k;
                }

                g.Rekey(addNamesOnly: true);
                int d = g.Distinct();
                if (d > best)
                {
                    best = d;
                    bestK = k;
                }

                g.Prune();
            }

            if (addGiven && g.Pending.Count > 1 && AddGivenNamesByCite(g, ref best))
            {
                bestK = k;
            }
        }

        if (addNames)
        {
            foreach (var it in g.Pending)
            {
                _state[it.Id].AddNames = bestK;
            }

            g.Rekey(addNamesOnly: true);
        }

        return g;
    }

    /// <summary>A colliding group being told apart: its keys and the cites still ambiguous.</summary>
    private sealed class GroupState
    {
        private readonly CslProcessor _processor;
        private readonly List<CslItem> _group;
        private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

        /// <summary>Items whose key was rendered with no names list cut by et-al, and the add-names value it was
        /// rendered with: with as many or more names added (and nothing else changed) the key stays the same.</summary>
        private readonly Dictionary<string, int> _uncutAt = new(StringComparer.Ordinal);
        private readonly HashSet<string> _distinct = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

        public GroupState(CslProcessor processor, List<CslItem> group, Dictionary<string, string> allKeys, HashSet<string> uncut)
        {
            _processor = processor;
            _group = group;
            Pending = [.. group];
            foreach (var it in group)
            {
                _keys[it.Id] = allKeys[it.Id];
                if (uncut.Contains(it.Id))
                {
                    _uncutAt[it.Id] = processor._state[it.Id].AddNames;
                }
            }
        }

        public List<CslItem> Pending { get; private set; }

        /// <summary>The group's keys by item id.</summary>
        public Dictionary<string, string> Keys => _keys;

        /// <summary>How many different keys the group has.</summary>
        public int Distinct()
        {
            _distinct.Clear();
            foreach (var it in _group)
            {
                _distinct.Add(_keys[it.Id]);
            }

            return _distinct.Count;
        }

        /// <summary>Renders the keys of the pending items again; with <paramref name="addNamesOnly"/> (only their
        /// add-names value changed) a key that cannot have changed is kept.</summary>
        public void Rekey(bool addNamesOnly = false)
        {
            foreach (var it in Pending)
            {
                int add = _processor._state[it.Id].AddNames;
                if (addNamesOnly && _uncutAt.TryGetValue(it.Id, out int from) && add >= from)
                {
                    continue;
                }

                _keys[it.Id] = _processor.DisambigKey(it, out bool cut);
                if (cut)
                {
                    _uncutAt.Remove(it.Id);
                }
                else
                {
                    _uncutAt[it.Id] = add;
                }
            }
        }

        /// <summary>Keeps only the cites whose key is still shared.</summary>
        public void Prune()
        {
            _counts.Clear();
            foreach (var it in _group)
            {
                string key = _keys[it.Id];
                _counts[key] = _counts.GetValueOrDefault(key) + 1;
            }

            var still = new List<CslItem>(Pending.Count);
            foreach (var it in Pending)
            {
                if (_counts[_keys[it.Id]] > 1)
                {
                    still.Add(it);
                }
            }

            Pending = still;
        }
    }

    /// <summary>The by-cite given-name rule: expands the given names of the shown names, one name and level at a
    /// time, keeping an expansion only when it tells more cites apart; true when that improved on <paramref name="best"/>.</summary>
    private bool AddGivenNamesByCite(GroupState g, ref int best)
    {
        bool improved = false;
        int shown = 0;
        foreach (var it in g.Pending)
        {
            shown = Math.Max(shown, NameCount(it));
        }

        foreach (var it in g.Pending)
        {
            var st = _state[it.Id];
            if (st.GivenLevel is null || st.GivenLevel.Length < shown)
            {
                var arr = new int[Math.Max(shown, 1)];
                st.GivenLevel?.CopyTo(arr, 0);
                st.GivenLevel = arr;
            }
        }

        for (int n = 0; n < shown && g.Pending.Count > 1; n++)
        {
            for (int level = 1; level <= 2 && g.Pending.Count > 1; level++)
            {
                var pending = g.Pending;
                var before = new int[pending.Count];
                for (int i = 0; i < pending.Count; i++)
                {
                    before[i] = _state[pending[i].Id].GivenLevel![n];
                }

                int d0 = g.Distinct();
                foreach (var it in pending)
                {
                    if (_state[it.Id].GivenLevel![n] < level)
                    {
                        _state[it.Id].GivenLevel![n] = level;
                    }
                }

                g.Rekey();
                int d1 = g.Distinct();
                if (d1 <= d0)
                {
                    for (int i = 0; i < pending.Count; i++)
                    {
                        _state[pending[i].Id].GivenLevel![n] = before[i];
                    }

                    g.Rekey();
                    continue;
                }

                if (d1 > best)
                {
                    best = d1;
                    improved = true;
                }

                g.Prune();
            }
        }

        return improved;
    }

    private int MaxNames(CslItem item)
    {
        int max = 0;
        foreach (var v in CslVariables.NameVariables)
        {
            max = Math.Max(max, item.GetNames(v).Count);
        }

        return max;
    }

    private int NameCount(CslItem item)
    {
        var ctx = NewCtx(item, _style.Citation, bib: false);
        ctx.DisambigMode = true;
        ctx.Cite = new CiteItem(item.Id);
        Renderer.RenderLayout(ctx, _style.Citation.Layout);
        return ctx.FirstNamesList?.Count ?? 0;
    }

    /// <summary>Applies a global given-name rule; returns the disambiguation keys of the items it left unchanged.</summary>
    private Dictionary<string, string> GlobalGivenNames(List<CslItem> order, string rule)
    {
        bool primary = rule.StartsWith("primary", StringComparison.Ordinal);
        int cap = rule.EndsWith("with-initials", StringComparison.Ordinal) ? 1 : 2;
        // collect the rendered names (first names element) of every item: the citation renders only up to them
        // (the full rendering follows once the given-name levels are known); an item without names renders in
        // full, and that is its disambiguation key when its levels stay unchanged
        int count = order.Count;
        var namesArr = new IReadOnlyList<CslName>[count];
        var firstKeys = new string?[count];
        var firstOpts = new NameOptions?[count];
        ForEachIndex(count, count, i => namesArr[i] = ProbeFirstNames(order[i], out firstKeys[i], out firstOpts[i]));

        // every distinct name once (by value), with the items it appears in (ascending item indices)
        var index = new Dictionary<CslName, int>();
        var all = new List<CslName>();
        var itemsOf = new List<List<int>>();
        var nameIdx = new int[count][];
        for (int i = 0; i < count; i++)
        {
            var names = namesArr[i];
            var ids = new int[names.Count];
            for (int j = 0; j < names.Count; j++)
            {
                if (!index.TryGetValue(names[j], out int id))
                {
                    index[names[j]] = id = all.Count;
                    all.Add(names[j]);
                    itemsOf.Add([]);
                }

                ids[j] = id;
                var list = itemsOf[id];
                if (list.Count == 0 || list[^1] != i)
                {
                    list.Add(i);
                }
            }

            nameIdx[i] = ids;
        }

        // each name at every level, compared without spaces and periods: "J. J." and "J.J." are one person
        var opts = (_style.Citation.Names).Over(_style.Names);
        var nameOpts = FindNameOptions() ?? opts; // one walk of the style, not one per name
        var rendered = new string[all.Count][];
        ForEachIndex(all.Count, all.Count, n =>
        {
            var r = new string[cap + 1];
            for (int level = 0; level <= cap; level++)
            {
                var ctx = NewCtx(order[0], _style.Citation, bib: false);
                ctx.NameOpts = opts;
                // the options of the names element that printed the name (a style may print authors through a
                // substitute of another names element, with that element's form and initials)
                string plain = Rich.Plain(Names.RenderName(ctx, all[n], false, firstOpts[itemsOf[n][0]] ?? nameOpts, null, level));
                r[level] = plain.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal);
            }

            rendered[n] = r;
        });

        // names that look alike in their short form: the first level that tells a name from the others
        var levels = new int[all.Count];
        var byShort = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var shortGroups = new List<List<int>>();
        for (int n = 0; n < all.Count; n++)
        {
            if (!byShort.TryGetValue(rendered[n][0], out var members))
            {
                byShort[rendered[n][0]] = members = [];
                shortGroups.Add(members);
            }

            members.Add(n);
        }

        var others = new List<int>();
        foreach (var members in shortGroups)
        {
            if (members.Count < 2)
            {
                continue;
            }

            foreach (int n in members)
            {
                // names only met in the same cites as this one do not make it ambiguous
                others.Clear();
                foreach (int o in members)
                {
                    if (o != n && !IsSubset(itemsOf[o], itemsOf[n]))
                    {
                        others.Add(o);
                    }
                }

                if (others.Count > 0)
                {
                    levels[n] = FirstTellingLevel(rendered, n, others, cap);
                }
            }
        }

        var unchanged = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            var ids = nameIdx[i];
            var arr = new int[Math.Max(ids.Length, 1)];
            bool anyLevel = false;
            for (int j = 0; j < ids.Length; j++)
            {
                if ((!primary || j == 0) && levels[ids[j]] > 0)
                {
                    arr[j] = levels[ids[j]];
                    anyLevel = true;
                }
            }

            _state[order[i].Id].GivenLevel = arr;
            if (firstKeys[i] is { } key && !anyLevel)
            {
                unchanged[order[i].Id] = key;
            }
        }

        return unchanged;
    }

    /// <summary>The names of the first names element of an item's citation (rendering stops there); an item
    /// without names renders in full and <paramref name="fullKey"/> is its disambiguation key.</summary>
    private IReadOnlyList<CslName> ProbeFirstNames(CslItem item, out string? fullKey, out NameOptions? options)
    {
        var ctx = NewCtx(item, _style.Citation, bib: false);
        ctx.DisambigMode = true;
        ctx.Cite = new CiteItem(item.Id);
        ctx.StopAfterFirstNames = true;
        ctx.NameTexts = false;
        var node = Renderer.RenderLayout(ctx, _style.Citation.Layout);
        fullKey = ctx.FirstNamesRaw is null ? Rich.Plain(node) : null;
        options = ctx.FirstNamesOpts;
        return ctx.FirstNamesRaw ?? [];
    }

    /// <summary>Whether every item of <paramref name="a"/> is in <paramref name="b"/> (both ascending).</summary>
    private static bool IsSubset(List<int> a, List<int> b)
    {
        int j = 0;
        foreach (int x in a)
        {
            while (j < b.Count && b[j] < x)
            {
                j++;
            }

            if (j == b.Count || b[j] != x)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first level at which name <paramref name="n"/> differs from all <paramref name="others"/>, else
    /// the first at which it differs from any of them, else 0.</summary>
    private static int FirstTellingLevel(string[][] rendered, int n, List<int> others, int cap)
    {
        for (int level = 1; level <= cap; level++)
        {
            bool all = true;
            foreach (int o in others)
            {
                if (rendered[o][level] == rendered[n][level])
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                return level;
            }
        }

        for (int level = 1; level <= cap; level++)
        {
            foreach (int o in others)
            {
                if (rendered[o][level] != rendered[n][level])
                {
                    return level;
                }
            }
        }

        return 0;
    }

    private NameOptions? FindNameOptions() => FindNameOptions(_style.Citation.Layout.Children);

    /// <summary>The name options of the first <c>name</c> element reachable from the elements.</summary>
    private NameOptions? FindNameOptions(ImmutableArray<Element> els)
    {
        foreach (var e in els)
        {
            NameOptions? r = null;
            switch (e)
            {
                case NamesElement n when n.Name is not null:
                    r = n.Name.Options.Over(_style.Citation.Names.Over(_style.Names));
                    break;
                case TextElement { Macro: { } m }:
                    r = FindNameOptions(m.Children);
                    break;
                case GroupElement g:
                    r = FindNameOptions(g.Children);
                    break;
                case ChooseElement c:
                    foreach (var b in c.Branches)
                    {
                        r = FindNameOptions(b.Children);
                        if (r is not null)
                        {
                            break;
                        }
                    }

                    break;
            }

            if (r is not null)
            {
                return r;
            }
        }

        return null;
    }

    private bool UsesDisambiguateCondition() => UsesDisambiguateCondition(_style.Citation.Layout.Children, []);

    private static bool UsesDisambiguateCondition(ImmutableArray<Element> els, HashSet<Macro> seen)
    {
        foreach (var e in els)
        {
            bool uses = false;
            switch (e)
            {
                case ChooseElement c:
                    foreach (var b in c.Branches)
                    {
                        foreach (var x in b.Conditions)
                        {
                            uses |= x.Kind == "disambiguate";
                        }

                        if (uses || UsesDisambiguateCondition(b.Children, seen))
                        {
                            uses = true;
                            break;
                        }
                    }

                    break;
                case TextElement { Macro: { } m }:
                    uses = seen.Add(m) && UsesDisambiguateCondition(m.Children, seen);
                    break;
                case GroupElement g:
                    uses = UsesDisambiguateCondition(g.Children, seen);
                    break;
                case NamesElement n:
                    uses = n.Substitute is { } s && UsesDisambiguateCondition(s, seen);
                    break;
            }

            if (uses)
            {
                return true;
            }
        }

        return false;
    }

    // ------------------------------------------------------------------ citations

    private sealed record RenderedCite(CiteItem Cite, CslItem Item, RNode? Node, string NamesKey, Ctx Ctx);

    /// <summary>Renders the citations (a bibliography-only run compiles none of the citation code).</summary>
    private List<string> RenderCitations(IReadOnlyList<Citation> citations, OutputFormat format)
    {
        var list = citations.Count == 0 ? [] : RenderCitationList(citations, format);
        foreach (string c in list)
        {
            _budget.AddFinished(c.Length, 1);
        }

        return list;
    }

    private List<string> RenderCitationList(IReadOnlyList<Citation> citations, OutputFormat format)
    {
        var result = new List<string>();
        var lastNote = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstNote = new Dictionary<string, int>(StringComparer.Ordinal);
        // the cites an ibid may refer back to: in-text citations (note 0) and notes are separate streams;
        // citations sharing a note number form one note
        List<CiteItem>? prevInText = null;
        List<CiteItem>? prevNote = null;
        List<CiteItem>? currentNote = null;
        int currentNoteIndex = -1;
        int noteCounter = 0;
        foreach (var citation in citations)
        {
            noteCounter++;
            int note = citation.NoteIndex ?? noteCounter;
            var cites = citation.Items.Where(ci => _byId.ContainsKey(ci.Id)).Select(NormalizeLocator).ToList();
            List<CiteItem>? before;
            bool sameNote = false;
            if (note == 0)
            {
                before = prevInText;
            }
            else if (note == currentNoteIndex)
            {
                before = currentNote;
                sameNote = true;
            }
            else
            {
                prevNote = currentNote;
                currentNote = [];
                currentNoteIndex = note;
                before = prevNote;
            }

            if (!_style.Citation.Sort.IsEmpty && cites.Count > 1)
            {
                var items = cites.Select(ci => _byId[ci.Id]).ToList();
                var order = SortItems(items, _style.Citation);
                var pos = new Dictionary<CslItem, int>(ReferenceEqualityComparer.Instance);
                for (int k = 0; k < order.Count; k++)
                {
                    pos.TryAdd(order[k], k);
                }

                cites = [.. cites.Select((ci, i) => (ci, i)).OrderBy(x => pos[items[x.i]]).ThenBy(x => x.i).Select(x => x.ci)];
            }

            var rendered = new List<RenderedCite>();
            for (int j = 0; j < cites.Count; j++)
            {
                var ci = cites[j];
                var item = _byId[ci.Id];
                var pos = Position.First;
                bool near = false;
                if (lastNote.TryGetValue(ci.Id, out int ln))
                {
                    pos = Position.Subsequent;
                    CiteItem? prev = null;
                    if (j > 0)
                    {
                        prev = cites[j - 1];
                    }
                    else if (before is { Count: > 0 } && (sameNote || before.All(x => x.Id == ci.Id)))
                    {
                        prev = before[^1];
                    }

                    if (prev is not null && prev.Id == ci.Id)
                    {
                        if (string.IsNullOrEmpty(ci.Locator) && string.IsNullOrEmpty(prev.Locator))
                        {
                            pos = Position.Ibid;
                        }
                        else if (!string.IsNullOrEmpty(ci.Locator) && (string.IsNullOrEmpty(prev.Locator) || prev.Locator != ci.Locator || prev.Label != ci.Label))
                        {
                            pos = Position.IbidWithLocator;
                        }
                        else if (!string.IsNullOrEmpty(ci.Locator) && prev.Locator == ci.Locator)
                        {
                            pos = Position.Ibid;
                        }
                    }

                    int distance = int.TryParse(_style.Citation.Opt("near-note-distance"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int nd) ? nd : 5;
                    near = note - ln <= distance;
                }

                if (ci.Position is { } forced)
                {
                    // the caller knows the position (e.g. a citation edited in a document)
                    pos = forced;
                }

                firstNote.TryAdd(ci.Id, note);

                _state[ci.Id].FirstNoteNumber = firstNote[ci.Id];
                lastNote[ci.Id] = note;
                var ctx = NewCtx(item, _style.Citation, bib: false);
                ctx.Cite = ci;
                ctx.Position = pos;
                ctx.NearNote = near;
                ctx.SuppressAuthor = ci.SuppressAuthor;
                var node = RenderCiteLayout(ctx, ci.AuthorOnly);
                rendered.Add(new RenderedCite(ci, item, node, ctx.FirstNamesNode is { } fnn ? Rich.Plain(fnn) : string.Empty, ctx));
            }

            foreach (var ci in cites)
            {
                lastNote[ci.Id] = note;
            }

            if (note == 0)
            {
                prevInText = cites;
            }
            else
            {
                currentNote!.AddRange(cites);
            }
            result.Add(JoinCites(rendered, format));
        }

        return result;
    }

    private RNode? RenderCiteLayout(Ctx ctx, bool authorOnly)
    {
        var layout = _style.Citation.Layout;
        var node = Renderer.RenderLayout(ctx, layout);
        if (authorOnly)
        {
            return ctx.FirstNamesNode;
        }

        return node;
    }

    private string JoinCites(List<RenderedCite> cites, OutputFormat format)
    {
        var layout = _style.Citation.Layout;
        string delimiter = layout.Delimiter ?? string.Empty;
        string? collapse = _style.Citation.Opt("collapse");
        string? citeGroupDelim = _style.Citation.Opt("cite-group-delimiter");
        string afterCollapse = _style.Citation.Opt("after-collapse-delimiter") ?? delimiter;
        var root = new RSpan();
        var parts = new List<(RNode Node, string DelimAfter)>();

        if (collapse is "year" or "year-suffix" or "year-suffix-ranged" || citeGroupDelim is not null)
        {
            // group cites by author (names output), keeping first-appearance order; an unsorted citation keeps its
            // order and only joins neighbours
            var groups = new List<List<RenderedCite>>();
            bool sorted = !_style.Citation.Sort.IsEmpty;
            foreach (var rc in cites)
            {
                var g = rc.NamesKey.Length == 0 && collapse is null ? null
                    : sorted ? groups.FirstOrDefault(x => x[0].NamesKey == rc.NamesKey)
                    : groups.Count > 0 && groups[^1][0].NamesKey == rc.NamesKey ? groups[^1] : null;
                if (g is null)
                {
                    groups.Add([rc]);
                }
                else
                {
                    g.Add(rc);
                }
            }

            string groupDelim = citeGroupDelim ?? (!sorted && _style.IsNote ? delimiter : ", ");
            string ysDelim = _style.Citation.Opt("year-suffix-delimiter") ?? citeGroupDelim ?? delimiter;
            foreach (var g in groups)
            {
                bool prevSuffixOnly = false;
                for (int i = 0; i < g.Count; i++)
                {
                    var rc = g[i];
                    RNode? node = rc.Node;
                    bool suffixOnly = false;
                    if (i > 0 && collapse is not null)
                    {
                        var ctx = NewCtx(rc.Item, _style.Citation, bib: false);
                        ctx.Cite = rc.Cite;
                        ctx.Position = rc.Ctx.Position;
                        ctx.NearNote = rc.Ctx.NearNote;
                        ctx.SuppressAuthor = true;
                        node = Renderer.RenderLayout(ctx, layout);
                        if (collapse is "year-suffix" or "year-suffix-ranged" && string.IsNullOrEmpty(rc.Cite.Locator) && _state[rc.Item.Id].YearSuffix >= 0
                            && SameYear(g[i - 1].Item, rc.Item) && _state[g[i - 1].Item.Id].YearSuffix >= 0 && string.IsNullOrEmpty(g[i - 1].Cite.Locator))
                        {
                            node = new RText(Renderer.YearSuffixLetters(_state[rc.Item.Id].YearSuffix));
                            suffixOnly = true;
                        }
                    }

                    if (node is null)
                    {
                        continue;
                    }

                    if (parts.Count > 0 && i > 0)
                    {
                        parts[^1] = (parts[^1].Node, suffixOnly ? ysDelim
                            : collapse is not null && (prevSuffixOnly || !string.IsNullOrEmpty(g[i - 1].Cite.Locator)) ? afterCollapse
                            : collapse is not null ? groupDelim : (citeGroupDelim ?? delimiter));
                    }
                    else if (parts.Count > 0)
                    {
                        parts[^1] = (parts[^1].Node, parts[^1].DelimAfter);
                    }

                    // after-collapse-delimiter follows collapsed groups (with year-suffix collapsing: only groups of
                    // several cites)
                    string after = collapse is null ? delimiter
                        : collapse is "year-suffix" or "year-suffix-ranged" && g.Count == 1 ? delimiter
                        : afterCollapse;
                    parts.Add((WithAffixes(node, rc.Cite), after));
                    prevSuffixOnly = suffixOnly;
                }
            }

            if (collapse == "year-suffix-ranged")
            {
                parts = RangeYearSuffixes(parts);
            }
        }
        else if (collapse == "citation-number")
        {
            int i = 0;
            while (i < cites.Count)
            {
                int j = i;
                while (j + 1 < cites.Count && Collapsible(cites[j + 1]) && Collapsible(cites[j])
                    && _state[cites[j + 1].Item.Id].CitationNumber == _state[cites[j].Item.Id].CitationNumber + 1)
                {
                    j++;
                }

                if (j - i >= 2)
                {
                    var span = new RSpan();
                    span.Add(cites[i].Node);
                    span.Add(new RText("\u2013"));
                    span.Add(cites[j].Node);
                    parts.Add((span, j < cites.Count - 1 ? afterCollapse : delimiter));
                    i = j + 1;
                }
                else
                {
                    if (cites[i].Node is { } n)
                    {
                        parts.Add((WithAffixes(n, cites[i].Cite), delimiter));
                    }

                    i++;
                }
            }
        }
        else
        {
            foreach (var rc in cites)
            {
                if (rc.Node is { } n)
                {
                    parts.Add((WithAffixes(n, rc.Cite), delimiter));
                }
            }
        }

        var body = new RSpan();
        for (int i = 0; i < parts.Count; i++)
        {
            body.Add(parts[i].Node);
            if (i < parts.Count - 1 && parts[i].DelimAfter.Length > 0 && Rich.Plain(parts[i + 1].Node) is var nextText && !(nextText.StartsWith(',') || nextText.StartsWith(". ", StringComparison.Ordinal) || nextText.StartsWith(';')))
            {
                string d = parts[i].DelimAfter;
                string before = Rich.Plain(parts[i].Node).TrimEnd();
                if (before.Length > 0 && before[^1] is ',' or ';' && d.TrimStart().Length > 0 && char.IsPunctuation(d.TrimStart()[0]))
                {
                    d = " ";
                }

                body.Add(new RText(d));
            }
        }

        // a note starts a sentence; a prefix that ends a sentence capitalizes the term after it (see WithAffixes)
        if (cites.Count > 0 && _style.IsNote && cites[0].Cite.Prefix is null)
        {
            CapitalizeLeadingTerm(body);
        }

        if (Rich.IsEmpty(body))
        {
            return string.Empty;
        }

        var ctx0 = cites.Count > 0 ? cites[0].Ctx : null;
        RNode final = body;
        if (ctx0 is not null)
        {
            final = DecorateLayout(ctx0, body, layout.Decor);
        }

        root.Add(final);
        Punctuation.Fix(root, _locale);
        return Rich.Render(root, format, _locale);
    }

    /// <summary>Locator text is trimmed; a locator without a label that starts with a locator term's short form
    /// ("vol. 1, fol. 186") takes that term as its label and the rest as the locator.</summary>
    private CiteItem NormalizeLocator(CiteItem ci)
    {
        if (ci.Locator is not { Length: > 0 } loc)
        {
            return ci;
        }

        string trimmed = loc.Trim();
        if (ci.Label is null)
        {
            int sp = trimmed.IndexOf(' ', StringComparison.Ordinal);
            if (sp > 1 && trimmed[sp - 1] == '.' && char.IsLower(trimmed[0]))
            {
                if (_locale.LocatorTypeOf(trimmed[..sp]) is { } label)
                {
                    return ci with { Label = label, Locator = trimmed[(sp + 1)..].TrimStart() };
                }
            }
        }

        return ReferenceEquals(trimmed, loc) ? ci : ci with { Locator = trimmed };
    }

    /// <summary>A cite prefix that ends a sentence of more than one word ("Caps after. ", not the abbreviation "Cf. ").</summary>
    private static bool EndsSentence(string prefix) =>
        prefix.TrimEnd().TrimEnd('"', '\u201D', '\u2019', '\'').EndsWith('.') && prefix.Trim().Contains(' ', StringComparison.Ordinal);

    /// <summary>Capitalizes the first rendered text when it is a term ("ibid." → "Ibid.").</summary>
    private static readonly System.Buffers.SearchValues<char> LeadingAffixChars = System.Buffers.SearchValues.Create(" \u00a0\u202f([{\"'\u201c\u2018\u00ab<-–—:;,.");

    private static void CapitalizeLeadingTerm(RSpan body)
    {
        var leaves = new List<RText>();
        Rich.Leaves(body, leaves);
        // affixes of only spaces and punctuation before it do not count ("(No date)", " N.d. :", as citeproc-js)
        if (leaves.Find(l => l.Text.AsSpan().ContainsAnyExcept(LeadingAffixChars)) is { IsTerm: true } first && char.IsLower(first.Text[0]))
        {
            first.Text = char.ToUpperInvariant(first.Text[0]) + first.Text[1..];
        }
    }

    /// <summary>A bibliography layout whose last output is a display block (right-inline, indent, ...) takes the
    /// layout suffix inside that block.</summary>
    private static RNode DecorateBibLayout(Ctx ctx, RNode body, Decor d)
    {
        if (d.Suffix is { Length: > 0 } suffix && LastDisplay(body) is { } display)
        {
            var node = DecorateLayout(ctx, body, d with { Suffix = null });
            display.Children.Add(new RText(suffix) { NoCase = true });
            return node;
        }

        return DecorateLayout(ctx, body, d);
    }

    private static RSpan? LastDisplay(RNode node)
    {
        if (node is not RSpan s)
        {
            return null;
        }

        if (s.Display != DisplayMode.None)
        {
            return s;
        }

        for (int i = s.Children.Count - 1; i >= 0; i--)
        {
            if (!Rich.IsEmpty(s.Children[i]))
            {
                return LastDisplay(s.Children[i]);
            }
        }

        return null;
    }

    /// <summary>Layout decoration: unlike other elements, the layout's formatting encloses its affixes.</summary>
    private static RNode DecorateLayout(Ctx ctx, RNode body, Decor d)
    {
        var inner = Renderer.Decorate(ctx, body, d with { Format = default }) ?? body;
        if (d.Format.IsEmpty)
        {
            return inner;
        }

        var f = new RSpan { Format = d.Format };
        f.Add(inner);
        return f;
    }

    private static bool Collapsible(RenderedCite rc) => string.IsNullOrEmpty(rc.Cite.Locator) && rc.Cite.Prefix is null && rc.Cite.Suffix is null;

    private static bool SameYear(CslItem a, CslItem b) =>
        a.GetDate("issued")?.Start?.Year == b.GetDate("issued")?.Start?.Year;

    private static List<(RNode Node, string DelimAfter)> RangeYearSuffixes(List<(RNode Node, string DelimAfter)> parts)
    {
        var result = new List<(RNode Node, string DelimAfter)>();
        int i = 0;
        while (i < parts.Count)
        {
            if (parts[i].Node is RText t && t.Text.Length == 1)
            {
                int j = i;
                while (j + 1 < parts.Count && parts[j + 1].Node is RText t2 && t2.Text.Length == 1 && t2.Text[0] == ((RText)parts[j].Node).Text[0] + 1)
                {
                    j++;
                }

                if (j - i >= 2)
                {
                    result.Add((new RText(t.Text + "\u2013" + ((RText)parts[j].Node).Text), parts[j].DelimAfter));
                    i = j + 1;
                    continue;
                }
            }

            // a full cite followed by suffix-only cites: a range may start at the full cite's own suffix
            if (i + 2 < parts.Count && parts[i + 1].Node is RText n1 && n1.Text.Length == 1 && parts[i + 2].Node is RText n2 && n2.Text.Length == 1
                && Rich.Plain(parts[i].Node) is { Length: > 0 } full && full[^1] + 1 == n1.Text[0])
            {
                int j = i + 1;
                while (j + 1 < parts.Count && parts[j + 1].Node is RText t3 && t3.Text.Length == 1 && t3.Text[0] == ((RText)parts[j].Node).Text[0] + 1)
                {
                    j++;
                }

                var span = new RSpan();
                span.Add(parts[i].Node);
                span.Add(new RText("\u2013" + ((RText)parts[j].Node).Text));
                result.Add((span, parts[j].DelimAfter));
                i = j + 1;
                continue;
            }

            result.Add(parts[i]);
            i++;
        }

        return result;
    }

    private RNode WithAffixes(RNode node, CiteItem cite)
    {
        if (cite.Prefix is null && cite.Suffix is null)
        {
            return node;
        }

        var span = new RSpan();
        if (cite.Prefix is { Length: > 0 } p)
        {
            // in a note a prefix closing a sentence capitalizes the term after it ("Caps after. Ibid.")
            if (_style.IsNote && EndsSentence(p) && node is RSpan body)
            {
                CapitalizeLeadingTerm(body);
            }

            span.Add(Rich.ParseMarkup(p));
            if (!char.IsWhiteSpace(p[^1]) && p[^1] is not ('(' or '['))
            {
                span.Add(new RText(" "));
            }
        }

        span.Add(node);
        if (cite.Suffix is { Length: > 0 } s)
        {
            if (!char.IsWhiteSpace(s[0]) && !char.IsPunctuation(s[0]))
            {
                span.Add(new RText(" "));
            }

            span.Add(Rich.ParseMarkup(s));
        }

        return span;
    }

    // ------------------------------------------------------------------ bibliography

    private (List<string> Entries, string Text) RenderBibliography(List<CslItem> sorted, OutputFormat format)
    {
        var sec = _style.Bibliography!;
        string? sas = sec.Opt("subsequent-author-substitute");
        string sasRule = sec.Opt("subsequent-author-substitute-rule") ?? "complete-all";
        bool secondField = sec.Opt("second-field-align") is "flush" or "margin";
        // Entries render independently, in contiguous chunks on the available cores; each entry is finished
        // (subsequent-author-substitute, punctuation, serialisation) right after it renders, so no rendering tree
        // outlives its entry. Subsequent-author-substitute needs the names of the previous entry: a chunk starts from
        // the names of the entry before it (rendered once more for that).
        var rendered = new string[sorted.Count];
        (RNode? Node, Ctx Ctx) RenderEntry(int i)
        {
            var ctx = NewCtx(sorted[i], sec, bib: true);
            ctx.NameTexts = sas is not null;
            RNode? node;
            if (secondField)
            {
                node = RenderSecondFieldAligned(ctx, sec.Layout);
            }
            else
            {
                if (sec.Layout.Decor.Suffix is { Length: > 0 } layoutSuffix && Renderer.UsesDisplay(sec.Layout))
                {
                    node = Renderer.RenderDisplayLayout(ctx, sec.Layout, layoutSuffix);
                    node = node is null ? null : DecorateLayout(ctx, node, sec.Layout.Decor with { Suffix = null });
                }
                else
                {
                    node = Renderer.RenderLayout(ctx, sec.Layout);
                    node = node is null ? null : DecorateBibLayout(ctx, node, sec.Layout.Decor);
                }
            }

            // a term that opens an entry starts it capitalized, in every class of style (citeproc-js: "N.d.")
            if (node is RSpan entry)
            {
                CapitalizeLeadingTerm(entry);
            }

            return (node, ctx);
        }

        List<string>? NamesBefore(int start)
        {
            for (int j = start - 1; j >= 0; j--)
            {
                var (node, ctx) = RenderEntry(j);
                if (node is not null)
                {
                    return ctx.FirstNamesNode is not null ? ctx.FirstNamesList : null;
                }
            }

            return null;
        }

        void RenderRange(int from, int to)
        {
            List<string>? prevNames = sas is not null && from > 0 ? NamesBefore(from) : null;
            for (int i = from; i < to; i++)
            {
                var (node, ctx) = RenderEntry(i);
                if (node is null)
                {
                    rendered[i] = string.Empty;
                    continue;
                }

                if (sas is not null)
                {
                    if (ctx.FirstNamesNode is { } namesNode && ctx.FirstNamesList is { } names)
                    {
                        if (prevNames is not null)
                        {
                            ApplySubstitute(namesNode, names, prevNames, sas, sasRule);
                            if (sas.Length == 0 && node is RSpan emptied)
                            {
                                // citeproc-js substitutes before it joins: names replaced by nothing take the
                                // delimiter that would follow them along ("2010. Title", not ", 2010. Title")
                                DropDelimitersOfEmptyParts(emptied);
                            }
                        }

                        prevNames = names;
                    }
                    else
                    {
                        prevNames = null;
                    }
                }

                var root = new RSpan();
                root.Add(node);
                Punctuation.Fix(root, _locale);
                rendered[i] = Rich.Render(root, format, _locale);
                _budget.AddFinished(rendered[i].Length, 1);
            }
        }

        int chunks = sorted.Count < 256 ? 1 : Math.Min(sorted.Count / 64, Environment.ProcessorCount * 8);
        if (chunks <= 1)
        {
            RenderRange(0, sorted.Count);
        }
        else
        {
            ForEachIndex(chunks, sorted.Count, k => RenderRange(
                (int)((long)sorted.Count * k / chunks), (int)((long)sorted.Count * (k + 1) / chunks)));
        }

        var entries = new List<string>(rendered);

        var sb = new StringBuilder();
        if (format == OutputFormat.Html)
        {
            sb.Append("<div class=\"csl-bib-body\">\n");
            foreach (var e in entries)
            {
                if (e.Length == 0)
                {
                    continue;
                }

                sb.Append("  <div class=\"csl-entry\">").Append(e).Append("</div>\n");
            }

            sb.Append("</div>");
        }
        else
        {
            sb.AppendJoin('\n', entries.Where(e => e.Length > 0));
        }

        return (entries, sb.ToString());
    }

    private static RNode? RenderSecondFieldAligned(Ctx ctx, Layout layout)
    {
        ctx.NameOpts = ctx.Section.Names.Over(ctx.Style.Names);
        ctx.NamesDelimiter = ctx.Section.NamesDelimiter ?? ctx.Style.NamesDelimiter;
        var first = new RSpan { Display = DisplayMode.LeftMargin };
        var rest = new RSpan();
        bool gotFirst = false;
        foreach (var e in layout.Children)
        {
            var n = Renderer.Render(ctx, e);
            if (n is null || Rich.IsEmpty(n))
            {
                continue;
            }

            if (!gotFirst)
            {
                first.Add(n);
                gotFirst = true;
            }
            else
            {
                rest.Add(n);
            }
        }

        if (!gotFirst)
        {
            return null;
        }

        var restDecorated = Renderer.Decorate(ctx, rest, layout.Decor with { Prefix = null }) ?? rest;
        var right = new RSpan { Display = DisplayMode.RightInline };
        right.Add(restDecorated);
        var root = new RSpan();
        if (layout.Decor.Prefix is { Length: > 0 } p)
        {
            first.Children.Insert(0, new RText(p));
        }

        root.Add(first);
        root.Add(right);
        return root;
    }

    private static void DropDelimitersOfEmptyParts(RSpan span)
    {
        var children = span.Children;
        for (int i = 0; i < children.Count; i++)
        {
            if (children[i] is RSpan child && !Rich.IsEmpty(child))
            {
                DropDelimitersOfEmptyParts(child);
            }
        }

        for (int i = 0; i < children.Count; i++)
        {
            if (children[i] is RText { IsDelimiter: true } || !Rich.IsEmpty(children[i]))
            {
                continue;
            }

            if (i + 1 < children.Count && children[i + 1] is RText { IsDelimiter: true })
            {
                children.RemoveAt(i + 1);
            }
            else if (i > 0 && children[i - 1] is RText { IsDelimiter: true })
            {
                children.RemoveAt(i - 1);
                i--;
            }
        }
    }

    private static void ApplySubstitute(RSpan namesNode, List<string> names, List<string> prev, string sas, string rule)
    {
        switch (rule)
        {
            case "complete-all":
                if (names.SequenceEqual(prev))
                {
                    // the names are replaced as a whole; a label stays
                    if (FindNameList(namesNode) is { } list && FindNameList(namesNode, list) is null)
                    {
                        list.Children.Clear();
                        list.Children.Add(new RText(sas));
                    }
                    else
                    {
                        namesNode.Children.Clear();
                        namesNode.Children.Add(new RText(sas));
                    }
                }

                break;
            case "complete-each":
                if (names.SequenceEqual(prev))
                {
                    ReplaceNames(namesNode, names.Count, sas);
                }

                break;
            case "partial-each":
            {
                int k = 0;
                while (k < names.Count && k < prev.Count && names[k] == prev[k])
                {
                    k++;
                }

                if (k > 0)
                {
                    ReplaceNames(namesNode, k, sas);
                }

                break;
            }

            case "partial-first":
                if (names.Count > 0 && prev.Count > 0 && names[0] == prev[0])
                {
                    ReplaceNames(namesNode, 1, sas);
                }

                break;
        }
    }

    /// <summary>Replaces the first <paramref name="count"/> rendered names (spans inside the names list) with the substitute.</summary>
    private static void ReplaceNames(RSpan namesNode, int count, string sas)
    {
        // find the span holding the name list: the deepest span whose children alternate names and delimiters
        var list = FindNameList(namesNode);
        if (list is null)
        {
            // a substituted non-name value (a title) is replaced as a whole
            namesNode.Children.Clear();
            namesNode.Children.Add(new RText(sas));
            return;
        }

        int seen = 0;
        for (int i = 0; i < list.Children.Count && seen < count; i++)
        {
            if (list.Children[i] is RText { NoCase: true })
            {
                continue;
            }

            list.Children[i] = new RText(sas);
            seen++;
        }
    }

    private static RSpan? FindNameList(RSpan node, RSpan? except = null)
    {
        foreach (var c in node.Children)
        {
            if (c is RSpan s)
            {
                if (s.IsNameList && !ReferenceEquals(s, except))
                {
                    return s;
                }

                if (FindNameList(s, except) is { } r)
                {
                    return r;
                }
            }
        }

        return null;
    }
}
