using System.Collections.Immutable;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using SourceCheck.Claims;
using SourceCheck.Csl;

namespace SourceCheck.Storage;

internal sealed partial class PostgresStore
{
    private const string ClaimColumns = StoreRows.ClaimColumns;

    private const int ClaimColumnCount = StoreRows.ClaimColumnCount;

    private const string DocumentColumns = StoreRows.DocumentColumns;

    private const string LinkColumns = StoreRows.LinkColumns;

    /// <summary>The trace as one statement: seeds from the GIN index (pairs among the rarest-looking terms), each seed's
    /// coverage counted in SQL (how many of the per-term queries its claim words match, in <c>search_text</c>: the claim's own text),
    /// the given claim, and a recursive CTE following links not rejected in review; ordered by date, then ingest order.
    /// The per-term queries are parsed once (<c>q</c>), not once per seed and term; the seeds carry their tsvector so it
    /// is read once; each step of the recursion looks up both ends of a link through their own index (a lateral
    /// <c>UNION ALL</c> over <c>claim_a = id</c> and <c>claim_b = id</c>) instead of one join on an <c>OR</c>. The matches are
    /// a materialized CTE with the seed limit outside it: with the LIMIT inside, the planner expected the 2,000 rows early
    /// in a sequential scan and read the whole table when fewer matched (the CTE is still read lazily, so at most the
    /// limit's rows are fetched).</summary>
    private const string TraceSql = $$"""
        WITH RECURSIVE
        q(t) AS MATERIALIZED (
            SELECT to_tsquery('simple', x) FROM unnest(@terms::text[]) x
        ),
        matched(id, search_text) AS MATERIALIZED (
            SELECT c.id, c.search_text FROM claims c WHERE c.search_text @@ to_tsquery('simple', @match)
        ),
        scored(id, coverage) AS MATERIALIZED (
            SELECT s.id, (SELECT count(*) FROM q WHERE s.search_text @@ q.t)::float8 / @termCount
            FROM (SELECT * FROM matched LIMIT @seedLimit) s
        ),
        hits(id, coverage) AS (
            SELECT id, coverage FROM scored WHERE coverage >= @minCoverage
            UNION
            SELECT id, 1.0::float8 FROM claims WHERE id = @claimId
        ),
        reach(id, depth, coverage) AS (
            SELECT id, 0, coverage FROM hits
            UNION
            SELECT n.id, r.depth + 1, NULL::float8
            FROM reach r CROSS JOIN LATERAL (
                SELECT l.claim_b AS id FROM claim_links l WHERE l.claim_a = r.id AND l.status <> 'rejected'
                UNION ALL
                SELECT l.claim_a FROM claim_links l WHERE l.claim_b = r.id AND l.status <> 'rejected'
            ) n
            WHERE r.depth < @maxDepth
        ),
        found(id, depth, coverage) AS MATERIALIZED (
            SELECT id, min(depth), max(coverage) FROM reach GROUP BY id
        )
        SELECT
            {{ClaimColumns}},
            {{DocumentColumns}},
            f.depth, f.coverage
        FROM found f
        JOIN claims c ON c.id = f.id
        JOIN documents d ON d.id = c.document_id
        ORDER BY d.published IS NULL, d.published, d.id, c.span_start
        """;

    private StoreStats StatsCore()
    {
        using var cmd = Command("""
            SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM refs), (SELECT count(*) FROM claims),
                   (SELECT count(*) FROM claim_links), (SELECT count(*) FROM findings), (SELECT count(*) FROM runs)
            """);
        int version = SchemaVersion;
        using var r = cmd.ExecuteReader();
        r.Read();
        return new StoreStats((int)r.GetInt64(0), (int)r.GetInt64(1), (int)r.GetInt64(2), (int)r.GetInt64(3), (int)r.GetInt64(4), (int)r.GetInt64(5), version);
    }

    private StoredDocument? GetDocumentCore(long id)
    {
        using var cmd = Command("SELECT " + DocumentColumns + " FROM documents d WHERE d.id = @id");
        Add(cmd, "id", id);
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadDocument(r, 0) : null;
    }

    private StoredDocument? FindDocumentCore(string contentHash)
    {
        using var cmd = Command("SELECT " + DocumentColumns + " FROM documents d WHERE d.content_hash = @hash");
        Add(cmd, "hash", contentHash);
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadDocument(r, 0) : null;
    }

