using System.Globalization;
using System.Text;
using SourceCheck.Csl;

namespace SourceCheck.Formatting;

internal static class Names
{
    public static RNode? Render(Ctx c, NamesElement n, NamesElement? parent = null)
    {
        if (!c.Bib || c.SortMode || c.NamesSeen || c.InSubstitute)
        {
            return RenderNames(c, n, parent);
        }

        // citeproc-js renders the bibliography with the given-name levels that disambiguation gave the item's cites
        // (disambig_settings.givens of the registry, CSL.getCite): they apply to the first names element of the entry
        // and its substitutes, the names set the citation's levels were found on ("Costa, A./Jensen, A." where the
        // bibliography writes short names)
        c.InFirstNames = true;
        try
        {
            return RenderNames(c, n, parent);
        }
        finally
        {
            c.InFirstNames = false;
        }
    }

    [ThreadStatic]
    private static List<(string Var, IReadOnlyList<CslName> Names)>? _spareLists;

    private static RNode? RenderNames(Ctx c, NamesElement n, NamesElement? parent)
    {
        // the list of name variables present is the thread's spare one when free (a substitute renders names
        // elements inside this one); it is handed back empty
        var lists = _spareLists ?? new List<(string Var, IReadOnlyList<CslName> Names)>(4);
        _spareLists = null;
        try
        {
            return RenderNames(c, n, parent, lists);
        }
        finally
        {
            lists.Clear();
            _spareLists = lists;
        }
    }

