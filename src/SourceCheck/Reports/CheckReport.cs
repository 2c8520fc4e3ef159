using System.Collections.Immutable;
using SourceCheck.Claims;
using SourceCheck.Csl;

namespace SourceCheck.Reports;

/// <summary>One article of a check run: its metadata, its references (normalised, de-duplicated), the
/// bibliography formatted in the chosen style, its claims, and which claims no reference supports.</summary>
public sealed record DocumentReport(
    string File,
    string DocumentId,
    string? Title,
    string? Outlet,
    string? Date,
    string Language,
    ImmutableArray<CslItem> References,
    ImmutableArray<string> FormattedBibliography,
    ImmutableArray<Claim> Claims,
    ImmutableArray<string> UnsourcedClaimIds,
    ImmutableArray<string> Notes)
{
    /// <summary>The article's first body sentence, shortened (ends in "…" when cut): tells an editor which
    /// article this is when it has no headline (<see cref="Title"/> is null then).</summary>
    public string? Opening { get; init; }
}

/// <summary>A claim supported by (paraphrasing, translating or quoting) a reference's headline.</summary>
public sealed record ReferenceSupport(string ClaimId, string DocumentId, string ReferenceId, string ReferenceTitle, string Type, double Score)
{
    /// <summary>The document whose bibliography cites the reference (null: the claim's own document).</summary>
    public string? ReferenceDocumentId { get; init; }
}

/// <summary>A verification finding, flattened for reports.</summary>
public sealed record ReportFinding(string DocumentId, string ReferenceId, string Field, string Type, string Severity, string? Cited, string? Page, string? Evidence);

/// <summary>Everything <c>sourcecheck check</c> found, in the order it is reported: summary first, details after.</summary>
public sealed record CheckReport(
    DateTimeOffset GeneratedAt,
    string Style,
    ImmutableArray<DocumentReport> Documents,
    ImmutableArray<ClaimLink> Links,
    ImmutableArray<ReferenceSupport> Support,
    ImmutableArray<ReportFinding> Findings,
    ImmutableArray<string> Warnings)
{
    public const string Schema = "sourcecheck-check/1";

    public int ReferenceCount => Documents.Sum(d => d.References.Length);

    public int ClaimCount => Documents.Sum(d => d.Claims.Length);

    public int UnsourcedCount => Documents.Sum(d => d.UnsourcedClaimIds.Length);

    public string FileOf(string documentId) => Documents.FirstOrDefault(d => d.DocumentId == documentId)?.File ?? documentId;

    /// <summary>Distinct claims that at least one cited headline supports.</summary>
    public int SupportedClaimCount => Support.Select(s => s.ClaimId).Distinct(StringComparer.Ordinal).Count();

    /// <summary>A claim of one of the report's documents by id (null for claims from elsewhere, e.g. the store).</summary>
    public Claim? FindClaim(string claimId) =>
        Documents.SelectMany(d => d.Claims).FirstOrDefault(c => string.Equals(c.Id, claimId, StringComparison.Ordinal));

    public bool IsReportDocument(string documentId) => Documents.Any(d => d.DocumentId == documentId);
}