    private IReadOnlyList<StoredDocument> ListDocumentsCore()
    {
        using var cmd = Command("SELECT " + DocumentColumns + " FROM documents d ORDER BY d.published IS NULL, d.published, d.id");
        using var r = cmd.ExecuteReader();
        var list = new List<StoredDocument>();
        while (r.Read())
        {
            list.Add(ReadDocument(r, 0));
        }

        return list;
    }

    private IReadOnlyList<(string Outlet, string Address)> ListOutletAddressesCore()
    {
        using var cmd = Command("""
            SELECT outlet, host FROM (
                SELECT d.outlet AS outlet,
                       substring(lower(d.source) from '^https?://([^/?#]*)') AS host,
                       ROW_NUMBER() OVER (ORDER BY d.published IS NULL, d.published, d.id) AS rn
                FROM documents d
                WHERE d.outlet IS NOT NULL AND char_length(d.outlet) BETWEEN 1 AND @max) x
            WHERE host IS NOT NULL AND host <> ''
            GROUP BY outlet, host
            ORDER BY MIN(rn)
            """);
        Add(cmd, "max", StoredOutlets.MaxOutletLength);
        using var r = cmd.ExecuteReader();
        var list = new List<(string, string)>();
        while (r.Read())
        {
            list.Add((r.GetString(0), "http://" + r.GetString(1)));
        }

        return list;
    }

    private string? GetDocumentTextCore(long id)
    {
        using var cmd = Command("SELECT text FROM documents WHERE id = @id");
        Add(cmd, "id", id);
        return cmd.ExecuteScalar() as string;
    }

    private StoredClaim? GetClaimCore(long id)
    {
        using var cmd = Command("SELECT " + ClaimColumns + " FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.id = @id");
        Add(cmd, "id", id);
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadClaim(r, 0) : null;
    }

    private IReadOnlyList<StoredClaim> GetClaimsCore(long? documentId = null)
    {
        using var cmd = Command("SELECT " + ClaimColumns + """
             FROM claims c JOIN documents d ON d.id = c.document_id
            WHERE @doc::bigint IS NULL OR c.document_id = @doc
            ORDER BY c.document_id, c.ordinal
            """);
        AddId(cmd, "doc", documentId);
        using var r = cmd.ExecuteReader();
        var list = new List<StoredClaim>();
        while (r.Read())
        {
            list.Add(ReadClaim(r, 0));
        }

        return list;
    }

    private IReadOnlyList<StoredReference> GetReferencesCore(long documentId)
    {
        using var cmd = Command("""
            SELECT id, document_id, entry_number, span_start, span_end, csl_json, dedup_key FROM refs
            WHERE document_id = @doc ORDER BY coalesce(entry_number, 2147483647), id
            """);
        Add(cmd, "doc", documentId);
        return ReadReferences(cmd);
    }

    private StoredLink? GetLinkCore(long id)
    {
        using var cmd = Command("SELECT " + LinkColumns + " FROM claim_links l WHERE l.id = @id");
        Add(cmd, "id", id);
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadLink(r, 0) : null;
    }

    private IReadOnlyList<StoredLink> GetLinksCore(long claimId)
    {
        using var cmd = Command("SELECT " + LinkColumns + """
             FROM claim_links l WHERE l.claim_a = @id OR l.claim_b = @id ORDER BY l.score DESC, l.id
            """);
        Add(cmd, "id", claimId);
        return ReadLinks(cmd);
    }

    private static readonly string ClaimsA = StoreRows.ClaimColumnsAs("ca", "da"), DocumentsA = StoreRows.DocumentColumnsAs("da"),
        ClaimsB = StoreRows.ClaimColumnsAs("cb", "db"), DocumentsB = StoreRows.DocumentColumnsAs("db");

    private IReadOnlyList<LinkDetail> ListLinksCore(ReviewStatus? status = null)
    {
        using var cmd = Command($$"""
            SELECT {{LinkColumns}},
                   {{ClaimsA}}, {{DocumentsA}},
                   {{ClaimsB}}, {{DocumentsB}}
            FROM claim_links l
            JOIN claims ca ON ca.id = l.claim_a JOIN documents da ON da.id = ca.document_id
            JOIN claims cb ON cb.id = l.claim_b JOIN documents db ON db.id = cb.document_id
            WHERE @status::text IS NULL OR l.status = @status
            ORDER BY l.id
            """);
        Add(cmd, "status", status?.ToName());
        using var r = cmd.ExecuteReader();
        var details = new List<LinkDetail>();
        const int a = 10, da = a + ClaimColumnCount, b = da + 10, db = b + ClaimColumnCount;
        while (r.Read())
        {
            details.Add(new LinkDetail(ReadLink(r, 0), ReadClaim(r, a), ReadDocument(r, da), ReadClaim(r, b), ReadDocument(r, db)));
        }

        return details;
    }

