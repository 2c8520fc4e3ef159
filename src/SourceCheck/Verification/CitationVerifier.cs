using SourceCheck.Csl;
using SourceCheck.Documents.Web;

namespace SourceCheck.Verification;

/// <summary>The result of checking one reference against its page.</summary>
public sealed record VerificationResult(CslItem Item, string? Url, FetchResult? Fetch, WebPage? Page, IReadOnlyList<Finding> Findings)
{
    /// <summary>The most serious finding's severity, or null when there are none.</summary>
    public FindingSeverity? MaxSeverity => Findings.Count == 0 ? null : Findings.Max(f => f.Severity);
}

/// <summary>Checks references against the pages they cite: gets each page from an <see cref="IPageSource"/>
/// (online with guard and cache, or a folder of saved pages), reads it and compares.</summary>
internal sealed class CitationVerifier(IPageSource source)
{
    public async Task<VerificationResult> VerifyAsync(CslItem item, CancellationToken cancellationToken = default)
    {
        string? url = ReferenceComparer.CitedUrl(item);
        if (url is null)
        {
            return new VerificationResult(item, null, null, null,
                [new Finding(FindingKind.NoUrl, "url", FindingSeverity.Info, null, null, "the reference has no URL or DOI to check")]);
        }

        var fetch = await source.GetAsync(url, cancellationToken).ConfigureAwait(false);
        WebPage? page = null;
        if (fetch.Body is { Length: > 0 } body && fetch.Error == FetchErrorKind.None)
        {
            page = PageReader.Read(body, fetch.FinalUrl ?? url, fetch.Charset);
        }

        var findings = ReferenceComparer.Compare(item, fetch, page).ToList();
        if (page?.TooDeep == true)
        {
            findings.Add(new Finding(FindingKind.FetchFailed, "url", FindingSeverity.Warning, url, "page nested too deeply",
                $"elements nested deeper than {PageReader.MaxDepth} levels; the page was read only up to there"));
        }

        if (fetch.Truncated)
        {
            findings.Add(new Finding(FindingKind.FetchFailed, "url", FindingSeverity.Info, url, "page truncated", fetch.ErrorMessage ?? "page larger than the size limit"));
        }

        return new VerificationResult(item, url, fetch, page, findings);
    }

    public async Task<IReadOnlyList<VerificationResult>> VerifyAllAsync(IEnumerable<CslItem> items, CancellationToken cancellationToken = default)
    {
        var results = new List<VerificationResult>();
        foreach (var item in items)
        {
            results.Add(await VerifyAsync(item, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }
}
