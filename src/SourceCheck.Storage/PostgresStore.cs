using System.Data.Common;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using SourceCheck.Claims;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.Text;

namespace SourceCheck.Storage;

/// <summary>The PostgreSQL store: the same model and operations as the SQLite store (<see cref="SourceCheckStore"/>), on a
/// server a team shares. One instance holds one connection and is not thread-safe. Writers run at READ COMMITTED with
/// unique keys resolving races (<c>ON CONFLICT</c> on the content hash and on link pairs); a deadlock or serialization
/// failure re-runs the transaction (up to <see cref="MaxAttempts"/> times). Migrations run under an advisory lock. All SQL
/// is parameterised; every failure is a <see cref="StoreException"/> naming the server URI without its password.</summary>
internal sealed partial class PostgresStore : IClaimStore
{
    /// <summary>How often a transaction is tried when PostgreSQL aborts it for a deadlock or serialization failure.</summary>
    public const int MaxAttempts = 5;

    private readonly NpgsqlConnection _connection;
    private readonly TimeProvider _time;
    private NpgsqlTransaction? _outer;

    private PostgresStore(NpgsqlConnection connection, string display, TimeProvider time)
    {
        _connection = connection;
        Path = display;
        _time = time;
    }

    /// <summary>The server URI without its password.</summary>
    public string Path { get; }

    /// <summary>Whether <c>unaccent</c> folds diacritics (else a built-in table of common Latin letters does).</summary>
    public bool HasUnaccent { get; private set; }

    /// <summary>Whether <c>pg_trgm</c> is installed: candidates for matching are then re-ranked by trigram similarity too.</summary>
    public bool HasTrigrams { get; private set; }

    /// <summary>The server process serving this connection (benches read its CPU time).</summary>
    public int ServerProcessId => _connection.ProcessID;

    public int SchemaVersion => Convert.ToInt32(Scalar("SELECT coalesce(max(version), 0) FROM sc_schema_version"), CultureInfo.InvariantCulture);