    /// <summary>Same contract as <see cref="SourceCheckStore.Search"/>: the newest <see cref="SourceCheckStore.SearchRankWindow"/>
    /// claims holding every salient term (GIN over the generated tsvector; prefix terms as the exact words they stand for,
    /// see <see cref="TermWords"/>), ranked by the same in-memory BM25.</summary>
    private IReadOnlyList<SearchHit> SearchCore(string query, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(query);
        var terms = SearchTerms.Salient(query);
        if (terms.Count == 0 || limit <= 0)
        {
            return [];
        }

        var candidates = new List<(long Id, string?[] Fields)>();
        using (var cmd = Command("""
            SELECT c.id, c.text, c.speaker, c.reporting_outlet FROM claims c
            WHERE c.search @@ to_tsquery('simple', @match)
            ORDER BY c.id DESC LIMIT @window
            """))
        {
            Add(cmd, "match", string.Join(" & ", TermWords(terms, textOnly: false).Select(w => w.Match)));
            Add(cmd, "window", SourceCheckStore.SearchRankWindow);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                candidates.Add((r.GetInt64(0), [r.GetString(1), Str(r, 2), Str(r, 3)]));
            }
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        var scores = SearchScoring.Bm25(candidates.Select(c => c.Fields).ToList(), terms);
        var top = Enumerable.Range(0, candidates.Count)
            .OrderByDescending(i => scores[i]).ThenByDescending(i => candidates[i].Id)
            .Take(limit)
            .Select(i => (candidates[i].Id, Score: scores[i]))
            .ToList();
        var rows = ClaimsWithDocuments(top.Select(t => t.Id).ToArray());
        return [.. top.Where(t => rows.ContainsKey(t.Id)).Select(t => new SearchHit(rows[t.Id].Claim, rows[t.Id].Document, -t.Score))];
    }

    /// <summary>Candidates for matching: claims holding any salient term (SourceCheck's folded prefixes) or any of its
    /// German/English stems (the claim's language configuration), best first by <c>ts_rank</c> over both vectors
    /// (plus trigram similarity of the whole text when <c>pg_trgm</c> is installed).</summary>
    private IReadOnlyList<SearchHit> SearchAnyCore(string text, int limit = 10)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = SearchTerms.Salient(text);
        if (terms.Count == 0 || limit <= 0)
        {
            return [];
        }

        string any = string.Join(" | ", terms.Select(t => Lexeme(t, null)));
        string words = string.Join(" | ", terms.Select(t => Lexeme(t with { Prefix = false }, null)));
        string similarity = HasTrigrams ? " + similarity(c.text_terms, @folded)" : string.Empty;
        using var cmd = Command("""
            WITH q AS (SELECT to_tsquery('simple', @any) AS s, to_tsquery('german', @words) || to_tsquery('english', @words) AS l),
            hit AS (
                SELECT c.id, (ts_rank(c.search, q.s) + ts_rank(c.search_lang, q.l)
            """ + similarity + """
                )::float8 AS score
                FROM claims c, q
                WHERE c.search @@ q.s OR c.search_lang @@ q.l
                ORDER BY score DESC, c.id
                LIMIT @limit
            )
            SELECT hit.id, c.document_id, c.text, hit.score FROM hit JOIN claims c ON c.id = hit.id ORDER BY hit.score DESC, hit.id
            """);
        Add(cmd, "any", any);
        Add(cmd, "words", words);
        Add(cmd, "limit", limit * SearchTerms.CandidateReadFactor);
        if (HasTrigrams)
        {
            Add(cmd, "folded", string.Join(' ', SearchTerms.Tokens(text)));
        }

