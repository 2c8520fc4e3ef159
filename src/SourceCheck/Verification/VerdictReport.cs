using System.Globalization;
using System.Text.Json.Nodes;

namespace SourceCheck.Verification;

/// <summary>Verdicts as findings (for reports that list findings: <c>check</c>'s text, Markdown, HTML and JSON)
/// and as JSON (<c>sourcecheck-verify/2</c>'s <c>verdict</c> object).</summary>
internal static class VerdictReport
{
    /// <summary>One finding for the verdict (not_found and mismatch: warning; unchecked and verified: info), one per
    /// update notice (retraction: error, other: warning) and one per checked claim (supported: info with the passage
    /// and its place; not in the page or other figures: warning).</summary>
    public static IEnumerable<Finding> Findings(ReferenceVerdict v)
    {
        var severity = v.Verdict is Verdicts.NotFound or Verdicts.Mismatch ? FindingSeverity.Warning : FindingSeverity.Info;
        string where = v.ArchivedUrl ?? v.WorkUrl ?? string.Empty;
        string what = v.Verdict + (v.Fields.Count > 0 ? " (" + string.Join(", ", v.Fields) + ")" : string.Empty);
        yield return new Finding(FindingKind.Verdict, "work", severity, v.Item.Title, where.Length > 0 ? where : null,
            $"{what}: {v.Reason}" + (v.ArchivedUrl is not null ? $" [archived copy: {v.ArchivedUrl}]" : string.Empty)
            + (v.Verdict == Verdicts.Unchecked && v.Searches.Count > 0 ? " [searches: " + string.Join("; ", v.Searches.Select(s => $"{s.Service} {s.Url} ({s.Outcome})")) + "]" : string.Empty));
        foreach (var n in v.Notices)
        {
            yield return new Finding(FindingKind.UpdateNotice, "work", n.Type.Contains("retract", StringComparison.OrdinalIgnoreCase) ? FindingSeverity.Error : FindingSeverity.Warning,
                v.Doi, n.Doi, $"{n.Type} notice{(n.Date is null ? string.Empty : " of " + n.Date)}{(n.Doi is null ? string.Empty : ": https://doi.org/" + n.Doi)} ({n.Source})");
        }

        foreach (var p in v.Passages)
        {
            yield return new Finding(FindingKind.ClaimSupport, "claim", p.Status == PassageFinder.Supported ? FindingSeverity.Info : FindingSeverity.Warning, p.Claim,
                p.Passage, (p.Signal is null ? string.Empty : $"claim {p.ClaimId} (cites it by {p.Signal}): ") + p.Status switch
                {
                    PassageFinder.Supported => string.Create(CultureInfo.InvariantCulture, $"supported by the cited {SourceName(p)} at characters {p.Start}-{p.Start + p.Length} of its text (score {p.Score:0.00})"),
                    PassageFinder.FiguresDiffer => string.Create(CultureInfo.InvariantCulture, $"the cited {SourceName(p)} says this with other figures (characters {p.Start}-{p.Start + p.Length}, score {p.Score:0.00})"),
                    PassageFinder.SaysOtherwise => string.Create(CultureInfo.InvariantCulture, $"the cited {SourceName(p)} says otherwise: {p.Differs} (characters {p.Start}-{p.Start + p.Length}, score {p.Score:0.00})"),
                    _ => string.Create(CultureInfo.InvariantCulture, $"the cited {SourceName(p)} says nothing of the kind (closest passage scores {p.Score:0.00})"),
                });
        }
    }

    private static string SourceName(PassageCheck p) => p.Source == "page" ? "page" : "work's " + p.Source;

    public static JsonObject Json(ReferenceVerdict v) => new()
    {
        ["value"] = v.Verdict,
        ["fields"] = new JsonArray(v.Fields.Select(f => (JsonNode)JsonValue.Create(f)!).ToArray()),
        ["reason"] = v.Reason,
        ["link"] = v.Link,
        ["workUrl"] = v.WorkUrl,
        ["archivedUrl"] = v.ArchivedUrl,
        ["doi"] = v.Doi,
        ["notices"] = new JsonArray(v.Notices.Select(n => (JsonNode)new JsonObject
        {
            ["type"] = n.Type, ["doi"] = n.Doi, ["date"] = n.Date, ["source"] = n.Source,
        }).ToArray()),
        ["searches"] = new JsonArray(v.Searches.Select(s => (JsonNode)new JsonObject
        {
            ["service"] = s.Service, ["what"] = s.What, ["url"] = s.Url, ["outcome"] = s.Outcome,
        }).ToArray()),
        ["passages"] = new JsonArray(v.Passages.Select(p => (JsonNode)new JsonObject
        {
            ["claim"] = p.ClaimId, ["text"] = p.Claim, ["status"] = p.Status, ["passage"] = p.Passage,
            ["start"] = p.Start, ["length"] = p.Length, ["score"] = p.Score, ["source"] = p.Source, ["signal"] = p.Signal,
            ["differs"] = p.Differs,
        }).ToArray()),
        ["elapsedMs"] = (long)v.Elapsed.TotalMilliseconds,
    };
}
