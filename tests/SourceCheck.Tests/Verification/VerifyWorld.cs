using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SourceCheck.Csl;
using SourceCheck.Verification;

namespace SourceCheck.Tests.Verification;

/// <summary>The fixture world of <c>fixtures/verify-world/</c> served by a local Kestrel server in the documented
/// formats of the four services: DOI content negotiation (<c>/doi/DOI</c> with
/// <c>Accept: application/vnd.citationstyles.csl+json</c>), Crossref (<c>/crossref/works?query.bibliographic=</c>,
/// <c>/crossref/works/DOI</c>), OpenAlex (<c>/openalex/works?search=</c>), the Internet Archive
/// (<c>/wayback/wayback/available</c>, <c>/wayback/cdx/search/cdx</c>, <c>/wayback/web/TIMESTAMP/URL</c>) and live
/// pages under <c>/live/HOST/PATH</c>. Search answers are ranked by shared words, as a search engine would:
/// the world's tests must pick the right record among several.</summary>
internal sealed class VerifyWorld : IAsyncDisposable
{
    private readonly JsonObject _world;
    private readonly string _dir;

    private VerifyWorld(TestWebServer server, JsonObject world, string dir)
    {
        Server = server;
        _world = world;
        _dir = dir;
    }

    public TestWebServer Server { get; }

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "fixtures", "verify-world");

    public static async Task<VerifyWorld> StartAsync()
    {
        var server = await TestWebServer.StartAsync();
        var world = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Directory, "world.json")))!.AsObject();
        var w = new VerifyWorld(server, world, Directory);
        server.Fallback = w.HandleAsync;
        return w;
    }

    public ServiceEndpoints Endpoints => ServiceEndpoints.FromEnvironment(name => name switch
    {
        ServiceEndpoints.DoiVariable => Server.Url("/doi"),
        ServiceEndpoints.CrossrefVariable => Server.Url("/crossref"),
        ServiceEndpoints.OpenAlexVariable => Server.Url("/openalex"),
        ServiceEndpoints.WaybackVariable => Server.Url("/wayback"),
        ServiceEndpoints.ContactVariable => "editor@example.org",
        _ => null,
    });

    /// <summary>The world's references: id, split, expected verdict, the CSL item (with "{live}" made the server's
    /// address) and the claims citing it.</summary>
    public IReadOnlyList<WorldReference> References()
    {
        var list = new List<WorldReference>();
        foreach (var r in _world["references"]!.AsArray())
        {
            string csl = r!["csl"]!.ToJsonString().Replace("{live}", Server.Url("/live"), StringComparison.Ordinal);
            var item = CslJson.Parse(csl).Value!.Single();
            var claims = r["claims"]!.AsArray().Select(c => new WorldClaim(
                new CitingClaim((string)c!["id"]!, (string)c["text"]!, (string?)c["language"]), (bool)c["supported"]!)).ToList();
            list.Add(new WorldReference((string)r["id"]!, (string)r["split"]!, (string)r["expect"]!,
                r["fields"]!.AsArray().Select(f => (string)f!).ToList(), item, claims, (string?)r["note"] ?? string.Empty));
        }

        return list;
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        string path = ctx.Request.Path.Value ?? "/";
        var q = ctx.Request.Query;
        if (path.StartsWith("/doi/", StringComparison.Ordinal))
        {
            string doi = Uri.UnescapeDataString(path["/doi/".Length..]);
            var work = Crossref(doi);
            if (work is null || !ctx.Request.Headers.Accept.ToString().Contains("application/vnd.citationstyles.csl+json", StringComparison.Ordinal))
            {
                await Text(ctx, 404, "text/plain", "DOI Not Found");
                return;
            }

            var csl = new JsonObject
            {
                ["type"] = "article-journal",
                ["DOI"] = work["DOI"]!.DeepClone(),
                ["URL"] = work["URL"]!.DeepClone(),
                ["title"] = work["title"]![0]!.DeepClone(),
                ["container-title"] = work["container-title"]![0]!.DeepClone(),
                ["author"] = work["author"]!.DeepClone(),
                ["issued"] = work["issued"]!.DeepClone(),
                ["publisher"] = work["publisher"]?.DeepClone(),
            };
            if (work["abstract"] is { } abs)
            {
                csl["abstract"] = abs.DeepClone();
            }

            await Text(ctx, 200, "application/vnd.citationstyles.csl+json", csl.ToJsonString());
            return;
        }

        if (path.StartsWith("/crossref/works/", StringComparison.Ordinal))
        {
            var work = Crossref(Uri.UnescapeDataString(path["/crossref/works/".Length..]));
            if (work is null)
            {
                await Text(ctx, 404, "text/plain", "Resource not found.");
                return;
            }

            await Json(ctx, new JsonObject { ["status"] = "ok", ["message-type"] = "work", ["message-version"] = "1.0.0", ["message"] = work.DeepClone() });
            return;
        }

        if (path == "/crossref/works")
        {
            string query = q["query.bibliographic"].ToString();
            int rows = int.TryParse(q["rows"], CultureInfo.InvariantCulture, out int r) ? r : 20;
            var items = Rank(_world["crossref"]!.AsArray(), query, w => string.Join(' ', w["title"]!.AsArray().Select(t => (string?)t))
                + " " + string.Join(' ', w["author"]!.AsArray().Select(a => (string?)a!["family"]))).Take(rows).ToList();
            await Json(ctx, new JsonObject
            {
                ["status"] = "ok",
                ["message-type"] = "work-list",
                ["message"] = new JsonObject { ["total-results"] = items.Count, ["items"] = new JsonArray(items.Select(i => i.DeepClone()).ToArray()), ["items-per-page"] = rows },
            });
            return;
        }

        if (path == "/openalex/works")
        {
            string query = q["search"].ToString();
            int rows = int.TryParse(q["per-page"], CultureInfo.InvariantCulture, out int r) ? r : 25;
            var items = Rank(_world["openalex"]!.AsArray(), query, w => (string?)w["title"] ?? string.Empty).Take(rows).ToList();
            await Json(ctx, new JsonObject
            {
                ["meta"] = new JsonObject { ["count"] = items.Count, ["page"] = 1, ["per_page"] = rows },
                ["results"] = new JsonArray(items.Select(i => i.DeepClone()).ToArray()),
            });
            return;
        }

        if (path == "/wayback/wayback/available")
        {
            string url = q["url"].ToString();
            string stamp = q["timestamp"].ToString();
            var hits = Archive().Where(a => SameAddress((string)a["original"]!, url))
                .OrderBy(a => Math.Abs(Number((string)a["timestamp"]!) - Number(stamp.PadRight(14, '0')))).ToList();
            var closest = hits.FirstOrDefault();
            var snapshots = new JsonObject();
            if (closest is not null)
            {
                snapshots["closest"] = new JsonObject
                {
                    ["status"] = "200",
                    ["available"] = true,
                    ["url"] = $"http://web.archive.org/web/{(string)closest["timestamp"]!}/{(string)closest["original"]!}",
                    ["timestamp"] = (string)closest["timestamp"]!,
                };
            }

            await Json(ctx, new JsonObject { ["url"] = url, ["archived_snapshots"] = snapshots });
            return;
        }

        if (path == "/wayback/cdx/search/cdx")
        {
            string url = q["url"].ToString();
            string domain = url.EndsWith("/*", StringComparison.Ordinal) ? url[..^2] : url;
            string from = q["from"].ToString().PadRight(14, '0');
            string to = q["to"].ToString() is { Length: > 0 } t ? t.PadRight(14, '9') : "99999999999999";
            var rows = new JsonArray(new JsonArray("urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"));
            foreach (var a in Archive())
            {
                string original = (string)a["original"]!;
                string ts = (string)a["timestamp"]!;
                string host = new Uri(original).Host;
                if ((host == domain || host.EndsWith("." + domain, StringComparison.Ordinal)) && string.CompareOrdinal(ts, from) >= 0 && string.CompareOrdinal(ts, to) <= 0)
                {
                    rows.Add(new JsonArray("key", ts, original, "text/html", "200", "ABCDEF", "12345"));
                }
            }

            await Json(ctx, rows);
            return;
        }

        if (path.StartsWith("/wayback/web/", StringComparison.Ordinal))
        {
            string rest = ctx.Request.Path.Value!["/wayback/web/".Length..] + ctx.Request.QueryString.Value;
            int slash = rest.IndexOf('/', StringComparison.Ordinal);
            string original = slash > 0 ? rest[(slash + 1)..] : string.Empty;
            original = original.Replace("https:/", "https://", StringComparison.Ordinal).Replace("https:///", "https://", StringComparison.Ordinal);
            var hit = Archive().FirstOrDefault(a => SameAddress((string)a["original"]!, original));
            if (hit is null)
            {
                await Text(ctx, 404, "text/html", "<html><head><title>Wayback Machine</title></head><body><p>Hrm. The Wayback Machine has not archived that URL.</p></body></html>");
                return;
            }

            await Page(ctx, (string)hit["page"]!);
            return;
        }

        if (path.StartsWith("/live/", StringComparison.Ordinal))
        {
            string rest = path["/live".Length..];
            var hit = _world["live"]!.AsArray().FirstOrDefault(l => ((string)l!["path"]!).TrimEnd('/') == rest.TrimEnd('/'));
            if (hit?["page"] is JsonValue page)
            {
                await Page(ctx, (string)page!);
                return;
            }

            await Text(ctx, 404, "text/html", "<html><head><title>Page not found</title></head><body><h1>Page not found</h1></body></html>");
            return;
        }

        await Text(ctx, 404, "text/plain", "not found");
    }

    private IEnumerable<JsonObject> Archive() => _world["archive"]!.AsArray().Select(a => a!.AsObject());

    private JsonObject? Crossref(string doi) => _world["crossref"]!.AsArray()
        .FirstOrDefault(w => string.Equals((string?)w!["DOI"], doi, StringComparison.OrdinalIgnoreCase))?.AsObject();

    private static IEnumerable<JsonObject> Rank(JsonArray items, string query, Func<JsonObject, string> text)
    {
        var words = Words(query);
        return items.Select(i => i!.AsObject())
            .Select(i => (Item: i, Score: Words(text(i)).Count(words.Contains)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .Select(x => x.Item);
    }

    private static HashSet<string> Words(string s) => s.ToLowerInvariant()
        .Split([' ', ',', '.', ':', ';', '-', '\'', '"', '(', ')', '?', '!'], StringSplitOptions.RemoveEmptyEntries)
        .Where(w => w.Length > 2).ToHashSet(StringComparer.Ordinal);

    private static bool SameAddress(string a, string b)
    {
        static string N(string u) => u.Replace("https://", string.Empty, StringComparison.Ordinal).Replace("http://", string.Empty, StringComparison.Ordinal)
            .Replace("www.", string.Empty, StringComparison.Ordinal).TrimEnd('/');
        return N(a) == N(b);
    }

    private static double Number(string s) => double.TryParse(s.Length > 14 ? s[..14] : s, NumberStyles.None, CultureInfo.InvariantCulture, out double d) ? d : 0;

    private async Task Page(HttpContext ctx, string file) =>
        await Text(ctx, 200, "text/html; charset=utf-8", await File.ReadAllTextAsync(Path.Combine(_dir, "pages", file)));

    private static Task Json(HttpContext ctx, JsonNode node) => Text(ctx, 200, "application/json", node.ToJsonString());

    private static async Task Text(HttpContext ctx, int status, string type, string body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = type;
        await ctx.Response.WriteAsync(body, Encoding.UTF8);
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

internal sealed record WorldClaim(CitingClaim Claim, bool Supported);

internal sealed record WorldReference(string Id, string Split, string Expect, IReadOnlyList<string> Fields, CslItem Item, IReadOnlyList<WorldClaim> Claims, string Note)
{
    public bool Fabricated => Expect is Verdicts.NotFound or Verdicts.Mismatch;

    /// <summary>A verdict is right when it is the expected one; for a fabricated reference, not_found and mismatch are both right.</summary>
    public bool Right(string verdict) => verdict == Expect || (Fabricated && verdict is Verdicts.NotFound or Verdicts.Mismatch);
}
