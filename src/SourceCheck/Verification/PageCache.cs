using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SourceCheck.Verification;

/// <summary>Fetched pages kept on disk by URL with the time they were fetched: <c>&lt;sha256(url)&gt;.json</c>
/// (URL, fetch time, status, final URL, redirect chain, content type, charset) beside <c>.body</c> (the raw bytes).
/// Default folder: <c>$XDG_CACHE_HOME/sourcecheck/pages</c>, else the user's local application-data folder.</summary>
internal sealed class PageCache
{
    private readonly string _dir;
    private readonly TimeProvider _time;

    public PageCache(string? directory = null, TimeProvider? time = null)
    {
        _dir = directory ?? DefaultDirectory();
        _time = time ?? TimeProvider.System;
    }

    public string Directory => _dir;

    public static string DefaultDirectory()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string root = !string.IsNullOrEmpty(xdg) ? xdg : Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        if (string.IsNullOrEmpty(root))
        {
            root = Path.GetTempPath();
        }

        return Path.Combine(root, "sourcecheck", "pages");
    }

    public static string KeyFor(string url) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.Trim())));

    /// <summary>The cached page for <paramref name="url"/> if it was fetched less than <paramref name="maxAge"/> ago and
    /// the guard that admitted it is satisfied by <paramref name="guard"/> (the current run's settings): a page fetched
    /// with <c>--allow-private</c> or through an allowed origin is not served to a run without them; entries that do
    /// not say which guard admitted them (older caches) are not served. With no guard given, the default guard applies.</summary>
    public FetchResult? Get(string url, TimeSpan maxAge, AddressGuard? guard = null)
    {
        guard ??= AddressGuard.Default;
        string key = KeyFor(url);
        string metaPath = Path.Combine(_dir, key + ".json");
        if (!File.Exists(metaPath))
        {
            return null;
        }

        try
        {
            var node = JsonNode.Parse(File.ReadAllText(metaPath))!.AsObject();
            var fetchedAt = DateTimeOffset.Parse((string)node["fetchedAt"]!, System.Globalization.CultureInfo.InvariantCulture);
            if (_time.GetUtcNow() - fetchedAt > maxAge || !Admits(guard, (string?)node["admittedBy"]))
            {
                return null;
            }

            string bodyPath = Path.Combine(_dir, key + ".body");
            var chain = node["chain"]!.AsArray().Select(h => new FetchHop((string)h!["url"]!, (int)h["status"]!, (string?)h["location"])).ToList();
            if (chain.Any(h => !LiteralAllowed(guard, h.Url)) || !LiteralAllowed(guard, (string?)node["finalUrl"] ?? url))
            {
                return null;
            }

            return new FetchResult
            {
                RequestedUrl = (string)node["url"]!,
                FinalUrl = (string?)node["finalUrl"],
                Status = (int?)node["status"],
                Chain = chain,
                ContentType = (string?)node["contentType"],
                Charset = (string?)node["charset"],
                Truncated = (bool?)node["truncated"] ?? false,
                Body = File.Exists(bodyPath) ? Text.InputLimits.ReadAllBytes(bodyPath, Text.InputLimits.MaxDecompressedBytes) : null,
                FetchedAt = fetchedAt,
                Origin = "cache",
            };
        }
        catch (Exception ex) when (ex is JsonException or IOException or FormatException or InvalidOperationException or NullReferenceException)
        {
            return null;
        }
    }

    /// <summary>How a guard admits pages, as recorded with each cached page: "public" (the default guard),
    /// "allow-private", or "origins:" and the allowed origins.</summary>
    public static string AdmissionOf(AddressGuard guard) =>
        guard.AllowPrivate ? "allow-private"
        : guard.AllowedOrigins.Count == 0 ? "public"
        : "origins:" + string.Join(",", guard.AllowedOrigins.Select(o => o.ToLowerInvariant()).Order(StringComparer.Ordinal));

    private static bool Admits(AddressGuard current, string? recorded)
    {
        if (recorded is null)
        {
            return false;
        }

        if (recorded == "public" || current.AllowPrivate)
        {
            return true;
        }

        if (recorded.StartsWith("origins:", StringComparison.Ordinal))
        {
            var origins = new HashSet<string>(current.AllowedOrigins, StringComparer.OrdinalIgnoreCase);
            return recorded["origins:".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries).All(origins.Contains);
        }

        return false;
    }

    /// <summary>A hop whose host is an address literal is checked again under the current guard.</summary>
    private static bool LiteralAllowed(AddressGuard guard, string url) =>
        !Uri.TryCreate(url, UriKind.Absolute, out var uri)
        || !System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address)
        || guard.IsAllowed(uri.Host, uri.Port, address, out _);

    /// <summary>Stores a successful fetch (pages that failed to load are not cached) with the guard that admitted it.</summary>
    public void Put(FetchResult result, AddressGuard? guard = null)
    {
        if (result.Error != FetchErrorKind.None || result.Body is null)
        {
            return;
        }

        System.IO.Directory.CreateDirectory(_dir);
        string key = KeyFor(result.RequestedUrl);
        var node = new JsonObject
        {
            ["url"] = result.RequestedUrl,
            ["admittedBy"] = AdmissionOf(guard ?? AddressGuard.Default),
            ["fetchedAt"] = result.FetchedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["finalUrl"] = result.FinalUrl,
            ["status"] = result.Status,
            ["contentType"] = result.ContentType,
            ["charset"] = result.Charset,
            ["truncated"] = result.Truncated,
            ["chain"] = new JsonArray(result.Chain.Select(h => (JsonNode)new JsonObject { ["url"] = h.Url, ["status"] = h.Status, ["location"] = h.Location }).ToArray()),
        };
        string tmp = Path.Combine(_dir, key + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        File.WriteAllBytes(tmp, result.Body);
        File.Move(tmp, Path.Combine(_dir, key + ".body"), overwrite: true);
        File.WriteAllText(tmp, node.ToJsonString(), new UTF8Encoding(false));
        File.Move(tmp, Path.Combine(_dir, key + ".json"), overwrite: true);
    }
}

/// <summary>Online pages: the cache first (when fresh), else the guarded fetcher; successful fetches are cached.</summary>
internal sealed class OnlinePageSource(PageFetcher fetcher, PageCache? cache = null, TimeSpan? maxAge = null) : IPageSource
{
    public async Task<FetchResult> GetAsync(string url, CancellationToken cancellationToken = default)
    {
        if (cache?.Get(url, maxAge ?? TimeSpan.FromDays(7), fetcher.Guard) is { } hit)
        {
            return hit;
        }

        var result = await fetcher.FetchAsync(url, cancellationToken).ConfigureAwait(false);
        cache?.Put(result, fetcher.Guard);
        return result;
    }
}
