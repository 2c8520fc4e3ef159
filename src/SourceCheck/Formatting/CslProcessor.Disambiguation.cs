using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.Text;

namespace SourceCheck.Formatting;

// Disambiguation: ambiguous cites, add-names, given names (by cite and global rules), year suffixes and disambiguate conditions.
internal sealed partial class CslProcessor
{
    // ------------------------------------------------------------------ disambiguation

    /// <summary>The cite of an item with nothing but its id (disambiguation renders it for every item, often several
    /// times): one per item, kept in its state.</summary>
    private CiteItem BareCite(CslItem item) => _state[item.Id].BareCite ??= new CiteItem(item.Id);

    private string DisambigKey(CslItem item, bool subsequentEtAl = false, bool subsequentPosition = false) =>
        DisambigKey(item, out _, subsequentEtAl, subsequentPosition);

    /// <summary>The plain text of an item's citation as disambiguation sees it; <paramref name="etAlCut"/> tells
    /// whether some names list was shortened by et-al (when not, adding names cannot change the key).</summary>
    private string DisambigKey(CslItem item, out bool etAlCut, bool subsequentEtAl = false, bool subsequentPosition = false)
    {
        var ctx = RentCtx(item, _style.Citation, bib: false);
        ctx.DisambigMode = true;
        ctx.NameTexts = false;
        ctx.SubsequentEtAl = subsequentEtAl || subsequentPosition;
        if (subsequentPosition)
        {
            ctx.Position = Position.Subsequent;
        }

        ctx.Cite = BareCite(item);
        var node = Renderer.RenderLayout(ctx, _style.Citation.Layout);
        etAlCut = ctx.EtAlCut;
        ReturnCtx(ctx);
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

        int fullAt = FindNameOptions()?.Form is null or "long" ? 1 : 2;
        foreach (var it in g.Pending)
        {
            var st = _state[it.Id];
            st.FullGivenLevel = fullAt;
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
        var ctx = RentCtx(item, _style.Citation, bib: false);
        ctx.DisambigMode = true;
        ctx.Cite = BareCite(item);
        Renderer.RenderLayout(ctx, _style.Citation.Layout);
        int count = ctx.FirstNamesList?.Count ?? 0;
        ReturnCtx(ctx);
        return count;
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
            // under primary-name only first names are compared: a second author "Jensen, Aiko" does not make the
            // first author "Jensen, Ahmed" need more than initials (citeproc-js)
            var ids = new int[primary ? Math.Min(1, names.Count) : names.Count];
            for (int j = 0; j < ids.Length; j++)
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
            // one slot more: the name with initials (citeproc-js's name registry tells names apart by family, then
            // initials, then the full given name, whatever the citation prints: "Aiko"/"Anna Smith" need level 2
            // even where level 1 already prints the full given name, and the bibliography then spells it out)
            var r = new string[cap + 2];
            var own = firstOpts[itemsOf[n][0]] ?? nameOpts;
            for (int level = 0; level <= cap + 1; level++)
            {
                var ctx = NewCtx(order[0], _style.Citation, bib: false);
                ctx.NameOpts = opts;
                // the options of the names element that printed the name (a style may print authors through a
                // substitute of another names element, with that element's form and initials)
                var o = level <= cap ? own : own with { InitializeWith = own.InitializeWith ?? ". " };
                string plain = Rich.Plain(Names.RenderName(ctx, all[n], false, o, null, level <= cap ? level : 1));
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
                    if (levels[n] == 1 && cap == 2 && others.Exists(o => rendered[o][3] == rendered[n][3]))
                    {
                        levels[n] = 2;
                    }
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
            _state[order[i].Id].FullGivenLevel = (firstOpts[i] ?? nameOpts).Form is null or "long" ? 1 : 2;
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
        var ctx = RentCtx(item, _style.Citation, bib: false);
        ctx.DisambigMode = true;
        ctx.Cite = BareCite(item);
        ctx.StopAfterFirstNames = true;
        ctx.NameTexts = false;
        var node = Renderer.RenderLayout(ctx, _style.Citation.Layout);
        fullKey = ctx.FirstNamesRaw is null ? Rich.Plain(node) : null;
        options = ctx.FirstNamesOpts;
        var names = ctx.FirstNamesRaw ?? [];
        ReturnCtx(ctx);
        return names;
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
}
