using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SourceCheck.Text;

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

    /// <exception cref="DirectoryNotFoundException">The folder does not exist (a mistyped <c>--page-dir</c> is an
    /// error, not a list of pages "not found").</exception>
    public DirectoryPageSource(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException(Diagnostics.Diagnostic.At(directory, Diagnostics.DiagnosticCodes.InputNotFound, "no such folder (--page-dir)"));
        }

        _dir = Path.GetFullPath(directory);
        string json = Path.Combine(directory, "pages.json");
        if (File.Exists(json))
        {
            try
            {
                if (JsonNode.Parse(InputLimits.ReadAllText(json, InputLimits.MaxManifestBytes)) is JsonObject obj)
                {
                    foreach (var (url, value) in obj)
                    {
                        _manifest[Normalize(url)] = value is JsonObject o ? (JsonObject)o.DeepClone() : new JsonObject { ["file"] = value?.ToString() };
                    }
                }
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
            {
                // An unreadable manifest (bad JSON, a key twice): the folder is still searched by file name.
            }
        }

        string tsv = Path.Combine(directory, "index.tsv");
        if (File.Exists(tsv))
        {
            foreach (var line in InputLimits.ReadAllText(tsv, InputLimits.MaxManifestBytes).Split('\n'))
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

    private static string? TextOf(JsonNode? node) => node is JsonValue v
        ? (v.TryGetValue(out string? s) ? s : v.ToJsonString())
        : null;

    private static int? Status(JsonNode? node) => node is JsonValue v
        && (v.TryGetValue(out int i) ? i : v.TryGetValue(out string? s) && int.TryParse(s, out int p) ? p : -1) is int n and >= 100 and <= 999
        ? n : null;

    /// <summary>The full path of a manifest file name when it is a regular file inside the folder: relative, no
    /// '..' segment, and no symbolic link on the way (a link could lead out of the folder); else null.</summary>
    private string? Inside(string file)
    {
        if (file.Length == 0 || Path.IsPathRooted(file) || file.Contains('\0')
            || file.Split('/', '\\').Any(segment => segment == ".."))
        {
            return null;
        }

        string path = Path.GetFullPath(Path.Combine(_dir, file));
        string root = Path.TrimEndingDirectorySeparator(_dir) + Path.DirectorySeparatorChar;
        if (!path.StartsWith(root, StringComparison.Ordinal))
        {
            return null;
        }

        // Every component from the folder down must be a plain folder or (last) a regular file.
        string current = Path.TrimEndingDirectorySeparator(_dir);
        var parts = path[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < parts.Length; i++)
        {
            current = Path.Combine(current, parts[i]);
            var kind = InputLimits.KindOf(current);
            if (i < parts.Length - 1 ? kind != FileKind.Directory : kind != FileKind.Regular)
            {
                return null;
            }
        }

        return path;
    }

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

    internal static string HashFor(string url) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.Trim())))[..16];

    /// <inheritdoc/>
    public Task<FetchResult> GetAsync(string url, CancellationToken cancellationToken = default)
    {
        string? file = null;
        int status = 200;
        string finalUrl = url;
        var chain = new List<FetchHop>();
        if (_manifest.TryGetValue(Normalize(url), out var entry))
        {
            // Manifest fields of the wrong type (a status "404" as text, a file as a number) are read leniently or ignored.
            file = TextOf(entry["file"]);
            status = Status(entry["status"]) ?? 200;
            finalUrl = TextOf(entry["final_url"]) ?? url;
            if (entry["status_chain"] is JsonArray sc && sc.Count > 1 && sc.All(x => Status(x) is not null))
            {
                for (int i = 0; i < sc.Count - 1; i++)
                {
                    chain.Add(new FetchHop(i == 0 ? url : finalUrl, Status(sc[i])!.Value, finalUrl));
                }

                status = Status(sc[^1])!.Value;
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
                RequestedUrl = url, FinalUrl = url, Status = 404, Chain = chain, Origin = "page-dir", NotSaved = true,
                ErrorMessage = $"no saved page for this URL in {_dir}",
            });
        }

        string? path = Inside(file);
        if (path is null)
        {
            return Task.FromResult(new FetchResult
            {
                RequestedUrl = url, FinalUrl = url, Status = 404, Chain = chain, Origin = "page-dir",
                ErrorMessage = $"{file}: not a file inside {_dir} (manifest entries must name files in the folder; no '..', absolute paths or links leading out)",
            });
        }

        byte[] bytes;
        try
        {
            bytes = InputLimits.ReadAllBytes(path, InputLimits.MaxInputBytes);
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                bytes = InputLimits.Gunzip(bytes, file);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return Task.FromResult(new FetchResult
            {
                RequestedUrl = url, FinalUrl = url, Chain = chain, Origin = "page-dir", Error = FetchErrorKind.Network,
                ErrorMessage = $"{file}: cannot read: {ex.Message}",
            });
        }

        return Task.FromResult(new FetchResult
        {
            RequestedUrl = url, FinalUrl = finalUrl, Status = status, Chain = chain, ContentType = "text/html", Body = bytes,
            FetchedAt = File.GetLastWriteTimeUtc(path), Origin = "page-dir",
        });
    }
}
