using System.Diagnostics;
using SourceCheck.Diagnostics;
using SourceCheck.Formatting;
using SourceCheck.Storage;

namespace SourceCheck.Tests.Storage;

/// <summary>Store failures (damaged, locked, read-only) become SC6xxx messages in our words; a run is one transaction;
/// broken user locale files are reported (SC3013).</summary>
public sealed class StoreErrorTests
{
    private static void Fill(string path)
    {
        using var store = SourceCheckStore.Open(path);
        var (early, late, english) = StoreTestData.Story();
        StoreTestData.Ingest(store, early);
        StoreTestData.Ingest(store, late);
        StoreTestData.Ingest(store, english);
    }

    private static void AssertOurWords(StoreException ex, string path)
    {
        Assert.StartsWith(path + ":", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite Error", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", ex.Message, StringComparison.Ordinal);
    }

    public sealed class Corrupt
    {
        [Fact]
        public void Should_refuse_a_store_whose_pages_have_flipped_bytes_before_writing_into_it()
        {
            using var tmp = new TempDb();
            Fill(tmp.FilePath);
            Assert.False(File.Exists(tmp.FilePath + "-wal") && new FileInfo(tmp.FilePath + "-wal").Length > 0, "the store was closed cleanly");
            byte[] bytes = File.ReadAllBytes(tmp.FilePath);
            int pageSize = (bytes[16] << 8) | bytes[17];
            // flip the b-tree page header of one page (what a bad sector or a stray write does); opening alone reads only page 1
            for (int i = pageSize; i < pageSize + 8; i++)
            {
                bytes[i] ^= 0xA5;
            }

            File.WriteAllBytes(tmp.FilePath, bytes);
            var ex = Assert.Throws<StoreException>(() => SourceCheckStore.Open(tmp.FilePath));
            Assert.Contains(ex.Code, new[] { DiagnosticCodes.StoreCorrupt, DiagnosticCodes.StoreNotADatabase });
            AssertOurWords(ex, tmp.FilePath);
            Assert.Equal(bytes, File.ReadAllBytes(tmp.FilePath)); // nothing was written into it
        }

        [Fact]
        public void Should_refuse_a_file_with_an_sqlite_header_and_garbage_after_it()
        {
            using var tmp = new TempDb();
            var bytes = new byte[16384];
            new Random(7).NextBytes(bytes);
            "SQLite format 3\0"u8.CopyTo(bytes);
            bytes[16] = 0x10; // page size 4096
            bytes[17] = 0x00;
            File.WriteAllBytes(tmp.FilePath, bytes);
            var ex = Assert.Throws<StoreException>(() => SourceCheckStore.Open(tmp.FilePath));
            Assert.Contains(ex.Code, new[] { DiagnosticCodes.StoreCorrupt, DiagnosticCodes.StoreNotADatabase });
            AssertOurWords(ex, tmp.FilePath);
        }

        [Fact]
        public void Should_check_small_stores_and_stores_left_with_a_write_ahead_log()
        {
            using var tmp = new TempDb();
            Assert.False(SourceCheckStore.NeedsIntegrityCheck(tmp.FilePath)); // a new store has nothing to check
            Fill(tmp.FilePath);
            Assert.True(SourceCheckStore.NeedsIntegrityCheck(tmp.FilePath)); // small: always
            using var store = SourceCheckStore.Open(tmp.FilePath); // a healthy store passes the check
            Assert.Equal(3, store.Stats().Documents);
        }
    }

