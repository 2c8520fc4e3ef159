using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SourceCheck.Verification;

/// <summary>Saved pages in a folder (<c>--page-dir DIR</c>), matched by URL in this order:
/// <list type="number">
/// <item><c>pages.json</c>: <c>{"URL": "file.html"}</c> or <c>{"URL": {"file": "file.html", "status": 404, "final_url": "…", "status_chain": [302, 200]}}</c>;</item>
/// <item><c>index.tsv</c>: lines <c>URL&lt;TAB&gt;file</c>;</item>
/// <item>a file named after the URL: <see cref="SlugFor"/> (host and path, e.g. <c>www.example.com_news_story.html</c>)
/// or the first 16 hex digits of SHA-256 of the URL (<c>3fa2….html</c>), with <c>.html</c>, <c>.htm</c> or <c>.html.gz</c>.</item>
/// </list>
/// A URL with no file is reported as not found (status 404, origin "page-dir").</summary>
public sealed class DirectoryPageSource : IPageSource
{
    private readonly string _dir;
    private readonly Dictionary<string, JsonObject> _manifest = new(StringComparer.Ordinal);

    public DirectoryPageSource(string directory)
    {
        _dir = directory;
        string json = Path.Combine(directory, "pages.json");
        if (File.Exists(json))
        {
            try
            {
                if (JsonNode.Parse(File.ReadAllText(json)) is JsonObject obj)
                {
                    foreach (var (url, value) in obj)
                    {
                        _manifest[Normalize(url)] = value is JsonObject o ? (JsonObject)o.DeepClone() : new JsonObject { ["file"] = value?.ToString() };
                    }
                }
            }
            catch (JsonException)
            {
            }
        }

        string tsv = Path.Combine(directory, "index.tsv");
        if (File.Exists(tsv))
        {
            foreach (var line in File.ReadLines(tsv))
            {
                var parts = line.Split('\t');
                if (parts.Length >= 2 && !line.StartsWith('#'))
                {
                    _manifest.TryAdd(Normalize(parts[0]), new JsonObject { ["file"] = parts[1].Trim() });
                }
            }
        }
    }

    private static string Normalize(string url) => url.Trim().TrimEnd('/');

    /// <summary>File-name form of a URL: host and path with every run of characters other than letters, digits,
    /// '.', '-' replaced by '_' (at most 150 characters).</summary>
    public static string SlugFor(string url)
    {
        string s = url.Trim();
        int scheme = s.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            s = s[(scheme + 3)..];
        }

        var sb = new StringBuilder();
        foreach (char c in s.TrimEnd('/'))
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-')
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '_')
            {
                sb.Append('_');
            }
        }

        string slug = sb.ToString().Trim('_');
        return slug.Length > 150 ? slug[..150] : slug;
    }

    public static string HashFor(string url) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.Trim())))[..16];

    public Task<FetchResult> GetAsync(string url, CancellationToken cancellationToken = default)
    {
        string? file = null;
        int status = 200;
        string finalUrl = url;
        var chain = new List<FetchHop>();
        if (_manifest.TryGetValue(Normalize(url), out var entry))
        {
            file = (string?)entry["file"];
            status = (int?)entry["status"] ?? 200;
            finalUrl = (string?)entry["final_url"] ?? url;
            if (entry["status_chain"] is JsonArray sc && sc.Count > 1)
            {
                for (int i = 0; i < sc.Count - 1; i++)
                {
                    chain.Add(new FetchHop(i == 0 ? url : finalUrl, (int)sc[i]!, finalUrl));
                }

                status = (int)sc[^1]!;
            }
        }
        else
        {
            foreach (var name in new[] { SlugFor(url), HashFor(url) })
            {
                foreach (var ext in new[] { ".html", ".htm", ".html.gz" })
                {
                    if (File.Exists(Path.Combine(_dir, name + ext)))
                    {
                        file = name + ext;
                        break;
                    }
                }

                if (file is not null)
                {
                    break;
                }
            }
        }

        chain.Add(new FetchHop(finalUrl, file is null ? 404 : status, null));
        if (file is null)
        {
            return Task.FromResult(new FetchResult
            {
                RequestedUrl = url, FinalUrl = url, Status = 404, Chain = chain, Origin = "page-dir",
                ErrorMessage = $"no saved page for this URL in {_dir}",
            });
        }

        string path = Path.GetFullPath(Path.Combine(_dir, file));
        if (!path.StartsWith(Path.GetFullPath(_dir), StringComparison.Ordinal) || !File.Exists(path))
        {
            return Task.FromResult(new FetchResult
            {
                RequestedUrl = url, FinalUrl = url, Status = 404, Chain = chain, Origin = "page-dir", ErrorMessage = $"{file}: no such file in {_dir}",
            });
        }

        byte[] bytes = File.ReadAllBytes(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            using var gz = new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
            using var ms = new MemoryStream();
            gz.CopyTo(ms);
            bytes = ms.ToArray();
        }

        return Task.FromResult(new FetchResult
        {
            RequestedUrl = url, FinalUrl = finalUrl, Status = status, Chain = chain, ContentType = "text/html", Body = bytes,
            FetchedAt = File.GetLastWriteTimeUtc(path), Origin = "page-dir",
        });
    }
}
