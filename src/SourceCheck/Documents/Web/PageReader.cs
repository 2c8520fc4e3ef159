using System.Collections.Immutable;
using AngleSharp.Html.Parser;

namespace SourceCheck.Documents.Web;

/// <summary>Facade: reads one saved or fetched web page into <see cref="WebPage"/> (metadata with provenance and
/// main body text). Scripts are not run; the HTML parser recovers from any markup.</summary>
public static class PageReader
{
    /// <summary>Largest HTML text read (characters); the rest is ignored.</summary>
    public const int MaxChars = 8 * 1024 * 1024;

    /// <summary>Deepest element nesting read; a page nested deeper is cut where it passes this depth (HTML tree
    /// building costs grow with depth, so hostile pages could otherwise take minutes).</summary>
    public const int MaxDepth = 400;

    public static WebPage Read(string html, string? url = null)
    {
        if (html.Length > MaxChars)
        {
            html = html[..MaxChars];
        }

        int cut = DepthCut(html);
        bool tooDeep = cut >= 0;
        if (tooDeep)
        {
            html = html[..cut];
        }

        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false, IsKeepingSourceReferences = false });
        using var doc = parser.ParseDocument(html);
        var (meta, ldBody) = PageMetadataReader.Read(doc, url);
        var anchorElements = doc.QuerySelectorAll("a[href]");
        int links = anchorElements.Length;
        var anchors = anchorElements.Select(a => (Text: WebText.Clean(a.TextContent), Url: a.GetAttribute("href") ?? string.Empty))
            .Where(a => a.Text.Length >= 2 && a.Url.Length > 0).ToImmutableArray();
        string? bodyClass = doc.Body?.GetAttribute("class");
        string body = BodyExtractor.Extract(doc, meta.Title?.Value);
        string source = "html:main-content";
        if (body.Length < 500)
        {
            using var again = parser.ParseDocument(html);
            string lenient = BodyExtractor.Extract(again, meta.Title?.Value, lenient: true);
            if (lenient.Length > Math.Max(body.Length * 2, 200))
            {
                body = lenient;
                source = "html:main-content-lenient";
            }
        }
        if (!string.IsNullOrWhiteSpace(ldBody))
        {
            string ld = WebText.Clean(ldBody);
            if (ld.Length > 200 && body.Length < ld.Length * 0.5)
            {
                body = ldBody.Trim();
                source = "json-ld:articleBody";
            }
        }

        return new WebPage(url, meta, body, source) { LinkCount = links, Anchors = anchors, BodyClass = bodyClass, TooDeep = tooDeep };
    }

    private static readonly HashSet<string> VoidTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p", "li", "option", "td", "tr", "th", "dt", "dd",
    };

    /// <summary>Where the element nesting first passes <see cref="MaxDepth"/> (a linear scan of the tags; elements
    /// that close implicitly are not counted), or -1.</summary>
    internal static int DepthCut(string html)
    {
        int depth = 0;
        int i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            char c = html[i + 1];
            if (c == '/')
            {
                depth = Math.Max(0, depth - 1);
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
            int close = html.IndexOf('>', j);
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

    /// <summary>Reads raw bytes (charset detected from BOM, <paramref name="headerCharset"/>, meta tags, or content).</summary>
    public static WebPage Read(ReadOnlySpan<byte> bytes, string? url = null, string? headerCharset = null)
    {
        var (text, encoding) = HtmlDecoder.Decode(bytes, headerCharset);
        return Read(text, url) with { Encoding = encoding };
    }
}