    private static RNode? RenderNames(Ctx c, NamesElement n, NamesElement? parent, List<(string Var, IReadOnlyList<CslName> Names)> lists)
    {
        var nameEl = n.Name ?? (n.ImplicitName ? parent?.Name : null);
        var etAlDecor = n.EtAlDecor ?? parent?.EtAlDecor;
        string etAlTerm = n.EtAlDecor is not null ? n.EtAlTerm : parent?.EtAlTerm ?? n.EtAlTerm;
        var label = n.Label ?? (n.ImplicitName ? parent?.Label : null);
        bool labelBefore = n.Label is not null ? n.LabelBeforeName : parent?.LabelBeforeName ?? false;
        var decor = n.Decor;

        bool topLevelFirst = !c.NamesSeen && !c.InSubstitute;
        if (!c.InSubstitute)
        {
            c.NamesSeen = true;
        }

        if (topLevelFirst && c.SuppressAuthor)
        {
            // the author is suppressed: count the names as rendered (for substitution), output nothing
            MarkSuppressed(c, n);
            return null;
        }

        var opts = (nameEl?.Options ?? NameOptions.Empty).Over(c.NameOpts);
        string? namesDelim = n.Delimiter ?? c.NamesDelimiter;

        foreach (var v in n.Variables)
        {
            c.Called++;
            if (c.Suppressed is not null && c.Suppressed.Contains(v))
            {
                continue;
            }

            var names = c.Item.GetNames(v);
            if (names.Count > 0)
            {
                lists.Add((v, names));
            }
        }

        if (lists.Count == 0)
        {
            if (n.Substitute is { } sub)
            {
                bool wasIn = c.InSubstitute;
                var wasParent = c.SubstituteParent;
                c.InSubstitute = true;
                c.SubstituteParent = n;
                var rec = c.Recording;
                c.Recording = [];
                RNode? result = null;
                bool byNames = false;
                foreach (var e in sub)
                {
                    int called = c.Called, nonEmpty = c.NonEmpty;
                    var r = e is NamesElement sn ? RenderNames(c, sn, n) : Renderer.Render(c, e);
                    if (r is not null && !Rich.IsEmpty(r))
                    {
                        // citeproc-js: in a sort key, a substitute that printed no variable (a term or fixed text
                        // such as "Anonymous", directly or through a choose) gives an empty key, so the item sorts last
                        // (a macro standing in sorts by what it prints: "Anon" through <text macro="anon"/>)
                        result = c.SortMode && c.Recording.Count == 0 && e is not TextElement { Source: TextSource.Macro } ? null : r;
                        byNames = e is NamesElement;
                        break;
                    }

                    if (e is TextElement { Source: TextSource.Term })
                    {
                        // a term ends the substitution even when it is empty, and counts as rendered for the
                        // enclosing group (citeproc-js; substitute_SubstituteOnlyOnceTermEmpty)
                        c.NonEmpty = nonEmpty + 1;
                        break;
                    }

                    c.Called = called;
                    c.NonEmpty = nonEmpty;
                    c.Recording.Clear();
                }

                c.InSubstitute = wasIn;
                c.SubstituteParent = wasParent;
                var used = c.Recording;
                c.Recording = rec;
                if (result is not null)
                {
                    c.Suppressed ??= [];
                    foreach (var u in used)
                    {
                        c.Suppressed.Add(u);
                        rec?.Add(u);
                    }

                    // citeproc-js: only names standing in take the affixes and formatting of the names element; a
                    // title or other text standing in is written as its own element writes it
                    var own = byNames ? decor : null;
                    if (topLevelFirst && !c.SortMode)
                    {
                        var wrapped = new RSpan();
                        wrapped.Add(own is null ? result : Renderer.Decorate(c, result, own));
                        c.FirstNamesNode ??= wrapped;
                        c.FirstNamesList ??= c.LastNamesList ?? [Rich.Plain(result)];
                        c.FirstNamesRaw ??= c.LastNamesRaw;
                        c.FirstNamesOpts ??= c.LastNamesOpts;
                        return wrapped;
                    }

                    return own is null ? result : Renderer.Decorate(c, result, own);
                }
            }

            if (c.SortMode && !c.InSubstitute && nameEl?.Options.Form == "count")
            {
                // citeproc-js (NameOutput.outputNames): in a sort key a count of no names (nothing substituted) is
                // written "0", so such items sort first in ascending order ("authorcount" keys of Harvard-like
                // styles: an edited book before the single-author work of the same family name)
                c.NonEmpty++;
                return new RText("0");
            }

            return null;
        }

        c.NonEmpty++;
        foreach (var (v, _) in lists)
        {
            c.Recording?.Add(v);
        }

        if (c.InSubstitute)
        {
            // a variable substituted once is suppressed for the rest of the substitution as well
            c.Suppressed ??= [];
            foreach (var (v, _) in lists)
            {
                c.Suppressed.Add(v);
            }
        }

        // editor + translator with the same names: one list with the editortranslator term
        if (lists.Count >= 2)
        {
            int ed = lists.FindIndex(l => l.Var == "editor");
            int tr = lists.FindIndex(l => l.Var == "translator");
            if (ed >= 0 && tr >= 0 && lists[ed].Names.SequenceEqual(lists[tr].Names) && !string.IsNullOrEmpty(c.Locale.Term("editortranslator")))
            {
                lists[ed] = ("editortranslator", lists[ed].Names);
                lists.RemoveAt(tr);
            }
        }

        if (nameEl?.Options.Form == "count" || (nameEl is null && opts.Form == "count" && false))
        {
            int total = 0;
            foreach (var (_, names) in lists)
            {
                total += Shown(c, names, opts).Count;
            }

            return total == 0 ? null : Renderer.Decorate(c, new RText(total.ToString(CultureInfo.InvariantCulture)), decor);
        }

        var outer = new RSpan();
        var allNames = new List<string>();
        int nameIndex = 0;
        foreach (var (v, names) in lists)
        {
            var rendered = RenderList(c, names, opts, nameEl, etAlDecor, etAlTerm, ref nameIndex, allNames);
            if (rendered is null)
            {
                continue;
            }

            RNode? lab = label is null || c.SortMode ? null : Renderer.RenderLabel(c, v, label.Form, label.Plural, label.Decor, names.Count);
            var one = new RSpan();
            if (labelBefore)
            {
                one.Add(lab);
                one.Add(rendered);
            }
            else
            {
                one.Add(rendered);
                one.Add(lab);
            }

            if (outer.Children.Count > 0 && namesDelim is { Length: > 0 })
            {
                outer.Children.Add(new RText(namesDelim) { NoCase = true });
            }

            outer.Children.Add(one);
        }

        c.LastNamesList = allNames;
        IReadOnlyList<CslName> raw;
        if (lists.Count == 1)
        {
            raw = lists[0].Names;
        }
        else
        {
            var all = new List<CslName>();
            foreach (var (_, names) in lists)
            {
                all.AddRange(names);
            }

            raw = all;
        }

        c.LastNamesRaw = raw;
        c.LastNamesOpts = opts;
        var final = Renderer.Decorate(c, outer, decor);
        if (topLevelFirst && !c.SortMode && final is not null)
        {
            var wrapped = new RSpan();
            wrapped.Add(final);
            c.FirstNamesNode ??= wrapped;
            c.FirstNamesList ??= allNames;
            c.FirstNamesRaw ??= raw;
            c.FirstNamesOpts ??= opts;
            return wrapped;
        }

        return final;
    }

