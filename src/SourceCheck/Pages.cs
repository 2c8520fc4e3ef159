using SourceCheck.Documents.Web;
using SourceCheck.Verification;

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

    /// <summary>Fetches a page (guarded: no private, loopback or link-local address unless <paramref name="allowPrivate"/>;
    /// bounded size, redirects and time) and reads it — what <c>sourcecheck page URL</c> shows.</summary>
    /// <param name="url">An http(s) address.</param>
    /// <param name="options">Time limits and User-Agent (null: the defaults).</param>
    /// <param name="allowPrivate">Allow private, loopback and link-local addresses.</param>
    /// <param name="pageUrl">The address to read the page as (null: where the fetch ended after redirects).</param>
    /// <param name="time">Clock for the fetch record (null: the system clock).</param>
    /// <returns>The fetch record, and the page when a body came back without a fetch error.</returns>
    public static FetchedPage Fetch(string url, FetchOptions? options = null, bool allowPrivate = false, string? pageUrl = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var fetcher = new PageFetcher(new AddressGuard(allowPrivate), options, time);
        var fetch = fetcher.FetchAsync(url).GetAwaiter().GetResult();
        var page = fetch.Body is null || fetch.Error != FetchErrorKind.None ? null : PageReader.Read(fetch.Body, pageUrl ?? fetch.FinalUrl, fetch.Charset);
        return new FetchedPage(fetch, page);
    }

    /// <summary>The <c>sourcecheck-page/1</c> JSON of a page reading (and of its fetch, when fetched) — what
    /// <c>sourcecheck page --json</c> prints.</summary>
    public static string ToJson(WebPage page, FetchResult? fetch = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        return ReportJson.Write(ReportJson.Page(page, fetch));
    }
}

/// <summary>A page fetched and read by <see cref="Pages.Fetch"/>.</summary>
/// <param name="Fetch">The fetch record: status, redirect chain, error.</param>
/// <param name="Page">The page read (null when no body came back or the fetch failed).</param>
public sealed record FetchedPage(FetchResult Fetch, WebPage? Page);
