using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace SourceCheck.Verification;

/// <summary>Base addresses of the services used to locate cited works. Each can be pointed elsewhere (a mirror,
/// a proxy, a test server) by an environment variable; a private or loopback address there also needs
/// <c>--allow-private</c>, as the address guard applies to every request.</summary>
public sealed record ServiceEndpoints
{
    /// <summary>Environment variable overriding <see cref="Doi"/>.</summary>
    public const string DoiVariable = "SOURCECHECK_DOI_URL";
    /// <summary>Environment variable overriding <see cref="Crossref"/>.</summary>
    public const string CrossrefVariable = "SOURCECHECK_CROSSREF_URL";
    /// <summary>Environment variable overriding <see cref="OpenAlex"/>.</summary>
    public const string OpenAlexVariable = "SOURCECHECK_OPENALEX_URL";
    /// <summary>Environment variable overriding <see cref="Wayback"/> (and <see cref="WaybackPages"/>).</summary>
    public const string WaybackVariable = "SOURCECHECK_WAYBACK_URL";
    /// <summary>Environment variable setting <see cref="Contact"/>.</summary>
    public const string ContactVariable = "SOURCECHECK_CONTACT";

    /// <summary>The DOI resolver (content negotiation for CSL-JSON).</summary>
    public string Doi { get; init; } = "https://doi.org";

    /// <summary>The Crossref REST API.</summary>
    public string Crossref { get; init; } = "https://api.crossref.org";

    /// <summary>The OpenAlex API.</summary>
    public string OpenAlex { get; init; } = "https://api.openalex.org";

    /// <summary>The Internet Archive: availability API under <c>/wayback/available</c>, CDX under
    /// <c>/cdx/search/cdx</c>, archived copies under <c>/web/</c>.</summary>
    public string Wayback { get; init; } = "https://archive.org";

    /// <summary>Where archived copies are read (<c>/web/TIMESTAMP/URL</c>); the Wayback base when set by the
    /// environment, else web.archive.org.</summary>
    public string WaybackPages { get; init; } = "https://web.archive.org";

    /// <summary>A contact address for the User-Agent and Crossref/OpenAlex <c>mailto</c> (polite pools).</summary>
    public string? Contact { get; init; }

    /// <summary>The public services, ignoring the environment.</summary>
    public static ServiceEndpoints Default { get; } = new();

    /// <summary>The defaults with the environment's overrides (<see cref="DoiVariable"/> etc.).</summary>
    public static ServiceEndpoints FromEnvironment(Func<string, string?>? get = null)
    {
        get ??= Environment.GetEnvironmentVariable;
        string? Val(string name) => get(name) is { Length: > 0 } v ? v.Trim().TrimEnd('/') : null;
        var d = new ServiceEndpoints();
        string? wayback = Val(WaybackVariable);
        return d with
        {
            Doi = Val(DoiVariable) ?? d.Doi,
            Crossref = Val(CrossrefVariable) ?? d.Crossref,
            OpenAlex = Val(OpenAlexVariable) ?? d.OpenAlex,
            Wayback = wayback ?? d.Wayback,
            WaybackPages = wayback ?? d.WaybackPages,
            Contact = get(ContactVariable) is { Length: > 0 } c ? c.Trim() : null,
        };
    }

    /// <summary>The User-Agent: the tool's name and version, plus the user's contact address when set.</summary>
    public string UserAgent => Contact is null
        ? "SourceCheck/1.0 (+citation verification)"
        : $"SourceCheck/1.0 (+citation verification; mailto:{Contact})";
}

/// <summary>How a service request ended.</summary>
internal enum ServiceOutcome
{
    /// <summary>Answered (any status; see the result).</summary>
    Answered,

    /// <summary>Not sent: offline and not in the cache.</summary>
    Offline,

    /// <summary>Refused by the address guard.</summary>
    Refused,

    /// <summary>Still 429/503 after the retries, or a Retry-After longer than allowed.</summary>
    RateLimited,

    /// <summary>Network failure, timeout, server error.</summary>
    Failed,
}

/// <summary>One response of a service (or the reason there was none).</summary>
internal sealed record ServiceResponse(string Url, ServiceOutcome Outcome, FetchResult? Fetch, string? Problem)
{
    public int? Status => Fetch?.Status;

    public bool Ok => Outcome == ServiceOutcome.Answered && Fetch?.Status is >= 200 and < 300;

