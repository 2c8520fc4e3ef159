using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SourceCheck.Claims;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;

namespace SourceCheck.Storage;

/// <summary>The SQLite store: documents, their references and claims, claim links with review state,
/// verification findings and runs. One instance holds one connection and is not thread-safe; open one per
/// thread or process (WAL mode and a busy timeout let several processes write to one file). Every
/// <see cref="Ingest"/> is one transaction: a crash or SIGKILL leaves either the whole document or nothing.</summary>
internal sealed partial class SourceCheckStore : IClaimStore
{
    /// <summary>How long a writer waits for another process's transaction before giving up.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(10);

    private static readonly Lazy<bool> NativeInit = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private SqliteTransaction? _outer;
    private IngestCommands? _ingest;
    private string? _coverageKey;
    private IReadOnlyList<SearchTerm> _coverageTerms = [];

    private SourceCheckStore(SqliteConnection connection, string path, TimeProvider time)
    {
        _connection = connection;
        Path = path;
        _time = time;
    }

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    public int SchemaVersion => (int)(long)Scalar("PRAGMA user_version")!;

    /// <summary>Opens (creating folders and the file when missing) and migrates the database to the latest schema.</summary>
    /// <exception cref="StoreException">The file is not an SQLite database, was written by a newer version, or cannot be created.</exception>
    public static SourceCheckStore Open(string path, TimeProvider? time = null) => Open(path, time, BusyTimeout);

    /// <summary>Files up to this size are checked with <c>PRAGMA quick_check</c> on every open (a few milliseconds);
    /// larger ones only when the header looks wrong or a write-ahead log was left behind by a run that did not finish.</summary>
    internal const long AlwaysCheckBytes = 32L << 20;

