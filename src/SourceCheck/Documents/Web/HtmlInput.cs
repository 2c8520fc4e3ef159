using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SourceCheck.Documents.Web;

/// <summary>The one guarded entry for HTML: every reader that parses HTML (pages, articles given as HTML,
/// bibliographies in HTML, <c>page</c>, <c>claims</c>, <c>check</c>, <c>parse --from html</c>, <c>compare</c>)
/// parses through here, so length and nesting are bounded the same way everywhere and scripts never run.</summary>
internal static class HtmlInput
{
    /// <summary>Largest HTML text read (characters); the rest is ignored.</summary>
    public const int MaxChars = 8 * 1024 * 1024;

    /// <summary>Deepest element nesting read; a page nested deeper is cut where it passes this depth (HTML tree
    /// building costs grow with depth, so hostile pages could otherwise take minutes).</summary>
    public const int MaxDepth = 400;

    /// <summary>The HTML cut to <see cref="MaxChars"/> and to where its nesting passes <see cref="MaxDepth"/>.</summary>
    public static string Bound(string html, out bool tooDeep, int maxChars = MaxChars)
    {
        ArgumentNullException.ThrowIfNull(html);
        html = Text.TextNormalizer.ReplaceLoneSurrogates(html);
        if (html.Length > maxChars)
        {
            html = html[..maxChars];
        }

        int cut = DepthCut(html);
        tooDeep = cut >= 0;
        return tooDeep ? html[..cut] : html;
    }

    /// <summary>A parser with scripting off.</summary>
    public static HtmlParser Parser(bool keepSourceReferences = false) =>
        new(new HtmlParserOptions { IsScripting = false, IsKeepingSourceReferences = keepSourceReferences });

    /// <summary>Bounds the HTML (<see cref="Bound"/>) and parses it.</summary>
    public static IHtmlDocument Parse(string html, out bool tooDeep, int maxChars = MaxChars, bool keepSourceReferences = false) =>
        Parser(keepSourceReferences).ParseDocument(Bound(html, out tooDeep, maxChars));

    private static readonly HashSet<string> VoidTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p", "li", "option", "td", "tr", "th", "dt", "dd",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> VoidTagNames = VoidTags.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Where the element nesting first passes <see cref="MaxDepth"/> (a linear scan of the tags; elements
    /// that close implicitly are not counted, going in or out), or -1.</summary>
    public static int DepthCut(string html)
    {
        int depth = 0;
        int i = 0;
        int nextClose = -1;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            char c = html[i + 1];
            if (c == '/')
            {
                // the end tag of an element that closes implicitly ("</p>") was never counted on the way in: it must
                // not lower the depth either (else 19,000 unclosed "<blockquote><p>…</p>" never reached the limit,
                // and the tree builder went quadratic: 1.9 MB, 27 s CPU in `page`)
                int k = i + 2;
                while (k < html.Length && (char.IsAsciiLetterOrDigit(html[k]) || html[k] == '-'))
                {
                    k++;
                }

                if (!VoidTagNames.Contains(html.AsSpan(i + 2, k - i - 2)))
                {
                    depth = Math.Max(0, depth - 1);
                }

                i += 2;
                continue;
            }

            if (c == '!')
            {
                int end = html.AsSpan(i).StartsWith("<!--", StringComparison.Ordinal) ? html.IndexOf("-->", i + 4, StringComparison.Ordinal) : html.IndexOf('>', i);
                if (end < 0)
                {
                    return -1;
                }

                i = end + 1;
                continue;
            }

            if (!char.IsAsciiLetter(c))
            {
                i++;
                continue;
            }

            int j = i + 1;
            while (j < html.Length && (char.IsAsciiLetterOrDigit(html[j]) || html[j] == '-'))
            {
                j++;
            }

            string name = html[(i + 1)..j];
            // The next '>' is remembered: "<a<a<a…" without a '>' would otherwise rescan the rest at every tag.
            if (nextClose < j)
            {
                nextClose = html.IndexOf('>', j);
                if (nextClose < 0)
                {
                    return -1;
                }
            }

            int close = nextClose;
            if (close < 0)
            {
                return -1;
            }

            if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
            {
                int endTag = html.IndexOf("</" + name, close, StringComparison.OrdinalIgnoreCase);
                i = endTag < 0 ? html.Length : endTag;
                continue;
            }

            if (!VoidTags.Contains(name) && html[close - 1] != '/')
            {
                depth++;
                if (depth > MaxDepth)
                {
                    return i;
                }
            }

            i = close + 1;
        }

        return -1;
    }

}
