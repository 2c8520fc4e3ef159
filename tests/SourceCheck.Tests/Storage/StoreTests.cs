using Microsoft.Data.Sqlite;
using SourceCheck.Claims;
using SourceCheck.Csl;
using SourceCheck.Storage;
using SourceCheck.Verification;

namespace SourceCheck.Tests.Storage;

public sealed class StoreTests
{
    public sealed class Open
    {
        [Fact]
        public void Should_create_folders_and_migrate_to_latest_in_wal_mode()
        {
            using var tmp = new TempDb();
            string nested = Path.Combine(tmp.Folder, "a", "b", "store.db");
            using (var store = SourceCheckStore.Open(nested))
            {
                Assert.Equal(StoreSchema.LatestVersion, store.SchemaVersion);
                Assert.Equal(0, store.Stats().Documents);
            }

            Assert.True(File.Exists(nested));
            using var raw = RawConnection(nested);
            Assert.Equal("wal", Pragma(raw, "journal_mode"));
        }

        [Fact]
        public void Should_refuse_a_file_that_is_not_a_database()
        {
            using var tmp = new TempDb();
            File.WriteAllText(tmp.FilePath, new string('x', 4096));
            var ex = Assert.Throws<StoreException>(() => SourceCheckStore.Open(tmp.FilePath));
            Assert.Equal("SC6002", ex.Code);
        }

        [Fact]
        public void Should_refuse_a_database_from_a_newer_version()
        {
            using var tmp = new TempDb();
            using (var raw = RawConnection(tmp.FilePath))
            {
                Exec(raw, "PRAGMA user_version = 99;");
            }

            var ex = Assert.Throws<StoreException>(() => SourceCheckStore.Open(tmp.FilePath));
            Assert.Equal("SC6003", ex.Code);
        }
    }

    public sealed class Migrate
    {
        [Fact]
        public void Should_migrate_a_v1_database_with_data_to_latest()
        {
            using var tmp = new TempDb();
            using (var raw = RawConnection(tmp.FilePath))
            {
                Exec(raw, StoreSchema.V1Script + "PRAGMA user_version = 1;");
                Exec(raw, """
                    INSERT INTO documents (id, content_hash, source, text, claim_count, ingested_at) VALUES (1, 'h1', 'old.txt', 'Die Bürgschaften bleiben umstritten. Zweiter Satz hier.', 2, '2025-01-01T00:00:00.000Z');
                    INSERT INTO claims (id, document_id, ordinal, span_start, span_end, text) VALUES (1, 1, 0, 0, 35, 'Die Bürgschaften bleiben umstritten.');
                    INSERT INTO claims (id, document_id, ordinal, span_start, span_end, text) VALUES (2, 1, 1, 36, 53, 'Zweiter Satz hier.');
                    INSERT INTO claim_links (claim_a, claim_b, type, score, created_at) VALUES (1, 2, 'paraphrase', 0.5, '2025-01-01T00:00:00.000Z');
                    """);
                Assert.Equal("1", Pragma(raw, "user_version"));
            }

            using var store = tmp.Open();
            Assert.Equal(StoreSchema.LatestVersion, store.SchemaVersion);
            // v2: the FTS index was rebuilt over old claims (and folds umlauts).
            var hits = store.Search("burgschaften");
            Assert.Single(hits);
            Assert.Equal(1, hits[0].Claim.Id);
            // v3: old links are open for review; findings table exists.
            var link = Assert.Single(store.ListLinks(ReviewStatus.Open));
            Assert.Equal(LinkType.Paraphrase, link.Link.Type);
            Assert.Equal(1, store.AddFindings(1, [new FindingInput("ref1", "title", FindingKind.TitleChanged, FindingSeverity.Warning, "A", "B", null)]));
        }
    }