    /// <summary>Connects to <paramref name="uri"/> (<c>postgresql://user@host:port/db</c>) and migrates the schema.
    /// The password comes from the URI, else <c>PGPASSWORD</c>, else the passfile (<c>PGPASSFILE</c>, <c>~/.pgpass</c>).</summary>
    /// <exception cref="StoreException">The server cannot be reached, refuses the login, or holds a newer schema.</exception>
    public static PostgresStore Open(string uri, TimeProvider? time = null, Func<string, string?>? getEnvironmentVariable = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        string display = StoreLocation.Display(uri);
        var builder = ConnectionString(uri, getEnvironmentVariable ?? Environment.GetEnvironmentVariable, display);
        var connection = new NpgsqlConnection(builder.ConnectionString);
        var store = new PostgresStore(connection, display, time ?? TimeProvider.System);
        try
        {
            connection.Open();
            // No JIT for this session: the trace's recursive CTE is estimated far above jit_above_cost, and compiling it
            // (inlining, optimisation, emission) took 625 of 686 ms of a trace at 100,000 claims that ran in 60 ms.
            // The store's statements are short index lookups, where JIT never pays off.
            store.Execute("SET jit = off");
            store.Migrate();
            store.HasUnaccent = store.HasExtension("unaccent");
            store.HasTrigrams = store.HasExtension("pg_trgm");
            return store;
        }
        catch (Exception ex) when (ex is DbException or TimeoutException or System.Net.Sockets.SocketException or IOException)
        {
            store.Dispose();
            throw Translate(ex, display);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>The Npgsql connection settings for a <c>postgresql://</c> URI: user, host, port, database, and the query
    /// parameters <c>host</c> (a unix socket folder), <c>port</c>, <c>sslmode</c>, <c>application_name</c>, <c>connect_timeout</c>.</summary>
    internal static NpgsqlConnectionStringBuilder ConnectionString(string uri, Func<string, string?> env, string display)
    {
        // "postgresql://user@/db?host=/run/postgresql": no host before the path (a unix socket folder in the query).
        string forParsing = System.Text.RegularExpressions.Regex.Replace(uri, "^([a-zA-Z]+://[^/?#]*@)(?=[/?#]|$)", "${1}localhost", System.Text.RegularExpressions.RegexOptions.None, RegexPolicy.Timeout);
        forParsing = System.Text.RegularExpressions.Regex.Replace(forParsing, "^([a-zA-Z]+://)(?=[/?#])", "${1}localhost", System.Text.RegularExpressions.RegexOptions.None, RegexPolicy.Timeout);
        if (!Uri.TryCreate(forParsing, UriKind.Absolute, out var parsed) || !StoreLocation.IsServer(uri))
        {
            throw new StoreException(DiagnosticCodes.StoreUnavailable, $"{display}: not a PostgreSQL URI (postgresql://user@host:port/database)");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = string.IsNullOrEmpty(parsed.Host) ? "localhost" : parsed.Host.Trim('[', ']'),
            Port = parsed.IsDefaultPort || parsed.Port <= 0 ? 5432 : parsed.Port,
            Pooling = false,
            Timeout = 10,
            CommandTimeout = 120,
            ApplicationName = "sourcecheck",
            Multiplexing = false,
        };
        string database = Uri.UnescapeDataString(parsed.AbsolutePath.TrimStart('/'));
        string[] userInfo = parsed.UserInfo.Split(':', 2);
        string user = Uri.UnescapeDataString(userInfo[0]);
        builder.Username = user.Length > 0 ? user : env("PGUSER") ?? env("USER") ?? Environment.UserName;
        builder.Database = database.Length > 0 ? database : builder.Username;
        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }
        else if (env("PGPASSWORD") is { Length: > 0 } password)
        {
            builder.Password = password;
        }
        else if (env("PGPASSFILE") is { Length: > 0 } passfile)
        {
            if (!File.Exists(passfile))
            {
                throw new StoreException(DiagnosticCodes.StoreUnavailable, $"{display}: PGPASSFILE names {passfile}, which does not exist");
            }

            builder.Passfile = passfile;
        }

        foreach (string pair in parsed.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] kv = pair.Split('=', 2);
            string key = Uri.UnescapeDataString(kv[0]);
            string value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : string.Empty;
            switch (key)
            {
                case "host":
                    builder.Host = value;
                    break;
                case "port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int port):
                    builder.Port = port;
                    break;
                case "sslmode" when Enum.TryParse<SslMode>(value, ignoreCase: true, out var mode):
                    builder.SslMode = mode;
                    break;
                case "application_name":
                    builder.ApplicationName = value;
                    break;
                case "connect_timeout" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds):
                    builder.Timeout = Math.Clamp(seconds, 1, 1024);
                    break;
                default:
                    throw new StoreException(DiagnosticCodes.StoreUnavailable,
                        $"{display}: unknown URI parameter '{key}' (known: host, port, sslmode, application_name, connect_timeout)");
            }
        }