    private static void MarkSuppressed(Ctx c, NamesElement n)
    {
        c.Suppressed ??= [];
        bool any = false;
        foreach (var v in n.Variables)
        {
            if (c.Item.GetNames(v).Count > 0)
            {
                any = true;
            }

            c.Suppressed.Add(v);
        }

        if (!any && n.Substitute is { } sub)
        {
            // suppress whatever the substitute would have rendered
            var probe = new List<string>();
            var rec = c.Recording;
            c.Recording = probe;
            bool wasIn = c.InSubstitute;
            var wasParent = c.SubstituteParent;
            c.InSubstitute = true;
            c.SubstituteParent = n;
            foreach (var e in sub)
            {
                var r = e is NamesElement sn ? RenderNames(c, sn, n) : Renderer.Render(c, e);
                if (r is not null && !Rich.IsEmpty(r))
                {
                    break;
                }

                probe.Clear();
            }

            c.InSubstitute = wasIn;
            c.SubstituteParent = wasParent;
            c.Recording = rec;
            foreach (var p in probe)
            {
                c.Suppressed.Add(p);
            }
        }
    }

    private static (int Min, int UseFirst, bool UseLast) EtAl(Ctx c, NameOptions opts)
    {
        int min = opts.EtAlMin ?? 0;
        int useFirst = opts.EtAlUseFirst ?? 0;
        if (!c.Bib && c.Cite is not null && ((c.Position != Position.First && !c.DisambigMode) || c.SubsequentEtAl))
        {
            min = opts.EtAlSubsequentMin ?? min;
            useFirst = opts.EtAlSubsequentUseFirst ?? useFirst;
        }

        if (c.SortMode && c.SortKey is { } k)
        {
            min = k.NamesMin ?? min;
            useFirst = k.NamesUseFirst ?? useFirst;
        }

        bool useLast = (c.SortMode && c.SortKey?.NamesUseLast is { } ul) ? ul : opts.EtAlUseLast ?? false;
        return (min, useFirst, useLast);
    }

    /// <summary>citeproc-js (<c>CSL.NameOutput.truncatePersonalNameLists</c>) shows at most et-al-min − 2 names before
    /// the et-al-use-last ellipsis, whatever et-al-use-first says (gaia: min 7, use-first 6 prints five names, "…" and
    /// the last); not while names are compared for disambiguation, as there.</summary>
    private static int UseLastCap(Ctx c, int shown, int min, bool useLast) =>
        useLast && !c.DisambigMode && min - 2 >= 1 && shown > min - 2 ? min - 2 : shown;

    private static IReadOnlyList<CslName> Shown(Ctx c, IReadOnlyList<CslName> names, NameOptions opts)
    {
        var (min, useFirst, useLast) = EtAl(c, opts);
        if (min > 0 && useFirst > 0 && names.Count >= min)
        {
            int k = UseLastCap(c, Math.Min(names.Count, useFirst + (c.Bib ? 0 : c.State.AddNames)), min, useLast);
            c.EtAlCut |= k < names.Count;
            return names.Take(k).ToList();
        }

        return names;
    }