    /// <summary>The body parsed as JSON, or null.</summary>
    public JsonNode? Json()
    {
        if (!Ok || Fetch?.Body is not { Length: > 0 } body)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

/// <summary>Options of the polite client.</summary>
internal sealed record PoliteOptions
{
    /// <summary>Use only the cache (and pages given by the user): no request is sent.</summary>
    public bool Offline { get; init; }

    /// <summary>Smallest gap between two requests to the same host.</summary>
    public TimeSpan MinInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Retries after 429/5xx/network failures.</summary>
    public int Retries { get; init; } = 2;

    /// <summary>First back-off (doubled each retry) when the server gives no Retry-After.</summary>
    public TimeSpan BackOff { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest Retry-After honoured; a longer one makes the request rate-limited (unchecked).</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long cached answers stay fresh.</summary>
    public TimeSpan CacheAge { get; init; } = TimeSpan.FromDays(7);
}

/// <summary>Sends requests to pages and bibliographic services politely and safely: through the guarded
/// <see cref="PageFetcher"/> (address guard on every hop), at most one request per host per
/// <see cref="PoliteOptions.MinInterval"/>, retries with back-off that honour <c>Retry-After</c>, and the shared
/// <see cref="PageCache"/> (answers are kept with their time and reused while fresh, so a second run sends
/// nothing). Offline, only the cache answers. Counts the requests it sent.</summary>
internal sealed class PoliteClient
{
    private readonly PageFetcher? _fetcher;
    private readonly PageCache? _cache;
    private readonly PoliteOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hostLocks = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastRequest = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, FetchResult> _memo = new(StringComparer.Ordinal);
    private int _sent;
    private int _answered;

    public PoliteClient(PageFetcher? fetcher, PageCache? cache, PoliteOptions? options = null, TimeProvider? time = null)
    {
        _fetcher = fetcher;
        _cache = cache;
        _options = options ?? new PoliteOptions();
        _time = time ?? TimeProvider.System;
    }

    public bool Offline => _options.Offline || _fetcher is null;

    /// <summary>Requests sent over the network so far (cache hits not counted).</summary>
    public int RequestsSent => _sent;

    /// <summary>Requests a server answered (any HTTP status) over the network so far: evidence that the network works.</summary>
    public int ServerAnswers => _answered;

    /// <summary>Whether <paramref name="host"/> resolves (a control lookup through the fetcher's resolver); false offline.</summary>
    public Task<bool> ResolvesAsync(string host, CancellationToken cancellationToken = default) =>
        Offline ? Task.FromResult(false) : _fetcher!.ResolvesAsync(host, cancellationToken);

    /// <summary>GETs <paramref name="url"/> (with <paramref name="accept"/> when given).
    /// <paramref name="fresh"/> skips the cache read (a second try of a page that answered 404).</summary>
    public async Task<ServiceResponse> GetAsync(string url, string? accept = null, bool fresh = false, CancellationToken cancellationToken = default)
    {
        string key = accept is null ? url : url + "#accept=" + accept;
        if (!fresh && _memo.TryGetValue(key, out var seen))
        {
            return new ServiceResponse(url, ServiceOutcome.Answered, seen, null);
        }

        if (!fresh && _cache?.Get(key, _options.CacheAge, _fetcher?.Guard) is { } hit)
        {
            return new ServiceResponse(url, ServiceOutcome.Answered, hit with { RequestedUrl = url }, null);
        }

        if (Offline)
        {
            return new ServiceResponse(url, ServiceOutcome.Offline, null, "offline: not in the cache");
        }

        string host = Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Authority : url;
        FetchResult? last = null;
        for (int attempt = 0; ; attempt++)
        {
            last = await SendAsync(host, url, accept, cancellationToken).ConfigureAwait(false);
            if (last.Error == FetchErrorKind.Refused)
            {
                return new ServiceResponse(url, ServiceOutcome.Refused, last, last.ErrorMessage);
            }

            bool limited = last.Status is 429 or 503;
            bool transient = limited || last.Status is 500 or 502 or 504
                || last.Error is FetchErrorKind.Connect or FetchErrorKind.Timeout or FetchErrorKind.Network;
            if (!transient)
            {
                if (last.Error is FetchErrorKind.None)
                {
                    _cache?.Put(last with { RequestedUrl = key }, _fetcher?.Guard);
                    _memo[key] = last;
                    return new ServiceResponse(url, ServiceOutcome.Answered, last, null);
                }

                return new ServiceResponse(url, ServiceOutcome.Failed, last, last.ErrorMessage);
            }

            var wait = last.RetryAfter ?? TimeSpan.FromTicks(_options.BackOff.Ticks << attempt);
            if (attempt >= _options.Retries || wait > _options.MaxRetryAfter)
            {
                string why = limited
                    ? $"rate-limited ({last.Status}{(last.RetryAfter is { } ra ? $", Retry-After {ra.TotalSeconds:0} s" : string.Empty)}) after {attempt + 1} tries"
                    : $"{(last.Status is { } st ? "HTTP " + st : last.Error.ToString())} after {attempt + 1} tries: {last.ErrorMessage}";
                return new ServiceResponse(url, limited ? ServiceOutcome.RateLimited : ServiceOutcome.Failed, last, why);
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>This client as a page source (the same rate limits, retries, cache and per-run memory), for the page comparison of <c>verify</c>.</summary>
    public IPageSource AsPageSource() => new ClientPageSource(this);

    private sealed class ClientPageSource(PoliteClient client) : IPageSource
    {
        public async Task<FetchResult> GetAsync(string url, CancellationToken cancellationToken = default)
        {
            var r = await client.GetAsync(url, null, false, cancellationToken).ConfigureAwait(false);
            return r.Fetch ?? new FetchResult
            {
                RequestedUrl = url, Error = FetchErrorKind.Network, ErrorMessage = r.Problem ?? r.Outcome.ToString(), Origin = "none",
            };
        }
    }

    private async Task<FetchResult> SendAsync(string host, string url, string? accept, CancellationToken ct)
    {
        var gate = _hostLocks.GetOrAdd(host, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_lastRequest.TryGetValue(host, out var previous))
            {
                var gap = previous + _options.MinInterval - _time.GetUtcNow();
                if (gap > TimeSpan.Zero)
                {
                    await Task.Delay(gap, _time, ct).ConfigureAwait(false);
                }
            }

            Interlocked.Increment(ref _sent);
            var result = await _fetcher!.FetchAsync(url, accept, ct).ConfigureAwait(false);
            if (result.Status is not null)
            {
                Interlocked.Increment(ref _answered);
            }

            _lastRequest[host] = _time.GetUtcNow();
            return result;
        }
        finally
        {
            gate.Release();
        }
    }
}