        var matches = new List<(long Id, long Document, string Text, double Score)>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                matches.Add((r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetDouble(3)));
            }
        }

        // a few per stored document and per sentence shape, as the SQLite store picks them
        var ranked = SearchTerms.Diverse(matches, m => m.Document, m => m.Text, limit);

        var rows = ClaimsWithDocuments(ranked.Select(x => x.Id).ToArray());
        return [.. ranked.Where(x => rows.ContainsKey(x.Id)).Select(x => new SearchHit(rows[x.Id].Claim, rows[x.Id].Document, -x.Score))];
    }

    private StoredClaim? ClaimByReportIdCore(string reportId)
    {
        ArgumentNullException.ThrowIfNull(reportId);
        using var cmd = Command("SELECT id FROM claims WHERE external_id = @id ORDER BY id DESC LIMIT 1");
        Add(cmd, "id", reportId);
        return cmd.ExecuteScalar() is long found ? GetClaim(found) : null;
    }

    /// <summary>Same contract as <see cref="SourceCheckStore.Trace"/>, in one recursive statement (<see cref="TraceSql"/>).
    /// The rarest terms come from the exact per-word claim counts of the claims' own words (<c>sc_words.text_claims</c>,
    /// schema v4; before v4 they came from the planner's sample of the most common lexemes, which called a common prefix
    /// term such as a speaker's name rare); among equals, longer stems first. The seeds' GIN lookup gets prefix terms as
    /// the exact words they stand for (<see cref="TermWords"/>).</summary>
    private TraceResult TraceCore(string textOrClaimId, int maxDepth = 4, int seedLimit = 2000)
    {
        ArgumentNullException.ThrowIfNull(textOrClaimId);
        string input = textOrClaimId.Trim();
        var (seedClaim, text) = TraceResult.ResolveInput(input, GetClaim, ClaimByReportId);

        var terms = SearchTerms.Salient(text, max: 12);
        if (terms.Count == 0 && seedClaim is null)
        {
            return new TraceResult(input, null, [], [], []);
        }

        int required = SearchTerms.RequiredTerms(terms.Count);
        EnsureStatistics();
        var words = TermWords(terms, textOnly: true);
        var rarest = Enumerable.Range(0, terms.Count)
            .OrderBy(i => words[i].Claims).ThenByDescending(i => terms[i].Stem.Length).ThenBy(i => i)
            .Select(i => words[i].Match).ToList();
        string match;
        if (terms.Count == 0)
        {
            match = "'sc0nothing0'";
        }
        else if (required >= 2)
        {
            var pick = rarest.Take(terms.Count - required + 2).ToList();
            var pairs = new List<string>();
            for (int i = 0; i < pick.Count; i++)
            {
                for (int j = i + 1; j < pick.Count; j++)
                {
                    pairs.Add("(" + pick[i] + " & " + pick[j] + ")");
                }
            }

            match = string.Join(" | ", pairs);
        }
        else
        {
            match = string.Join(" | ", rarest.Take(terms.Count - required + 1));
        }

        using var cmd = Command(TraceSql);
        Add(cmd, "match", match);
        AddArray(cmd, "terms", terms.Select(t => (string?)Lexeme(t, null)).ToArray(), NpgsqlDbType.Text);
        Add(cmd, "termCount", (double)Math.Max(1, terms.Count));
        Add(cmd, "minCoverage", SearchTerms.MinimumCoverage(terms.Count));
        AddId(cmd, "claimId", seedClaim);
        Add(cmd, "maxDepth", maxDepth);
        Add(cmd, "seedLimit", seedLimit);
        var rows = new List<(StoredClaim Claim, StoredDocument Document, int Depth, double? Coverage)>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                int at = ClaimColumnCount + 10;
                rows.Add((ReadClaim(r, 0), ReadDocument(r, ClaimColumnCount), r.GetInt32(at), r.IsDBNull(at + 1) ? null : r.GetDouble(at + 1)));
            }
        }

        return TraceResult.Build(input, seedClaim, terms, rows, LinksAmong(rows.Select(x => x.Claim.Id).ToArray()));
    }

    /// <summary>Most words a prefix term is expanded to; a prefix standing for more is sent to GIN as a prefix and counts as common.</summary>
    private const int MaxPrefixWords = 64;

    private bool _statisticsChecked;

    /// <summary>Once per store: statistics older than half the claims are refreshed (ANALYZE samples the table: well under
    /// a second), so the planner's estimates for the GIN lookups are not those of an empty table after a bulk load;
    /// autovacuum does the same on its own schedule, which a busy server or a fresh bulk load may not have reached.</summary>
    private void EnsureStatistics()
    {
        if (_statisticsChecked)
        {
            return;
        }

        using (var stale = Command("""
            SELECT n_live_tup, n_mod_since_analyze FROM pg_stat_user_tables WHERE relid = 'claims'::regclass
            """))
        using (var r = stale.ExecuteReader())
        {
            bool analyze = r.Read() && r.GetInt64(1) > Math.Max(1000, r.GetInt64(0) / 2);
            r.Close();
            if (analyze)
            {
                Execute("ANALYZE claims");
            }
        }

        _statisticsChecked = true;
    }

    /// <summary>For each term, the exact number of claims holding it and the tsquery text to give GIN, from <c>sc_words</c>
    /// (schema v4) — in one statement for all terms. <paramref name="textOnly"/>: counts over the claims' own words
    /// (<c>search_text</c>, the trace) rather than the search column with speaker and outlet (<c>search</c>). A whole word
    /// counts its own claims; a prefix term sums the words it stands for and, when they are at most
    /// <see cref="MaxPrefixWords"/>, is written as those words (<c>('nadella' | 'nadellas')</c>: same matches, but GIN
    /// intersects exact words by skipping through their posting lists, where a prefix makes it read every matching word's
    /// whole list first); a prefix standing for more words stays a prefix and counts as most common.</summary>
    private List<(long Claims, string Match)> TermWords(IReadOnlyList<SearchTerm> terms, bool textOnly)
    {
        var result = terms.Select(t => (Claims: 0L, Match: Lexeme(t, null))).ToList();
        if (terms.Count == 0)
        {
            return result;
        }

        string last = char.ConvertFromUtf32(0x10FFFF);
        using var cmd = Command("""
            SELECT t.i::int, x.word, x.text_claims, x.all_claims
            FROM unnest(@lo::text[], @hi::text[]) WITH ORDINALITY AS t(lo, hi, i)
            CROSS JOIN LATERAL (
                SELECT w.word, w.text_claims, w.all_claims FROM sc_words w
                WHERE w.word >= t.lo COLLATE "C" AND w.word <= t.hi COLLATE "C"
                ORDER BY w.word
                LIMIT @cap
            ) x
            ORDER BY t.i, x.word
            """);
        AddArray(cmd, "lo", terms.Select(t => (string?)t.Stem).ToArray(), NpgsqlDbType.Text);
        AddArray(cmd, "hi", terms.Select(t => (string?)(t.Prefix ? t.Stem + last : t.Stem)).ToArray(), NpgsqlDbType.Text);
        Add(cmd, "cap", MaxPrefixWords + 1);
        var found = terms.Select(_ => new List<(string Word, long Claims)>()).ToList();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                long claims = textOnly ? r.GetInt64(2) : r.GetInt64(3);
                found[r.GetInt32(0) - 1].Add((r.GetString(1), claims));
            }
        }

        for (int i = 0; i < terms.Count; i++)
        {
            var held = found[i].Where(w => w.Claims > 0).ToList();
            if (found[i].Count > MaxPrefixWords)
            {
                result[i] = (long.MaxValue, result[i].Match);
            }
            else if (!terms[i].Prefix || held.Count == 0)
            {
                result[i] = (held.Sum(w => w.Claims), result[i].Match);
            }
            else
            {
                result[i] = (held.Sum(w => w.Claims),
                    "(" + string.Join(" | ", held.Select(w => Lexeme(new SearchTerm(w.Word, Prefix: false), null))) + ")");
            }
        }

        return result;
    }

    private List<StoredLink> LinksAmong(long[] ids)
    {
        if (ids.Length == 0)
        {
            return [];
        }

        using var cmd = Command("SELECT " + LinkColumns + """
             FROM claim_links l WHERE l.claim_a = ANY(@ids) AND l.claim_b = ANY(@ids) ORDER BY l.id
            """);
        cmd.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = ids });
        return ReadLinks(cmd);
    }

    private IReadOnlyList<CslItem> AcceptedReferencesCore()
    {
        using var cmd = Command("""
            SELECT r.id, r.document_id, r.entry_number, r.span_start, r.span_end, r.csl_json, r.dedup_key
            FROM refs r
            WHERE r.document_id IN (
                SELECT c.document_id FROM claim_links l JOIN claims c ON c.id = l.claim_a OR c.id = l.claim_b
                WHERE l.status = 'accepted')
            ORDER BY r.dedup_key COLLATE "C", r.document_id, r.entry_number, r.id
            """);
        return SourceCheckStore.UniqueItems(ReadReferences(cmd));
    }

    public StoredLink? ReviewOf(long claimA, long claimB) => SourceCheckStore.LastDecision(GetLinks(claimA), claimA, claimB);

    // Reads outside a write: a lost connection or server error becomes a StoreException naming the server (no password).
    public StoreStats Stats() => Guard(() => StatsCore());

    public StoredDocument? GetDocument(long id) => Guard(() => GetDocumentCore(id));

    public StoredDocument? FindDocument(string contentHash) => Guard(() => FindDocumentCore(contentHash));

    public IReadOnlyList<StoredDocument> ListDocuments() => Guard(() => ListDocumentsCore());

    public IReadOnlyList<(string Outlet, string Address)> ListOutletAddresses() => Guard(() => ListOutletAddressesCore());

    public string? GetDocumentText(long id) => Guard(() => GetDocumentTextCore(id));

    public StoredClaim? GetClaim(long id) => Guard(() => GetClaimCore(id));

    public IReadOnlyList<StoredClaim> GetClaims(long? documentId = null) => Guard(() => GetClaimsCore(documentId));

    public IReadOnlyList<StoredReference> GetReferences(long documentId) => Guard(() => GetReferencesCore(documentId));

    public StoredLink? GetLink(long id) => Guard(() => GetLinkCore(id));

    public IReadOnlyList<StoredLink> GetLinks(long claimId) => Guard(() => GetLinksCore(claimId));

    public IReadOnlyList<LinkDetail> ListLinks(ReviewStatus? status = null) => Guard(() => ListLinksCore(status));

    public IReadOnlyList<SearchHit> Search(string query, int limit = 20) => Guard(() => SearchCore(query, limit));

    public IReadOnlyList<SearchHit> SearchAny(string text, int limit = 10) => Guard(() => SearchAnyCore(text, limit));

    public StoredClaim? ClaimByReportId(string reportId) => Guard(() => ClaimByReportIdCore(reportId));

    public TraceResult Trace(string textOrClaimId, int maxDepth = 4, int seedLimit = 2000) => Guard(() => TraceCore(textOrClaimId, maxDepth, seedLimit));

    public IReadOnlyList<CslItem> AcceptedReferences() => Guard(() => AcceptedReferencesCore());

    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (IsDriverFailure(ex))
        {
            throw Translate(ex, Path);
        }
    }

    private Dictionary<long, (StoredClaim Claim, StoredDocument Document)> ClaimsWithDocuments(long[] ids)
    {
        var rows = new Dictionary<long, (StoredClaim, StoredDocument)>();
        if (ids.Length == 0)
        {
            return rows;
        }

        using var cmd = Command("SELECT " + ClaimColumns + ", " + DocumentColumns + """
             FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.id = ANY(@ids)
            """);
        cmd.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = ids });
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var claim = ReadClaim(r, 0);
            rows[claim.Id] = (claim, ReadDocument(r, ClaimColumnCount));
        }

        return rows;
    }

    /// <summary>A search term as a tsquery operand: quoted lexeme, <c>:*</c> for a prefix, an optional weight (A = claim text).</summary>
    private static string Lexeme(SearchTerm term, char? weight)
    {
        string quoted = "'" + term.Stem.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
        string suffix = (term.Prefix ? "*" : string.Empty) + (weight is { } w ? w.ToString() : string.Empty);
        return suffix.Length == 0 ? quoted : quoted + ":" + suffix;
    }

    // ---- readers ----

    private static StoredDocument ReadDocument(NpgsqlDataReader r, int o) => StoreRows.Document(r, o, Time);

    private static StoredClaim ReadClaim(NpgsqlDataReader r, int o) => StoreRows.Claim(r, o);

    private static StoredLink ReadLink(NpgsqlDataReader r, int o) => StoreRows.Link(r, o, Time);

    private static List<StoredLink> ReadLinks(NpgsqlCommand cmd) => StoreRows.Links(cmd, Time);

    private static List<StoredReference> ReadReferences(NpgsqlCommand cmd) => StoreRows.References(cmd);

    /// <summary>PostgreSQL keeps times as timestamps (UTC).</summary>
    private static DateTimeOffset? Time(System.Data.Common.DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc));

    private static string? Str(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
