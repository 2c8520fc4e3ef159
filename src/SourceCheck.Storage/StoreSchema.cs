namespace SourceCheck.Storage;

/// <summary>One forward migration: applying <see cref="Sql"/> to a database at version <c>Version - 1</c>
/// brings it to <see cref="Version"/>.</summary>
internal sealed record Migration(int Version, string Description, string Sql);

/// <summary>The schema as an ordered list of forward migrations. The database's <c>PRAGMA user_version</c>
/// says how many have been applied; opening a store applies the missing ones in one transaction.
/// Never edit a released step: add a new one.</summary>
internal static class StoreSchema
{
    /// <summary>Version 1: documents, references, claims, links, runs (no full-text search, no review state).</summary>
    public const string V1Script = """
        CREATE TABLE documents (
            id              INTEGER PRIMARY KEY,
            content_hash    TEXT    NOT NULL UNIQUE,
            source          TEXT    NOT NULL,
            title           TEXT,
            outlet          TEXT,
            published       TEXT,
            language        TEXT,
            text            TEXT    NOT NULL,
            claim_count     INTEGER NOT NULL DEFAULT 0,
            reference_count INTEGER NOT NULL DEFAULT 0,
            ingested_at     TEXT    NOT NULL
        );
        CREATE INDEX documents_published ON documents(published, id);

        CREATE TABLE refs (
            id           INTEGER PRIMARY KEY,
            document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            entry_number INTEGER,
            span_start   INTEGER,
            span_end     INTEGER,
            csl_json     TEXT    NOT NULL,
            dedup_key    TEXT    NOT NULL
        );
        CREATE INDEX refs_document ON refs(document_id);
        CREATE INDEX refs_dedup_key ON refs(dedup_key);

        CREATE TABLE claims (
            id               INTEGER PRIMARY KEY,
            document_id      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal          INTEGER NOT NULL,
            external_id      TEXT,
            span_start       INTEGER NOT NULL,
            span_end         INTEGER NOT NULL,
            text             TEXT    NOT NULL,
            language         TEXT,
            quote_kind       TEXT    NOT NULL DEFAULT 'none',
            quoted_words     TEXT,
            speaker          TEXT,
            speaker_mention  TEXT,
            channel          TEXT,
            reporting_outlet TEXT,
            figures_json     TEXT    NOT NULL DEFAULT '[]'
        );
        CREATE INDEX claims_document ON claims(document_id, ordinal);

        CREATE TABLE claim_links (
            id            INTEGER PRIMARY KEY,
            claim_a       INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            claim_b       INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            type          TEXT    NOT NULL,
            score         REAL    NOT NULL,
            evidence_json TEXT    NOT NULL DEFAULT '[]',
            created_at    TEXT    NOT NULL,
            CHECK (claim_a < claim_b),
            UNIQUE (claim_a, claim_b, type)
        );
        CREATE INDEX claim_links_b ON claim_links(claim_b);

        CREATE TABLE runs (
            id          INTEGER PRIMARY KEY,
            command     TEXT    NOT NULL,
            args_json   TEXT    NOT NULL DEFAULT '[]',
            started_at  TEXT    NOT NULL,
            finished_at TEXT,
            exit_code   INTEGER,
            documents   INTEGER,
            claims      INTEGER,
            links       INTEGER
        );
        """;

    /// <summary>Version 2: FTS5 index over claims (external content, kept in sync by triggers; the
    /// unicode61 tokenizer folds diacritics so "Bürgschaften" also matches "Burgschaften").</summary>
    public const string V2Script = """
        CREATE VIRTUAL TABLE claims_fts USING fts5(
            text, speaker, reporting_outlet,
            content = 'claims', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
            INSERT INTO claims_fts(rowid, text, speaker, reporting_outlet)
            VALUES (new.id, new.text, new.speaker, new.reporting_outlet);
        END;
        CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
            INSERT INTO claims_fts(claims_fts, rowid, text, speaker, reporting_outlet)
            VALUES ('delete', old.id, old.text, old.speaker, old.reporting_outlet);
        END;
        CREATE TRIGGER claims_fts_update AFTER UPDATE OF text, speaker, reporting_outlet ON claims BEGIN
            INSERT INTO claims_fts(claims_fts, rowid, text, speaker, reporting_outlet)
            VALUES ('delete', old.id, old.text, old.speaker, old.reporting_outlet);
            INSERT INTO claims_fts(rowid, text, speaker, reporting_outlet)
            VALUES (new.id, new.text, new.speaker, new.reporting_outlet);
        END;
        INSERT INTO claims_fts(claims_fts) VALUES ('rebuild');
        """;

    /// <summary>Version 3: review state on links, verification findings, finding counts on runs.</summary>
    public const string V3Script = """
        ALTER TABLE claim_links ADD COLUMN status TEXT NOT NULL DEFAULT 'open'
            CHECK (status IN ('open', 'accepted', 'rejected'));
        ALTER TABLE claim_links ADD COLUMN relabelled_type TEXT;
        ALTER TABLE claim_links ADD COLUMN reviewed_at TEXT;
        CREATE INDEX claim_links_status ON claim_links(status, id);

        CREATE TABLE findings (
            id           INTEGER PRIMARY KEY,
            document_id  INTEGER REFERENCES documents(id) ON DELETE CASCADE,
            run_id       INTEGER REFERENCES runs(id) ON DELETE SET NULL,
            reference_id TEXT    NOT NULL,
            field        TEXT    NOT NULL,
            type         TEXT    NOT NULL,
            severity     TEXT    NOT NULL,
            cited        TEXT,
            page         TEXT,
            evidence     TEXT,
            url          TEXT,
            created_at   TEXT    NOT NULL
        );
        CREATE INDEX findings_document ON findings(document_id);
        ALTER TABLE runs ADD COLUMN findings INTEGER;
        """;

    /// <summary>Version 4: term statistics over the claim index (fts5vocab), used to search by the rarest terms first.</summary>
    public const string V4Script = """
        CREATE VIRTUAL TABLE claims_fts_vocab USING fts5vocab('claims_fts', 'row');
        """;

    /// <summary>Version 5: who made a review decision (team work; the time is <c>reviewed_at</c>).</summary>
    public const string V5Script = """
        ALTER TABLE claim_links ADD COLUMN reviewer TEXT;
        """;

    /// <summary>Version 6: the speaker the attribution rules found where the precision policy reported it unknown (null
    /// when it equals <c>speaker</c>); matching against stored claims reads it. Older rows hold null: they fall back to the speaker.</summary>
    public const string V6Script = """
        ALTER TABLE claims ADD COLUMN speaker_candidate TEXT;
        """;

    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "documents, references, claims, links, runs", V1Script),
        new(2, "FTS5 full-text index over claims", V2Script),
        new(3, "link review state, verification findings", V3Script),
        new(4, "term statistics for the claim index", V4Script),
        new(5, "reviewer of a link decision", V5Script),
        new(6, "speaker candidate before the precision policy", V6Script),
    ];

    public static int LatestVersion => Migrations[^1].Version;
}
