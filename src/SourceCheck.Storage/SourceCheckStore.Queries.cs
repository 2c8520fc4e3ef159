using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SourceCheck.Claims;
using SourceCheck.Csl;

namespace SourceCheck.Storage;

internal sealed partial class SourceCheckStore
{
    private const string ClaimColumns = StoreRows.ClaimColumns;

    private const int ClaimColumnCount = StoreRows.ClaimColumnCount;

    private const string DocumentColumns = StoreRows.DocumentColumns;

    private const string LinkColumns = StoreRows.LinkColumns;

    /// <summary>The recursive trace query: claims whose words match (an FTS5 query over the rarest salient terms gives the
    /// candidates, kept when they contain enough of all the terms; no bm25 ranking: inclusion is decided by coverage), plus a given claim, plus — transitively — every claim linked to them
    /// by a link not rejected in review; ordered by document date, then ingest order.</summary>
    private const string TraceSql = $$"""
        WITH RECURSIVE
        seed(id) AS (
            SELECT f.rowid FROM claims_fts f
            WHERE claims_fts MATCH $match
            LIMIT $seedLimit
        ),
        scored(id, coverage) AS MATERIALIZED (
            SELECT c.id, sc_coverage(c.text, $terms) FROM seed s JOIN claims c ON c.id = s.id
        ),
        hits(id, coverage) AS (
            SELECT id, coverage FROM scored WHERE coverage >= $minCoverage
            UNION
            SELECT id, 1.0 FROM claims WHERE id = $claimId
        ),
        reach(id, depth, coverage) AS (
            SELECT id, 0, coverage FROM hits
            UNION
            SELECT CASE WHEN l.claim_a = r.id THEN l.claim_b ELSE l.claim_a END, r.depth + 1, NULL
            FROM reach r JOIN claim_links l ON l.claim_a = r.id OR l.claim_b = r.id
            WHERE r.depth < $maxDepth AND l.status <> 'rejected'
        ),
        found(id, depth, coverage) AS MATERIALIZED (
            SELECT id, min(depth), max(coverage) FROM reach GROUP BY id
        )
        SELECT
            {{ClaimColumns}},
            {{DocumentColumns}},
            f.depth, f.coverage
        FROM found f
        CROSS JOIN claims c ON c.id = f.id
        CROSS JOIN documents d ON d.id = c.document_id
        ORDER BY d.published IS NULL, d.published, d.id, c.span_start
        """;

