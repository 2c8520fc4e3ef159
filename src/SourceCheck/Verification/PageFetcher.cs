using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace SourceCheck.Verification;

/// <summary>Fetches web pages safely: its own DNS resolution inside the connect callback with every resolved
/// address checked by the <see cref="AddressGuard"/> (the one actually connected to is the one checked), no
/// proxy, redirects followed by hand (each hop checked again, loops and more than
/// <see cref="FetchOptions.MaxRedirects"/> hops stopped, the chain recorded), connect/total/idle timeouts, a
/// size cap, and HTML-only bodies.</summary>
public sealed class PageFetcher : IDisposable
{
    private readonly HttpClient _client;
    private readonly AddressGuard _guard;
    private readonly FetchOptions _options;
    private readonly TimeProvider _time;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;

    /// <param name="resolve">DNS resolution (tests may inject one); default <see cref="Dns.GetHostAddressesAsync(string, CancellationToken)"/>.</param>
    public PageFetcher(AddressGuard? guard = null, FetchOptions? options = null, TimeProvider? time = null,
        Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
    {
        _guard = guard ?? AddressGuard.Default;
        _options = options ?? new FetchOptions();
        _time = time ?? TimeProvider.System;
        _resolve = resolve ?? ((host, ct) => Dns.GetHostAddressesAsync(host, ct));
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = _options.ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            MaxResponseHeadersLength = 64,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(_options.UserAgent);
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.5");
    }

    /// <summary>The guard this fetcher checks every address with (the page cache records it with each page).</summary>
    public AddressGuard Guard => _guard;

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        string host = context.DnsEndPoint.Host;
        int port = context.DnsEndPoint.Port;
        IPAddress[] addresses;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await _resolve(host, ct).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                throw new NameResolutionException(ex.SocketErrorCode == SocketError.HostNotFound ? $"{host}: no such host (DNS)" : $"{host}: DNS lookup failed: {ex.Message}",
                    ex.SocketErrorCode == SocketError.HostNotFound, ex);
            }
        }

        if (addresses.Length == 0)
        {
            throw new HttpRequestException(HttpRequestError.NameResolutionError, $"{host}: DNS lookup gave no address");
        }

        string? refused = null;
        Exception? last = null;
        foreach (var address in addresses)
        {
            if (!_guard.IsAllowed(host, port, address, out string reason))
            {
                refused ??= reason;
                continue;
            }

            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), ct).ConfigureAwait(false);

                // Check the address really connected to (guards against anything between resolution and connect).
                if (socket.RemoteEndPoint is IPEndPoint remote && !_guard.IsAllowed(host, port, remote.Address, out string r2))
                {
                    socket.Dispose();
                    throw new AddressRefusedException(r2);
                }

                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
        }

        if (refused is not null && last is null)
        {
            throw new AddressRefusedException(refused);
        }

        throw new HttpRequestException(HttpRequestError.ConnectionError, $"{host}:{port}: cannot connect: {last?.Message ?? refused}", last);
    }

    /// <summary>Whether <paramref name="host"/> resolves to at least one address (the resolver this fetcher uses);
    /// false on any DNS failure. A control lookup: does name resolution work at all?</summary>
    public async Task<bool> ResolvesAsync(string host, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await _resolve(host, cancellationToken).ConfigureAwait(false)).Length > 0;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Fetches <paramref name="url"/>; never throws for network problems (they are in the result).</summary>
    public Task<FetchResult> FetchAsync(string url, CancellationToken cancellationToken = default) => FetchAsync(url, null, cancellationToken);

    /// <summary>Fetches <paramref name="url"/> asking for <paramref name="accept"/> (e.g. JSON from a bibliographic
    /// service; then JSON bodies are read too), with the same guard, redirect handling and limits.</summary>
    public async Task<FetchResult> FetchAsync(string url, string? accept, CancellationToken cancellationToken = default)
    {
        var started = _time.GetUtcNow();
        var chain = new List<FetchHop>();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return Fail(url, chain, FetchErrorKind.InvalidUrl, $"not an http(s) URL: {url}", started);
        }

        using var total = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        total.CancelAfter(_options.TotalTimeout);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (true)
            {
                if (!seen.Add(uri.AbsoluteUri))
                {
                    return Fail(url, chain, FetchErrorKind.RedirectLoop, $"redirect loop: {uri} was already visited", started);
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                if (accept is not null)
                {
                    request.Headers.Accept.Clear();
                    request.Headers.TryAddWithoutValidation("Accept", accept);
                }

                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, total.Token).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                var location = response.Headers.Location;
                if (status is >= 300 and < 400 && location is not null)
                {
                    var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    chain.Add(new FetchHop(uri.AbsoluteUri, status, next.AbsoluteUri));
                    if (chain.Count > _options.MaxRedirects)
                    {
                        return Fail(url, chain, FetchErrorKind.TooManyRedirects, $"more than {_options.MaxRedirects} redirects", started);
                    }

                    if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                    {
                        return Fail(url, chain, FetchErrorKind.InvalidUrl, $"redirect to a non-http URL: {next}", started);
                    }

                    uri = next;
                    continue;
                }

                chain.Add(new FetchHop(uri.AbsoluteUri, status, null));
                var contentType = response.Content.Headers.ContentType;
                string? mediaType = contentType?.MediaType?.ToLowerInvariant();
                bool html = mediaType is null or "text/html" or "application/xhtml+xml" or "text/plain" or "application/xml" or "text/xml"
                    || (accept is not null && (mediaType.EndsWith("json", StringComparison.Ordinal) || mediaType.EndsWith("+json", StringComparison.Ordinal)));
                var retryAfter = response.Headers.RetryAfter is { } ra
                    ? ra.Delta ?? (ra.Date is { } when ? when - _time.GetUtcNow() : null)
                    : null;
                if (!html)
                {
                    return new FetchResult
                    {
                        RequestedUrl = url, FinalUrl = uri.AbsoluteUri, Status = status, Chain = chain, ContentType = mediaType,
                        Error = FetchErrorKind.NotHtml, ErrorMessage = $"not an HTML page ({mediaType})", FetchedAt = started,
                    };
                }

                var (body, truncated) = await ReadCappedAsync(response.Content, total.Token, cancellationToken).ConfigureAwait(false);
                return new FetchResult
                {
                    RequestedUrl = url, FinalUrl = uri.AbsoluteUri, Status = status, Chain = chain, ContentType = mediaType,
                    Charset = contentType?.CharSet, Body = body, Truncated = truncated, FetchedAt = started, RetryAfter = retryAfter,
                    ErrorMessage = truncated ? $"page larger than {_options.MaxBytes / (1024 * 1024)} MB; only the first part was read" : null,
                };
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail(url, chain, FetchErrorKind.Timeout, $"timed out (total {_options.TotalTimeout.TotalSeconds:0} s, idle {_options.IdleTimeout.TotalSeconds:0} s)", started);
        }
        catch (HttpRequestException ex)
        {
            var refused = Find<AddressRefusedException>(ex);
            if (refused is not null)
            {
                return Fail(url, chain, FetchErrorKind.Refused, refused.Message, started);
            }

            var kind = ex.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => FetchErrorKind.Dns,
                HttpRequestError.ConnectionError => FetchErrorKind.Connect,
                _ => Find<TimeoutException>(ex) is not null ? FetchErrorKind.Timeout : FetchErrorKind.Network,
            };
            if (Find<NameResolutionException>(ex) is { } dns)
            {
                kind = dns.NoSuchHost ? FetchErrorKind.NoSuchHost : FetchErrorKind.Dns;
            }
            else if (Find<SocketException>(ex) is { } socket && socket.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData)
            {
                kind = socket.SocketErrorCode == SocketError.HostNotFound ? FetchErrorKind.NoSuchHost : FetchErrorKind.Dns;
            }

            return Fail(url, chain, kind, ex.Message, started);
        }
        catch (AddressRefusedException ex)
        {
            return Fail(url, chain, FetchErrorKind.Refused, ex.Message, started);
        }
        catch (IOException ex)
        {
            return Fail(url, chain, FetchErrorKind.Network, ex.Message, started);
        }
    }

    private async Task<(byte[] Body, bool Truncated)> ReadCappedAsync(HttpContent content, CancellationToken total, CancellationToken caller)
    {
        using var stream = await content.ReadAsStreamAsync(total).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(total);
            idle.CancelAfter(_options.IdleTimeout);
            int n;
            try
            {
                n = await stream.ReadAsync(chunk, idle.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!caller.IsCancellationRequested)
            {
                throw new OperationCanceledException("read timed out");
            }

            if (n == 0)
            {
                return (buffer.ToArray(), false);
            }

            long room = _options.MaxBytes - buffer.Length;
            if (n >= room)
            {
                buffer.Write(chunk, 0, (int)room);
                return (buffer.ToArray(), true);
            }

            buffer.Write(chunk, 0, n);
        }
    }

    private static T? Find<T>(Exception? ex)
        where T : Exception
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is T t)
            {
                return t;
            }
        }

        return null;
    }

    private static FetchResult Fail(string url, List<FetchHop> chain, FetchErrorKind kind, string message, DateTimeOffset at) => new()
    {
        RequestedUrl = url,
        FinalUrl = chain.Count > 0 ? chain[^1].Location ?? chain[^1].Url : null,
        Status = chain.Count > 0 && chain[^1].Location is null ? chain[^1].Status : null,
        Chain = chain,
        Error = kind,
        ErrorMessage = message,
        FetchedAt = at,
    };

    /// <summary>Releases the HTTP client.</summary>
    public void Dispose() => _client.Dispose();
}

/// <summary>DNS gave no address for a host; <see cref="NoSuchHost"/> when it answered that the name does not exist.</summary>
internal sealed class NameResolutionException(string message, bool noSuchHost, Exception? inner = null) : IOException(message, inner)
{
    public bool NoSuchHost { get; } = noSuchHost;
}
