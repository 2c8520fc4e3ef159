using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SourceCheck.Storage;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Storage;

/// <summary>Real child processes (the built CLI's hidden <c>__ingest-stress</c> command) writing to one database.</summary>
public sealed class RobustnessTests
{
    /// <summary>The built CLI: the CLI project's own output folder first (its deps.json and every assembly it names
    /// are there), else the copy beside the tests. The copy beside the tests is not complete: the test project references
    /// the ASP.NET Core framework, so package assemblies that framework also holds (Microsoft.Extensions.Logging.Abstractions,
    /// which Npgsql loads on its error and notice paths) are left out of the test folder, and the CLI's own
    /// runtimeconfig does not name that framework.</summary>
    internal static string BuiltCli()
    {
        string config = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        string own = Path.Combine(SharedData.RepoRoot, "src", "SourceCheck.Cli", "bin", config, "net10.0", "SourceCheck.Cli.dll");
        return File.Exists(own) ? own : Path.Combine(AppContext.BaseDirectory, "SourceCheck.Cli.dll");
    }

    internal static ProcessStartInfo CliStart(params string[] args)
    {
        string dll = BuiltCli();
        Skip.IfNot(File.Exists(dll), "the built CLI (SourceCheck.Cli.dll) was not found");
        string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h) ? h : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["SOURCECHECK_DB"] = null;
        return start;
    }

    /// <summary>Opens the file as a plain SQLite database and checks it: integrity_check ok, FTS index consistent, and every
    /// document has exactly the claims and references its own row says it has. Returns the number of documents.</summary>
    internal static int AssertConsistent(string path)
    {
        using var c = StoreTests.RawConnection(path);
        Assert.Equal("ok", Scalar(c, "PRAGMA integrity_check"));
        // Raises an error if the external-content FTS index disagrees with the claims table.
        StoreTests.Exec(c, "INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1);");
        long partial = Convert.ToInt64(Scalar(c, """
            SELECT count(*) FROM documents d
            WHERE d.claim_count <> (SELECT count(*) FROM claims c WHERE c.document_id = d.id)
               OR d.reference_count <> (SELECT count(*) FROM refs r WHERE r.document_id = d.id)
            """), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0, partial);
        long orphans = Convert.ToInt64(Scalar(c, "SELECT count(*) FROM claims WHERE document_id NOT IN (SELECT id FROM documents)"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0, orphans);
        return Convert.ToInt32(Scalar(c, "SELECT count(*) FROM documents"), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static object? Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    public sealed class Kill
    {
        [SkippableFact]
        public void Should_leave_no_partial_document_after_sigkill_mid_ingest()
        {
            using var tmp = new TempDb();
            var start = CliStart("__ingest-stress", "--db", tmp.FilePath, "--count", "1000", "--claims", "3000", "--prefix", "big");
            using var child = Process.Start(start)!;
            child.ErrorDataReceived += (_, _) => { };
            child.BeginErrorReadLine();
            string? last = null;
            int committed = 0;
            var deadline = DateTime.UtcNow.AddSeconds(120);
            // Wait until two documents are committed and the third transaction has begun, then kill it inside that transaction.
            while (DateTime.UtcNow < deadline && child.StandardOutput.ReadLine() is { } line)
            {
                last = line;
                if (line.StartsWith("committed ", StringComparison.Ordinal))
                {
                    committed = int.Parse(line["committed ".Length..], System.Globalization.CultureInfo.InvariantCulture);
                }

                if (committed >= 2 && line == $"ingesting {committed + 1}")
                {
                    Thread.Sleep(40);
                    break;
                }
            }

            Assert.False(child.HasExited, "the child ended before it could be killed: " + last);
            child.Kill(entireProcessTree: true);
            child.WaitForExit(30_000);
            Assert.True(child.HasExited);
            Assert.NotEqual(0, child.ExitCode);

            // The kill fell inside transaction committed+1 (or, rarely, just after its commit): never a partial document.
            int documents = AssertConsistent(tmp.FilePath);
            Assert.InRange(documents, committed, committed + 1);

            // The store opens, recovers the WAL and goes on.
            using var store = tmp.Open();
            var (doc, refs, claims) = SourceCheck.Cli.Commands.IngestStressCommand.Generate("after", 1, 10);
            Assert.True(store.Ingest(doc, refs, claims).Created);
            Assert.Equal(documents + 1, store.Stats().Documents);
        }
    }

    public sealed class Concurrent
    {
        [SkippableFact]
        public void Should_let_two_processes_ingest_into_one_database_at_once()
        {
            using var tmp = new TempDb();
            const int count = 40;
            var children = new[] { "alpha", "beta" }
                .Select(p => Process.Start(CliStart("__ingest-stress", "--db", tmp.FilePath, "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--claims", "200", "--prefix", p))!)
                .ToArray();
            var outputs = children.Select(c => (Out: c.StandardOutput.ReadToEndAsync(), Err: c.StandardError.ReadToEndAsync())).ToArray();
            foreach (var child in children)
            {
                Assert.True(child.WaitForExit(180_000), "child did not finish in time");
            }

            for (int i = 0; i < children.Length; i++)
            {
                Assert.True(children[i].ExitCode == 0, $"child {i} exited {children[i].ExitCode}: {outputs[i].Err.Result}");
                Assert.Contains($"committed {count}", outputs[i].Out.Result, StringComparison.Ordinal);
                children[i].Dispose();
            }

            Assert.Equal(2 * count, AssertConsistent(tmp.FilePath));
            using var store = tmp.Open();
            var sources = store.ListDocuments().Select(d => d.Source).ToHashSet();
            Assert.Contains("alpha-1.txt", sources);
            Assert.Contains($"beta-{count}.txt", sources);
            Assert.Equal(2 * count * 200, store.Stats().Claims);
        }
    }
}