    public sealed class Ingest
    {
        [SkippableTheory]
        [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
        public void Should_store_document_references_and_claims_with_attribution(string backend)
        {
            using var tmp = StoreBackends.Open(backend);
            var store = tmp.Store;
            var (early, _, _) = StoreTestData.Story();
            var result = StoreTestData.Ingest(store, early);
            Assert.True(result.Created);
            Assert.Equal(3, result.ClaimIds.Count);

            var doc = store.GetDocument(result.DocumentId)!;
            Assert.Equal("Morgenblatt", doc.Outlet);
            Assert.Equal("2025-11-07", doc.Date);
            Assert.Equal(3, doc.ClaimCount);
            Assert.Equal(early.Input.Text, store.GetDocumentText(doc.Id));

            var claim = store.GetClaim(result.ClaimIds["early.txt-c1"])!;
            Assert.Equal("Sam Altman", claim.Claim.Speaker);
            Assert.Equal("X (post)", claim.Claim.Channel);
            Assert.Equal("Zeit", claim.Claim.ReportingOutlet);
            Assert.Equal(early.Claims[0].Span.Start, claim.Claim.Span.Start);
            Assert.Equal(early.Claims[0].Span.End, claim.Claim.Span.End);
            Assert.Equal(early.Input.Text.Substring(claim.Claim.Span.Start, claim.Claim.Span.Length), claim.Claim.Text);

            if (tmp.FilePath is { } file)
            {
                using var raw = RawConnection(file);
                // Values bind as their own types (no integers stored as text).
                Assert.Equal("integer integer integer text", Query(raw, "SELECT typeof(d.claim_count) || ' ' || typeof(c.document_id) || ' ' || typeof(c.span_start) || ' ' || typeof(c.text) FROM claims c JOIN documents d ON d.id = c.document_id LIMIT 1"));
            }

            var reference = Assert.Single(store.GetReferences(doc.Id));
            Assert.Equal(1, reference.EntryNumber);
            Assert.Equal("OpenAI backtracks on backstop", reference.Item!.GetString("title"));
        }

        [SkippableTheory]
        [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
        public void Should_be_idempotent_for_the_same_content(string backend)
        {
            using var tmp = StoreBackends.Open(backend);
            var store = tmp.Store;
            var (early, _, _) = StoreTestData.Story();
            var first = StoreTestData.Ingest(store, early);
            var again = StoreTestData.Ingest(store, early with { Input = early.Input with { Source = "copy-of-early.txt" } });
            Assert.False(again.Created);
            Assert.Equal(first.DocumentId, again.DocumentId);
            Assert.Equal(first.ClaimIds, again.ClaimIds);
            var stats = store.Stats();
            Assert.Equal(1, stats.Documents);
            Assert.Equal(3, stats.Claims);
            Assert.Equal(1, stats.References);
        }

        [SkippableTheory]
        [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
        public void Should_roll_back_the_whole_document_when_a_claim_fails(string backend)
        {
            using var tmp = StoreBackends.Open(backend);
            var store = tmp.Store;
            var (early, _, _) = StoreTestData.Story();
            var bad = early.Claims.Append(early.Claims[0] with { Id = "bad", Text = null! }).ToList();
            Assert.ThrowsAny<Exception>(() => store.Ingest(early.Input, early.References, bad));
            var stats = store.Stats();
            Assert.Equal(0, stats.Documents);
            Assert.Equal(0, stats.Claims);
            Assert.Equal(0, stats.References);
            Assert.True(StoreTestData.Ingest(store, early).Created);
        }
    }

    public sealed class Links
    {
        [SkippableTheory]
        [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
        public void Should_store_links_once_per_unordered_pair_and_type(string backend)
        {
            using var tmp = StoreBackends.Open(backend);
            var store = tmp.Store;
            var (early, late, _) = StoreTestData.Story();
            var a = StoreTestData.Ingest(store, early);
            var b = StoreTestData.Ingest(store, late);
            long ca = a.ClaimIds["early.txt-c1"], cb = b.ClaimIds["late.txt-c1"];
            long id1 = store.AddLink(ca, cb, LinkType.Paraphrase, 0.8, ["Regierungen", "KI-Infrastruktur"]);
            long id2 = store.AddLink(cb, ca, LinkType.Paraphrase, 0.9);
            long id3 = store.AddLink(cb, ca, LinkType.NumberMismatch, 0.4);
            Assert.Equal(id1, id2);
            Assert.NotEqual(id1, id3);
            Assert.Equal(2, store.Stats().Links);
            Assert.Equal(0.9, store.GetLink(id1)!.Score);
            Assert.Equal(2, store.GetLinks(ca).Count);
        }

        [SkippableTheory]
        [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
        public void Should_map_contract_links_by_claim_id_and_keep_review_state_on_re_add(string backend)
        {
            using var tmp = StoreBackends.Open(backend);
            var store = tmp.Store;
            var (early, late, _) = StoreTestData.Story();
            var ids = StoreTestData.Ingest(store, early).ClaimIds.Concat(StoreTestData.Ingest(store, late).ClaimIds).ToDictionary();
            var link = new ClaimLink(early.Claims[0], late.Claims[0], LinkType.Paraphrase, 0.7, ["aligned: Regierungen"]);
            var ghost = new ClaimLink(early.Claims[0], early.Claims[0] with { Id = "nowhere" }, LinkType.Paraphrase, 0.7, []);
            var (stored, skipped) = store.AddLinks([link, ghost], ids);
            Assert.Equal(1, skipped);
            long id = Assert.Single(stored);
            Assert.True(store.SetReview(id, ReviewStatus.Accepted, LinkType.Translation));
            store.AddLinks([link], ids);
            var after = store.GetLink(id)!;
            Assert.Equal(ReviewStatus.Accepted, after.Status);
            Assert.Equal(LinkType.Translation, after.EffectiveType);
            Assert.Equal(["aligned: Regierungen"], after.Evidence.ToArray());
            Assert.NotNull(after.ReviewedAt);
        }

        [SkippableTheory]
        [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
        public void Should_export_deduplicated_references_of_accepted_links_only(string backend)
        {
            using var tmp = StoreBackends.Open(backend);
            var store = tmp.Store;
            var (early, late, english) = StoreTestData.Story();
            var a = StoreTestData.Ingest(store, early);
            var b = StoreTestData.Ingest(store, late);
            var c = StoreTestData.Ingest(store, english);
            long accepted = store.AddLink(a.ClaimIds["early.txt-c1"], b.ClaimIds["late.txt-c1"], LinkType.Paraphrase, 0.8);
            long rejected = store.AddLink(b.ClaimIds["late.txt-c1"], c.ClaimIds["english.txt-c1"], LinkType.Translation, 0.6);
            Assert.Empty(store.AcceptedReferences());
            store.SetReview(accepted, ReviewStatus.Accepted);
            store.SetReview(rejected, ReviewStatus.Rejected);
            var items = store.AcceptedReferences();
            // early cites "backtracks"; late cites "backtracks" (same key) and "no bailout": two distinct references.
            Assert.Equal(2, items.Count);
            Assert.Equal(items.Count, items.Select(i => i.Id).Distinct().Count());
            Assert.Contains(items, i => i.GetString("title") == "Altman says no bailout");
        }
    }

    public sealed class Search
    {
        [SkippableTheory]
        [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
        public void Should_find_claims_with_umlauts_folded_and_rank_by_bm25(string backend)
        {
            using var tmp = StoreBackends.Open(backend);
            var store = tmp.Store;
            var (early, late, english) = StoreTestData.Story();
            StoreTestData.Ingest(store, early);
            StoreTestData.Ingest(store, late);
            StoreTestData.Ingest(store, english);
            var hits = store.Search("Bürgschaften");
            Assert.Equal(2, hits.Count);
            Assert.All(hits, h => Assert.Contains("Bürgschaften", h.Claim.Claim.Text, StringComparison.Ordinal));
            Assert.True(hits[0].Rank <= hits[1].Rank);
            Assert.Equal(2, store.Search("BURGSCHAFTEN").Count);
            Assert.Single(store.Search("kühl Berlin"));
            Assert.Empty(store.Search("kühl Hamburg"));
        }

        [SkippableTheory]
        [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
        public void Should_rank_a_short_claim_with_the_terms_above_a_long_one(string backend)
        {
            using var tmp = StoreBackends.Open(backend);
            var store = tmp.Store;
            StoreTestData.Ingest(store, StoreTestData.Make("a.txt", "Blatt", "2025-01-01", "de",
            [
                ("Der Haushalt des Landes Berlin für das kommende Jahr wurde nach langer Debatte im Parlament mit knapper Mehrheit beschlossen.", null, null, null),
                ("Berlin beschließt Haushalt.", null, null, null),
            ]));
            var hits = store.Search("Haushalt Berlin");
            Assert.Equal(2, hits.Count);
            Assert.StartsWith("Berlin beschließt", hits[0].Claim.Claim.Text, StringComparison.Ordinal);
            Assert.True(hits[0].Rank < hits[1].Rank);
        }

        [SkippableTheory]
        [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
        public void Should_rank_only_the_newest_matches_when_more_than_the_window_match(string backend)
        {
            using var tmp = StoreBackends.Open(backend);
            var store = tmp.Store;
            // The oldest claim is the best match (shortest), but it lies outside the window of newest matches.
            var sentences = new List<(string, string?, string?, string?)> { ("Haushalt Berlin.", null, null, null) };
            for (int i = 0; i < SourceCheckStore.SearchRankWindow; i++)
            {
                sentences.Add(($"Der Haushalt von Berlin wurde in Lesung {i} lange und ausführlich beraten.", null, null, null));
            }

            StoreTestData.Ingest(store, StoreTestData.Make("many.txt", "Blatt", "2025-01-01", "de", sentences));
            var hits = store.Search("Haushalt Berlin", 5);
            Assert.Equal(5, hits.Count);
            Assert.DoesNotContain(hits, h => h.Claim.Claim.Text == "Haushalt Berlin.");
            // Equal scores: newest first.
            Assert.Contains("Lesung 999 ", hits[0].Claim.Claim.Text, StringComparison.Ordinal);
        }

        [SkippableTheory]
        [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
        public void Should_find_every_word_a_prefix_term_stands_for_however_many(string backend)
        {
            using var tmp = StoreBackends.Open(backend);
            var store = tmp.Store;
            StoreTestData.Ingest(store, StoreTestData.Make("few.txt", "Blatt", "2025-01-01", "de",
            [
                ("Das Kraftwerk in Spandau liefert wieder Strom.", null, null, null),
                ("Die Kraftwerke in Spandau liefern wieder Strom.", null, null, null),
                ("Der Kraftwerksbau in Spandau liefert keinen Strom.", null, null, null),
                ("Die Kraft in Spandau reicht für Strom.", null, null, null),
            ]));
            // "Kraftwerke" is the prefix term kraftwerk*: three words stand for it here (sent as those words).
            Assert.Equal(3, store.Search("Kraftwerke Spandau").Count);
            var trace = store.Trace("Die Kraftwerke in Spandau liefern wieder Strom");
            Assert.Equal(3, trace.Claims.Length);
            Assert.DoesNotContain(trace.Claims, c => c.Claim.Claim.Text.StartsWith("Die Kraft in", StringComparison.Ordinal));

            // More words than a prefix is expanded to: it stays a prefix, with the same matches.
            var many = Enumerable.Range(0, 80)
                .Select(i => ($"Ein Kraftwerk{(char)('a' + (i / 26))}{(char)('a' + (i % 26))} in Spandau liefert wieder Strom.", (string?)null, (string?)null, (string?)null))
                .ToList();
            StoreTestData.Ingest(store, StoreTestData.Make("many.txt", "Blatt", "2025-01-02", "de", many));
            Assert.Equal(83, store.Search("Kraftwerke Spandau", 200).Count);
            Assert.Equal(83, store.Trace("Die Kraftwerke in Spandau liefern wieder Strom").Claims.Length);
        }

        [SkippableTheory]
        [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
        public void Should_treat_fts_syntax_in_the_query_as_plain_words(string backend)
        {
            using var tmp = StoreBackends.Open(backend);
            var store = tmp.Store;
            StoreTestData.Ingest(store, StoreTestData.Story().Early);
            Assert.Empty(store.Search("\" OR * NEAR( ) AND text:"));
            Assert.Single(store.Search("\"Wetter\" (Berlin)"));
        }
    }

    internal static SqliteConnection RawConnection(string path)
    {
        SQLitePCL.Batteries_V2.Init();
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        c.Open();
        return c;
    }

    internal static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    internal static string Query(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    internal static string Pragma(SqliteConnection c, string name)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA " + name;
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
