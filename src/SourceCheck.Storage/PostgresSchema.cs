namespace SourceCheck.Storage;

/// <summary>The PostgreSQL schema as forward migrations, recorded in <c>sc_schema_version</c> (one row per applied step).
/// <see cref="PostgresStore"/> applies the missing ones in one transaction under an advisory lock, so two processes
/// opening a new database at once do not both migrate. Never edit a released step: add a new one.</summary>
internal static class PostgresSchema
{
    /// <summary>The advisory lock key migrations take (<c>pg_advisory_xact_lock</c>); "SCMIGRAT" as a number.</summary>
    public const long MigrationLock = 0x53434D4947524154;

    public const string VersionTable = """
        CREATE TABLE IF NOT EXISTS sc_schema_version (
            version     integer     PRIMARY KEY,
            description text        NOT NULL,
            applied_at  timestamptz NOT NULL DEFAULT now()
        );
        """;

    /// <summary>Version 1: the tables (the same model as the SQLite store's v1–v5).</summary>
    public const string V1Script = """
        CREATE TABLE documents (
            id              bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            content_hash    text    NOT NULL UNIQUE,
            source          text    NOT NULL,
            title           text,
            outlet          text,
            published       text,
            language        text,
            text            text    NOT NULL,
            claim_count     integer NOT NULL DEFAULT 0,
            reference_count integer NOT NULL DEFAULT 0,
            ingested_at     timestamptz NOT NULL
        );
        CREATE INDEX documents_published ON documents (published, id);

        CREATE TABLE refs (
            id           bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            document_id  bigint  NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            entry_number integer,
            span_start   integer,
            span_end     integer,
            csl_json     text    NOT NULL,
            dedup_key    text    NOT NULL
        );
        CREATE INDEX refs_document ON refs (document_id);
        CREATE INDEX refs_dedup_key ON refs (dedup_key);

        CREATE TABLE claims (
            id               bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            document_id      bigint  NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            ordinal          integer NOT NULL,
            external_id      text,
            span_start       integer NOT NULL,
            span_end         integer NOT NULL,
            text             text    NOT NULL,
            language         text,
            quote_kind       text    NOT NULL DEFAULT 'none',
            quoted_words     text,
            speaker          text,
            speaker_mention  text,
            channel          text,
            reporting_outlet text,
            figures_json     text    NOT NULL DEFAULT '[]',
            text_terms       text    NOT NULL DEFAULT ''
        );
        CREATE INDEX claims_document ON claims (document_id, ordinal);
        CREATE INDEX claims_external ON claims (external_id);

        CREATE TABLE claim_links (
            id              bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            claim_a         bigint  NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
            claim_b         bigint  NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
            type            text    NOT NULL,
            score           double precision NOT NULL,
            evidence_json   text    NOT NULL DEFAULT '[]',
            created_at      timestamptz NOT NULL,
            status          text    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
            relabelled_type text,
            reviewed_at     timestamptz,
            reviewer        text,
            CHECK (claim_a < claim_b),
            UNIQUE (claim_a, claim_b, type)
        );
        CREATE INDEX claim_links_b ON claim_links (claim_b);
        CREATE INDEX claim_links_status ON claim_links (status, id);

        CREATE TABLE runs (
            id          bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            command     text    NOT NULL,
            args_json   text    NOT NULL DEFAULT '[]',
            started_at  timestamptz NOT NULL,
            finished_at timestamptz,
            exit_code   integer,
            documents   integer,
            claims      integer,
            links       integer,
            findings    integer
        );

        CREATE TABLE findings (
            id           bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            document_id  bigint  REFERENCES documents (id) ON DELETE CASCADE,
            run_id       bigint  REFERENCES runs (id) ON DELETE SET NULL,
            reference_id text    NOT NULL,
            field        text    NOT NULL,
            type         text    NOT NULL,
            severity     text    NOT NULL,
            cited        text,
            page         text,
            evidence     text,
            url          text,
            created_at   timestamptz NOT NULL
        );
        CREATE INDEX findings_document ON findings (document_id);
        """;

    /// <summary>Version 2, when the <c>unaccent</c> extension can be created: <c>sc_fold</c> lower-cases and removes
    /// diacritics through it (declared immutable with the dictionary named, so generated columns may use it).</summary>
    public const string FoldWithUnaccent = """
        CREATE OR REPLACE FUNCTION sc_fold(value text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;
        """;

    /// <summary>Version 2 without <c>unaccent</c>: the common Latin diacritics by <c>translate</c> (ß kept, as the index tokenizer does).</summary>
    public const string FoldWithoutUnaccent = """
        CREATE OR REPLACE FUNCTION sc_fold(value text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            AS $$ SELECT translate(lower(value), 'àáâãäåçèéêëìíîïñòóôõöøùúûüýÿ', 'aaaaaaceeeeiiiinoooooouuuuyy') $$;
        """;

    /// <summary>Version 2: full text. <c>search</c> holds the claim's words as the SQLite index tokenizes them (folded in
    /// SourceCheck: <c>text_terms</c>), weight A, plus speaker (B) and credited outlet (C) — search, trace and candidates
    /// use it with SourceCheck's own salient terms and prefixes, so both backends find the same claims.
    /// <c>search_lang</c> is the text in the German or English configuration (Snowball stems, stop words) by the claim's
    /// language; candidates for matching also use it. Both generated, both GIN-indexed.</summary>
    public const string V2Script = """
        ALTER TABLE claims ADD COLUMN search tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('simple'::regconfig, text_terms), 'A')
            || setweight(to_tsvector('simple'::regconfig, coalesce(sc_fold(speaker), '')), 'B')
            || setweight(to_tsvector('simple'::regconfig, coalesce(sc_fold(reporting_outlet), '')), 'C')
        ) STORED;
        ALTER TABLE claims ADD COLUMN search_lang tsvector GENERATED ALWAYS AS (
            CASE
                WHEN language LIKE 'de%' THEN to_tsvector('german'::regconfig, sc_fold(text))
                WHEN language LIKE 'en%' THEN to_tsvector('english'::regconfig, sc_fold(text))
                ELSE to_tsvector('simple'::regconfig, sc_fold(text))
            END
        ) STORED;
        CREATE INDEX claims_search ON claims USING gin (search);
        CREATE INDEX claims_search_lang ON claims USING gin (search_lang);
        """;

