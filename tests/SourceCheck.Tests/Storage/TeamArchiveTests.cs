using System.Diagnostics;
using System.Globalization;
using SourceCheck.Claims;
using SourceCheck.Storage;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Storage;

/// <summary>The team archive: store locations and passwords, review decisions with reviewers (both backends), and the
/// PostgreSQL backend's reliability against a real private cluster (a killed writer, eight concurrent writers, a lost
/// connection) and end to end through the CLI.</summary>
public sealed class TeamArchiveTests
{
    public sealed class Location
    {
        [Theory]
        [InlineData("postgresql://sc@db.example:5433/news", true)]
        [InlineData("postgres://sc@db.example/news", true)]
        [InlineData("POSTGRESQL://sc@db/news", true)]
        [InlineData("/var/lib/sourcecheck/sourcecheck.db", false)]
        [InlineData("postgresql.db", false)]
        public void Should_tell_a_server_uri_from_a_file(string location, bool server) =>
            Assert.Equal(server, StoreLocation.IsServer(location));

        [Fact]
        public void Should_mask_a_password_written_into_the_uri()
        {
            Assert.Equal("postgresql://sc:***@db.example:5433/news", StoreLocation.Display("postgresql://sc:s3cr%40t@db.example:5433/news"));
            Assert.Equal("postgresql://sc@db.example/news", StoreLocation.Display("postgresql://sc@db.example/news"));
            Assert.Equal("/tmp/a:b@c.db", StoreLocation.Display("/tmp/a:b@c.db"));
        }

        [Fact]
        public void Should_keep_a_uri_from_db_or_the_environment_as_given()
        {
            const string uri = "postgresql://sc@127.0.0.1:5432/news";
            Assert.Equal(uri, StorePaths.Resolve(uri, _ => null, "/work"));
            Assert.Equal(uri, StorePaths.Resolve(null, n => n == StorePaths.EnvironmentVariable ? uri : null, "/work"));
            Assert.Equal("/work/x.db", StorePaths.Resolve("x.db", _ => null, "/work"));
        }

