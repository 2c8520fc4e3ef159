using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SourceCheck.Documents.Web;

namespace SourceCheck.Verification;

/// <summary>JSON forms of page readings (<c>sourcecheck-page/1</c>) and verification reports
/// (<c>sourcecheck-verify/2</c>: version 1 plus each reference's <c>verdict</c>), in a fixed key order.</summary>
internal static class ReportJson
{
    public const string PageSchema = "sourcecheck-page/1";
    public const string VerifySchema = "sourcecheck-verify/2";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonNode node) => node.ToJsonString(Indented).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

    private static JsonObject? Value<T>(Sourced<T>? v, Func<T, JsonNode?> map) =>
        v is null ? null : new JsonObject { ["value"] = map(v.Value), ["source"] = v.Source };

    public static JsonObject Page(WebPage page, FetchResult? fetch)
    {
        var m = page.Metadata;
        return new JsonObject
        {
            ["schema"] = PageSchema,
            ["url"] = page.Url,
            ["fetch"] = fetch is null ? null : Fetch(fetch),
            ["title"] = Value(m.Title, s => s),
            ["authors"] = new JsonArray(m.Authors.Select(a => (JsonNode)new JsonObject { ["value"] = a.Value, ["source"] = a.Source }).ToArray()),
            ["published"] = Value(m.Published, d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ["modified"] = Value(m.Modified, d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ["site"] = Value(m.Site, s => s),
            ["canonicalUrl"] = Value(m.CanonicalUrl, s => s),
            ["language"] = Value(m.Language, s => s),
            ["doi"] = Value(m.Doi, s => s),
            ["paywall"] = m.Paywall is { } pw
                ? new JsonObject { ["value"] = pw.Value.Paywalled, ["evidence"] = pw.Value.Evidence, ["source"] = pw.Source }
                : new JsonObject { ["value"] = false, ["evidence"] = null, ["source"] = null },
            ["pageType"] = Value(m.PageType, s => s),
            ["encoding"] = page.Encoding,
            ["body"] = new JsonObject { ["text"] = page.Body, ["source"] = page.BodySource },
        };
    }

    public static JsonObject Fetch(FetchResult f) => new()
    {
        ["origin"] = f.Origin,
        ["requestedUrl"] = f.RequestedUrl,
        ["finalUrl"] = f.FinalUrl,
        ["status"] = f.Status,
        ["chain"] = new JsonArray(f.Chain.Select(h => (JsonNode)new JsonObject { ["url"] = h.Url, ["status"] = h.Status, ["location"] = h.Location }).ToArray()),
        ["contentType"] = f.ContentType,
        ["truncated"] = f.Truncated,
        ["error"] = f.Error == FetchErrorKind.None ? null : f.Error.ToString(),
        ["message"] = f.ErrorMessage,
        ["fetchedAt"] = f.FetchedAt == default ? null : f.FetchedAt.ToString("O", CultureInfo.InvariantCulture),
    };

    public static string Severity(FindingSeverity s) => s.ToName();

    public static JsonObject Verify(IReadOnlyList<VerificationResult> results, IReadOnlyList<ReferenceVerdict>? verdicts = null)
    {
        var refs = new JsonArray();
        for (int i = 0; i < results.Count; i++)
        {
            var r = results[i];
            var v = verdicts is not null && i < verdicts.Count ? verdicts[i] : null;
            if (r.Page is null && v?.Page?.Page is not null)
            {
                r = r with { Page = v.Page.Page, Fetch = r.Fetch ?? v.Page.Fetch };
            }

            refs.Add((JsonNode)new JsonObject
            {
                ["id"] = r.Item.Id,
                ["title"] = r.Item.Title,
                ["url"] = r.Url,
                ["fetch"] = r.Fetch is null ? null : Fetch(r.Fetch),
                ["page"] = r.Page is null ? null : new JsonObject
                {
                    ["title"] = r.Page.Metadata.Title?.Value,
                    ["authors"] = new JsonArray(r.Page.Metadata.Authors.Select(a => (JsonNode)JsonValue.Create(a.Value)!).ToArray()),
                    ["published"] = r.Page.Metadata.Published?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["modified"] = r.Page.Metadata.Modified?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["site"] = r.Page.Metadata.Site?.Value,
                },
                ["findings"] = new JsonArray(r.Findings.Select(f => (JsonNode)new JsonObject
                {
                    ["type"] = f.Type.ToName(),
                    ["field"] = f.Field,
                    ["severity"] = Severity(f.Severity),
                    ["cited"] = f.Cited,
                    ["page"] = f.Page,
                    ["evidence"] = f.Evidence,
                }).ToArray()),
                ["verdict"] = v is null ? null : VerdictReport.Json(v),
            });
        }

        var all = results.SelectMany(r => r.Findings).ToList();
        return new JsonObject
        {
            ["schema"] = VerifySchema,
            ["references"] = refs,
            ["summary"] = new JsonObject
            {
                ["references"] = results.Count,
                ["findings"] = all.Count,
                ["error"] = all.Count(f => f.Severity == FindingSeverity.Error),
                ["warning"] = all.Count(f => f.Severity == FindingSeverity.Warning),
                ["info"] = all.Count(f => f.Severity == FindingSeverity.Info),
                ["verdicts"] = verdicts is null ? null : new JsonObject
                {
                    [Verdicts.Verified] = verdicts.Count(x => x.Verdict == Verdicts.Verified),
                    [Verdicts.Mismatch] = verdicts.Count(x => x.Verdict == Verdicts.Mismatch),
                    [Verdicts.NotFound] = verdicts.Count(x => x.Verdict == Verdicts.NotFound),
                    [Verdicts.Unchecked] = verdicts.Count(x => x.Verdict == Verdicts.Unchecked),
                    ["dead"] = verdicts.Count(x => x.Link == LinkStates.Dead),
                    ["worstMs"] = verdicts.Count == 0 ? 0 : (long)verdicts.Max(x => x.Elapsed.TotalMilliseconds),
                },
            },
        };
    }
}
