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

    // one set per UnsourcedClaimIds array (not a field: record equality and `with` copies stay as they were)
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string[], HashSet<string>> UnsourcedSets = [];

    /// <summary>Whether no reference supports the claim: a set lookup (a report of a long article lists tens of
    /// thousands of claims; <c>UnsourcedClaimIds.Contains</c> per claim was quadratic: 16 MB of text, minutes).</summary>
    public bool IsUnsourced(string claimId)
    {
        var ids = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(UnsourcedClaimIds);
        return ids is { Length: > 0 } && UnsourcedSets.GetValue(ids, a => new HashSet<string>(a, StringComparer.Ordinal)).Contains(claimId);
    }
}

/// <summary>A claim supported by (paraphrasing, translating or quoting) a reference's headline.</summary>
public sealed record ReferenceSupport(string ClaimId, string DocumentId, string ReferenceId, string ReferenceTitle, string Type, double Score)
{
    /// <summary>The document whose bibliography cites the reference (null: the claim's own document).</summary>
    public string? ReferenceDocumentId { get; init; }
}

/// <summary>A verification finding, flattened for reports.</summary>
public sealed record ReportFinding(string DocumentId, string ReferenceId, string Field, Verification.FindingKind Type, Verification.FindingSeverity Severity, string? Cited, string? Page, string? Evidence);

/// <summary>A stored document whose claims the check compared the new claims with: named by title, outlet and
/// date (the <see cref="DocumentId"/> <c>db:NAME#ID</c> is what its claims carry as <see cref="Claim.DocumentId"/>).</summary>
public sealed record StoredDocumentSummary(string DocumentId, string Source, string? Title, string? Outlet, string? Date)
{
    /// <summary>"Title — Outlet, Date" with what is known (the source path when neither title nor outlet is).</summary>
    public string Label
    {
        get
        {
            string name = Title ?? Outlet ?? Source;
            string where = string.Join(", ", new[] { Title is null ? null : Outlet, Date }.Where(x => !string.IsNullOrWhiteSpace(x)));
            return where.Length == 0 ? name : $"{name} — {where}";
        }
    }
}

/// <summary>What the store contributed to a check: its path, how many other documents it held, and the stored
/// documents and claims the new claims were compared with (candidates sharing salient terms).</summary>
public sealed record StoreComparison(string Path, int DocumentsInStore, ImmutableArray<StoredDocumentSummary> ComparedDocuments, ImmutableArray<Claim> Claims)
{
    /// <summary>Links dropped because a reviewer rejected the same pair of claims before.</summary>
    public int RejectedInReview { get; init; }

    /// <summary>Links whose type comes from a reviewer's relabel.</summary>
    public int RelabelledInReview { get; init; }
}

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
    /// <summary>The JSON schema name and version <see cref="CheckReportRenderer.Json"/> writes.</summary>
    public const string Schema = "sourcecheck-check/1";

    /// <summary>References found in all checked documents.</summary>
    public int ReferenceCount => Documents.Sum(d => d.References.Length);

    /// <summary>Claims extracted from all checked documents.</summary>
    public int ClaimCount => Documents.Sum(d => d.Claims.Length);

    /// <summary>Claims that no reference or inline source backs, over all checked documents.</summary>
    public int UnsourcedCount => Documents.Sum(d => d.UnsourcedClaimIds.Length);

    /// <summary>The store the claims were compared with (null: run without a store).</summary>
    public StoreComparison? Store { get; init; }

    /// <summary>The file a document id of this report was read from; the id itself when it is not one of the report's documents.</summary>
    public string FileOf(string documentId) => Documents.FirstOrDefault(d => d.DocumentId == documentId)?.File ?? documentId;

    /// <summary>The stored document a stored claim's <see cref="Claim.DocumentId"/> names (null for the report's own documents).</summary>
    public StoredDocumentSummary? StoredDocument(string documentId) =>
        Store?.ComparedDocuments.FirstOrDefault(d => string.Equals(d.DocumentId, documentId, StringComparison.Ordinal));

    /// <summary>How a document is named in the report: the checked file, or the stored document's title, outlet and date.</summary>
    public string DocumentLabel(string documentId) => StoredDocument(documentId)?.Label ?? FileOf(documentId);

    /// <summary>True when one end of the link is a stored claim (not a claim of the documents being checked).</summary>
    public bool IsStoreMatch(ClaimLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return !IsReportDocument(link.A.DocumentId) || !IsReportDocument(link.B.DocumentId);
    }

    /// <summary>Links among the documents being checked (listed first).</summary>
    public ImmutableArray<ClaimLink> CheckedLinks => [.. Links.Where(l => !IsStoreMatch(l))];

    /// <summary>Matches of the checked documents' claims with stored documents (their own section).</summary>
    public ImmutableArray<ClaimLink> StoreMatches => [.. Links.Where(IsStoreMatch)];

    /// <summary>Distinct claims that at least one cited headline supports.</summary>
    public int SupportedClaimCount => Support.Select(s => s.ClaimId).Distinct(StringComparer.Ordinal).Count();

    /// <summary>A claim of one of the report's documents by id or of the store's compared claims (null when unknown).</summary>
    public Claim? FindClaim(string claimId) =>
        Documents.SelectMany(d => d.Claims).Concat(Store?.Claims ?? []).FirstOrDefault(c => string.Equals(c.Id, claimId, StringComparison.Ordinal));

    /// <summary>True when <paramref name="documentId"/> is one of the checked documents (not a stored one).</summary>
    public bool IsReportDocument(string documentId) => Documents.Any(d => d.DocumentId == documentId);
}