    private static RNode? RenderList(Ctx c, IReadOnlyList<CslName> names, NameOptions opts, NameElement? nameEl, Decor? etAlDecor,
        string etAlTerm, ref int nameIndex, List<string> allNames)
    {
        var (min, useFirst, useLast) = EtAl(c, opts);
        bool truncated = false;
        int shownCount = names.Count;
        if (min > 0 && names.Count >= min && useFirst + (c.Bib ? 0 : c.State.AddNames) <= 0 && opts.EtAlUseFirst is not null)
        {
            c.EtAlCut = true;
            return null;
        }

        if (min > 0 && useFirst > 0 && names.Count >= min)
        {
            shownCount = UseLastCap(c, Math.Min(names.Count, useFirst + (c.Bib ? 0 : c.State.AddNames)), min, useLast);
            truncated = shownCount < names.Count;
            c.EtAlCut |= truncated;
        }

        string delim = opts.Delimiter ?? ", ";
        string? andTerm = opts.And switch
        {
            "text" => c.Locale.Term("and") ?? "and",
            "symbol" => "&",
            _ => null,
        };
        string nameAsSortOrder = opts.NameAsSortOrder ?? string.Empty;
        var span = new RSpan { IsNameList = true };
        bool affixes = !c.SortMode && nameEl is not null && (nameEl.Decor.Prefix is not null || nameEl.Decor.Suffix is not null);
        bool etAlShown = false;
        Span<bool> inverted = shownCount <= 64 ? stackalloc bool[shownCount] : new bool[shownCount];
        for (int i = 0; i < shownCount; i++)
        {
            bool inv = c.SortMode || nameAsSortOrder == "all" || (nameAsSortOrder == "first" && i == 0 && nameIndex == 0);
            inverted[i] = inv && !IsLiteral(names[i]) && !string.IsNullOrEmpty(names[i].Given);
            int level = c.State.GivenLevel is { } gl && nameIndex < gl.Length ? GivenLevel(c, opts, gl[nameIndex]) : 0;
            var node = WithNameAffixes(RenderName(c, names[i], inv, opts, nameEl, level), names[i]);
            if (c.NameTexts && !c.SortMode)
            {
                // citeproc-js compares the name as given (setRenderedName: every name part, unformatted, the full
                // given name), not as printed: "Smith, A." for Aiko and for Akira are two authors
                allNames.Add(string.Concat(names[i].NonDroppingParticle, names[i].Family, names[i].Given, names[i].DroppingParticle, names[i].Suffix, names[i].Literal));
            }

            nameIndex++;
            if (i > 0 && c.SortMode)
            {
                span.Children.Add(new RText(", ") { NoCase = true });
            }
            else if (i > 0)
            {
                bool last = i == shownCount - 1 && !truncated;
                if (last && andTerm is not null)
                {
                    string dpl = opts.DelimiterPrecedesLast ?? "contextual";
                    bool useDelim = dpl switch
                    {
                        "always" => true,
                        "never" => false,
                        "after-inverted-name" => inverted[i - 1],
                        _ => shownCount >= 3,
                    };
                    // an "and" term in a script written without spaces around it (CJK, the Hebrew prefix vav) is
                    // joined without them, as citeproc-js does
                    span.Children.Add(new RText(StartsSpaced(andTerm)
                        ? (useDelim ? delim : " ") + andTerm + " "
                        : (dpl == "always" ? delim : string.Empty) + andTerm) { NoCase = true });
                }
                else
                {
                    span.Children.Add(new RText(delim) { NoCase = true });
                }
            }

            span.Children.Add(node);
        }

        nameIndex += names.Count - shownCount;
        if (truncated && c.SortMode)
        {
            // sort keys carry the names only (and the last name with names-use-last)
            if (useLast && names.Count >= shownCount + 2)
            {
                span.Children.Add(new RText(", ") { NoCase = true });
                span.Children.Add(RenderName(c, names[^1], true, opts, nameEl, 0));
            }
        }
        else if (truncated)
        {
            if (useLast && names.Count >= shownCount + 2)
            {
                // citeproc-js: the delimiter before the ellipsis only after two or more names ("Murphy, T. … E. Walker")
                span.Children.Add(new RText((shownCount >= 2 ? delim : " ") + "\u2026 ") { NoCase = true });
                int level = 0;
                span.Children.Add(WithNameAffixes(RenderName(c, names[^1], c.SortMode || nameAsSortOrder == "all", opts, nameEl, level), names[^1]));
            }
            else
            {
                string? term = c.Locale.Term(etAlTerm);
                if (!string.IsNullOrEmpty(term))
                {
                    string dpe = opts.DelimiterPrecedesEtAl ?? "contextual";
                    bool useDelim = dpe switch
                    {
                        "always" => true,
                        "never" => false,
                        "after-inverted-name" => inverted[shownCount - 1],
                        _ => shownCount >= 2,
                    };
                    span.Children.Add(new RText(useDelim ? delim : " ") { NoCase = true });
                    etAlShown = true;
                    var etal = Rich.ParseMarkup(term, quotes: false);
                    span.Children.Add(etAlDecor is null ? etal : Renderer.Decorate(c, etal, etAlDecor) ?? etal);
                }
            }
        }

        if (nameEl is null)
        {
            return span;
        }

        // the affixes of cs:name went on each personal name above (citeproc-js); the list as a whole takes them
        // again only when an et-al term follows the names ("[[John Smith] et al.]")
        var listDecor = affixes && !etAlShown ? nameEl.Decor with { Prefix = null, Suffix = null } : nameEl.Decor;
        return Renderer.Decorate(c, span, listDecor);

        RNode WithNameAffixes(RNode node, CslName name)
        {
            if (!affixes || IsLiteral(name) || string.IsNullOrEmpty(name.Family))
            {
                return node;
            }

            var wrapped = new RSpan();
            if (nameEl!.Decor.Prefix is { } pre)
            {
                wrapped.Add(new RText(pre) { NoCase = true });
            }

            wrapped.Add(node);
            if (nameEl.Decor.Suffix is { } suf)
            {
                wrapped.Add(new RText(suf) { NoCase = true });
            }

            return wrapped;
        }
    }

    private static bool IsLiteral(CslName n) => n.Literal is not null || (n.Family is not null && n.Given is null && n.Extra.ContainsKey("isInstitution"));

    public static bool IsCjk(string? s)
    {
        if (s is null)
        {
            return false;
        }

        foreach (char ch in s)
        {
            if (ch >= 0x3000 && ch <= 0x9FFF || ch >= 0xAC00 && ch <= 0xD7AF)
            {
                return true;
            }
        }

        return false;
    }

    private static string Join(string? a, string? b)
    {
        if (string.IsNullOrEmpty(a))
        {
            return b ?? string.Empty;
        }

        if (string.IsNullOrEmpty(b))
        {
            return a;
        }

        char last = a[^1];
        return last is '\'' or '\u2019' or '-' or '\u00A0' ? a + b : a + " " + b;
    }

