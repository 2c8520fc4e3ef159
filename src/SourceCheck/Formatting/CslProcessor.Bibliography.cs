using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.Text;

namespace SourceCheck.Formatting;

// Bibliography: entries, second-field-align, subsequent-author-substitute.
internal sealed partial class CslProcessor
{
    // ------------------------------------------------------------------ bibliography

    private List<string> RenderBibliography(List<CslItem> sorted, OutputFormat format)
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

        return new List<string>(rendered);
    }

    /// <summary>The bibliography as one text: citeproc-js's HTML wrapper, else one entry per line (empty entries left out).</summary>
    private static string BibliographyDocument(List<string> entries, OutputFormat format)
    {
        // the document is built in one buffer of its final size (no chunk chain copied at the end)
        long size = 32;
        foreach (var e in entries)
        {
            size += e.Length + (format == OutputFormat.Html ? 32 : 1);
        }

        var sb = new StringBuilder((int)Math.Min(size, int.MaxValue / 2));
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

        return sb.ToString();
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
