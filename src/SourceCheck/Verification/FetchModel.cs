namespace SourceCheck.Verification;

/// <summary>Limits for one fetch.</summary>
public sealed record FetchOptions
{
    /// <summary>Longest wait to open the connection (DNS and TCP/TLS) to each host; 10 s by default.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Whole fetch including redirects.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait for the next bytes of a response (catches slow-drip servers).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Bytes read at most; the rest of a larger page is not read.</summary>
    public long MaxBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Redirects followed at most before the fetch ends with <see cref="FetchErrorKind.TooManyRedirects"/>.</summary>
    public int MaxRedirects { get; init; } = 10;

    /// <summary>The <c>User-Agent</c> header sent with every request.</summary>
    public string UserAgent { get; init; } = "SourceCheck/1.0 (+citation verification)";
}

/// <summary>Why a fetch did not produce a readable HTML page.</summary>
public enum FetchErrorKind
{
    /// <summary>No error: the page was read.</summary>
    None,

    /// <summary>The URL is not an absolute http(s) URL.</summary>
    InvalidUrl,

    /// <summary>Not fetched by policy: a private, loopback or link-local address (unless allowed), or a disallowed port or scheme.</summary>
    Refused,

    /// <summary>DNS failed without saying the name does not exist (no answer, server failure, offline).</summary>
    Dns,

    /// <summary>DNS answered that the name does not exist (NXDOMAIN). On its own this is no proof the host is
    /// gone: an offline machine's resolver may say so for every name.</summary>
    NoSuchHost,

    /// <summary>The connection could not be opened (refused, reset, TLS failure).</summary>
    Connect,

    /// <summary>A connect, idle or total time limit of <see cref="FetchOptions"/> ran out.</summary>
    Timeout,

    /// <summary>More redirects than <see cref="FetchOptions.MaxRedirects"/>.</summary>
    TooManyRedirects,

    /// <summary>A redirect pointed back to a URL already in the chain.</summary>
    RedirectLoop,

    /// <summary>The answer was not an HTML (or XHTML) page.</summary>
    NotHtml,

    /// <summary>Any other transport failure.</summary>
    Network,
}

/// <summary>One request of a redirect chain: the URL asked for, the status answered, where it pointed.</summary>
/// <param name="Url">The URL requested in this hop.</param>
/// <param name="Status">The HTTP status answered.</param>
/// <param name="Location">The <c>Location</c> header of a redirect, or null.</param>
public sealed record FetchHop(string Url, int Status, string? Location);

/// <summary>The outcome of fetching one URL: the chain of hops, the final status and URL, the body (at most
/// <see cref="FetchOptions.MaxBytes"/>, <see cref="Truncated"/> when there was more), and an error if any.</summary>
public sealed record FetchResult
{
    /// <summary>The URL as asked for.</summary>
    public required string RequestedUrl { get; init; }

    /// <summary>The URL after redirects, when a response was received.</summary>
    public string? FinalUrl { get; init; }

    /// <summary>The final HTTP status, or null when no response was received.</summary>
    public int? Status { get; init; }

    /// <summary>Every request made, in order (one hop per redirect).</summary>
    public IReadOnlyList<FetchHop> Chain { get; init; } = [];

    /// <summary>The media type of the final response (<c>text/html</c>), without parameters.</summary>
    public string? ContentType { get; init; }

    /// <summary>The charset the <c>Content-Type</c> header named, or null.</summary>
    public string? Charset { get; init; }

    /// <summary>The bytes read (at most <see cref="FetchOptions.MaxBytes"/>), or null when none.</summary>
    public byte[]? Body { get; init; }

    /// <summary>True when the page was larger than <see cref="FetchOptions.MaxBytes"/> and only its start was read.</summary>
    public bool Truncated { get; init; }

    /// <summary>Why no readable page was produced; <see cref="FetchErrorKind.None"/> when it was.</summary>
    public FetchErrorKind Error { get; init; }

    /// <summary>A message for people about <see cref="Error"/>, or null.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>When the page was fetched (for a cached or saved page: when it was first fetched, when known).</summary>
    public DateTimeOffset FetchedAt { get; init; }

    /// <summary>The server's <c>Retry-After</c> (as a delay), when it sent one.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Where the page came from: "online", "cache", "page-dir".</summary>
    public string Origin { get; init; } = "online";

    /// <summary>True when the final status is 400 or above.</summary>
    public bool IsHttpError => Status is >= 400;

    /// <summary>No copy of the page was available to check (a page folder without it): the page was never checked,
    /// so nothing about its link can be said.</summary>
    public bool NotSaved { get; init; }
}

/// <summary>Gives the page for a URL: online (guarded fetcher + cache) or from a folder of saved pages.</summary>
public interface IPageSource
{
    /// <summary>The page at <paramref name="url"/>. Failures are returned in <see cref="FetchResult.Error"/>, not
    /// thrown; only cancellation throws (<see cref="OperationCanceledException"/>).</summary>
    Task<FetchResult> GetAsync(string url, CancellationToken cancellationToken = default);
}
