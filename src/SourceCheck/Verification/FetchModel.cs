namespace SourceCheck.Verification;

/// <summary>Limits for one fetch.</summary>
public sealed record FetchOptions
{
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Whole fetch including redirects.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait for the next bytes of a response (catches slow-drip servers).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Bytes read at most; the rest of a larger page is not read.</summary>
    public long MaxBytes { get; init; } = 5 * 1024 * 1024;

    public int MaxRedirects { get; init; } = 10;

    public string UserAgent { get; init; } = "SourceCheck/1.0 (+citation verification)";
}

/// <summary>Why a fetch did not produce a readable HTML page.</summary>
public enum FetchErrorKind
{
    None,
    InvalidUrl,
    Refused,
    /// <summary>DNS failed without saying the name does not exist (no answer, server failure, offline).</summary>
    Dns,

    /// <summary>DNS answered that the name does not exist (NXDOMAIN). On its own this is no proof the host is
    /// gone: an offline machine's resolver may say so for every name.</summary>
    NoSuchHost,
    Connect,
    Timeout,
    TooManyRedirects,
    RedirectLoop,
    NotHtml,
    Network,
}

/// <summary>One request of a redirect chain: the URL asked for, the status answered, where it pointed.</summary>
public sealed record FetchHop(string Url, int Status, string? Location);

/// <summary>The outcome of fetching one URL: the chain of hops, the final status and URL, the body (at most
/// <see cref="FetchOptions.MaxBytes"/>, <see cref="Truncated"/> when there was more), and an error if any.</summary>
public sealed record FetchResult
{
    public required string RequestedUrl { get; init; }

    public string? FinalUrl { get; init; }

    public int? Status { get; init; }

    public IReadOnlyList<FetchHop> Chain { get; init; } = [];

    public string? ContentType { get; init; }

    public string? Charset { get; init; }

    public byte[]? Body { get; init; }

    public bool Truncated { get; init; }

    public FetchErrorKind Error { get; init; }

    public string? ErrorMessage { get; init; }

    public DateTimeOffset FetchedAt { get; init; }

    /// <summary>The server's <c>Retry-After</c> (as a delay), when it sent one.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Where the page came from: "online", "cache", "page-dir".</summary>
    public string Origin { get; init; } = "online";

    public bool IsHttpError => Status is >= 400;

    /// <summary>No copy of the page was available to check (a page folder without it): the page was never checked,
    /// so nothing about its link can be said.</summary>
    public bool NotSaved { get; init; }
}

/// <summary>Gives the page for a URL: online (guarded fetcher + cache) or from a folder of saved pages.</summary>
public interface IPageSource
{
    Task<FetchResult> GetAsync(string url, CancellationToken cancellationToken = default);
}