    public StoreStats Stats()
    {
        using var cmd = Command("""
            SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM refs), (SELECT count(*) FROM claims),
                   (SELECT count(*) FROM claim_links), (SELECT count(*) FROM findings), (SELECT count(*) FROM runs)
            """, null);
        using var r = cmd.ExecuteReader();
        r.Read();
        return new StoreStats(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), SchemaVersion);
    }

    public StoredDocument? GetDocument(long id)
    {
        using var cmd = Command("SELECT " + DocumentColumns + " FROM documents d WHERE d.id = $id", null);
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadDocument(r, 0) : null;
    }

    public StoredDocument? FindDocument(string contentHash)
    {
        using var cmd = Command("SELECT " + DocumentColumns + " FROM documents d WHERE d.content_hash = $hash", null);
        cmd.Parameters.AddWithValue("$hash", contentHash);
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadDocument(r, 0) : null;
    }

    /// <summary>All documents, by date then ingest order.</summary>
    public IReadOnlyList<StoredDocument> ListDocuments()
    {
        using var cmd = Command("SELECT " + DocumentColumns + " FROM documents d ORDER BY d.published IS NULL, d.published, d.id", null);
        using var r = cmd.ExecuteReader();
        var list = new List<StoredDocument>();
        while (r.Read())
        {
            list.Add(ReadDocument(r, 0));
        }

        return list;
    }

    /// <summary>Distinct (outlet, host) pairs in order of first appearance (see <see cref="StoredOutlets"/> for the meaning):
    /// one row per pair instead of one per document.</summary>
    public IReadOnlyList<(string Outlet, string Address)> ListOutletAddresses()
    {
        using var cmd = Command("""
            SELECT outlet, host FROM (
                SELECT outlet, rn, lower(substr(tail, 1, instr(replace(replace(tail, '?', '/'), '#', '/') || '/', '/') - 1)) AS host
                FROM (
                    SELECT d.outlet AS outlet,
                           CASE WHEN lower(substr(d.source, 1, 7)) = 'http://' THEN substr(d.source, 8)
                                WHEN lower(substr(d.source, 1, 8)) = 'https://' THEN substr(d.source, 9) END AS tail,
                           ROW_NUMBER() OVER (ORDER BY d.published IS NULL, d.published, d.id) AS rn
                    FROM documents d
                    WHERE d.outlet IS NOT NULL AND length(d.outlet) BETWEEN 1 AND $max))
            WHERE host IS NOT NULL AND host <> ''
            GROUP BY outlet, host
            ORDER BY MIN(rn)
            """, null);
        cmd.Parameters.AddWithValue("$max", StoredOutlets.MaxOutletLength);
        using var r = cmd.ExecuteReader();
        var list = new List<(string, string)>();
        while (r.Read())
        {
            list.Add((r.GetString(0), "http://" + r.GetString(1)));
        }

        return list;
    }

    public string? GetDocumentText(long id)
    {
        using var cmd = Command("SELECT text FROM documents WHERE id = $id", null);
        cmd.Parameters.AddWithValue("$id", id);
        return cmd.ExecuteScalar() as string;
    }

    public StoredClaim? GetClaim(long id)
    {
        using var cmd = Command("SELECT " + ClaimColumns + " FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.id = $id", null);
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadClaim(r, 0) : null;
    }

    /// <summary>Claims of one document in document order, or of all documents when <paramref name="documentId"/> is null
    /// (e.g. to match new claims against what the store already holds).</summary>
    public IReadOnlyList<StoredClaim> GetClaims(long? documentId = null)
    {
        // two statements, not "$doc IS NULL OR c.document_id = $doc": SQLite plans that once for any value, as a scan of
        // every claim (EXPLAIN QUERY PLAN: SCAN c USING INDEX claims_document) — 1.15 M rows per document read at 100k
        using var cmd = Command("SELECT " + ClaimColumns + " FROM claims c JOIN documents d ON d.id = c.document_id"
            + (documentId is null ? string.Empty : " WHERE c.document_id = $doc")
            + " ORDER BY c.document_id, c.ordinal", null);
        if (documentId is not null)
        {
            cmd.Parameters.AddWithValue("$doc", documentId.Value);
        }

        using var r = cmd.ExecuteReader();
        var list = new List<StoredClaim>();
        while (r.Read())
        {
            list.Add(ReadClaim(r, 0));
        }

        return list;
    }

    public IReadOnlyList<StoredReference> GetReferences(long documentId)
    {
        using var cmd = Command("""
            SELECT id, document_id, entry_number, span_start, span_end, csl_json, dedup_key FROM refs
            WHERE document_id = $doc ORDER BY coalesce(entry_number, 2147483647), id
            """, null);
        cmd.Parameters.AddWithValue("$doc", documentId);
        return ReadReferences(cmd);
    }

    public StoredLink? GetLink(long id)
    {
        using var cmd = Command("SELECT " + LinkColumns + " FROM claim_links l WHERE l.id = $id", null);
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadLink(r, 0) : null;
    }

    /// <summary>Links of one claim (either side), strongest first.</summary>
    public IReadOnlyList<StoredLink> GetLinks(long claimId)
    {
        using var cmd = Command("SELECT " + LinkColumns + """
             FROM claim_links l WHERE l.claim_a = $id OR l.claim_b = $id ORDER BY l.score DESC, l.id
            """, null);
        cmd.Parameters.AddWithValue("$id", claimId);
        return ReadLinks(cmd);
    }

    /// <summary>Links (with both claims and documents) for review: only those with <paramref name="status"/>, or all when null; in id order.</summary>
    public IReadOnlyList<LinkDetail> ListLinks(ReviewStatus? status = null)
    {
        using var cmd = Command("SELECT " + LinkColumns + " FROM claim_links l WHERE $status IS NULL OR l.status = $status ORDER BY l.id", null);
        cmd.Parameters.AddWithValue("$status", Db(status?.ToName()));
        var links = ReadLinks(cmd);
        var claims = new Dictionary<long, StoredClaim?>();
        var documents = new Dictionary<long, StoredDocument?>();
        StoredClaim? Claim(long id)
        {
            if (!claims.TryGetValue(id, out var c))
            {
                claims[id] = c = GetClaim(id);
            }

            return c;
        }

        StoredDocument? Document(long id)
        {
            if (!documents.TryGetValue(id, out var d))
            {
                documents[id] = d = GetDocument(id);
            }

            return d;
        }

        var details = new List<LinkDetail>(links.Count);
        foreach (var link in links)
        {
            if (Claim(link.ClaimA) is { } a && Claim(link.ClaimB) is { } b && Document(a.DocumentId) is { } da && Document(b.DocumentId) is { } db)
            {
                details.Add(new LinkDetail(link, a, da, b, db));
            }
        }

        return details;
    }

    /// <summary>How many of the newest claims containing every term <see cref="Search"/> ranks. bm25 inside FTS5
    /// needs the merged position lists of every prefix term for every match, which costs tens of milliseconds
    /// when a query of common words matches a tenth of a large store; ranking the newest matches keeps a query
    /// a few milliseconds at any store size.</summary>
    public const int SearchRankWindow = 1000;

    /// <summary>Full-text search over claims (text, speaker, credited outlet): claims containing all salient terms of
    /// <paramref name="query"/> (German and English stop words dropped, light stemming, diacritics folded). Among the
    /// newest <see cref="SearchRankWindow"/> such claims, best first by BM25 (k1 1.2, b 0.75, summed over the three
    /// fields; every term weighs the same because every hit contains every term), newest first among equals.
    /// <see cref="SearchHit.Rank"/> is the negated score, so lower is better as with FTS5's rank.</summary>
    public IReadOnlyList<SearchHit> Search(string query, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(query);
        var terms = SearchTerms.Salient(query);
        if (terms.Count == 0 || limit <= 0)
        {
            return [];
        }

        // Stage 1: the newest matches in rowid order, no rank (FTS5 merges the prefix doclists once and stops early).
        var candidates = new List<(long Id, string?[] Fields)>();
        using (var cmd = Command("""
            SELECT c.id, c.text, c.speaker, c.reporting_outlet
            FROM (SELECT rowid AS id FROM claims_fts WHERE claims_fts MATCH $match ORDER BY rowid DESC LIMIT $window) f
            JOIN claims c ON c.id = f.id
            """, null))
        {
            cmd.Parameters.AddWithValue("$match", SearchTerms.AllQuery(terms));
            cmd.Parameters.AddWithValue("$window", SearchRankWindow);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                candidates.Add((r.GetInt64(0), [r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)]));
            }
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        // Stage 2: score in memory, then read the kept rows.
        var scores = SearchScoring.Bm25(candidates.Select(c => c.Fields).ToList(), terms);
        var top = Enumerable.Range(0, candidates.Count)
            .OrderByDescending(i => scores[i]).ThenByDescending(i => candidates[i].Id)
            .Take(limit)
            .Select(i => (candidates[i].Id, Score: scores[i]))
            .ToList();
        return HitsByIds([.. top.Select(t => (t.Id, -t.Score))]);
    }

    /// <summary>The stored claims <paramref name="ranked"/> names, with their documents, in that order and with that rank
    /// (ids no longer stored are left out).</summary>
    private List<SearchHit> HitsByIds(IReadOnlyList<(long Id, double Rank)> ranked)
    {
        var rows = new Dictionary<long, (StoredClaim, StoredDocument)>();
        using (var cmd = Command("SELECT " + ClaimColumns + ", " + DocumentColumns + " " + """
            FROM claims c JOIN documents d ON d.id = c.document_id
            WHERE c.id IN (SELECT value FROM json_each($ids))
            """, null))
        {
            cmd.Parameters.AddWithValue("$ids", IdsJson(ranked.Select(t => t.Id)));
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var claim = ReadClaim(r, 0);
                rows[claim.Id] = (claim, ReadDocument(r, ClaimColumnCount));
            }
        }

        var hits = new List<SearchHit>(ranked.Count);
        foreach (var (id, rank) in ranked)
        {
            if (rows.TryGetValue(id, out var row))
            {
                hits.Add(new SearchHit(row.Item1, row.Item2, rank));
            }
        }

        return hits;
    }

    /// <summary>Claims matching an FTS5 query, best bm25 rank first, read <see cref="SearchTerms.CandidateReadFactor"/>
    /// times as wide as <paramref name="limit"/> and thinned by <see cref="SearchTerms.Diverse{T}"/> (a few per stored
    /// document and per sentence shape). The wide read takes ids, document ids and ranks only; texts are read a batch of
    /// <paramref name="limit"/> hits at a time, only as far as <see cref="SearchTerms.Diverse{T}"/> asks for them (hits of
    /// a document already full never need one), and whole rows only for the kept hits.</summary>
    private List<SearchHit> SearchMatching(string match, int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        var ranked = RankedMatches(match, limit * SearchTerms.CandidateReadFactor);
        var texts = new Dictionary<long, string>();
        int readUpTo = 0;
        string TextAt(int index)
        {
            if (index >= readUpTo)
            {
                int end = Math.Min(ranked.Count, index + limit);
                ReadTexts(ranked.Skip(index).Take(end - index).Select(r => r.Id), texts);
                readUpTo = end;
            }

            return texts.GetValueOrDefault(ranked[index].Id, string.Empty);
        }

        var picked = SearchTerms.Diverse(Enumerable.Range(0, ranked.Count), i => ranked[i].Document, TextAt, limit);
        return HitsByIds([.. picked.Select(i => (ranked[i].Id, ranked[i].Rank))]);
    }

    /// <summary>The claims matching an FTS5 query with their document, best bm25 rank first, at most
    /// <paramref name="window"/> (no texts: see <see cref="ReadTexts"/>).</summary>
    private List<(long Id, long Document, double Rank)> RankedMatches(string match, int window)
    {
        using var cmd = Command("""
            SELECT f.id, c.document_id, f.rank
            FROM (SELECT rowid AS id, rank FROM claims_fts WHERE claims_fts MATCH $match ORDER BY rank LIMIT $window) f
            JOIN claims c ON c.id = f.id
            ORDER BY f.rank, c.id
            """, null);
        cmd.Parameters.AddWithValue("$match", match);
        cmd.Parameters.AddWithValue("$window", window);
        var rows = new List<(long, long, double)>(window);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            rows.Add((r.GetInt64(0), r.GetInt64(1), r.GetDouble(2)));
        }

        return rows;
    }

    /// <summary>Adds the text of each stored claim in <paramref name="ids"/> to <paramref name="texts"/> (one query).</summary>
    private void ReadTexts(IEnumerable<long> ids, Dictionary<long, string> texts)
    {
        using var cmd = Command("SELECT id, text FROM claims WHERE id IN (SELECT value FROM json_each($ids))", null);
        cmd.Parameters.AddWithValue("$ids", IdsJson(ids));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            texts[r.GetInt64(0)] = r.GetString(1);
        }
    }

    /// <summary>The most recently stored claim whose report id (the id <c>check</c> and <c>claims</c> print, e.g.
    /// "article.txt-c3") is <paramref name="reportId"/>, or null.</summary>
    public StoredClaim? ClaimByReportId(string reportId)
    {
        ArgumentNullException.ThrowIfNull(reportId);
        using var cmd = Command("SELECT id FROM claims WHERE external_id = $id ORDER BY id DESC LIMIT 1", null);
        cmd.Parameters.AddWithValue("$id", reportId);
        return cmd.ExecuteScalar() is long found ? GetClaim(found) : null;
    }

    /// <summary>"Who said this first, and who repeated it". <paramref name="textOrClaimId"/> is a claim's store id
    /// (digits, or "#12") or free text. Finds every stored claim that says it — claims containing most of the text's
    /// salient terms, the given claim, and transitively every claim linked to those by a link not rejected in review —
    /// and groups them into chains: speaker → channel → first outlet → later outlets ordered by document date.</summary>
    public TraceResult Trace(string textOrClaimId, int maxDepth = 4, int seedLimit = 2000)
    {
        ArgumentNullException.ThrowIfNull(textOrClaimId);
        string input = textOrClaimId.Trim();
        var (seedClaim, text) = TraceResult.ResolveInput(input, GetClaim, ClaimByReportId);

        var terms = SearchTerms.Salient(text, max: 12);
        if (terms.Count == 0 && seedClaim is null)
        {
            return new TraceResult(input, null, [], [], []);
        }

        // A claim holding at least `required` of the n terms misses at most n - required of them, so it holds at least
        // one of ANY n - required + 1 terms, and at least two of any n - required + 2. Matching pairs among the rarest
        // terms finds every candidate while touching few index entries (no bm25 over claims sharing one common word).
        int required = SearchTerms.RequiredTerms(terms.Count);
        var rarest = RarestFirst(terms);
        string match = required >= 2
            ? SearchTerms.AtLeastTwoQuery(rarest.Take(terms.Count - required + 2).ToList())
            : SearchTerms.AnyQuery(rarest.Take(terms.Count - required + 1));
        using var cmd = Command(TraceSql, null);
        // With no terms, a phrase that cannot occur keeps the FTS part empty (an empty MATCH is a syntax error).
        cmd.Parameters.AddWithValue("$match", terms.Count > 0 ? match : "\"sc0nothing0\"");
        cmd.Parameters.AddWithValue("$terms", SearchTerms.Encode(terms));
        cmd.Parameters.AddWithValue("$minCoverage", SearchTerms.MinimumCoverage(terms.Count));
        cmd.Parameters.AddWithValue("$claimId", Db(seedClaim));
        cmd.Parameters.AddWithValue("$maxDepth", maxDepth);
        cmd.Parameters.AddWithValue("$seedLimit", seedLimit);
        var rows = new List<(StoredClaim Claim, StoredDocument Document, int Depth, double? Coverage)>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                int at = ClaimColumnCount + 10;
                rows.Add((ReadClaim(r, 0), ReadDocument(r, ClaimColumnCount), r.GetInt32(at), r.IsDBNull(at + 1) ? null : r.GetDouble(at + 1)));
            }
        }

        return TraceResult.Build(input, seedClaim, terms, rows, LinksAmong(rows.Select(x => x.Claim.Id)));
    }

    /// <summary>The terms ordered by how many claims contain them (fewest first), from the index's term statistics.</summary>
    private List<SearchTerm> RarestFirst(IReadOnlyList<SearchTerm> terms) => [.. TermCounts(terms).Select(c => c.Term)];

    /// <summary>Each term with the number of claims containing it (a prefix term: the sum over the words it covers),
    /// fewest first, ties in the given order; exact counts from the index's term statistics (fts5vocab).</summary>
    private List<(SearchTerm Term, long Count)> TermCounts(IReadOnlyList<SearchTerm> terms)
    {
        using var cmd = Command("""
            SELECT coalesce(sum(doc), 0) FROM claims_fts_vocab WHERE term >= $term AND term <= $upper
            """, null);
        var pTerm = cmd.Parameters.Add("$term", SqliteType.Text);
        var pUpper = cmd.Parameters.Add("$upper", SqliteType.Text);
        var counts = new List<(SearchTerm Term, long Count, int Order)>();
        for (int i = 0; i < terms.Count; i++)
        {
            pTerm.Value = terms[i].Stem;
            pUpper.Value = terms[i].Prefix ? terms[i].Stem + "\uffff" : terms[i].Stem;
            counts.Add((terms[i], Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture), i));
        }

        return [.. counts.OrderBy(c => c.Count).ThenBy(c => c.Order).Select(c => (c.Term, c.Count))];
    }

    private List<StoredLink> LinksAmong(IEnumerable<long> claimIds)
    {
        string ids = IdsJson(claimIds);
        if (ids == "[]")
        {
            return [];
        }

        using var cmd = Command("SELECT " + LinkColumns + """
             FROM claim_links l
            WHERE l.claim_a IN (SELECT value FROM json_each($ids)) AND l.claim_b IN (SELECT value FROM json_each($ids))
            ORDER BY l.id
            """, null);
        cmd.Parameters.AddWithValue("$ids", ids);
        return ReadLinks(cmd);
    }

    /// <summary>The references of the documents on either side of accepted links, de-duplicated by normalised key
    /// (first occurrence wins), in key order; ids made unique.</summary>
    public IReadOnlyList<CslItem> AcceptedReferences()
    {
        using var cmd = Command("""
            SELECT r.id, r.document_id, r.entry_number, r.span_start, r.span_end, r.csl_json, r.dedup_key
            FROM refs r
            WHERE r.document_id IN (
                SELECT c.document_id FROM claim_links l JOIN claims c ON c.id = l.claim_a OR c.id = l.claim_b
                WHERE l.status = 'accepted')
            ORDER BY r.dedup_key, r.document_id, r.entry_number, r.id
            """, null);
        return UniqueItems(ReadReferences(cmd));
    }

    /// <summary>References de-duplicated by normalised key (first occurrence wins), ids made unique.</summary>
    internal static List<CslItem> UniqueItems(IEnumerable<StoredReference> references)
    {
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<CslItem>();
        foreach (var reference in references)
        {
            if (!seenKeys.Add(reference.DedupKey) || reference.Item is not { } item)
            {
                continue;
            }

            string baseId = item.Id;
            for (int n = 2; !seenIds.Add(item.Id); n++)
            {
                item.Id = baseId + "-" + n.ToString(CultureInfo.InvariantCulture);
            }

            items.Add(item);
        }

        return items;
    }

    // ---- readers ----

    private static StoredDocument ReadDocument(SqliteDataReader r, int o) => StoreRows.Document(r, o, Time);

    private static StoredClaim ReadClaim(SqliteDataReader r, int o) => StoreRows.Claim(r, o);

    private static StoredLink ReadLink(SqliteDataReader r, int o) => StoreRows.Link(r, o, Time);

    private static List<StoredLink> ReadLinks(SqliteCommand cmd) => StoreRows.Links(cmd, Time);

    private static List<StoredReference> ReadReferences(SqliteCommand cmd) => StoreRows.References(cmd);

    /// <summary>SQLite keeps times as ISO text.</summary>
    private static DateTimeOffset? Time(System.Data.Common.DbDataReader r, int i) =>
        StoreRows.Str(r, i) is { } at ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal) : null;

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