    /// <summary>The given-name level a name renders with: a citation's own; in the bibliography, on the first names
    /// of the entry only, the citation's level for short names, and for long names with initials the full given
    /// name where the citation printed it in full (citeproc-js: a requested level above the default 1 wins).</summary>
    private static int GivenLevel(Ctx c, NameOptions opts, int level)
    {
        if (!c.Bib || level == 0)
        {
            return level;
        }

        // a bibliography sort key renders names with the levels of the global given-name rules (citeproc-js fills
        // its name registry when items are registered, before the sort keys are built: "Kopack, Laura; Andersson"
        // sorts before "Kopack, Lukas"); by-cite levels come after the sort and do not count there
        if (!c.InFirstNames && !(c.SortMode && GlobalGivenRule(c.Style)))
        {
            return 0;
        }

        return opts.Form switch
        {
            "short" => level,
            null or "long" when opts.InitializeWith is not null => level >= c.State.FullGivenLevel ? 1 : 0,
            _ => 0,
        };
    }

    /// <summary>The style disambiguates given names by a global rule (all-names, primary-name and their
    /// with-initials forms), not by cite.</summary>
    internal static bool GlobalGivenRule(Style style) =>
        style.Citation.Opt("disambiguate-add-givenname") == "true" && (style.Citation.Opt("givenname-disambiguation-rule") ?? "by-cite") != "by-cite";