    public sealed class Locked
    {
        [Fact]
        public void Should_say_the_store_is_locked_when_another_writer_holds_it_past_the_busy_timeout()
        {
            using var tmp = new TempDb();
            Fill(tmp.FilePath);
            using var other = StoreTests.RawConnection(tmp.FilePath);
            StoreTests.Exec(other, "BEGIN IMMEDIATE; INSERT INTO runs (command, started_at) VALUES ('other', 'now');");
            using var store = SourceCheckStore.Open(tmp.FilePath, null, TimeSpan.FromMilliseconds(200));
            var watch = Stopwatch.StartNew();
            var ex = Assert.Throws<StoreException>(() => store.InTransaction(() => store.BeginRun("check", [])));
            Assert.Equal(DiagnosticCodes.StoreBusy, ex.Code);
            AssertOurWords(ex, tmp.FilePath);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"waited {watch.Elapsed}");
            StoreTests.Exec(other, "ROLLBACK;");
            Assert.True(store.InTransaction(() => store.BeginRun("check", [])) > 0); // usable once the other writer is gone
        }
    }

    public sealed class ReadOnly
    {
        [Fact]
        public void Should_translate_a_read_only_failure_into_sc6005()
        {
            using var tmp = new TempDb();
            Fill(tmp.FilePath);
            // a connection opened read-only fails its writes exactly as a read-only file or folder does (SQLITE_READONLY)
            using var raw = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={tmp.FilePath};Mode=ReadOnly;Pooling=False");
            raw.Open();
            using var cmd = raw.CreateCommand();
            cmd.CommandText = "INSERT INTO runs (command, started_at) VALUES ('x', 'now')";
            var driver = Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => cmd.ExecuteNonQuery());
            var ex = SourceCheckStore.Translate(driver, tmp.FilePath);
            Assert.Equal(DiagnosticCodes.StoreReadOnly, ex.Code);
            AssertOurWords(ex, tmp.FilePath);
        }
    }

    public sealed class Cli
    {
        [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
        private static void Mode(string path, UnixFileMode mode) => File.SetUnixFileMode(path, mode);

        [Fact]
        public void Should_exit_3_with_sc6006_in_our_words_when_search_or_trace_meets_a_damaged_store()
        {
            using var tmp = new TempDb();
            Fill(tmp.FilePath);
            byte[] bytes = File.ReadAllBytes(tmp.FilePath);
            int pageSize = (bytes[16] << 8) | bytes[17];
            for (int i = pageSize; i < pageSize + 8; i++)
            {
                bytes[i] ^= 0x5A;
            }

            File.WriteAllBytes(tmp.FilePath, bytes);
            foreach (string[] args in new[] { new[] { "search", "Bürgschaften", "--db", tmp.FilePath }, ["trace", "1", "--db", tmp.FilePath] })
            {
                var r = Support.CliRunner.Run(null, args);
                Assert.Equal(3, r.ExitCode);
                Assert.Contains($"{tmp.FilePath}:1:1: error SC6006: the database is damaged", r.Error, StringComparison.Ordinal);
                Assert.DoesNotContain("Exception", r.Error, StringComparison.Ordinal);
                Assert.DoesNotContain("SQLite Error", r.Error, StringComparison.Ordinal);
            }
        }

        [SkippableFact]
        [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
        public void Should_exit_3_with_sc6005_when_the_store_file_and_folder_are_read_only()
        {
            Skip.If(OperatingSystem.IsWindows(), "Unix permissions");
            bool root = Environment.UserName == "root";
            Skip.If(root && !File.Exists("/usr/bin/setpriv"), "running as root without setpriv: permissions cannot be taken away");
            using var tmp = new TempDb();
            Fill(tmp.FilePath);
            string article = Path.Combine(tmp.Folder, "a.txt");
            File.WriteAllText(article, "Laut der Studie von Müller (2020) stieg die Zahl der Fälle um 20 Prozent.\n");
            Mode(tmp.FilePath, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            Mode(article, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            var folderMode = UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
            Mode(tmp.Folder, folderMode);
            try
            {
                var start = RobustnessTests.CliStart("check", article, "--db", tmp.FilePath);
                if (root)
                {
                    // root ignores permissions: run the CLI as nobody
                    start.ArgumentList.Insert(0, start.FileName);
                    foreach (string a in new[] { "--clear-groups", "--regid=65534", "--reuid=65534" })
                    {
                        start.ArgumentList.Insert(0, a);
                    }

                    start.FileName = "/usr/bin/setpriv";
                }

                using var child = Process.Start(start)!;
                string stdout = child.StandardOutput.ReadToEnd();
                string stderr = child.StandardError.ReadToEnd();
                Assert.True(child.WaitForExit(60_000));
                Assert.Equal(3, child.ExitCode);
                Assert.Contains($"{tmp.FilePath}:1:1: error SC6005: the database is read-only", stderr, StringComparison.Ordinal);
                Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
                Assert.Empty(stdout);
            }
            finally
            {
                Mode(tmp.Folder, folderMode | UnixFileMode.UserWrite);
                Mode(tmp.FilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
    }

    public sealed class OneUnit
    {
        [Fact]
        public void Should_leave_no_run_row_and_no_document_when_a_run_fails_mid_way()
        {
            using var tmp = new TempDb();
            var (early, late, _) = StoreTestData.Story();
            using (var store = SourceCheckStore.Open(tmp.FilePath))
            {
                StoreTestData.Ingest(store, early); // an earlier run, committed on its own
                Assert.Throws<InvalidOperationException>(() => store.InTransaction<int>(() =>
                {
                    store.BeginRun("check", ["late.txt"]);
                    StoreTestData.Ingest(store, late);
                    Assert.Equal(2, store.Stats().Documents); // visible inside the run
                    throw new InvalidOperationException("killed mid-way");
                }));
                Assert.Equal(1, store.Stats().Documents);
            }

            using var raw = StoreTests.RawConnection(tmp.FilePath);
            using var cmd = raw.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM runs";
            Assert.Equal(0L, (long)cmd.ExecuteScalar()!);
            Assert.Equal(1, RobustnessTests.AssertConsistent(tmp.FilePath));
        }

        [Fact]
        public void Should_commit_the_whole_run_together()
        {
            using var tmp = new TempDb();
            var (early, late, _) = StoreTestData.Story();
            using var store = SourceCheckStore.Open(tmp.FilePath);
            long run = store.InTransaction(() =>
            {
                long id = store.BeginRun("check", []);
                StoreTestData.Ingest(store, early);
                StoreTestData.Ingest(store, late);
                store.FinishRun(id, new RunCounts(2, 5, 0, 0), 0);
                return id;
            });
            Assert.True(run > 0);
            Assert.Equal(2, store.Stats().Documents);
        }
    }

    public sealed class UserLocales
    {
        [Fact]
        public void Should_report_a_broken_user_locale_file_with_file_and_position()
        {
            string dir = Path.Combine(Path.GetTempPath(), "sc-locales-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(Path.Combine(dir, "locales"));
            try
            {
                string file = Path.Combine(dir, "locales", "locales-de-DE.xml");
                File.WriteAllText(file, "<?xml version=\"1.0\"?>\n<locale xmlns=\"http://purl.org/net/xbiblio/csl\" xml:lang=\"de-DE\">\n  <terms>\n    <term name=\"and\">und</terms>\n</locale>\n");
                var catalog = new StyleCatalog(v => v == "SOURCECHECK_STYLES" ? dir : null, dir);
                var ex = Assert.Throws<DiagnosticException>(() => catalog.FindLocale("de-DE"));
                var d = Assert.Single(ex.Diagnostics);
                Assert.Equal(DiagnosticCodes.CslBadLocale, d.Code);
                Assert.Equal(file, d.Source);
                Assert.Equal(4, d.Span.Line);
                Assert.True(d.Span.Column > 0);

                File.WriteAllText(file, "<style xmlns=\"http://purl.org/net/xbiblio/csl\"/>");
                var root = Assert.Throws<DiagnosticException>(() => catalog.FindOfficialLocale("de-DE"));
                Assert.Contains("<style>", Assert.Single(root.Diagnostics).Message, StringComparison.Ordinal);

                // a sound user locale is used as before, and other tags are not affected by the broken file
                File.WriteAllText(file, "<locale xmlns=\"http://purl.org/net/xbiblio/csl\" xml:lang=\"de-DE\"><terms><term name=\"and\">und</term></terms></locale>");
                Assert.Contains("und", catalog.FindLocale("de-DE"), StringComparison.Ordinal);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }
    }
}
