using System.Collections.Immutable;
using AngleSharp.Html.Parser;

namespace SourceCheck.Documents.Web;

/// <summary>Facade: reads one saved or fetched web page into <see cref="WebPage"/> (metadata with provenance and
/// main body text). Scripts are not run; the HTML parser recovers from any markup.</summary>
internal static class PageReader
{
    /// <summary>Largest HTML text read (characters); the rest is ignored.</summary>
    public const int MaxChars = HtmlInput.MaxChars;

    /// <summary>Deepest element nesting read (see <see cref="HtmlInput.MaxDepth"/>).</summary>
    public const int MaxDepth = HtmlInput.MaxDepth;

    public static WebPage Read(string html, string? url = null)
    {
        html = HtmlInput.Bound(html, out bool tooDeep);
        var parser = HtmlInput.Parser();
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

    /// <summary>Reads raw bytes (charset detected from BOM, <paramref name="headerCharset"/>, meta tags, or content).</summary>
    public static WebPage Read(ReadOnlySpan<byte> bytes, string? url = null, string? headerCharset = null)
    {
        var (text, encoding) = HtmlDecoder.Decode(bytes, headerCharset);
        return Read(text, url) with { Encoding = encoding };
    }
}
