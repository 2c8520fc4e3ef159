using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.Text;

namespace SourceCheck.Formatting;

// Citations: rendering cites, grouping and collapsing them, cite affixes and locators.
internal sealed partial class CslProcessor
{
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
}