    public static RNode RenderName(Ctx c, CslName name, bool inverted, NameOptions opts, NameElement? nameEl, int level)
    {
        if (IsLiteral(name))
        {
            string lit = name.Literal ?? name.Family ?? string.Empty;
            var litNode = Rich.ParseMarkupNode(lit);
            if (nameEl?.Family is { } fp)
            {
                return Renderer.Decorate(c, litNode, fp.Decor) ?? litNode;
            }

            return litNode;
        }

        string family = name.Family ?? string.Empty;
        string? given = name.Given;
        if (family.Length == 0 && !string.IsNullOrEmpty(given) && string.IsNullOrEmpty(name.NonDroppingParticle))
        {
            // a name with only a given name ("Banksy") is shown as it is
            var only = Rich.ParseMarkupNode(given);
            return nameEl?.Given is { } ge ? Renderer.Decorate(c, only, ge.Decor) ?? only : only;
        }

        string? ndp = name.NonDroppingParticle;
        string? dp = name.DroppingParticle;
        string? suffix = name.Suffix;

        bool commaSuffix = name.CommaSuffix;
        if (suffix is null && given is not null && given.Contains(',', StringComparison.Ordinal))
        {
            int comma = given.IndexOf(',', StringComparison.Ordinal);
            string rest = given[(comma + 1)..];
            if (rest.StartsWith('!'))
            {
                commaSuffix = true;
                rest = rest[1..];
            }

            suffix = rest.Trim();
            given = given[..comma].Trim();
        }

        // a family name in double quotes is taken literally: no particles are parsed out of it
        bool quotedFamily = family.Length > 2 && family[0] == '"' && family[^1] == '"';
        if (quotedFamily)
        {
            family = family[1..^1];
        }

        // particles embedded in names (e.g. family "van Gogh" without explicit particle)
        if (ndp is null && family.Length > 0 && !quotedFamily && !name.Extra.ContainsKey("static-particles"))
        {
            SplitFamilyParticle(ref family, ref ndp);
        }

        if (dp is null && given is not null)
        {
            SplitGivenParticle(ref given, ref dp);
        }

        if (c.SortMode && ndp is not null && ndp.TrimEnd() is { Length: > 1 } trimmedNdp && trimmedNdp[^1] is '\'' or '\u2019')
        {
            // citeproc-js sorts a particle's closing apostrophe as a word break: "d’Wander" as "d Wander", before "de’ Frinkle"
            ndp = trimmedNdp[..^1];
        }

        string form = opts.Form ?? "long";
        string? initWith = opts.InitializeWith;
        bool initialize = opts.Initialize ?? true;
        if (form == "short" && level >= 1)
        {
            form = "long";
            if (level >= 2)
            {
                initWith = null;
            }
        }
        else if (form == "long" && level >= 1)
        {
            initWith = null;
        }

        if (given is not null && initWith is not null)
        {
            given = Initialize(given, initWith, initialize, c.Style.InitializeWithHyphen);
        }

        if (!string.IsNullOrEmpty(suffix) && opts.InitializeWith is { } suffixInit && suffix.Contains('.', StringComparison.Ordinal))
        {
            suffix = TerminateSuffix(suffix, suffixInit);
        }

        if (form == "count")
        {
            form = "long";
        }

        bool cjk = IsCjk(family) || IsCjk(given);

        string demote = c.Style.DemoteNonDroppingParticle;
        var span = new RSpan();
        RNode Part(string text, NamePartElement? partEl)
        {
            var node = Rich.ParseMarkupNode(text);
            return partEl is null ? node : Renderer.Decorate(c, node, partEl.Decor) ?? node;
        }

        // a name part: each piece formatted on its own, joined by spaces (not after an apostrophe or hyphen),
        // the part's affixes around the whole
        RNode Compose(NamePartElement? affixEl, string? tail, params ReadOnlySpan<(string? Text, NamePartElement? Fmt)> pieces) =>
            ComposeJoined(" ", affixEl, tail, pieces);

        // citeproc-js joins particles and the family name with a no-break space when it renders in French, Russian
        // or Czech ("van\u00a0der\u00a0Lee", "C. von\u00a0Cohen"); not in sort keys
        string particleSpace = !c.SortMode && NoBreakParticles(c.Locale.Lang) ? "\u00a0" : " ";

        RNode ComposeJoined(string space, NamePartElement? affixEl, string? tail, params ReadOnlySpan<(string? Text, NamePartElement? Fmt)> pieces)
        {
            var inner = new RSpan();
            string last = string.Empty;
            foreach (var (text, fmt) in pieces)
            {
                if (string.IsNullOrEmpty(text))
                {
                    continue;
                }

                if (last.Length > 0 && last[^1] is not ('\'' or '\u2019' or '-'))
                {
                    inner.Add(new RText(last[^1] == ' ' ? " " : space));
                }

                var node = Rich.ParseMarkupNode(text[^1] == ' ' ? text.TrimEnd() : text);
                inner.Add(fmt is null ? node : Renderer.Decorate(c, node, fmt.InnerDecor) ?? node);
                last = text;
            }

            if (!string.IsNullOrEmpty(tail))
            {
                inner.Add(new RText(tail));
            }

            if (affixEl is null || (affixEl.Decor.Prefix is null && affixEl.Decor.Suffix is null))
            {
                return inner;
            }

            var wrapped = new RSpan();
            if (affixEl.Decor.Prefix is { } pre)
            {
                wrapped.Add(new RText(pre) { NoCase = true });
            }

            wrapped.Add(inner);
            if (affixEl.Decor.Suffix is { } suf)
            {
                wrapped.Add(new RText(suf) { NoCase = true });
            }

            return wrapped;
        }

        var fEl = nameEl?.Family;
        var gEl = nameEl?.Given;
        string suffixTail = string.IsNullOrEmpty(suffix) ? string.Empty : (commaSuffix ? ", " : " ") + suffix;
        if (form == "short" || string.IsNullOrEmpty(given) && string.IsNullOrEmpty(dp))
        {
            if (cjk)
            {
                return Part(family, fEl);
            }

            // sort keys put a non-dropping particle after the family name unless the style never demotes it
            // (citeproc-js: "García van der" sorts under G)
            return c.SortMode && demote != "never" && !string.IsNullOrEmpty(ndp)
                ? Compose(fEl, form != "short" ? suffixTail : null, (family, fEl), (ndp, fEl))
                : ComposeJoined(particleSpace, fEl, form != "short" ? suffixTail : null, (ndp, fEl), (family, fEl));
        }

        if (cjk && (IsCjk(family) || IsCjk(given)))
        {
            span.Add(Part(family, fEl));
            span.Add(Part(given ?? string.Empty, gEl));
            return span;
        }

        if (!inverted && !name.StaticOrdering)
        {
            // Given dp ndp Family Suffix
            span.Add(Compose(gEl, null, (given, gEl)));
            bool suffixSpace = gEl?.Decor.Suffix is { Length: > 0 } gs && char.IsWhiteSpace(gs[^1]);
            if (!suffixSpace && (string.IsNullOrEmpty(given) || given[^1] is not ('\'' or '\u2019' or '-')))
            {
                span.Add(new RText(" "));
            }

            span.Add(ComposeJoined(particleSpace, fEl, suffixTail, (dp, gEl), (ndp, fEl), (family, fEl)));
            return span;
        }

        if (name.StaticOrdering && !inverted)
        {
            span.Add(ComposeJoined(particleSpace, fEl, null, (ndp, fEl), (family, fEl)));
            span.Add(new RText(" "));
            span.Add(Part(given ?? string.Empty, gEl));
            return span;
        }

        string sep = opts.SortSeparator ?? ", ";
        bool demoteNdp = demote == "display-and-sort" || (demote == "sort-only" && c.SortMode);
        if (demoteNdp)
        {
            span.Add(Compose(fEl, null, (family, fEl)));
            span.Add(new RText(sep));
            span.Add(Compose(gEl, null, (given, gEl), (dp, gEl), (ndp, fEl)));
        }
        else
        {
            span.Add(ComposeJoined(particleSpace, fEl, null, (ndp, fEl), (family, fEl)));
            span.Add(new RText(sep));
            span.Add(Compose(gEl, null, (given, gEl), (dp, gEl)));
        }

        if (!string.IsNullOrEmpty(suffix))
        {
            span.Add(new RText(sep + suffix.Replace('\'', '\u2019')));
        }

        return span;
    }