        return builder;
    }

    /// <summary>A driver or network failure in SourceCheck's words with an SC6xxx code, naming the server without its password.</summary>
    internal static StoreException Translate(Exception ex, string display)
    {
        if (ex is StoreException store)
        {
            return store;
        }

        if (ex is PostgresException pg)
        {
            return pg.SqlState switch
            {
                "28P01" or "28000" => new StoreException(DiagnosticCodes.StoreUnavailable,
                    $"{display}: the server refused the login (set PGPASSWORD or a ~/.pgpass line for this user)", ex),
                "3D000" => new StoreException(DiagnosticCodes.StoreUnavailable, $"{display}: the database does not exist on the server (createdb it first)", ex),
                "42501" or "25006" => new StoreException(DiagnosticCodes.StoreReadOnly,
                    $"{display}: the database is read-only for this user (it may not create or change tables)", ex),
                "40001" or "40P01" or "55P03" => new StoreException(DiagnosticCodes.StoreBusy,
                    $"{display}: other writers kept conflicting with this one; nothing of the unfinished transaction was written — try again", ex),
                "53100" => new StoreException(DiagnosticCodes.StoreUnavailable, $"{display}: the server's disk is full", ex),
                "57P01" or "57P02" or "57P03" => new StoreException(DiagnosticCodes.StoreUnavailable,
                    $"{display}: the connection was lost (the server shut down, is starting, or ended the session); nothing of the unfinished transaction was written", ex),
                "XX001" or "XX002" => new StoreException(DiagnosticCodes.StoreCorrupt, $"{display}: the server reports damaged data", ex),
                _ => new StoreException(DiagnosticCodes.StoreUnavailable,
                    $"{display}: the database failed (PostgreSQL error {pg.SqlState}); nothing of the unfinished transaction was written", ex),
            };
        }

        if (ex is NpgsqlException { InnerException: null } npgsql && npgsql.Message.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            return new StoreException(DiagnosticCodes.StoreUnavailable,
                $"{display}: the server wants a password and none was given (set PGPASSWORD or a ~/.pgpass line; PGPASSFILE names another passfile)", ex);
        }

        bool connected = ex is NpgsqlException { InnerException: IOException or System.Net.Sockets.SocketException or TimeoutException } or IOException
            or System.Net.Sockets.SocketException or TimeoutException or NpgsqlException { IsTransient: true };
        return connected
            ? new StoreException(DiagnosticCodes.StoreUnavailable,
                $"{display}: cannot reach the PostgreSQL server or the connection was lost; nothing of the unfinished transaction was written", ex)
            : new StoreException(DiagnosticCodes.StoreUnavailable, $"{display}: the database failed ({ex.GetType().Name}); nothing of the unfinished transaction was written", ex);
    }

    /// <summary>A failure of the server or the connection (not a bug in the caller): a driver exception, a timeout, an
    /// I/O error, or the "connection is not open" that follows a lost connection.</summary>
    private bool IsDriverFailure(Exception ex) =>
        ex is DbException or TimeoutException or IOException
        || (ex is InvalidOperationException && _connection.FullState != System.Data.ConnectionState.Open);

    private static bool IsRetryable(Exception ex) => ex is PostgresException { SqlState: "40001" or "40P01" };

    private bool HasExtension(string name) =>
        Scalar("SELECT count(*) FROM pg_extension WHERE extname = @name", ("name", name)) is long n && n > 0;

    private void Migrate()
    {
        // The version table is created once (IF NOT EXISTS races are harmless under the advisory lock below).
        using var tx = _connection.BeginTransaction();
        Execute("SELECT pg_advisory_xact_lock(@key)", ("key", PostgresSchema.MigrationLock));
        Execute(PostgresSchema.VersionTable);
        int version = SchemaVersion;
        if (version > PostgresSchema.LatestVersion)
        {
            throw new StoreException(DiagnosticCodes.StoreSchemaTooNew,
                $"{Path}: schema version {version} is newer than this SourceCheck understands ({PostgresSchema.LatestVersion}); update SourceCheck");
        }

        if (version < 1)
        {
            Execute(PostgresSchema.V1Script);
            Record(1, "documents, references, claims, links with review state and reviewer, runs, findings");
        }

        if (version < 2)
        {
            // unaccent and pg_trgm are trusted extensions (a database owner may create them); without the privilege or
            // the contrib files the store falls back (diacritics by a fixed table; no trigram re-ranking) and says so in the description.
            bool unaccent = TryCreateExtension("unaccent");
            TryCreateExtension("pg_trgm");
            Execute(unaccent ? PostgresSchema.FoldWithUnaccent : PostgresSchema.FoldWithoutUnaccent);
            Execute(PostgresSchema.V2Script);
            Record(2, unaccent ? "full text (German/English/simple tsvector, GIN) with unaccent" : "full text (German/English/simple tsvector, GIN) WITHOUT unaccent: fixed diacritics table");
        }

        if (version < 3)
        {
            Execute(PostgresSchema.V3Script);
            Record(3, "claim text alone as a tsvector (GIN) for the trace's seeds");
        }

        if (version < 4)
        {
            Execute(PostgresSchema.V4Script);
            Record(4, "sc_words: exact claim counts per lexeme, kept by triggers (trace rarity, prefix terms as exact words)");
        }

        if (version < 5)
        {
            Execute(PostgresSchema.V5Script);
            Record(5, "speaker_candidate: the attribution rules' speaker where the reported one is unknown (matching reads it)");
        }

        tx.Commit();
    }

    private bool TryCreateExtension(string name)
    {
        Execute("SAVEPOINT sc_extension");
        try
        {
            // The name is one of two constants, never user input (CREATE EXTENSION takes no parameters).
            Execute("CREATE EXTENSION IF NOT EXISTS " + (name == "unaccent" ? "unaccent" : "pg_trgm") + " SCHEMA public");
            Execute("RELEASE SAVEPOINT sc_extension");
            return true;
        }
        catch (PostgresException)
        {
            Execute("ROLLBACK TO SAVEPOINT sc_extension");
            return false;
        }
    }

    private void Record(int version, string description) =>
        Execute("INSERT INTO sc_schema_version (version, description) VALUES (@v, @d)", ("v", version), ("d", description));

    /// <summary>Runs <paramref name="work"/> as one transaction. When PostgreSQL aborts it for a deadlock or a serialization
    /// failure with a concurrent writer, the transaction is rolled back and <paramref name="work"/> runs again (so it must
    /// only write through this store).</summary>
    public T InTransaction<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_outer is not null)
        {
            return work();
        }

        return Retry(() =>
        {
            using var tx = _connection.BeginTransaction();
            _outer = tx;
            try
            {
                T result = work();
                tx.Commit();
                return result;
            }
            finally
            {
                _outer = null;
            }
        });
    }

    /// <summary>Runs one transaction of its own (or joins the outer one, which retries as a whole).</summary>
    private T Write<T>(Func<T> work)
    {
        if (_outer is not null)
        {
            return work();
        }

        return Retry(() =>
        {
            using var tx = _connection.BeginTransaction();
            T result = work();
            tx.Commit();
            return result;
        });
    }

    private T Retry<T>(Func<T> attempt)
    {
        for (int n = 1; ; n++)
        {
            try
            {
                return attempt();
            }
            catch (Exception ex) when (IsRetryable(ex) && n < MaxAttempts)
            {
                Thread.Sleep(Random.Shared.Next(5, 20 * n));
            }
            catch (Exception ex) when (IsDriverFailure(ex))
            {
                throw Translate(ex, Path);
            }
        }
    }

    public IngestResult Ingest(DocumentInput document, IReadOnlyCollection<ReferenceInput>? references, IReadOnlyCollection<Claim>? claims)
    {
        ArgumentNullException.ThrowIfNull(document);
        var refs = references?.ToList() ?? [];
        var claimList = claims?.ToList() ?? [];
        string hash = document.ContentHash ?? DocumentInput.ContentHashOf(document.Text);
        return Write(() =>
        {
            // A concurrent writer of the same content waits on the unique key and then finds the committed row.
            object? inserted;
            using (var cmd = Command("""
                INSERT INTO documents (content_hash, source, title, outlet, published, language, text, claim_count, reference_count, ingested_at)
                VALUES (@hash, @source, @title, @outlet, @published, @language, @text, @claims, @refs, @at)
                ON CONFLICT (content_hash) DO NOTHING
                RETURNING id
                """))
            {
                Add(cmd, "hash", hash);
                Add(cmd, "source", document.Source);
                Add(cmd, "title", document.Title);
                Add(cmd, "outlet", document.Outlet);
                Add(cmd, "published", document.Date);
                Add(cmd, "language", document.Language);
                Add(cmd, "text", document.Text);
                Add(cmd, "claims", claimList.Count);
                Add(cmd, "refs", refs.Count);
                Add(cmd, "at", Now());
                inserted = cmd.ExecuteScalar();
            }

            if (inserted is not long documentId)
            {
                using var find = Command("SELECT id, claim_count, reference_count FROM documents WHERE content_hash = @hash");
                Add(find, "hash", hash);
                long existing;
                int claimCount, referenceCount;
                using (var r = find.ExecuteReader())
                {
                    r.Read();
                    (existing, claimCount, referenceCount) = (r.GetInt64(0), r.GetInt32(1), r.GetInt32(2));
                }

                return new IngestResult(existing, false, ClaimIdMap(existing), claimCount, referenceCount);
            }

            if (refs.Count > 0)
            {
                // One statement per document: arrays unnested in order.
                using var cmd = Command("""
                    INSERT INTO refs (document_id, entry_number, span_start, span_end, csl_json, dedup_key)
                    SELECT @doc, e, s, t, j, k FROM unnest(@entry, @start, @end, @json, @key) AS u(e, s, t, j, k)
                    """);
                Add(cmd, "doc", documentId);
                AddArray(cmd, "entry", refs.Select(r => r.EntryNumber).ToArray(), NpgsqlDbType.Integer);
                AddArray(cmd, "start", refs.Select(r => r.Span?.Start).ToArray(), NpgsqlDbType.Integer);
                AddArray(cmd, "end", refs.Select(r => r.Span?.End).ToArray(), NpgsqlDbType.Integer);
                AddArray(cmd, "json", refs.Select(r => CslJson.SerializeLine(r.Item)).ToArray(), NpgsqlDbType.Text);
                AddArray(cmd, "key", refs.Select(r => ReferenceKey.For(r.Item)).ToArray(), NpgsqlDbType.Text);
                cmd.ExecuteNonQuery();
            }

            var ids = new Dictionary<string, long>(StringComparer.Ordinal);
            if (claimList.Count > 0)
            {
                using var cmd = Command("""
                    INSERT INTO claims (document_id, ordinal, external_id, span_start, span_end, text, language, quote_kind,
                                        quoted_words, speaker, speaker_mention, channel, reporting_outlet, figures_json, text_terms, speaker_candidate)
                    SELECT @doc, u.n - 1, u.ext, u.s, u.e, u.txt, u.lang, u.q, u.qw, u.sp, u.sm, u.ch, u.ro, u.fig, u.terms, u.cand
                    FROM unnest(@ext, @start, @end, @text, @lang, @quote, @quoted, @speaker, @mention, @channel, @outlet, @figures, @terms, @candidate)
                         WITH ORDINALITY AS u(ext, s, e, txt, lang, q, qw, sp, sm, ch, ro, fig, terms, cand, n)
                    ORDER BY u.n
                    RETURNING id, ordinal
                    """);
                Add(cmd, "doc", documentId);
                AddArray(cmd, "ext", claimList.Select(c => (string?)c.Id).ToArray(), NpgsqlDbType.Text);
                AddArray(cmd, "start", claimList.Select(c => (int?)c.Span.Start).ToArray(), NpgsqlDbType.Integer);
                AddArray(cmd, "end", claimList.Select(c => (int?)c.Span.End).ToArray(), NpgsqlDbType.Integer);
                AddArray(cmd, "text", claimList.Select(c => (string?)c.Text).ToArray(), NpgsqlDbType.Text);
                AddArray(cmd, "lang", claimList.Select(c => c.Language).ToArray(), NpgsqlDbType.Text);
                AddArray(cmd, "quote", claimList.Select(c => (string?)SourceCheckStore.QuoteName(c.Quote)).ToArray(), NpgsqlDbType.Text);
                AddArray(cmd, "quoted", claimList.Select(c => c.QuotedWords).ToArray(), NpgsqlDbType.Text);
                AddArray(cmd, "speaker", claimList.Select(c => c.Speaker).ToArray(), NpgsqlDbType.Text);
                AddArray(cmd, "mention", claimList.Select(c => c.SpeakerMention).ToArray(), NpgsqlDbType.Text);
                AddArray(cmd, "channel", claimList.Select(c => c.Channel).ToArray(), NpgsqlDbType.Text);
                AddArray(cmd, "outlet", claimList.Select(c => c.ReportingOutlet).ToArray(), NpgsqlDbType.Text);
                AddArray(cmd, "figures", claimList.Select(c => (string?)SourceCheckStore.FiguresJson(c.Figures)).ToArray(), NpgsqlDbType.Text);
                AddArray(cmd, "terms", claimList.Select(c => (string?)string.Join(' ', SearchTerms.Tokens(c.Text))).ToArray(), NpgsqlDbType.Text);
                AddArray(cmd, "candidate", claimList.Select(StoreRows.StoredCandidate).ToArray(), NpgsqlDbType.Text);
                var byOrdinal = new long[claimList.Count];
                using (var r = cmd.ExecuteReader())
                {
                    while (r.Read())
                    {
                        byOrdinal[r.GetInt32(1)] = r.GetInt64(0);
                    }
                }

                for (int i = 0; i < claimList.Count; i++)
                {
                    ids.TryAdd(claimList[i].Id, byOrdinal[i]);
                }
            }

            return new IngestResult(documentId, true, ids, claimList.Count, refs.Count);
        });
    }

    private Dictionary<string, long> ClaimIdMap(long documentId)
    {
        var map = new Dictionary<string, long>(StringComparer.Ordinal);
        using var cmd = Command("SELECT id, coalesce(external_id, 'c' || id) FROM claims WHERE document_id = @doc ORDER BY ordinal");
        Add(cmd, "doc", documentId);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            map.TryAdd(r.GetString(1), r.GetInt64(0));
        }

        return map;
    }

    public long AddLink(long claimA, long claimB, LinkType type, double score, IEnumerable<string>? evidence = null)
    {
        var list = evidence?.ToList();
        return Write(() => InsertLink(claimA, claimB, type, score, list));
    }

    public (IReadOnlyList<long> Ids, int Skipped) AddLinks(IEnumerable<ClaimLink> links, IReadOnlyDictionary<string, long> claimIds)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(claimIds);
        var all = links.ToList();
        return Write<(IReadOnlyList<long>, int)>(() =>
        {
            var ids = new List<long>();
            int skipped = 0;
            foreach (var link in all)
            {
                if (!claimIds.TryGetValue(link.A.Id, out long a) || !claimIds.TryGetValue(link.B.Id, out long b) || a == b)
                {
                    skipped++;
                    continue;
                }

                ids.Add(InsertLink(a, b, link.Type, link.Score, link.Evidence));
            }

            return (ids, skipped);
        });
    }

    private long InsertLink(long claimA, long claimB, LinkType type, double score, IEnumerable<string>? evidence)
    {
        if (claimA == claimB)
        {
            throw new ArgumentException("a link needs two different claims", nameof(claimB));
        }

        (long a, long b) = claimA < claimB ? (claimA, claimB) : (claimB, claimA);
        using var cmd = Command("""
            INSERT INTO claim_links (claim_a, claim_b, type, score, evidence_json, created_at)
            VALUES (@a, @b, @type, @score, @evidence, @at)
            ON CONFLICT (claim_a, claim_b, type) DO UPDATE SET score = excluded.score, evidence_json = excluded.evidence_json
            RETURNING id
            """);
        Add(cmd, "a", a);
        Add(cmd, "b", b);
        Add(cmd, "type", type.ToName());
        Add(cmd, "score", score);
        Add(cmd, "evidence", SourceCheckStore.StringsJson(evidence ?? []));
        Add(cmd, "at", Now());
        return (long)cmd.ExecuteScalar()!;
    }

    public bool SetReview(long linkId, ReviewStatus status, LinkType? relabel = null, string? reviewer = null) => Write(() =>
    {
        using var cmd = Command("""
            UPDATE claim_links SET status = @status, relabelled_type = coalesce(@relabel, relabelled_type), reviewed_at = @at, reviewer = @reviewer
            WHERE id = @id
            """);
        Add(cmd, "status", status.ToName());
        Add(cmd, "relabel", relabel?.ToName());
        Add(cmd, "at", Now());
        Add(cmd, "reviewer", reviewer);
        Add(cmd, "id", linkId);
        return cmd.ExecuteNonQuery() == 1;
    });

    public bool Relabel(long linkId, LinkType type) => Write(() =>
    {
        using var cmd = Command("UPDATE claim_links SET relabelled_type = @type, reviewed_at = @at WHERE id = @id");
        Add(cmd, "type", type.ToName());
        Add(cmd, "at", Now());
        Add(cmd, "id", linkId);
        return cmd.ExecuteNonQuery() == 1;
    });

    public int AddFindings(long? documentId, IEnumerable<FindingInput> findings, long? runId = null)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var list = findings.ToList();
        if (list.Count == 0)
        {
            return 0;
        }

        return Write(() =>
        {
            using var cmd = Command("""
                INSERT INTO findings (document_id, run_id, reference_id, field, type, severity, cited, page, evidence, url, created_at)
                SELECT @doc, @run, r, f, t, s, c, p, e, u, @at FROM unnest(@ref, @field, @type, @severity, @cited, @page, @evidence, @url) AS x(r, f, t, s, c, p, e, u)
                """);
            AddId(cmd, "doc", documentId);
            AddId(cmd, "run", runId);
            Add(cmd, "at", Now());
            AddArray(cmd, "ref", list.Select(f => (string?)f.ReferenceId).ToArray(), NpgsqlDbType.Text);
            AddArray(cmd, "field", list.Select(f => (string?)f.Field).ToArray(), NpgsqlDbType.Text);
            AddArray(cmd, "type", list.Select(f => (string?)Verification.FindingKindNames.ToName(f.Type)).ToArray(), NpgsqlDbType.Text);
            AddArray(cmd, "severity", list.Select(f => (string?)Verification.FindingSeverityNames.ToName(f.Severity)).ToArray(), NpgsqlDbType.Text);
            AddArray(cmd, "cited", list.Select(f => f.Cited).ToArray(), NpgsqlDbType.Text);
            AddArray(cmd, "page", list.Select(f => f.Page).ToArray(), NpgsqlDbType.Text);
            AddArray(cmd, "evidence", list.Select(f => f.Evidence).ToArray(), NpgsqlDbType.Text);
            AddArray(cmd, "url", list.Select(f => f.Url).ToArray(), NpgsqlDbType.Text);
            return cmd.ExecuteNonQuery();
        });
    }

    public long BeginRun(string command, IEnumerable<string> args)
    {
        string json = SourceCheckStore.StringsJson(args);
        return Write(() =>
        {
            using var cmd = Command("INSERT INTO runs (command, args_json, started_at) VALUES (@command, @args, @at) RETURNING id");
            Add(cmd, "command", command);
            Add(cmd, "args", json);
            Add(cmd, "at", Now());
            return (long)cmd.ExecuteScalar()!;
        });
    }

    public void FinishRun(long runId, RunCounts counts, int exitCode)
    {
        ArgumentNullException.ThrowIfNull(counts);
        Write(() =>
        {
            using var cmd = Command("""
                UPDATE runs SET finished_at = @at, exit_code = @exit, documents = @docs, claims = @claims, links = @links, findings = @findings
                WHERE id = @id
                """);
            Add(cmd, "at", Now());
            Add(cmd, "exit", exitCode);
            Add(cmd, "docs", counts.Documents);
            Add(cmd, "claims", counts.Claims);
            Add(cmd, "links", counts.Links);
            Add(cmd, "findings", counts.Findings);
            Add(cmd, "id", runId);
            return cmd.ExecuteNonQuery();
        });
    }

    // ---- helpers ----

    private NpgsqlCommand Command(string sql) => new(sql, _connection, _outer);

    private void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql);
        foreach (var (name, value) in parameters)
        {
            Add(cmd, name, value);
        }

        cmd.ExecuteNonQuery();
    }

    private object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql);
        foreach (var (name, value) in parameters)
        {
            Add(cmd, name, value);
        }

        return cmd.ExecuteScalar();
    }

    private static void Add(NpgsqlCommand cmd, string name, object? value) =>
        cmd.Parameters.Add(value is null ? new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = DBNull.Value } : new NpgsqlParameter(name, value));

    private static void AddId(NpgsqlCommand cmd, string name, long? value) =>
        cmd.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Bigint) { Value = value is { } v ? v : DBNull.Value });

    private static void AddArray<T>(NpgsqlCommand cmd, string name, T[] values, NpgsqlDbType element) =>
        cmd.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | element) { Value = values });

    private DateTime Now() => _time.GetUtcNow().UtcDateTime;
}
