using SourceCheck.Csl;
using SourceCheck.Verification;

namespace SourceCheck;

public static partial class Bibliography
{
    /// <summary>Finds each cited work (its own address, DOI, Crossref, OpenAlex, the outlet in the Internet Archive),
    /// gives a verdict and compares headline, authors, date, outlet, link state and paywall with the reference — what
    /// <c>sourcecheck verify</c> prints (<see cref="VerificationReport.ToJson"/> is its JSON).</summary>
    /// <param name="items">The references.</param>
    /// <param name="options">Where pages come from (null: offline, no page folder: each reference says what it would search).</param>
    public static VerificationReport Verify(IReadOnlyList<CslItem> items, VerifyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        options ??= new VerifyOptions();
        var time = options.Time;
        var dirSource = options.PageDirectory is { } dir ? new DirectoryPageSource(Path.GetFullPath(dir)) : null;
        var endpoints = options.Services ?? ServiceEndpoints.FromEnvironment();
        var fetchOptions = (options.Fetch ?? new FetchOptions()) with { UserAgent = endpoints.UserAgent };
        using var fetcher = options.Online ? new PageFetcher(new AddressGuard(options.AllowPrivate), fetchOptions, time) : null;
        var cache = options.UseCache ? new PageCache(null, time) : null;
        var client = new PoliteClient(fetcher, cache, new PoliteOptions { Offline = !options.Online }, time);
        IReadOnlyList<VerificationResult> results;
        if (dirSource is not null || fetcher is not null)
        {
            IPageSource source = dirSource is not null ? dirSource : client.AsPageSource();
            results = new CitationVerifier(source).VerifyAllAsync(items).GetAwaiter().GetResult();
        }
        else
        {
            results = [.. items.Select(i => new VerificationResult(i, ReferenceComparer.CitedUrl(i), null, null, []))];
        }

        var locator = new WorkLocator(client, endpoints,
            OutletDirectory.Default(), dirSource, new LocatorOptions { ReferenceTimeout = ReferenceBudget(fetchOptions) }, time);
        var verdicts = locator.LocateAllAsync(items).GetAwaiter().GetResult();
        return new VerificationReport(results, verdicts);
    }

    /// <summary>Time one reference may take: a few fetches' worth (own page twice, archive, services), at least a minute.</summary>
    internal static TimeSpan ReferenceBudget(FetchOptions options) => options.TotalTimeout * 4 < TimeSpan.FromSeconds(60) ? TimeSpan.FromSeconds(60) : options.TotalTimeout * 4;
}

/// <summary>Where <see cref="Bibliography.Verify"/> finds the cited pages.</summary>
public sealed record VerifyOptions
{
    /// <summary>Read saved pages from this folder (<c>pages.json</c> / <c>index.tsv</c> manifest, or files named after the URL).</summary>
    public string? PageDirectory { get; init; }

    /// <summary>Fetch the pages and search DOI, Crossref, OpenAlex and the Internet Archive (guarded). Without it no request is sent.</summary>
    public bool Online { get; init; }

    /// <summary>Allow fetching private, loopback and link-local addresses.</summary>
    public bool AllowPrivate { get; init; }

    /// <summary>Time limits per page (null: the defaults); the User-Agent comes from <see cref="Services"/>.</summary>
    public FetchOptions? Fetch { get; init; }

    /// <summary>Read and write the page cache in the user cache folder.</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>Service addresses and contact (null: <see cref="ServiceEndpoints.FromEnvironment"/> of the process environment).</summary>
    public ServiceEndpoints? Services { get; init; }

    /// <summary>Clock for fetch records, the cache and time limits.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>What <see cref="Bibliography.Verify"/> found: the page comparison and the verdict of each reference, in input order.</summary>
/// <param name="Results">Each reference's own page compared with it (no fetch when offline).</param>
/// <param name="Verdicts">Each reference's verdict, searches, link state and passages.</param>
public sealed record VerificationReport(IReadOnlyList<VerificationResult> Results, IReadOnlyList<ReferenceVerdict> Verdicts)
{
    /// <summary>Every finding: the page comparisons' and the verdicts' (as <c>check</c> lists them).</summary>
    public IEnumerable<Finding> AllFindings() => Results.SelectMany(r => r.Findings).Concat(Verdicts.SelectMany(VerdictReport.Findings));

    /// <summary>The <c>sourcecheck-verify/2</c> JSON.</summary>
    public string ToJson() => ReportJson.Write(ReportJson.Verify(Results, Verdicts));
}