    /// <summary>Version 3: <c>search_text</c>, the claim's own words only (what weight A of <c>search</c> holds), with its
    /// own GIN index and a larger statistics target. The trace seeds from it: a query on weight A of <c>search</c> made GIN
    /// walk every claim whose speaker or credited outlet holds the word (a speaker's name is in a sixth of the bench's claims)
    /// and re-check each row's weights, which was most of the trace time at 300,000 claims; the statistics of this column
    /// also rank the trace's rarest terms by how often they occur in claim text, not in speaker names.</summary>
    public const string V3Script = """
        ALTER TABLE claims ADD COLUMN search_text tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, text_terms)) STORED;
        ALTER TABLE claims ALTER COLUMN search_text SET STATISTICS 1000;
        CREATE INDEX claims_search_text ON claims USING gin (search_text);
        """;

    /// <summary>Version 4: <c>sc_words</c>, every lexeme of the claims' full-text columns with the exact number of claims
    /// holding it — in their own words (<c>search_text</c>: <c>text_claims</c>) and in the search column with speaker and
    /// credited outlet (<c>search</c>: <c>all_claims</c>) — kept by statement triggers on <c>claims</c> in the writer's own
    /// transaction (so a rolled-back ingest leaves no count behind), filled from the stored claims when the step runs. It is
    /// what SQLite's <c>fts5vocab</c> table gives that store: the trace takes its rarest terms from exact counts instead of
    /// the planner's sample, and a prefix term (<c>'nadella':*</c>) is sent to GIN as the exact words it stands for
    /// (<c>'nadella' | 'nadellas'</c>): GIN answers a prefix by reading the whole posting list of every matching word into a
    /// bitmap before it can intersect, while exact words are intersected by skipping through their posting lists. Writers add
    /// their counts in word order (<c>ORDER BY word</c>), so two writers never wait on each other's words in a cycle.</summary>
    public const string V4Script = """
        CREATE TABLE sc_words (
            word        text   COLLATE "C" PRIMARY KEY,
            text_claims bigint NOT NULL DEFAULT 0,
            all_claims  bigint NOT NULL DEFAULT 0
        ) WITH (fillfactor = 70);

        INSERT INTO sc_words (word, text_claims, all_claims)
        SELECT word, sum(t), sum(a) FROM (
            SELECT x.lexeme AS word, 1 AS t, 0 AS a FROM claims c, unnest(c.search_text) x
            UNION ALL
            SELECT x.lexeme, 0, 1 FROM claims c, unnest(c.search) x
        ) u GROUP BY word;

        CREATE FUNCTION sc_words_count() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('DELETE', 'UPDATE') THEN
                UPDATE sc_words w SET text_claims = w.text_claims - d.t, all_claims = w.all_claims - d.a
                FROM (
                    SELECT word, sum(t) AS t, sum(a) AS a FROM (
                        SELECT x.lexeme AS word, 1 AS t, 0 AS a FROM old_claims c, unnest(c.search_text) x
                        UNION ALL
                        SELECT x.lexeme, 0, 1 FROM old_claims c, unnest(c.search) x
                    ) u GROUP BY word
                ) d
                WHERE w.word = d.word;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO sc_words AS w (word, text_claims, all_claims)
                SELECT word, sum(t), sum(a) FROM (
                    SELECT x.lexeme AS word, 1 AS t, 0 AS a FROM new_claims c, unnest(c.search_text) x
                    UNION ALL
                    SELECT x.lexeme, 0, 1 FROM new_claims c, unnest(c.search) x
                ) u GROUP BY word ORDER BY word
                ON CONFLICT (word) DO UPDATE SET text_claims = w.text_claims + excluded.text_claims, all_claims = w.all_claims + excluded.all_claims;
            END IF;
            RETURN NULL;
        END
        $$;

        CREATE TRIGGER claims_words_insert AFTER INSERT ON claims REFERENCING NEW TABLE AS new_claims
            FOR EACH STATEMENT EXECUTE FUNCTION sc_words_count();
        CREATE TRIGGER claims_words_update AFTER UPDATE ON claims REFERENCING OLD TABLE AS old_claims NEW TABLE AS new_claims
            FOR EACH STATEMENT EXECUTE FUNCTION sc_words_count();
        CREATE TRIGGER claims_words_delete AFTER DELETE ON claims REFERENCING OLD TABLE AS old_claims
            FOR EACH STATEMENT EXECUTE FUNCTION sc_words_count();
        """;

    /// <summary>Version 5: <c>speaker_candidate</c>, the speaker the attribution rules found where the precision policy
    /// reported it unknown (null when it equals <c>speaker</c>); matching a new article against stored claims reads it, so a
    /// stored claim links as it did when it was checked. Rows written before hold null and fall back to <c>speaker</c>.</summary>
    public const string V5Script = """
        ALTER TABLE claims ADD COLUMN IF NOT EXISTS speaker_candidate text;
        """;

    public static int LatestVersion => 5;
}