        [Fact]
        public void Should_take_the_password_from_the_environment_or_the_passfile_only_when_the_uri_has_none()
        {
            var fromEnv = PostgresStore.ConnectionString("postgresql://sc@h:6000/db", n => n == "PGPASSWORD" ? "envpw" : null, "x");
            Assert.Equal("envpw", fromEnv.Password);
            Assert.Equal(6000, fromEnv.Port);
            Assert.Equal("db", fromEnv.Database);
            string file = Path.GetTempFileName();
            try
            {
                var passfile = PostgresStore.ConnectionString("postgresql://sc@h/db", n => n == "PGPASSFILE" ? file : null, "x");
                Assert.Null(passfile.Password);
                Assert.Equal(file, passfile.Passfile);
            }
            finally
            {
                File.Delete(file);
            }

            var socket = PostgresStore.ConnectionString("postgresql://sc@/db?host=%2Ftmp%2Fsock&port=7000", _ => null, "x");
            Assert.Equal("/tmp/sock", socket.Host);
            Assert.Equal(7000, socket.Port);
            var ex = Assert.Throws<StoreException>(() => PostgresStore.ConnectionString("postgresql://sc@h/db?options=-c%20x", _ => null, "postgresql://sc@h/db"));
            Assert.Contains("unknown URI parameter 'options'", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_fail_with_exit_3_naming_the_server_without_the_password_when_nothing_listens()
        {
            int port = ClosedPort();
            string uri = $"postgresql://sc:hunter2@127.0.0.1:{port}/news";
            var ex = Assert.Throws<StoreException>(() => StoreLocation.Open(uri, null, _ => null));
            Assert.Equal("SC6001", ex.Code);
            Assert.Contains($"postgresql://sc:***@127.0.0.1:{port}/news", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);

            var r = CliRunner.RunWith(n => n == "PGPASSWORD" ? "hunter2" : null, null, null, "search", "Regierungen", "--db", uri);
            Assert.Equal(3, r.ExitCode);
            Assert.Contains("SC6001", r.Error, StringComparison.Ordinal);
            Assert.Contains("cannot reach the PostgreSQL server", r.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", r.Error + r.Out, StringComparison.Ordinal);

            // The same through the built CLI as its own process: Npgsql's error path loads assemblies the in-process run
            // already has (a CI run once failed here with "Could not load file or assembly 'Microsoft.Extensions.Logging.Abstractions'").
            var start = RobustnessTests.CliStart("search", "Regierungen", "--db", uri);
            start.Environment["PGPASSWORD"] = "hunter2";
            using var child = System.Diagnostics.Process.Start(start)!;
            string stdout = child.StandardOutput.ReadToEnd(); // a few lines at most: no pipe fills
            string stderr = child.StandardError.ReadToEnd();
            Assert.True(child.WaitForExit(60_000), "the CLI did not end");
            Assert.Equal(3, child.ExitCode);
            Assert.Contains("SC6001", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("Could not load", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", stderr + stdout, StringComparison.Ordinal);
        }

        private static int ClosedPort()
        {
            using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }
    }

    public sealed class Reviewers
    {
        [SkippableTheory]
        [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
        public void Should_record_who_decided_and_when_and_show_it_to_the_next_reviewer(string backend)
        {
            using var tmp = StoreBackends.Open(backend);
            var (early, late, _) = StoreTestData.Story();
            var a = StoreTestData.Ingest(tmp.Store, early);
            var b = StoreTestData.Ingest(tmp.Store, late);
            long link = tmp.Store.AddLink(a.ClaimIds["early.txt-c1"], b.ClaimIds["late.txt-c1"], LinkType.Paraphrase, 0.8);
            Assert.True(tmp.Store.SetReview(link, ReviewStatus.Rejected, null, "alice"));

            // Another reviewer, another connection, sees Alice's decision and when she made it.
            using var other = tmp.OpenAnother();
            var seen = Assert.Single(other.ListLinks(null)).Link;
            Assert.Equal("alice", seen.Reviewer);
            Assert.Equal(ReviewStatus.Rejected, seen.Status);
            Assert.NotNull(seen.ReviewedAt);
            Assert.InRange(seen.ReviewedAt!.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));

            var output = new StringWriter { NewLine = "\n" };
            var error = new StringWriter { NewLine = "\n" };
            var env = new SourceCheck.Cli.Infrastructure.CliEnvironment
            {
                In = new StringReader(string.Empty), Out = output, Error = error, Width = 140, GetEnvironmentVariable = tmp.Environment,
            };
            var keys = new SourceCheck.Cli.Review.ScriptedKeySource([SourceCheck.Cli.Review.ScriptedKeySource.Char('a'), SourceCheck.Cli.Review.ScriptedKeySource.Char('q')]);
            int code = SourceCheck.Cli.Commands.ReviewCommand.Create(env, keys).Parse(["--db", tmp.Location, "--status", "all", "--reviewer", "bob"]).Invoke();
            Assert.True(code == 0, error.ToString());
            Assert.Contains("rejected by alice", output.ToString(), StringComparison.Ordinal);
            var after = other.GetLink(link)!;
            Assert.Equal("bob", after.Reviewer);
            Assert.Equal(ReviewStatus.Accepted, after.Status);
        }
    }

    public sealed class Postgres
    {
        [SkippableFact]
        public void Should_record_migrations_and_the_text_search_extensions()
        {
            using var tmp = StoreBackends.Open("postgres");
            var cluster = StoreBackends.Cluster();
            string db = tmp.Location[(tmp.Location.LastIndexOf('/') + 1)..];
            Assert.Equal("1\n2\n3\n4\n5", cluster.Psql(db, "SELECT version FROM sc_schema_version ORDER BY version"));
            Assert.Equal(PostgresSchema.LatestVersion, tmp.Store.SchemaVersion);
            Assert.True(((PostgresStore)tmp.Store).HasUnaccent, "unaccent ships with Debian's postgresql; the store should have created it");
            Assert.Equal("t", cluster.Psql(db, "SELECT count(*) = 3 FROM pg_indexes WHERE tablename = 'claims' AND indexdef LIKE '%USING gin%'"));
            // Opening again does not migrate again.
            using (tmp.OpenAnother())
            {
            }

            Assert.Equal("5", cluster.Psql(db, "SELECT count(*) FROM sc_schema_version"));
            cluster.Psql(db, "INSERT INTO sc_schema_version (version, description) VALUES (99, 'from the future')");
            var ex = Assert.Throws<StoreException>(() => tmp.OpenAnother());
            Assert.Equal("SC6003", ex.Code);
        }

        [SkippableFact]
        public void Should_refuse_a_wrong_password_clearly()
        {
            var cluster = StoreBackends.Cluster();
            string uri = cluster.Uri(cluster.CreateDatabase());
            var ex = Assert.Throws<StoreException>(() => StoreLocation.Open(uri, null, n => n == "PGPASSWORD" ? "wrong-password" : null));
            Assert.Equal("SC6001", ex.Code);
            Assert.Contains("refused the login", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("wrong-password", ex.Message, StringComparison.Ordinal);
            var none = Assert.Throws<StoreException>(() => StoreLocation.Open(uri, null, _ => null));
            Assert.Contains("PGPASSWORD", none.Message, StringComparison.Ordinal); // refused, or "wants a password": either way it says how to give one
            var missing = Assert.Throws<StoreException>(() => StoreLocation.Open(uri, null, n => n == "PGPASSFILE" ? "/nonexistent/pgpass" : null));
            Assert.Contains("PGPASSFILE names /nonexistent/pgpass, which does not exist", missing.Message, StringComparison.Ordinal);
        }

        [SkippableFact]
        public void Should_let_eight_concurrent_writers_all_succeed()
        {
            using var tmp = StoreBackends.Open("postgres");
            const int writers = 8, documents = 12;
            var shared = SourceCheck.Cli.Commands.IngestStressCommand.Generate("shared", 1, 20);
            var errors = new System.Collections.Concurrent.ConcurrentBag<Exception>();
            var threads = Enumerable.Range(0, writers).Select(w => new Thread(() =>
            {
                try
                {
                    using var store = tmp.OpenAnother();
                    var ids = new List<long>();
                    for (int k = 1; k <= documents; k++)
                    {
                        var (doc, refs, claims) = SourceCheck.Cli.Commands.IngestStressCommand.Generate("w" + w, k, 20);
                        ids.AddRange(store.Ingest(doc, refs, claims).ClaimIds.Values);
                        // every writer also stores the same document and links into it: unique keys decide the race
                        var same = store.Ingest(shared.Document, shared.References, shared.Claims);
                        store.AddLink(ids[^1], same.ClaimIds.Values.First(), LinkType.Paraphrase, 0.5);
                        store.AddLink(same.ClaimIds.Values.First(), same.ClaimIds.Values.Last(), LinkType.Paraphrase, 0.4 + (w / 100.0));
                    }
                }
                catch (Exception ex)
                {
                    errors.Add(ex);
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            Assert.Empty(errors);
            var stats = tmp.Store.Stats();
            Assert.Equal((writers * documents) + 1, stats.Documents);
            Assert.Equal(((writers * documents) + 1) * 20, stats.Claims);
            Assert.Equal((writers * documents) + 1, stats.Links);
            // The per-word counts the writers kept in their own transactions equal a recount of the stored claims.
            string db = tmp.Location[(tmp.Location.LastIndexOf('/') + 1)..];
            Assert.Equal("0", StoreBackends.Cluster().Psql(db, WordCountsOff));
            Assert.NotEqual("0", StoreBackends.Cluster().Psql(db, "SELECT count(*) FROM sc_words WHERE text_claims > 0"));
        }

        /// <summary>Rows where <c>sc_words</c> differs from a recount of the stored claims' lexemes (0 when the triggers kept it exact).</summary>
        private const string WordCountsOff = """
            SELECT count(*) FROM (
                SELECT word, sum(t) AS t, sum(a) AS a FROM (
                    SELECT x.lexeme AS word, 1 AS t, 0 AS a FROM claims c, unnest(c.search_text) x
                    UNION ALL
                    SELECT x.lexeme, 0, 1 FROM claims c, unnest(c.search) x
                ) u GROUP BY word
            ) e
            FULL JOIN (SELECT * FROM sc_words WHERE text_claims <> 0 OR all_claims <> 0) w ON w.word = e.word COLLATE "C"
            WHERE e.word IS NULL OR w.word IS NULL OR e.t <> w.text_claims OR e.a <> w.all_claims
            """;

        [SkippableFact]
        public void Should_count_words_exactly_from_the_stored_claims_when_migrating_to_v4_and_on_every_write_after()
        {
            using var tmp = StoreBackends.Open("postgres");
            var cluster = StoreBackends.Cluster();
            string db = tmp.Location[(tmp.Location.LastIndexOf('/') + 1)..];
            var (early, late, english) = StoreTestData.Story();
            StoreTestData.Ingest(tmp.Store, early);
            // Back to a v3 database holding claims (no word table; v5's column kept, as its step adds it only where
            // missing), then more claims written without it.
            cluster.Psql(db, """
                DROP TRIGGER claims_words_insert ON claims; DROP TRIGGER claims_words_update ON claims;
                DROP TRIGGER claims_words_delete ON claims; DROP FUNCTION sc_words_count(); DROP TABLE sc_words;
                DELETE FROM sc_schema_version WHERE version >= 4
                """);
            StoreTestData.Ingest(tmp.Store, late);
            using (var upgraded = tmp.OpenAnother())
            {
                Assert.Equal(PostgresSchema.LatestVersion, upgraded.SchemaVersion);
                Assert.Equal("0", cluster.Psql(db, WordCountsOff));
                StoreTestData.Ingest(upgraded, english);
                Assert.Equal("0", cluster.Psql(db, WordCountsOff));
                // "Bürgschaften" is in the two German claims' own words; a speaker's name counts in the search column only.
                Assert.Equal("2", cluster.Psql(db, "SELECT text_claims FROM sc_words WHERE word = 'burgschaften'"));
                Assert.Equal(2, upgraded.Search("Bürgschaften").Count);
            }

            // Deleting (cascading from a document) and rewriting claims keeps the counts exact too.
            cluster.Psql(db, "DELETE FROM documents WHERE id = (SELECT min(id) FROM documents)");
            Assert.Equal("0", cluster.Psql(db, WordCountsOff));
            cluster.Psql(db, "UPDATE claims SET text_terms = text_terms || ' nachtrag'");
            Assert.Equal("0", cluster.Psql(db, WordCountsOff));
        }

        [SkippableFact]
        public void Should_leave_no_partial_document_after_a_writer_is_killed_mid_ingest()
        {
            using var tmp = StoreBackends.Open("postgres");
            var cluster = StoreBackends.Cluster();
            string db = tmp.Location[(tmp.Location.LastIndexOf('/') + 1)..];
            var start = RobustnessTests.CliStart("__ingest-stress", "--db", tmp.Location, "--count", "1000", "--claims", "3000", "--prefix", "big");
            start.Environment["PGPASSWORD"] = cluster.Password;
            using var child = Process.Start(start)!;
            var stderr = child.StandardError.ReadToEndAsync();
            int committed = 0;
            string? last = null;
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (DateTime.UtcNow < deadline && child.StandardOutput.ReadLine() is { } line)
            {
                last = line;
                if (line.StartsWith("committed ", StringComparison.Ordinal))
                {
                    committed = int.Parse(line["committed ".Length..], CultureInfo.InvariantCulture);
                }

                if (committed >= 2 && line == $"ingesting {committed + 1}")
                {
                    Thread.Sleep(40);
                    break;
                }
            }

            // The message reads stderr only when the writer has ended: reading it first would wait for the writer's end.
            if (child.HasExited || committed < 2)
            {
                child.Kill(entireProcessTree: true);
                Assert.Fail($"the writer ended or stalled before it could be killed (committed {committed}, last line {last ?? "none"}): {stderr.Result}");
            }

            child.Kill(entireProcessTree: true);
            child.WaitForExit(30_000);
            Assert.NotEqual(0, child.ExitCode);

            // The server rolls back the killed writer's transaction when its connection drops.
            int documents = 0;
            for (int i = 0; i < 100; i++)
            {
                if (cluster.Psql(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = 'sourcecheck' AND state <> 'idle'") == "0")
                {
                    break;
                }

                Thread.Sleep(100);
            }

            documents = int.Parse(cluster.Psql(db, "SELECT count(*) FROM documents"), CultureInfo.InvariantCulture);
            Assert.InRange(documents, committed, committed + 1);
            Assert.Equal("0", cluster.Psql(db, """
                SELECT count(*) FROM documents d
                WHERE d.claim_count <> (SELECT count(*) FROM claims c WHERE c.document_id = d.id)
                   OR d.reference_count <> (SELECT count(*) FROM refs r WHERE r.document_id = d.id)
                """));
            Assert.Equal("0", cluster.Psql(db, WordCountsOff)); // the killed writer's word counts were rolled back with its claims
            var (doc, refs, claims) = SourceCheck.Cli.Commands.IngestStressCommand.Generate("after", 1, 10);
            Assert.True(tmp.Store.Ingest(doc, refs, claims).Created);
            Assert.Equal(documents + 1, tmp.Store.Stats().Documents);
        }

        [SkippableFact]
        public void Should_say_clearly_when_the_connection_is_lost_and_write_nothing_partial()
        {
            var cluster = StoreBackends.Cluster();
            string db = cluster.CreateDatabase();
            string name = "sc-lost-" + Guid.NewGuid().ToString("N")[..8];
            string uri = cluster.Uri(db) + "?application_name=" + name;
            var env = StoreBackends.Environment(cluster);
            using var store = StoreLocation.Open(uri, null, env);
            var (early, late, _) = StoreTestData.Story();
            StoreTestData.Ingest(store, early);
            Assert.Equal("1", cluster.Psql(db, $"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '{name}'"));
            var ex = Assert.Throws<StoreException>(() => store.InTransaction(() => StoreTestData.Ingest(store, late)));
            Assert.Equal("SC6001", ex.Code);
            Assert.Contains("connection was lost", ex.Message, StringComparison.Ordinal);
            Assert.Contains(cluster.Uri(db), ex.Message, StringComparison.Ordinal);
            Assert.Throws<StoreException>(() => store.Search("Regierungen"));
            Assert.Equal("1", cluster.Psql(db, "SELECT count(*) FROM documents"));
        }

        [SkippableFact]
        public void Should_check_review_trace_and_search_end_to_end_through_the_cli()
        {
            var cluster = StoreBackends.Cluster();
            string uri = cluster.Uri(cluster.CreateDatabase());
            var env = StoreBackends.Environment(cluster);
            string[] articles =
            [
                SharedData.Fixture("check/nordwind-de-1.txt"),
                SharedData.Fixture("check/nordwind-de-2.txt"),
                SharedData.Fixture("check/nordwind-en.txt"),
            ];
            var check = CliRunner.RunWith(env, null, null, ["check", .. articles, "--db", uri, "--to", "json"]);
            Assert.True(check.ExitCode == 0, check.Error);
            Assert.DoesNotContain(cluster.Password, check.Out + check.Error, StringComparison.Ordinal);

            // The same run into SQLite gives the same documents, claims and links.
            using var sqlite = new TempDb();
            Assert.Equal(0, CliRunner.Run(null, ["check", .. articles, "--db", sqlite.FilePath]).ExitCode);
            using var server = StoreLocation.Open(uri, null, env);
            using var file = sqlite.Open();
            var (s, f) = (server.Stats(), file.Stats());
            Assert.Equal((f.Documents, f.Claims, f.Links, f.References, f.Runs), (s.Documents, s.Claims, s.Links, s.References, s.Runs));
            Assert.True(s.Links > 0);

            // A second check of the same articles adds a run and nothing else.
            Assert.Equal(0, CliRunner.RunWith(env, null, null, ["check", .. articles, "--db", uri]).ExitCode);
            var again = server.Stats();
            Assert.Equal((s.Documents, s.Claims, s.Links, s.Runs + 1), (again.Documents, again.Claims, again.Links, again.Runs));

            string word = file.GetClaims().Select(c => c.Claim.Text).First(t => t.Length > 40).Split(' ').First(w => w.Length > 6);
            var search = CliRunner.RunWith(env, null, null, "search", word, "--db", uri);
            Assert.True(search.ExitCode == 0, search.Error);
            var fileSearch = CliRunner.Run(null, "search", word, "--db", sqlite.FilePath);
            Assert.Equal(fileSearch.Out.Replace(sqlite.FilePath, "DB", StringComparison.Ordinal), search.Out.Replace(uri, "DB", StringComparison.Ordinal));

            var traced = server.ListLinks(null)[0].A;
            var trace = CliRunner.RunWith(env, null, null, "trace", "#" + traced.Id.ToString(CultureInfo.InvariantCulture), "--db", uri, "--json");
            Assert.True(trace.ExitCode == 0, trace.Error);
            Assert.Contains("sourcecheck-trace/1", trace.Out, StringComparison.Ordinal);
            Assert.Contains(traced.Claim.Text[..20], trace.Out, StringComparison.Ordinal);

            foreach (var detail in server.ListLinks(null))
            {
                server.SetReview(detail.Link.Id, ReviewStatus.Accepted, null, "carol");
            }

            string export = Path.Combine(Path.GetTempPath(), "sc-pg-export-" + Guid.NewGuid().ToString("N")[..8] + ".json");
            try
            {
                var review = CliRunner.RunWith(env, null, null, "review", "--db", uri, "--export-accepted", export);
                Assert.True(review.ExitCode == 0, review.Error);
                Assert.Contains("\"title\"", File.ReadAllText(export), StringComparison.Ordinal);
            }
            finally
            {
                File.Delete(export);
            }
        }
    }
}
