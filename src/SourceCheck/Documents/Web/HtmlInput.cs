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

        string walked = Walk(html, out int cut);
        tooDeep = cut >= 0;
        return tooDeep ? walked[..cut] : walked;
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

    /// <summary>Where the element nesting first passes <see cref="MaxDepth"/>, or -1 (see <see cref="Walk"/>).</summary>
    public static int DepthCut(string html)
    {
        Walk(html, out int cut);
        return cut;
    }

    /// <summary>One linear walk over the tags (comments, scripts and styles skipped) that finds both things the parser
    /// must not see. <paramref name="cut"/>: where the element nesting first passes <see cref="MaxDepth"/> (elements that
    /// close implicitly are not counted, going in or out), or -1. Returned: the HTML with every
    /// <c>&lt;iframe&gt;…&lt;/iframe&gt;</c> (tags and raw content) turned into spaces, line ends kept, so offsets and lines of
    /// everything else stay where they were — no reader uses frames (they show another page; their content is raw
    /// fallback text), and the tree builder spent about 0.4 ms on each frame element (a 1.6 MB page of 20,000 frames:
    /// 10 s in <c>page</c>, 1 s without them). Frames inside scripts and comments are left alone (JSON-LD text keeps its
    /// words); a frame that never closes is left to the parser, and so are the frames after it. A frame's raw content
    /// does not count for the nesting (the parser reads it as text).</summary>
    public static string Walk(string html, out int cut)
    {
        ArgumentNullException.ThrowIfNull(html);
        cut = -1;
        bool frames = html.Contains("<iframe", StringComparison.OrdinalIgnoreCase);
        char[]? chars = null;
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
                    break;
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

            var name = html.AsSpan(i + 1, j - i - 1);
            // The next '>' is remembered: "<a<a<a…" without a '>' would otherwise rescan the rest at every tag.
            if (nextClose < j)
            {
                nextClose = html.IndexOf('>', j);
                if (nextClose < 0)
                {
                    break;
                }
            }

            int close = nextClose;
            if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
            {
                int endTag = html.IndexOf(string.Concat("</", name), close, StringComparison.OrdinalIgnoreCase);
                i = endTag < 0 ? html.Length : endTag;
                continue;
            }

            if (frames && name.Equals("iframe", StringComparison.OrdinalIgnoreCase) && html[j] is ' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>')
            {
                int end = html.IndexOf("</iframe", close, StringComparison.OrdinalIgnoreCase);
                int endClose = end < 0 ? -1 : html.IndexOf('>', end);
                if (endClose >= 0)
                {
                    chars ??= html.ToCharArray();
                    for (int k = i; k <= endClose; k++)
                    {
                        if (chars[k] is not ('\n' or '\r'))
                        {
                            chars[k] = ' ';
                        }
                    }

                    i = endClose + 1;
                    continue;
                }

                frames = false;
            }

            if (!VoidTagNames.Contains(name) && html[close - 1] != '/')
            {
                depth++;
                if (depth > MaxDepth)
                {
                    cut = i;
                    break;
                }
            }

            i = close + 1;
        }

        return chars is null ? html : new string(chars);
    }
}
