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

    /// <summary>The document's headline or title, when known.</summary>
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
/// <param name="Item">The reference as a CSL item.</param>
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
/// <param name="DocumentId">The store id of the document (the one already stored when <paramref name="Created"/> is false).</param>
/// <param name="ClaimIds">Store id of each claim, keyed by <see cref="Claim.Id"/> (for storing links).</param>
/// <param name="ClaimCount">How many claims the stored document has.</param>
/// <param name="ReferenceCount">How many references the stored document has.</param>
public sealed record IngestResult(long DocumentId, bool Created, IReadOnlyDictionary<string, long> ClaimIds, int ClaimCount, int ReferenceCount);

/// <summary>A stored document as listed: what was given at ingest, without its text (see <see cref="IClaimStore.GetDocumentText"/>).</summary>
/// <param name="Id">Store id.</param>
/// <param name="ContentHash">The key the store knows the document by (<see cref="DocumentInput.ContentHashOf"/>).</param>
/// <param name="Source">File path or URL as given at ingest.</param>
/// <param name="Title">Headline or title, when known.</param>
/// <param name="Outlet">Publishing outlet, when known.</param>
/// <param name="Date">Publication date as ISO 8601 text, when known.</param>
/// <param name="Language">Language tag ("de", "en"), when known.</param>
/// <param name="ClaimCount">How many claims were stored with it.</param>
/// <param name="ReferenceCount">How many references were stored with it.</param>
/// <param name="IngestedAt">When it was stored (UTC).</param>
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
/// <param name="Id">Store id of the claim.</param>
/// <param name="DocumentId">Store id of its document.</param>
/// <param name="Ordinal">Position of the claim among its document's claims, in text order.</param>
/// <param name="Claim">The claim as extracted.</param>
public sealed record StoredClaim(long Id, long DocumentId, int Ordinal, Claim Claim);

/// <summary>A stored reference: the CSL item as JSON text and where it was found.</summary>
/// <param name="Id">Store id.</param>
/// <param name="DocumentId">Store id of the citing document.</param>
/// <param name="EntryNumber">1-based number in the document's bibliography, when known.</param>
/// <param name="Span">Where the entry is in the document's text, when known.</param>
/// <param name="CslJsonText">The item as CSL-JSON text.</param>
/// <param name="DedupKey">The work's identity key (the same key the de-duplicator uses: DOI, else ISBN, else URL, else author-year-title).</param>
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

/// <summary>Where a stored link stands in review.</summary>
public enum ReviewStatus
{
    /// <summary>Not reviewed yet (every new link).</summary>
    Open,

    /// <summary>A reviewer confirmed the link.</summary>
    Accepted,

    /// <summary>A reviewer rejected the link; traces do not follow it.</summary>
    Rejected,
}

/// <summary>The names of <see cref="ReviewStatus"/> values in every output format and option ("open", "accepted", "rejected").</summary>
public static class ReviewStatusNames
{
    /// <summary>"open", "accepted" or "rejected".</summary>
    public static string ToName(this ReviewStatus status) => status switch
    {
        ReviewStatus.Accepted => "accepted",
        ReviewStatus.Rejected => "rejected",
        _ => "open",
    };

    /// <summary>The status a name written by <see cref="ToName"/> stands for; null for any other text.</summary>
    public static ReviewStatus? Parse(string? name) => name switch
    {
        "open" => ReviewStatus.Open,
        "accepted" => ReviewStatus.Accepted,
        "rejected" => ReviewStatus.Rejected,
        _ => null,
    };
}

/// <summary>A stored link between two claims (<see cref="ClaimA"/> &lt; <see cref="ClaimB"/>) with its review state.</summary>
/// <param name="Id">Store id of the link.</param>
/// <param name="ClaimA">Store id of the claim with the smaller id.</param>
/// <param name="ClaimB">Store id of the other claim.</param>
/// <param name="Type">The link type as detected.</param>
/// <param name="Score">The matcher's score when the link was made, 0 to 1.</param>
/// <param name="Evidence">Human-readable reasons (shared figures, names, words).</param>
/// <param name="Status">Review state.</param>
/// <param name="RelabelledType">The type a reviewer set, or null.</param>
/// <param name="ReviewedAt">When the last review decision was made (UTC), or null.</param>
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

    /// <summary>The claim on the other side of the link from <paramref name="claimId"/>.</summary>
    public long Other(long claimId) => claimId == ClaimA ? ClaimB : ClaimA;
}

/// <summary>A link with both claims and their documents, for the review UI.</summary>
/// <param name="Link">The link.</param>
/// <param name="A">The claim <see cref="StoredLink.ClaimA"/>.</param>
/// <param name="DocumentA">Its document.</param>
/// <param name="B">The claim <see cref="StoredLink.ClaimB"/>.</param>
/// <param name="DocumentB">Its document.</param>
public sealed record LinkDetail(StoredLink Link, StoredClaim A, StoredDocument DocumentA, StoredClaim B, StoredDocument DocumentB);

/// <summary>A claim found by a search, with its document.</summary>
/// <param name="Claim">The stored claim.</param>
/// <param name="Document">Its document.</param>
/// <param name="Rank">The negated BM25 score of the match: lower is better (both backends); compare only within one result list.</param>
public sealed record SearchHit(StoredClaim Claim, StoredDocument Document, double Rank);

/// <summary>Counts written by a run (stored in the runs table).</summary>
/// <param name="Documents">Documents stored by the run.</param>
/// <param name="Claims">Claims stored.</param>
/// <param name="Links">Links stored.</param>
/// <param name="Findings">Findings stored.</param>
public sealed record RunCounts(int Documents, int Claims, int Links, int Findings);

/// <summary>Row counts of a store.</summary>
/// <param name="Documents">Stored documents.</param>
/// <param name="References">Stored references.</param>
/// <param name="Claims">Stored claims.</param>
/// <param name="Links">Stored links, all review states.</param>
/// <param name="Findings">Stored verification findings.</param>
/// <param name="Runs">Recorded command runs.</param>
/// <param name="SchemaVersion">Schema migrations applied.</param>
public sealed record StoreStats(int Documents, int References, int Claims, int Links, int Findings, int Runs, int SchemaVersion);