    /// <summary>The languages citeproc-js joins name particles and family names in with a no-break space
    /// (<c>_renderOnePersonalName</c>: the default locale's language is fr, ru or cs).</summary>
    internal static bool NoBreakParticles(string lang) =>
        lang.StartsWith("fr", StringComparison.OrdinalIgnoreCase) || lang.StartsWith("ru", StringComparison.OrdinalIgnoreCase)
        || lang.StartsWith("cs", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A name suffix written with periods takes the style's initialize-with terminator after each abbreviated piece, as
    /// citeproc-js writes it: "Jr." stays "Jr." with ". " and becomes "Jr" with "" (Vancouver-like styles); "Ph.D."
    /// becomes "PhD" with "" and "Ph. D." with ". ".
    /// </summary>
    internal static string TerminateSuffix(string suffix, string terminator)
    {
        var sb = new StringBuilder(suffix.Length + 4);
        var pieces = suffix.Split('.');
        for (int i = 0; i < pieces.Length; i++)
        {
            string piece = pieces[i].Trim();
            if (piece.Length == 0)
            {
                continue;
            }

            sb.Append(piece);
            if (i < pieces.Length - 1)
            {
                sb.Append(terminator);
            }
        }

        return sb.ToString().TrimEnd();
    }

    private static void SplitFamilyParticle(ref string family, ref string? ndp)
    {
        // leading lowercase words ("van der Berg") are a non-dropping particle
        int i = 0;
        int lastSplit = -1;
        while (i < family.Length)
        {
            int sp = family.IndexOf(' ', i);
            if (sp < 0)
            {
                break;
            }

            string word = family[i..sp];
            if (word.Length == 0 || !(char.IsLower(word[0]) || (word.Length > 1 && word[0] is '\'' or '\u2019' && char.IsLower(word[1]))))
            {
                break;
            }

            lastSplit = sp;
            i = sp + 1;
        }

        if (lastSplit > 0)
        {
            // a particle ending in an apostrophe keeps its space ("de' Frinkle"); a trailing space marks it
            ndp = family[lastSplit - 1] is '\'' or '\u2019' ? family[..(lastSplit + 1)] : family[..lastSplit];
            family = family[(lastSplit + 1)..];
            return;
        }

        // "al-One", "d'Alembert": a lowercase particle glued with a hyphen or apostrophe
        int glue = family.AsSpan().IndexOfAny('-', '\'', '\u2019');
        if (glue > 0 && glue < 4 && glue + 1 < family.Length && char.IsLower(family[0]) && char.IsUpper(family[glue + 1]) && family[..glue].All(char.IsLower))
        {
            ndp = family[..(glue + 1)];
            family = family[(glue + 1)..];
        }
    }

    private static void SplitGivenParticle(ref string given, ref string? dp)
    {
        // trailing lowercase words in given ("Ludwig van") are a dropping particle
        int sp = given.LastIndexOf(' ');
        int cut = -1;
        while (sp > 0)
        {
            string word = given[(sp + 1)..];
            if (word.Length == 0 || !char.IsLower(word[0]) || word.Contains('.'))
            {
                break;
            }

            cut = sp;
            sp = given.LastIndexOf(' ', sp - 1);
        }

        if (cut > 0)
        {
            dp = given[(cut + 1)..];
            given = given[..cut];
        }
    }

    /// <summary>The initial of a name: its first letter, or a capital digraph ("TSerendorjiin" → "Ts").</summary>
    private static string LongInitial(string t)
    {
        int run = 1;
        while (run < t.Length && char.IsUpper(t[run]))
        {
            run++;
        }

        if (run > 1 && run < t.Length && char.IsLower(t[run]))
        {
            return char.ToUpper(t[0], CultureInfo.InvariantCulture) + t[1..run].ToLower(CultureInfo.InvariantCulture);
        }

        return char.ToUpper(t[0], CultureInfo.InvariantCulture).ToString();
    }

    // buffers of Initialize, reused per thread (it does not call itself)
    [ThreadStatic]
    private static List<(string Text, bool Abbrev, char Sep)>? _initTokens;

    [ThreadStatic]
    private static List<string?>? _initWraps;

    [ThreadStatic]
    private static StringBuilder? _initCur;

    [ThreadStatic]
    private static StringBuilder? _initOut;

    public static string Initialize(string given, string with, bool initialize, bool hyphen)
    {
        // tokens: letters up to a space, period or hyphen; a token closed by a period is an abbreviation kept whole
        // a word wrapped in markup ("<b>John</b>") keeps the markup around its initial
        var tokens = _initTokens ??= [];
        var wraps = _initWraps ??= [];
        var cur = _initCur ??= new StringBuilder();
        var sb = _initOut ??= new StringBuilder();
        tokens.Clear();
        wraps.Clear();
        cur.Clear();
        sb.Clear();
        string? openTag = null;
        for (int i = 0; i < given.Length; i++)
        {
            char ch = given[i];
            if (ch == '<' && given.IndexOf('>', i + 1) is int close and > 0 && close - i <= 12)
            {
                string tag = given[(i + 1)..close];
                if (tag.StartsWith('/'))
                {
                    if (cur.Length > 0)
                    {
                        tokens.Add((cur.ToString(), false, ' '));
                        wraps.Add(openTag);
                        cur.Clear();
                    }
                    openTag = null;
                }
                else if (cur.Length == 0)
                {
                    openTag = tag;
                }

                i = close;
                continue;
            }

            if (ch is ' ' or '.' or '-' or '\u2010' or '\u00A0')
            {
                if (cur.Length > 0)
                {
                    tokens.Add((cur.ToString(), ch == '.', ch is '-' or '\u2010' ? '-' : ' '));
                    wraps.Add(openTag);
                    cur.Clear();
                }

                if (ch is '-' or '\u2010' && tokens.Count > 0)
                {
                    tokens[^1] = (tokens[^1].Text, tokens[^1].Abbrev, '-');
                }

                continue;
            }

            cur.Append(ch);
        }

        if (cur.Length > 0)
        {
            tokens.Add((cur.ToString(), false, ' '));
            wraps.Add(openTag);
        }

        string trimmedWith = with.TrimEnd();
        bool prevInit = false;
        char prevSep = ' ';
        for (int i = 0; i < tokens.Count; i++)
        {
            var (t, abbrev, sep) = tokens[i];
            bool word = char.IsLower(t[0]) && !abbrev;
            string piece;
            bool isInit;
            if (word && initialize && i > 0 && prevSep == '-')
            {
                // a lowercase part after a hyphen ("Guo-ping") has no initial of its own
                prevSep = sep;
                continue;
            }

            if (word)
            {
                piece = t;
                isInit = false;
            }
            else if (abbrev)
            {
                piece = t + with;
                isInit = true;
            }
            else if (initialize || t.Length == 1)
            {
                piece = LongInitial(t) + with;
                isInit = true;
            }
            else
            {
                piece = t;
                isInit = false;
            }

            if (i > 0)
            {
                if (prevSep == '-')
                {
                    if (prevInit)
                    {
                        // with initialize-with-hyphen="false" the initials stay apart as initialize-with sets them
                        // ("Jean-Paul" → "J P" under " ", citeproc-js), with it the hyphen joins them ("J.-P.")
                        if (hyphen)
                        {
                            sb.Length -= with.Length - trimmedWith.Length;
                            sb.Append('-');
                        }
                    }
                    else
                    {
                        sb.Append('-');
                    }
                }
                else if (!prevInit || (!with.EndsWith(' ') && !isInit))
                {
                    sb.Append(' ');
                }
            }

            if (wraps[i] is { } w && w.All(char.IsLetter))
            {
                string core = piece.TrimEnd();
                sb.Append('<').Append(w).Append('>').Append(core).Append("</").Append(w).Append('>').Append(piece, core.Length, piece.Length - core.Length);
            }
            else
            {
                sb.Append(piece);
            }

            prevInit = isInit;
            prevSep = sep;
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>Whether a name-list "and" term takes spaces around it: it starts with a Latin, Greek, Cyrillic, Arabic,
    /// Thai or Hebrew letter (but not the prefix vav, U+05D5) or "&amp;" (citeproc-js's "romanesque" test).</summary>
    private static bool StartsSpaced(string term)
    {
        if (term.Length == 0)
        {
            return false;
        }

        char ch = term[0];
        return ch == '&' || char.IsAsciiLetter(ch)
            || ch is (>= '\u0e01' and <= '\u0e5b') or (>= '\u00c0' and <= '\u017f') or (>= '\u0370' and <= '\u03ff')
                or (>= '\u0400' and <= '\u052f') or (>= '\u0590' and <= '\u05d4') or (>= '\u05d6' and <= '\u05ff')
                or (>= '\u1f00' and <= '\u1fff') or (>= '\u0600' and <= '\u06ff') or '\u200c' or '\u200d' or '\u200e'
                or (>= '\u0218' and <= '\u021b') or (>= '\u202a' and <= '\u202e');
    }
}
