using System.Collections.Immutable;
using SourceCheck.Claims;
using SourceCheck.Csl;
using SourceCheck.Text;

namespace SourceCheck.Storage;

/// <summary>A document to ingest: where it came from (file path or URL), its text and what is known about it.</summary>
/// <param name="Source">File path or URL, as the user gave it.</param>
/// <param name="Text">The document text; claim offsets refer to it.</param>
public sealed record DocumentInput(string Source, string Text)
{
    /// <summary>The key a store knows a document by: SHA-256 (lower-case hex) of the text's UTF-8 bytes, with CRLF/CR
    /// normalised to LF. Every backend keys documents by it, and the checker uses it to tell stored from new articles.</summary>
    public static string ContentHashOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(normalised)));
    }

    public string? Title { get; init; }

    /// <summary>The publishing outlet ("Business Punk", "NBC News").</summary>
    public string? Outlet { get; init; }

    /// <summary>Publication date as ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD, optionally with a time); used to order trace chains.</summary>
    public string? Date { get; init; }

    /// <summary>"de", "en", …</summary>
    public string? Language { get; init; }

    /// <summary>Content hash; computed from <see cref="Text"/> (SHA-256 of its UTF-8 bytes, line endings normalised) when null.</summary>
    public string? ContentHash { get; init; }
}

/// <summary>A reference found in a document: the CSL item and where it was found.</summary>
/// <param name="EntryNumber">1-based number of the entry in the document's bibliography, when known.</param>
/// <param name="Span">Where the entry's text is in the document, when known.</param>
public sealed record ReferenceInput(CslItem Item, int? EntryNumber = null, TextSpan? Span = null);

/// <summary>A verification finding: a reference field compared with the cited page.</summary>
/// <param name="ReferenceId">The CSL id of the reference the finding is about.</param>
/// <param name="Field">The CSL variable compared ("title", "issued", "author", …).</param>
/// <param name="Type">Finding type ("mismatch", "missing_on_page", "unreachable", …).</param>
/// <param name="Severity">How serious it is (stored as "error", "warning" or "info").</param>
/// <param name="Cited">The value the reference gives.</param>
/// <param name="Page">The value found on the page.</param>
/// <param name="Evidence">Human-readable evidence (where on the page, similarity, …).</param>
public sealed record FindingInput(string ReferenceId, string Field, Verification.FindingKind Type, Verification.FindingSeverity Severity, string? Cited, string? Page, string? Evidence)
{
    /// <summary>The page URL checked.</summary>
    public string? Url { get; init; }
}

/// <summary>The outcome of ingesting one document.</summary>
/// <param name="Created">False when a document with the same content hash was already stored (nothing was written).</param>
/// <param name="ClaimIds">Store id of each claim, keyed by <see cref="Claim.Id"/> (for storing links).</param>
public sealed record IngestResult(long DocumentId, bool Created, IReadOnlyDictionary<string, long> ClaimIds, int ClaimCount, int ReferenceCount);

public sealed record StoredDocument(
    long Id,
    string ContentHash,
    string Source,
    string? Title,
    string? Outlet,
    string? Date,
    string? Language,
    int ClaimCount,
    int ReferenceCount,
    DateTimeOffset IngestedAt)
{
    /// <summary>Outlet if known, else title, else the source.</summary>
    public string DisplayName => Outlet ?? Title ?? Source;
}

/// <summary>A stored claim: its store id, document and the claim record (with <see cref="Claim.DocumentId"/> = the document's source).</summary>
public sealed record StoredClaim(long Id, long DocumentId, int Ordinal, Claim Claim);

public sealed record StoredReference(long Id, long DocumentId, int? EntryNumber, TextSpan? Span, string CslJsonText, string DedupKey)
{
    /// <summary>The CSL item read back from <see cref="CslJsonText"/>.</summary>
    public CslItem? Item
    {
        get
        {
            var parsed = CslJson.Parse(CslJsonText);
            return parsed.Value is { Count: > 0 } items ? items[0] : null;
        }
    }
}

public enum ReviewStatus
{
    Open,
    Accepted,
    Rejected,
}

internal static class ReviewStatusNames
{
    public static string ToName(this ReviewStatus status) => status switch
    {
        ReviewStatus.Accepted => "accepted",
        ReviewStatus.Rejected => "rejected",
        _ => "open",
    };

    public static ReviewStatus? Parse(string? name) => name switch
    {
        "open" => ReviewStatus.Open,
        "accepted" => ReviewStatus.Accepted,
        "rejected" => ReviewStatus.Rejected,
        _ => null,
    };
}

/// <summary>A stored link between two claims (<see cref="ClaimA"/> &lt; <see cref="ClaimB"/>) with its review state.</summary>
public sealed record StoredLink(
    long Id,
    long ClaimA,
    long ClaimB,
    LinkType Type,
    double Score,
    ImmutableArray<string> Evidence,
    ReviewStatus Status,
    LinkType? RelabelledType,
    DateTimeOffset? ReviewedAt)
{
    /// <summary>The type after review: the relabelled type if a reviewer chose one, else the detected type.</summary>
    public LinkType EffectiveType => RelabelledType ?? Type;

    /// <summary>Who made the review decision (<c>--reviewer</c>, by default the OS user), when one was recorded.</summary>
    public string? Reviewer { get; init; }

    public long Other(long claimId) => claimId == ClaimA ? ClaimB : ClaimA;
}

/// <summary>A link with both claims and their documents, for the review UI.</summary>
public sealed record LinkDetail(StoredLink Link, StoredClaim A, StoredDocument DocumentA, StoredClaim B, StoredDocument DocumentB);

public sealed record SearchHit(StoredClaim Claim, StoredDocument Document, double Rank);

/// <summary>Counts written by a run (stored in the runs table).</summary>
public sealed record RunCounts(int Documents, int Claims, int Links, int Findings);

public sealed record StoreStats(int Documents, int References, int Claims, int Links, int Findings, int Runs, int SchemaVersion);
