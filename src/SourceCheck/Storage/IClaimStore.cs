using SourceCheck.Claims;
using SourceCheck.Csl;

namespace SourceCheck.Storage;

/// <summary>The store contract the front door and the CLI use, with two backends: the embedded SQLite file
/// (<c>SourceCheckStore</c>, the default) and a PostgreSQL server for a team (<c>PostgresStore</c>), both in the
/// <c>SourceCheck.Storage</c> package.
/// Open one with <c>StoreLocation.Open</c>. An instance holds one connection and is not thread-safe.</summary>
public interface IClaimStore : IDisposable
{
    /// <summary>Where the store is, fit to print: the database file, or the server URI without its password.</summary>
    string Path { get; }

    /// <summary>How many schema migrations the database has.</summary>
    int SchemaVersion { get; }

    /// <summary>Runs <paramref name="work"/> as one transaction (everything written through this store commits together or not at all).</summary>
    T InTransaction<T>(Func<T> work);

    /// <summary>Stores a document with its references and claims in ONE transaction; the same content again writes nothing.</summary>
    IngestResult Ingest(DocumentInput document, IReadOnlyCollection<ReferenceInput>? references, IReadOnlyCollection<Claim>? claims);

    /// <summary>Stores a link between two stored claims (unique per unordered pair and type; keeps the review state).</summary>
    long AddLink(long claimA, long claimB, LinkType type, double score, IEnumerable<string>? evidence = null);

    /// <summary>Stores links named by claim ids (<see cref="IngestResult.ClaimIds"/>); unknown claims are skipped and counted.</summary>
    (IReadOnlyList<long> Ids, int Skipped) AddLinks(IEnumerable<ClaimLink> links, IReadOnlyDictionary<string, long> claimIds);

    /// <summary>Records a review decision with who made it (<paramref name="reviewer"/>; null keeps it unnamed) and when.</summary>
    bool SetReview(long linkId, ReviewStatus status, LinkType? relabel = null, string? reviewer = null);

    /// <summary>Sets the corrected type of a link without changing its status.</summary>
    bool Relabel(long linkId, LinkType type);

    int AddFindings(long? documentId, IEnumerable<FindingInput> findings, long? runId = null);

    long BeginRun(string command, IEnumerable<string> args);

    void FinishRun(long runId, RunCounts counts, int exitCode);

    StoreStats Stats();

    StoredDocument? GetDocument(long id);

    StoredDocument? FindDocument(string contentHash);

    IReadOnlyList<StoredDocument> ListDocuments();

    string? GetDocumentText(long id);

    StoredClaim? GetClaim(long id);

    IReadOnlyList<StoredClaim> GetClaims(long? documentId = null);

    IReadOnlyList<StoredReference> GetReferences(long documentId);

    StoredLink? GetLink(long id);

    IReadOnlyList<StoredLink> GetLinks(long claimId);

    IReadOnlyList<LinkDetail> ListLinks(ReviewStatus? status = null);

    /// <summary>Claims holding every salient term of <paramref name="query"/>, best first.</summary>
    IReadOnlyList<SearchHit> Search(string query, int limit = 20);

    /// <summary>Claims sharing any salient term with <paramref name="text"/>: the candidates a new claim is matched against.</summary>
    IReadOnlyList<SearchHit> SearchAny(string text, int limit = 10);

    StoredClaim? ClaimByReportId(string reportId);

    /// <summary>"Who said this first, and who repeated it" (chains ordered by date, from the seed claims found by their words or id).</summary>
    TraceResult Trace(string textOrClaimId, int maxDepth = 4, int seedLimit = 2000);

    IReadOnlyList<CslItem> AcceptedReferences();

    /// <summary>The last review decision on a pair of stored claims, or null.</summary>
    StoredLink? ReviewOf(long claimA, long claimB);
}
