using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.Text;

namespace SourceCheck.Formatting;

// Layout output shared by citations and bibliography: leading-term capitalisation and layout decoration.
internal sealed partial class CslProcessor
{
    /// <summary>Capitalizes the first rendered text when it is a term ("ibid." → "Ibid.").</summary>
    private static readonly System.Buffers.SearchValues<char> LeadingAffixChars = System.Buffers.SearchValues.Create(" \u00a0\u202f([{\"'\u201c\u2018\u00ab<-–—:;,.");

    private static void CapitalizeLeadingTerm(RSpan body)
    {
        // affixes of only spaces and punctuation before it do not count ("(No date)", " N.d. :", as citeproc-js)
        if (FirstWordLeaf(body) is { IsTerm: true } first && char.IsLower(first.Text[0]))
        {
            first.Text = char.ToUpperInvariant(first.Text[0]) + first.Text[1..];
        }
    }

    /// <summary>The first leaf, in document order, with more than spaces and affix punctuation.</summary>
    private static RText? FirstWordLeaf(RNode node)
    {
        if (node is RText t)
        {
            return t.Text.AsSpan().ContainsAnyExcept(LeadingAffixChars) ? t : null;
        }

        if (node is RSpan s)
        {
            foreach (var c in s.Children)
            {
                if (FirstWordLeaf(c) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
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
}
