using SourceCheck.Evaluation.Storage;
using SourceCheck.Storage;

namespace SourceCheck.Tests.Storage;

/// <summary>A store under test on one backend, with what it needs (a temporary file, or a fresh database on the private
/// cluster); closed and removed on dispose.</summary>
public sealed class TestStore : IDisposable
{
    private readonly TempDb? _tmp;

    internal TestStore(IClaimStore store, string location, TempDb? tmp, Func<string, string?> environment)
    {
        Store = store;
        Location = location;
        _tmp = tmp;
        Environment = environment;
    }

    public IClaimStore Store { get; }

    /// <summary>The file path or the URI (without password) for <c>--db</c>.</summary>
    public string Location { get; }

    /// <summary>The SQLite file, or null on PostgreSQL.</summary>
    public string? FilePath => _tmp?.FilePath;

    /// <summary>Environment variables the store needs (<c>PGPASSWORD</c> on PostgreSQL), falling back to the process's.</summary>
    public Func<string, string?> Environment { get; }

    /// <summary>A second connection to the same store (another writer or reader).</summary>
    public IClaimStore OpenAnother() => StoreLocation.Open(Location, null, Environment);

    public void Dispose()
    {
        Store.Dispose();
        _tmp?.Dispose();
    }
}

/// <summary>The backends the store suite runs on: "sqlite" always; "postgres" on a private cluster started once per test
/// run (skipped, with the reason, when the PostgreSQL server programs are not installed).</summary>
public static class StoreBackends
{
    private static readonly Lazy<(PrivateCluster? Cluster, string Reason)> Shared = new(() =>
    {
        var cluster = PrivateCluster.TryStart(out string reason);
        if (cluster is not null)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
        }

        return (cluster, reason);
    });

    public static TheoryData<string> All => new() { "sqlite", "postgres" };

    /// <summary>The shared private cluster; skips the test with the reason when there is none.</summary>
    public static PrivateCluster Cluster()
    {
        var (cluster, reason) = Shared.Value;
        Skip.If(cluster is null, reason);
        return cluster!;
    }

    /// <summary>The environment for the cluster: <c>PGPASSWORD</c> set, the rest from the process.</summary>
    public static Func<string, string?> Environment(PrivateCluster cluster) =>
        name => name == "PGPASSWORD" ? cluster.Password : System.Environment.GetEnvironmentVariable(name);

    public static TestStore Open(string backend)
    {
        if (backend == "sqlite")
        {
            var tmp = new TempDb();
            return new TestStore(tmp.Open(), tmp.FilePath, tmp, System.Environment.GetEnvironmentVariable);
        }

        var cluster = Cluster();
        string uri = cluster.Uri(cluster.CreateDatabase());
        var env = Environment(cluster);
        return new TestStore(StoreLocation.Open(uri, null, env), uri, null, env);
    }
}
