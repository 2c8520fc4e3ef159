using System.Collections.Immutable;
using SourceCheck.Csl;

namespace SourceCheck.References;

/// <summary>The links an HTML reference entry carries (its title linked to the source, "Article" → doi.org, …) as the
/// item's URL or DOI. A doi.org/dx.doi.org link gives the DOI; the first other web link that is neither an archive
/// copy nor a look-up service (Google Scholar, PubMed search, WorldCat, Semantic Scholar API, ADS, …) gives the URL;
/// an archive copy (web.archive.org/web/…/ORIGINAL) gives its original address only when nothing else does and the
/// item has no DOI. What the entry's text already says wins: links only fill fields the text left empty.</summary>
internal static class EntryLinks
{
    /// <summary>Links longer than this are ignored.</summary>
    public const int MaxLinkLength = 2048;

    /// <summary>Fills DOI and URL of <paramref name="item"/> from <paramref name="links"/> (hrefs in document order).</summary>
    public static void Apply(CslItem item, ImmutableArray<string> links)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (links.IsDefaultOrEmpty)
        {
            return;
        }

        var (doi, url, archived) = Choose(links);
        bool hasDoi = !string.IsNullOrEmpty(item.GetString("DOI"));
        if (!hasDoi && doi is not null)
        {
            item.SetString("DOI", doi);
            hasDoi = true;
        }

        if (string.IsNullOrEmpty(item.GetString("URL")) && (url ?? (hasDoi ? null : archived)) is { } u)
        {
            item.SetString("URL", u);
        }
    }

    /// <summary>The DOI of the first doi.org link, the first source URL and the original of the first archive link.</summary>
    public static (string? Doi, string? Url, string? ArchivedOriginal) Choose(IEnumerable<string> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        string? doi = null, url = null, archived = null;
        foreach (string raw in links)
        {
            string href = raw.Trim();
            if (href.Length is 0 or > MaxLinkLength || !Uri.TryCreate(href, UriKind.Absolute, out var u)
                || (u.Scheme != Uri.UriSchemeHttp && u.Scheme != Uri.UriSchemeHttps))
            {
                continue;
            }

            string host = u.Host.ToLowerInvariant();
            if (host is "doi.org" or "dx.doi.org" || host.EndsWith(".doi.org", StringComparison.Ordinal))
            {
                doi ??= Ris.RisReader.Doi(u.AbsolutePath.TrimStart('/'));
            }
            else if (IsArchive(host, u.AbsolutePath))
            {
                archived ??= ArchivedOriginal(href);
            }
            else if (!IsLookup(host, u.AbsolutePath))
            {
                url ??= href;
            }
        }

        return (doi, url, archived);
    }

    private static bool IsArchive(string host, string path) =>
        (host is "web.archive.org" or "wayback.archive.org" or "archive.today" or "archive.ph" or "archive.is" or "archive.li"
            or "archive.md" or "www.webcitation.org" or "webcitation.org" or "archive.wikiwix.com" or "webarchive.loc.gov"
            or "webarchive.nationalarchives.gov.uk")
        || (host == "archive.org" && path.StartsWith("/web/", StringComparison.Ordinal));

    /// <summary>Search and identifier look-up services: they find the work, they are not it.</summary>
    private static bool IsLookup(string host, string path) =>
        host.StartsWith("scholar.google.", StringComparison.Ordinal)
        || (host.Contains("google.", StringComparison.Ordinal) && path.StartsWith("/search", StringComparison.Ordinal))
        || host is "worldcat.org" or "www.worldcat.org" or "search.worldcat.org" or "pubmed.ncbi.nlm.nih.gov"
            or "api.semanticscholar.org" or "ui.adsabs.harvard.edu" or "adsabs.harvard.edu" or "zbmath.org" or "chemport.cas.org"
            or "search.crossref.org" or "www.wikidata.org" or "portal.issn.org" or "inspirehep.net" or "mathscinet.ams.org"
        || (host == "www.ncbi.nlm.nih.gov" && !path.StartsWith("/pmc/", StringComparison.OrdinalIgnoreCase))
        || (host == "www.ams.org" && path.StartsWith("/mathscinet", StringComparison.Ordinal))
        || host.EndsWith(".wikipedia.org", StringComparison.Ordinal);

    /// <summary>"https://web.archive.org/web/20200605032200/https://example.org/x" → "https://example.org/x"; else null.</summary>
    private static string? ArchivedOriginal(string href)
    {
        int at = href.IndexOf("/http", 8, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        string original = href[(at + 1)..];
        return Uri.TryCreate(original, UriKind.Absolute, out var o) && (o.Scheme == Uri.UriSchemeHttp || o.Scheme == Uri.UriSchemeHttps) ? original : null;
    }
}
