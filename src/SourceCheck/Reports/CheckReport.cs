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
    ImmutableArray<string> Notes);

/// <summary>A claim supported by (paraphrasing, translating or quoting) a reference's headline.</summary>
public sealed record ReferenceSupport(string ClaimId, string DocumentId, string ReferenceId, string ReferenceTitle, string Type, double Score);

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
}
