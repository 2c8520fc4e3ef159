using SourceCheck.Documents.Web;

namespace SourceCheck;

/// <summary>Front door for web pages: what SourceCheck reads from a page (title, authors, dates, site, canonical
/// URL, language, DOI, paywall, body text). No script runs and no request is made.</summary>
public static class Pages
{
    /// <summary>Reads a page from its HTML; <paramref name="url"/> (where it was fetched from) helps resolve relative links and the site.</summary>
    public static WebPage Read(string html, string? url = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        return PageReader.Read(html, url);
    }

    /// <summary>Reads a page from its bytes, decoding them by BOM, <c>meta charset</c> or <paramref name="headerCharset"/>.</summary>
    public static WebPage Read(ReadOnlySpan<byte> bytes, string? url = null, string? headerCharset = null) =>
        PageReader.Read(bytes, url, headerCharset);
}
