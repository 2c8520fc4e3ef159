using System.Text.RegularExpressions;
using SourceCheck.Documents.Web;
using SourceCheck.Text;

namespace SourceCheck.Verification;

/// <summary>Recognises error pages served with status 200 ("soft 404"): a title or main heading saying the page
/// was not found (English and German), an error body class, a canonical URL pointing at the home page of a deep
/// link, or a very short body among many teaser links with no article metadata.</summary>
internal static class SoftNotFound
{
    private static readonly Regex NotFound = RegexPolicy.Create(
        @"\b(?:404|not found|page not found|couldn'?t find|could not be found|can'?t be found|cannot be found|no longer available|does not exist|doesn'?t exist|page (?:is )?missing|error 404|seite nicht gefunden|nicht gefunden|existiert nicht|nicht mehr verfügbar|fehler 404|seite wurde nicht gefunden|ups|oops)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Why the page looks like an error page, or null.</summary>
    public static string? Detect(WebPage page, string? requestedUrl, string? bodyClass)
    {
        if (SaysNotFound(page, bodyClass) is { } said)
        {
            return said;
        }

        var m = page.Metadata;
        if (requestedUrl is not null && m.CanonicalUrl is { } canon && Uri.TryCreate(canon.Value, UriKind.Absolute, out var c)
            && Uri.TryCreate(requestedUrl, UriKind.Absolute, out var r) && c.AbsolutePath.Trim('/').Length == 0 && r.AbsolutePath.Trim('/').Length > 0
            && WebText.HostKey(c.Host) == WebText.HostKey(r.Host))
        {
            return $"canonical URL points at the home page ({canon.Value})";
        }

        if (page.Body.Length < 300 && page.LinkCount > 30 && m.Published is null && m.Authors.All(a => a.Source == PageMetadataReader.SiteAsAuthor))
        {
            return $"very short body ({page.Body.Length} characters) among {page.LinkCount} links and no article metadata";
        }

        return null;
    }

    /// <summary>Only the page's own words and markup saying it is an error page (title, main heading, body class);
    /// none of the layout signals that a real home page also shows.</summary>
    public static string? SaysNotFound(WebPage page, string? bodyClass)
    {
        var m = page.Metadata;
        if (m.HtmlTitle is { Length: < 120 } title && NotFound.IsMatch(title))
        {
            return $"page title \"{title}\" says the page was not found";
        }

        if (m.Heading is { Length: < 120 } h1 && NotFound.IsMatch(h1) && m.Published is null)
        {
            return $"main heading \"{h1}\" says the page was not found";
        }

        return bodyClass is not null && ErrorClass(bodyClass) ? $"page body is marked as an error page (class \"{bodyClass}\")" : null;
    }

    private static bool ErrorClass(string bodyClass) =>
        bodyClass.Contains("error404", StringComparison.OrdinalIgnoreCase) || bodyClass.Contains("page-not-found", StringComparison.OrdinalIgnoreCase)
        || bodyClass.Contains("error-404", StringComparison.OrdinalIgnoreCase) || bodyClass.Contains("not-found", StringComparison.OrdinalIgnoreCase);
}
