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

    /// <summary>Stores verification findings in one transaction and returns how many were written.
    /// <paramref name="documentId"/> is the citing document when known (null: findings not tied to a stored document);
    /// <paramref name="runId"/> the run from <see cref="BeginRun"/>, or null.</summary>
    int AddFindings(long? documentId, IEnumerable<FindingInput> findings, long? runId = null);

    /// <summary>Records the start of a command run (its name and arguments, with the current time) and returns the run's
    /// id, to pass to <see cref="FinishRun"/> and <see cref="AddFindings"/>.</summary>
    long BeginRun(string command, IEnumerable<string> args);

    /// <summary>Records the end of run <paramref name="runId"/>: its counts and the process exit code.</summary>
    void FinishRun(long runId, RunCounts counts, int exitCode);

    /// <summary>Row counts of the store (documents, references, claims, links, findings, runs) and its schema version.</summary>
    StoreStats Stats();

    /// <summary>The stored document with store id <paramref name="id"/>, or null when there is none.</summary>
    StoredDocument? GetDocument(long id);

    /// <summary>The stored document whose content hash (<see cref="DocumentInput.ContentHashOf"/>) is
    /// <paramref name="contentHash"/>, or null.</summary>
    StoredDocument? FindDocument(string contentHash);

    /// <summary>Every stored document (without its text), in store-id order. Reads one row per document: on a large
    /// archive prefer the targeted queries.</summary>
    IReadOnlyList<StoredDocument> ListDocuments();

    /// <summary>The distinct (outlet, site) pairs of the stored documents that name an outlet and came from a web address:
    /// <c>Address</c> is <c>http://</c> and the address's host (lower case), in the order each pair first appears in
    /// <see cref="ListDocuments"/>. One row per pair, so an archive of many articles from few outlets reads few rows
    /// (verification teaches its outlet table from these). The default reads <see cref="ListDocuments"/>; the shipped
    /// backends answer it with one query.</summary>
    IReadOnlyList<(string Outlet, string Address)> ListOutletAddresses() => StoredOutlets.Distinct(ListDocuments());

    /// <summary>The full text of stored document <paramref name="id"/>, or null when there is no such document.</summary>
    string? GetDocumentText(long id);

    /// <summary>The stored claim with store id <paramref name="id"/> (with its document's name and date), or null.</summary>
    StoredClaim? GetClaim(long id);

    /// <summary>The claims of document <paramref name="documentId"/> in text order, or every stored claim when it is null.</summary>
    IReadOnlyList<StoredClaim> GetClaims(long? documentId = null);

    /// <summary>The references of document <paramref name="documentId"/> in list order (empty when it has none or does not exist).</summary>
    IReadOnlyList<StoredReference> GetReferences(long documentId);

    /// <summary>The link with store id <paramref name="id"/> with its review state, or null.</summary>
    StoredLink? GetLink(long id);

    /// <summary>Every link that has claim <paramref name="claimId"/> on either side.</summary>
    IReadOnlyList<StoredLink> GetLinks(long claimId);

    /// <summary>Links with both claims' text and documents, for review; only those in <paramref name="status"/> when given.</summary>
    IReadOnlyList<LinkDetail> ListLinks(ReviewStatus? status = null);

    /// <summary>Claims holding every salient term of <paramref name="query"/>, best first.</summary>
    IReadOnlyList<SearchHit> Search(string query, int limit = 20);

    /// <summary>Claims sharing any salient term with <paramref name="text"/>: the candidates a new claim is matched against.</summary>
    IReadOnlyList<SearchHit> SearchAny(string text, int limit = 10);

    /// <summary>The most recently stored claim whose report id (the id <c>check</c> and <c>claims</c> print, e.g.
    /// "article.txt-c3") is <paramref name="reportId"/>, or null.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="reportId"/> is null.</exception>
    StoredClaim? ClaimByReportId(string reportId);

    /// <summary>"Who said this first, and who repeated it" (chains ordered by date, from the seed claims found by their words or id).</summary>
    TraceResult Trace(string textOrClaimId, int maxDepth = 4, int seedLimit = 2000);

    /// <summary>The references of the documents on either side of links accepted in review, de-duplicated by their
    /// normalised key (first occurrence wins), in key order, with ids made unique: a bibliography of what review confirmed.</summary>
    IReadOnlyList<CslItem> AcceptedReferences();

    /// <summary>The last review decision on a pair of stored claims, or null.</summary>
    StoredLink? ReviewOf(long claimA, long claimB);
}
