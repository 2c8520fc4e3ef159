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
        return BlankFrames(tooDeep ? html[..cut] : html);
    }

    /// <summary>The HTML with every <c>&lt;iframe&gt;…&lt;/iframe&gt;</c> (tags and raw content) turned into spaces, line
    /// ends kept, so offsets and lines of everything else stay where they were. No reader uses frames (they show
    /// another page; their content is raw fallback text), and the tree builder spends about 0.4 ms on each frame
    /// element: a 1.6 MB page of 20,000 frames took 10 s in <c>page</c> and 1 s without them. Frames inside scripts and
    /// comments are left alone (JSON-LD text keeps its words); a frame that never closes is left to the parser.</summary>
    public static string BlankFrames(string html)
    {
        if (html.IndexOf("<iframe", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return html;
        }

        char[]? chars = null;
        int i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            var rest = html.AsSpan(i);
            if (rest.StartsWith("<!--", StringComparison.Ordinal))
            {
                int end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (end < 0)
                {
                    break;
                }

                i = end + 3;
                continue;
            }

            if (StartsTag(rest, "script") || StartsTag(rest, "style"))
            {
                string endTag = StartsTag(rest, "script") ? "</script" : "</style";
                int end = html.IndexOf(endTag, i + 1, StringComparison.OrdinalIgnoreCase);
                if (end < 0)
                {
                    break;
                }

                i = end + endTag.Length;
                continue;
            }

            if (StartsTag(rest, "iframe"))
            {
                int open = html.IndexOf('>', i);
                int close = open < 0 ? -1 : html.IndexOf("</iframe", open, StringComparison.OrdinalIgnoreCase);
                int closeEnd = close < 0 ? -1 : html.IndexOf('>', close);
                if (closeEnd < 0)
                {
                    break;
                }

                chars ??= html.ToCharArray();
                for (int k = i; k <= closeEnd; k++)
                {
                    if (chars[k] is not ('\n' or '\r'))
                    {
                        chars[k] = ' ';
                    }
                }

                i = closeEnd + 1;
                continue;
            }

            i++;
        }

        return chars is null ? html : new string(chars);
    }

    /// <summary>Whether <paramref name="text"/> starts with the start tag <paramref name="name"/> ("&lt;name" then white
    /// space, '/' or '&gt;'), in any letter case.</summary>
    private static bool StartsTag(ReadOnlySpan<char> text, string name) =>
        text.Length > name.Length + 1 && text[1..].StartsWith(name, StringComparison.OrdinalIgnoreCase)
        && text[name.Length + 1] is ' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>';

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