    internal static SourceCheckStore Open(string path, TimeProvider? time, TimeSpan busyTimeout)
    {
        _ = NativeInit.Value;
        string full = System.IO.Path.GetFullPath(path);
        try
        {
            string? dir = System.IO.Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreException(DiagnosticCodes.StoreUnavailable, $"{full}: cannot create the folder: {ex.Message}", ex);
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)busyTimeout.TotalSeconds * 3),
        };
        bool check = NeedsIntegrityCheck(full);
        var connection = new SqliteConnection(builder.ToString());
        var store = new SourceCheckStore(connection, full, time ?? TimeProvider.System);
        try
        {
            connection.Open();
            store.Execute("PRAGMA busy_timeout = " + ((long)busyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + ";");
            if (check)
            {
                store.QuickCheck();
            }

            store.Execute("PRAGMA journal_mode = WAL;");
            store.Execute("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY;");
            store.Migrate();
            connection.CreateFunction<string?, string, double>("sc_coverage", store.CoverageFunction, isDeterministic: true);
            return store;
        }
        catch (SqliteException ex)
        {
            store.Dispose();
            throw Translate(ex, full);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _ingest?.Dispose();
        _connection.Dispose();
    }

    /// <summary>A database failure (<see cref="System.Data.Common.DbException"/>, usually SQLite's) in SourceCheck's words
    /// with its SC6xxx code, never the driver's text: locked, read-only, damaged, not a database, cannot open, disk full.</summary>
    public static StoreException Translate(System.Data.Common.DbException ex, string? path)
    {
        ArgumentNullException.ThrowIfNull(ex);
        string where = string.IsNullOrEmpty(path) ? "the store" : path;
        int code = ex is SqliteException sqlite ? sqlite.SqliteErrorCode : ex.ErrorCode;
        return (code & 0xff) switch
        {
            26 => new StoreException(Diagnostics.DiagnosticCodes.StoreNotADatabase, $"{where}: not an SQLite database", ex),
            5 or 6 => new StoreException(Diagnostics.DiagnosticCodes.StoreBusy,
                $"{where}: the database stayed locked by another process for too long (another sourcecheck is writing; try again when it has finished)", ex),
            8 => new StoreException(Diagnostics.DiagnosticCodes.StoreReadOnly,
                $"{where}: the database is read-only (the file or its folder cannot be written; give --db a writable file)", ex),
            11 => new StoreException(Diagnostics.DiagnosticCodes.StoreCorrupt,
                $"{where}: the database is damaged; nothing more was written — restore a backup or move the file aside", ex),
            13 => new StoreException(Diagnostics.DiagnosticCodes.StoreUnavailable, $"{where}: the disk is full", ex),
            14 => new StoreException(Diagnostics.DiagnosticCodes.StoreUnavailable,
                $"{where}: cannot open the database file (a folder, or a file or folder that cannot be written)", ex),
            10 => new StoreException(Diagnostics.DiagnosticCodes.StoreUnavailable, $"{where}: reading or writing the database file failed", ex),
            _ => new StoreException(Diagnostics.DiagnosticCodes.StoreUnavailable,
                $"{where}: the database failed (SQLite error {code.ToString(System.Globalization.CultureInfo.InvariantCulture)})", ex),
        };
    }

    /// <summary>Whether to run <c>PRAGMA quick_check</c> before use: small files always, larger ones when the header
    /// looks wrong (page size, file length) or a non-empty write-ahead log is left (the last writer did not close cleanly).</summary>
    internal static bool NeedsIntegrityCheck(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length == 0)
        {
            return false;
        }

        if (info.Length <= AlwaysCheckBytes)
        {
            return true;
        }

        var wal = new FileInfo(path + "-wal");
        if (wal.Exists && wal.Length > 0)
        {
            return true;
        }

        try
        {
            Span<byte> header = stackalloc byte[100];
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                stream.ReadExactly(header);
            }

            int pageSize = (header[16] << 8) | header[17];
            pageSize = pageSize == 1 ? 65536 : pageSize;
            bool sizeOk = pageSize >= 512 && (pageSize & (pageSize - 1)) == 0 && info.Length % pageSize == 0;
            uint changeCounter = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header[24..]);
            uint pages = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header[28..]);
            uint validFor = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header[92..]);
            bool countOk = validFor != changeCounter || (sizeOk && pages == info.Length / pageSize);
            return !sizeOk || !countOk;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true; // SQLite will say what is wrong when it opens the file
        }
    }

    /// <summary>Refuses a damaged database before anything is written into it (SC6006).</summary>
    private void QuickCheck()
    {
        using var cmd = Command("PRAGMA quick_check(5)", null);
        using var reader = cmd.ExecuteReader();
        var problems = new List<string>();
        while (reader.Read())
        {
            string row = reader.GetString(0);
            if (!string.Equals(row, "ok", StringComparison.Ordinal))
            {
                problems.Add(row);
            }
        }

        if (problems.Count > 0)
        {
            throw new StoreException(DiagnosticCodes.StoreCorrupt,
                $"{Path}: the database is damaged ({string.Join("; ", problems)}); nothing was written — restore a backup or move the file aside");
        }
    }

    /// <summary>Runs <paramref name="work"/> as one transaction: every document, link, finding and the run row it writes
    /// through this store are committed together or not at all (a crash or kill mid-way leaves no part of the run).</summary>
    /// <exception cref="StoreException">The database failed (locked, read-only, damaged, full disk).</exception>
    public T InTransaction<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_outer is not null)
        {
            return work();
        }

        try
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
        }
        catch (SqliteException ex)
        {
            throw Translate(ex, Path);
        }
    }

    /// <summary>A transaction of its own, or the one <see cref="InTransaction{T}"/> holds (committed there).</summary>
    private TxScope Begin() => _outer is { } outer ? new TxScope(outer, false) : new TxScope(_connection.BeginTransaction(), true);

    private sealed class TxScope(SqliteTransaction transaction, bool owned) : IDisposable
    {
        public SqliteTransaction Transaction => transaction;

        public void Commit()
        {
            if (owned)
            {
                transaction.Commit();
            }
        }

        public void Dispose()
        {
            if (owned)
            {
                transaction.Dispose();
            }
        }
    }

    private void Migrate()
    {
        int version = SchemaVersion;
        if (version > StoreSchema.LatestVersion)
        {
            throw new StoreException(DiagnosticCodes.StoreSchemaTooNew,
                $"{Path}: schema version {version} is newer than this SourceCheck understands ({StoreSchema.LatestVersion}); update SourceCheck");
        }

        if (version == StoreSchema.LatestVersion)
        {
            return;
        }

        using var tx = _connection.BeginTransaction();
        version = (int)(long)Scalar("PRAGMA user_version", tx)!; // another process may have migrated while we waited for the write lock
        foreach (var step in StoreSchema.Migrations)
        {
            if (step.Version <= version)
            {
                continue;
            }

            using var cmd = Command(step.Sql, tx);
            cmd.ExecuteNonQuery();
            SetUserVersion(step.Version, tx);
        }

        tx.Commit();
    }

    private void SetUserVersion(int version, SqliteTransaction tx)
    {
        // PRAGMA takes no parameters; the value is an integer from the migration list, never user input.
        using var cmd = Command("PRAGMA user_version = " + version.ToString(CultureInfo.InvariantCulture) + ";", tx);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Stores a document with its references and claims in ONE transaction. Re-ingesting a document
    /// with the same content hash writes nothing and returns the existing id (<see cref="IngestResult.Created"/> false).</summary>
    public IngestResult Ingest(DocumentInput document, IReadOnlyCollection<ReferenceInput>? references, IReadOnlyCollection<Claim>? claims)
    {
        ArgumentNullException.ThrowIfNull(document);
        references ??= [];
        claims ??= [];
        string hash = document.ContentHash ?? DocumentInput.ContentHashOf(document.Text);
        var commands = _ingest ??= new IngestCommands(_connection);
        using var scope = Begin();
        var tx = scope.Transaction;
        commands.SetTransaction(tx);
        try
        {
            commands.FindHash.Value = hash;
            using (var reader = commands.Find.ExecuteReader())
            {
                if (reader.Read())
                {
                    long existing = reader.GetInt64(0);
                    int claimCount = reader.GetInt32(1);
                    int referenceCount = reader.GetInt32(2);
                    reader.Close();
                    var map = ClaimIdMap(existing, tx);
                    scope.Commit();
                    return new IngestResult(existing, false, map, claimCount, referenceCount);
                }
            }

            var d = commands.DocumentParameters;
            d[0].Value = hash;
            d[1].Value = document.Source;
            d[2].Value = Db(document.Title);
            d[3].Value = Db(document.Outlet);
            d[4].Value = Db(document.Date);
            d[5].Value = Db(document.Language);
            d[6].Value = document.Text;
            d[7].Value = claims.Count;
            d[8].Value = references.Count;
            d[9].Value = Now();
            long documentId = (long)commands.InsertDocument.ExecuteScalar()!;

            var r = commands.ReferenceParameters;
            foreach (var reference in references)
            {
                r[0].Value = documentId;
                r[1].Value = Db(reference.EntryNumber);
                r[2].Value = Db(reference.Span?.Start);
                r[3].Value = Db(reference.Span?.End);
                r[4].Value = CslJson.SerializeLine(reference.Item);
                r[5].Value = ReferenceKey.For(reference.Item);
                commands.InsertReference.ExecuteNonQuery();
            }

            var ids = new Dictionary<string, long>(StringComparer.Ordinal);
            var c = commands.ClaimParameters;
            int ordinal = 0;
            foreach (var claim in claims)
            {
                c[0].Value = documentId;
                c[1].Value = ordinal++;
                c[2].Value = Db(claim.Id);
                c[3].Value = claim.Span.Start;
                c[4].Value = claim.Span.End;
                c[5].Value = claim.Text;
                c[6].Value = Db(claim.Language);
                c[7].Value = QuoteName(claim.Quote);
                c[8].Value = Db(claim.QuotedWords);
                c[9].Value = Db(claim.Speaker);
                c[10].Value = Db(claim.SpeakerMention);
                c[11].Value = Db(claim.Channel);
                c[12].Value = Db(claim.ReportingOutlet);
                c[13].Value = FiguresJson(claim.Figures);
                c[14].Value = Db(StoreRows.StoredCandidate(claim));
                long id = (long)commands.InsertClaim.ExecuteScalar()!;
                ids.TryAdd(claim.Id, id);
            }

            scope.Commit();
            return new IngestResult(documentId, true, ids, claims.Count, references.Count);
        }
        finally
        {
            commands.SetTransaction(null);
        }
    }

    /// <summary>The ingest statements, prepared once per connection and reused for every document.</summary>
    private sealed class IngestCommands : IDisposable
    {
        public IngestCommands(SqliteConnection connection)
        {
            Find = Create(connection, "SELECT id, claim_count, reference_count FROM documents WHERE content_hash = $hash");
            FindHash = Find.Parameters.Add("$hash", SqliteType.Text);
            InsertDocument = Create(connection, """
                INSERT INTO documents (content_hash, source, title, outlet, published, language, text, claim_count, reference_count, ingested_at)
                VALUES ($hash, $source, $title, $outlet, $published, $language, $text, $claims, $refs, $at)
                RETURNING id
                """);
            DocumentParameters = Add(InsertDocument, "$hash", "$source", "$title", "$outlet", "$published", "$language", "$text", "$claims", "$refs", "$at");
            InsertReference = Create(connection, """
                INSERT INTO refs (document_id, entry_number, span_start, span_end, csl_json, dedup_key)
                VALUES ($doc, $entry, $start, $end, $json, $key)
                """);
            ReferenceParameters = Add(InsertReference, "$doc", "$entry", "$start", "$end", "$json", "$key");
            InsertClaim = Create(connection, """
                INSERT INTO claims (document_id, ordinal, external_id, span_start, span_end, text, language, quote_kind,
                                    quoted_words, speaker, speaker_mention, channel, reporting_outlet, figures_json, speaker_candidate)
                VALUES ($doc, $ordinal, $ext, $start, $end, $text, $language, $quote, $quoted, $speaker, $mention, $channel, $outlet, $figures, $candidate)
                RETURNING id
                """);
            ClaimParameters = Add(InsertClaim, "$doc", "$ordinal", "$ext", "$start", "$end", "$text", "$language", "$quote", "$quoted",
                "$speaker", "$mention", "$channel", "$outlet", "$figures", "$candidate");
        }

        public SqliteCommand Find { get; }

        public SqliteParameter FindHash { get; }

        public SqliteCommand InsertDocument { get; }

        public SqliteParameter[] DocumentParameters { get; }

        public SqliteCommand InsertReference { get; }

        public SqliteParameter[] ReferenceParameters { get; }

        public SqliteCommand InsertClaim { get; }

        public SqliteParameter[] ClaimParameters { get; }

        public void SetTransaction(SqliteTransaction? tx)
        {
            Find.Transaction = tx;
            InsertDocument.Transaction = tx;
            InsertReference.Transaction = tx;
            InsertClaim.Transaction = tx;
        }

        public void Dispose()
        {
            Find.Dispose();
            InsertDocument.Dispose();
            InsertReference.Dispose();
            InsertClaim.Dispose();
        }

        private static SqliteCommand Create(SqliteConnection connection, string sql)
        {
            var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            return cmd;
        }

        // No declared type: each value binds as what it is (integer, text or NULL).
        private static SqliteParameter[] Add(SqliteCommand cmd, params string[] names) =>
            [.. names.Select(n => cmd.Parameters.Add(new SqliteParameter { ParameterName = n }))];
    }

    private Dictionary<string, long> ClaimIdMap(long documentId, SqliteTransaction? tx)
    {
        var map = new Dictionary<string, long>(StringComparer.Ordinal);
        using var cmd = Command("SELECT id, coalesce(external_id, 'c' || id) FROM claims WHERE document_id = $doc ORDER BY ordinal", tx);
        cmd.Parameters.AddWithValue("$doc", documentId);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            map.TryAdd(reader.GetString(1), reader.GetInt64(0));
        }

        return map;
    }

    /// <summary>Stores a link between two stored claims. Links are unique on the unordered pair and type:
    /// storing the same link again updates its score and evidence, keeps its review state and returns its id.</summary>
    public long AddLink(long claimA, long claimB, LinkType type, double score, IEnumerable<string>? evidence = null)
    {
        using var scope = Begin();
        long id = AddLink(claimA, claimB, type, score, evidence, scope.Transaction);
        scope.Commit();
        return id;
    }

    /// <summary>Stores links whose claims are named by <see cref="Claim.Id"/> in <paramref name="claimIds"/>
    /// (merged <see cref="IngestResult.ClaimIds"/>), in one transaction. Links naming an unknown claim are
    /// skipped and counted in the result's second value.</summary>
    public (IReadOnlyList<long> Ids, int Skipped) AddLinks(IEnumerable<ClaimLink> links, IReadOnlyDictionary<string, long> claimIds)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(claimIds);
        var ids = new List<long>();
        int skipped = 0;
        using var scope = Begin();
        var tx = scope.Transaction;
        foreach (var link in links)
        {
            if (!claimIds.TryGetValue(link.A.Id, out long a) || !claimIds.TryGetValue(link.B.Id, out long b) || a == b)
            {
                skipped++;
                continue;
            }

            ids.Add(AddLink(a, b, link.Type, link.Score, link.Evidence, tx));
        }

        scope.Commit();
        return (ids, skipped);
    }

    private long AddLink(long claimA, long claimB, LinkType type, double score, IEnumerable<string>? evidence, SqliteTransaction tx)
    {
        if (claimA == claimB)
        {
            throw new ArgumentException("a link needs two different claims", nameof(claimB));
        }

        (long a, long b) = claimA < claimB ? (claimA, claimB) : (claimB, claimA);
        using var cmd = Command("""
            INSERT INTO claim_links (claim_a, claim_b, type, score, evidence_json, created_at)
            VALUES ($a, $b, $type, $score, $evidence, $at)
            ON CONFLICT (claim_a, claim_b, type) DO UPDATE SET score = excluded.score, evidence_json = excluded.evidence_json;
            SELECT id FROM claim_links WHERE claim_a = $a AND claim_b = $b AND type = $type;
            """, tx);
        cmd.Parameters.AddWithValue("$a", a);
        cmd.Parameters.AddWithValue("$b", b);
        cmd.Parameters.AddWithValue("$type", type.ToName());
        cmd.Parameters.AddWithValue("$score", score);
        cmd.Parameters.AddWithValue("$evidence", StringsJson(evidence ?? []));
        cmd.Parameters.AddWithValue("$at", Now());
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>Records a review decision (saved at once) with who made it and when. <paramref name="relabel"/> sets a
    /// corrected type; null keeps the previous relabel.</summary>
    public bool SetReview(long linkId, ReviewStatus status, LinkType? relabel = null, string? reviewer = null)
    {
        using var cmd = Command("""
            UPDATE claim_links SET status = $status, relabelled_type = coalesce($relabel, relabelled_type), reviewed_at = $at,
                                   reviewer = $reviewer
            WHERE id = $id
            """, null);
        cmd.Parameters.AddWithValue("$status", status.ToName());
        cmd.Parameters.AddWithValue("$reviewer", Db(reviewer));
        cmd.Parameters.AddWithValue("$relabel", Db(relabel?.ToName()));
        cmd.Parameters.AddWithValue("$at", Now());
        cmd.Parameters.AddWithValue("$id", linkId);
        return cmd.ExecuteNonQuery() == 1;
    }

    /// <summary>Sets the corrected type of a link without changing its status.</summary>
    public bool Relabel(long linkId, LinkType type)
    {
        using var cmd = Command("UPDATE claim_links SET relabelled_type = $type, reviewed_at = $at WHERE id = $id", null);
        cmd.Parameters.AddWithValue("$type", type.ToName());
        cmd.Parameters.AddWithValue("$at", Now());
        cmd.Parameters.AddWithValue("$id", linkId);
        return cmd.ExecuteNonQuery() == 1;
    }

    /// <summary>Stores verification findings (one transaction); <paramref name="documentId"/> is the citing document when known.</summary>
    public int AddFindings(long? documentId, IEnumerable<FindingInput> findings, long? runId = null)
    {
        ArgumentNullException.ThrowIfNull(findings);
        using var scope = Begin();
        var tx = scope.Transaction;
        using var cmd = Command("""
            INSERT INTO findings (document_id, run_id, reference_id, field, type, severity, cited, page, evidence, url, created_at)
            VALUES ($doc, $run, $ref, $field, $type, $severity, $cited, $page, $evidence, $url, $at)
            """, tx);
        int count = 0;
        foreach (var f in findings)
        {
            cmd.Parameters.Clear();
            cmd.Parameters.AddWithValue("$doc", Db(documentId));
            cmd.Parameters.AddWithValue("$run", Db(runId));
            cmd.Parameters.AddWithValue("$ref", f.ReferenceId);
            cmd.Parameters.AddWithValue("$field", f.Field);
            cmd.Parameters.AddWithValue("$type", Verification.FindingKindNames.ToName(f.Type));
            cmd.Parameters.AddWithValue("$severity", Verification.FindingSeverityNames.ToName(f.Severity));
            cmd.Parameters.AddWithValue("$cited", Db(f.Cited));
            cmd.Parameters.AddWithValue("$page", Db(f.Page));
            cmd.Parameters.AddWithValue("$evidence", Db(f.Evidence));
            cmd.Parameters.AddWithValue("$url", Db(f.Url));
            cmd.Parameters.AddWithValue("$at", Now());
            count += cmd.ExecuteNonQuery();
        }

        scope.Commit();
        return count;
    }

    /// <summary>Records the start of a command run; returns its id for <see cref="FinishRun"/>.</summary>
    public long BeginRun(string command, IEnumerable<string> args)
    {
        using var cmd = Command("INSERT INTO runs (command, args_json, started_at) VALUES ($command, $args, $at); SELECT last_insert_rowid();", null);
        cmd.Parameters.AddWithValue("$command", command);
        cmd.Parameters.AddWithValue("$args", StringsJson(args));
        cmd.Parameters.AddWithValue("$at", Now());
        return (long)cmd.ExecuteScalar()!;
    }

    public void FinishRun(long runId, RunCounts counts, int exitCode)
    {
        ArgumentNullException.ThrowIfNull(counts);
        using var cmd = Command("""
            UPDATE runs SET finished_at = $at, exit_code = $exit, documents = $docs, claims = $claims, links = $links, findings = $findings
            WHERE id = $id
            """, null);
        cmd.Parameters.AddWithValue("$at", Now());
        cmd.Parameters.AddWithValue("$exit", exitCode);
        cmd.Parameters.AddWithValue("$docs", counts.Documents);
        cmd.Parameters.AddWithValue("$claims", counts.Claims);
        cmd.Parameters.AddWithValue("$links", counts.Links);
        cmd.Parameters.AddWithValue("$findings", counts.Findings);
        cmd.Parameters.AddWithValue("$id", runId);
        cmd.ExecuteNonQuery();
    }

    // ---- helpers ----

    private SqliteCommand Command(string sql, SqliteTransaction? tx)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx ?? _outer;
        return cmd;
    }

    private void Execute(string sql)
    {
        using var cmd = Command(sql, null);
        cmd.ExecuteNonQuery();
    }

    private object? Scalar(string sql, SqliteTransaction? tx = null)
    {
        using var cmd = Command(sql, tx);
        return cmd.ExecuteScalar();
    }

    private string Now() => _time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static object Db(string? value) => value is null ? DBNull.Value : value;

    private static object Db(long? value) => value is null ? DBNull.Value : value.Value;

    private static object Db(int? value) => value is null ? DBNull.Value : value.Value;

    internal static string QuoteName(QuoteKind kind) => kind switch
    {
        QuoteKind.Direct => "direct",
        QuoteKind.Indirect => "indirect",
        _ => "none",
    };

    internal static QuoteKind ParseQuote(string? name) => name switch
    {
        "direct" => QuoteKind.Direct,
        "indirect" => QuoteKind.Indirect,
        _ => QuoteKind.None,
    };

    /// <summary>Store ids as a JSON array, for <c>json_each($ids)</c> parameters.</summary>
    internal static string IdsJson(IEnumerable<long> ids)
    {
        var array = new JsonArray();
        foreach (long id in ids)
        {
            array.Add((JsonNode)id);
        }

        return array.ToJsonString();
    }

    internal static string StringsJson(IEnumerable<string> values)
    {
        var array = new JsonArray();
        foreach (string v in values)
        {
            array.Add((JsonNode)v);
        }

        return array.ToJsonString();
    }

    internal static ImmutableArray<string> ParseStrings(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(json) is JsonArray array
                ? [.. array.Select(n => n is JsonValue v && v.TryGetValue(out string? s) ? s : n?.ToJsonString() ?? string.Empty)]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    internal static string FiguresJson(ImmutableArray<Figure> figures)
    {
        var array = new JsonArray();
        if (!figures.IsDefault)
        {
            foreach (var f in figures)
            {
                array.Add((JsonNode)new JsonObject
                {
                    ["text"] = f.Text,
                    ["value"] = f.Value,
                    ["value_max"] = f.ValueMax,
                    ["unit"] = f.Unit,
                    ["start"] = f.Span.Start,
                    ["length"] = f.Span.Length,
                });
            }
        }

        return array.ToJsonString();
    }

    internal static ImmutableArray<Figure> ParseFigures(string? json)
    {
        if (string.IsNullOrEmpty(json) || json == "[]")
        {
            return [];
        }

        try
        {
            if (JsonNode.Parse(json) is not JsonArray array)
            {
                return [];
            }

            var builder = ImmutableArray.CreateBuilder<Figure>(array.Count);
            foreach (var node in array.OfType<JsonObject>())
            {
                builder.Add(new Figure(
                    node["text"]?.GetValue<string>() ?? string.Empty,
                    node["value"]?.GetValue<double>() ?? 0,
                    node["value_max"]?.GetValue<double>(),
                    node["unit"]?.GetValue<string>(),
                    new Text.TextSpan(node["start"]?.GetValue<int>() ?? 0, node["length"]?.GetValue<int>() ?? 0)));
            }

            return builder.ToImmutable();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return [];
        }
    }

    private double CoverageFunction(string? text, string encodedTerms)
    {
        if (text is null)
        {
            return 0;
        }

        if (!string.Equals(_coverageKey, encodedTerms, StringComparison.Ordinal))
        {
            _coverageTerms = SearchTerms.Decode(encodedTerms);
            _coverageKey = encodedTerms;
        }

        return SearchTerms.Coverage(text, _coverageTerms);
    }
}
