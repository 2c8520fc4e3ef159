using System.Diagnostics;
using System.Globalization;
using SourceCheck.Evaluation.Storage;
using SourceCheck.Storage;

namespace SourceCheck.Bench;

/// <summary><c>store-pg [--articles N] [--backends sqlite,postgres] [--writers-articles M] [--pg-options "-c name=value …"]
/// [--pg-log FILE]</c> (the last two for finding where the time goes, e.g. with <c>auto_explain</c>): the SQLite file and a private
/// PostgreSQL cluster side by side on the same machine, with the store bench's seeded articles (10 claims each, one
/// transaction per article): ingest rate at each tenth of N, search p95 and trace p95 at N/10 and N, then eight concurrent
/// writers (M articles each, each writer its own connection). Targets at a million claims (N = 100,000): PostgreSQL search
/// p95 &lt; 50 ms and trace p95 &lt; 100 ms. The cluster is durable (fsync on) with <c>synchronous_commit=off</c>, which
/// like SQLite's WAL with <c>synchronous=NORMAL</c> does not wait for the disk on every commit.</summary>
internal static class StorePgBench
{
    private const double TargetSearchP95Ms = 50;
    private const double TargetTraceP95Ms = 100;

    public static int Run(string[] args)
    {
        int articles = Option(args, "--articles", 2_000);
        int writerArticles = Option(args, "--writers-articles", 50);
        var backends = (OptionText(args, "--backends") ?? "sqlite,postgres").Split(',', StringSplitOptions.RemoveEmptyEntries);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{articles} articles ({articles * StoreBench.ClaimsPerDocument} claims); eight writers x {writerArticles} articles; load average {LoadAverage()}"));
        var data = StoreBench.Articles(articles);
        foreach (string backend in backends)
        {
            if (backend == "sqlite")
            {
                string folder = Path.Combine(Path.GetTempPath(), "sc-store-pg-bench-" + Guid.NewGuid().ToString("N")[..8]);
                Directory.CreateDirectory(folder);
                try
                {
                    string path = Path.Combine(folder, "bench.db");
                    Measure("sqlite", path, _ => null, data, writerArticles, () => new FileInfo(path).Length + FileLength(path + "-wal"));
                }
                finally
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            else if (OptionText(args, "--pg-uri") is { } existing)
            {
                // Development: a server kept between runs (password in PGPASSWORD); a database already holding the N
                // articles is not ingested again (its claim ids are then 1..10N, as one writer stored them).
                Measure("postgres", existing, Environment.GetEnvironmentVariable, data, writerArticles, () => 0, reuse: true);
            }
            else
            {
                using var cluster = PrivateCluster.TryStart(out string reason, fast: false,
                    extraOptions: "-c synchronous_commit=off -c shared_buffers=256MB" + (OptionText(args, "--pg-options") is { } more ? " " + more : string.Empty));
                if (cluster is null)
                {
                    Console.WriteLine("postgres: skipped: " + reason);
                    continue;
                }

                string db = cluster.CreateDatabase("bench");
                string uri = cluster.Uri(db);
                Func<string, string?> env = n => n == "PGPASSWORD" ? cluster.Password : null;
                Measure("postgres", uri, env, data, writerArticles,
                    () => long.Parse(cluster.Psql(db, "SELECT pg_database_size(current_database())"), CultureInfo.InvariantCulture));
                if (OptionText(args, "--pg-log") is { } log)
                {
                    File.WriteAllText(log, cluster.ServerLog());
                }
            }
        }

        return 0;
    }

    private static void Measure(string label, string location, Func<string, string?> env,
        List<(DocumentInput, IReadOnlyList<ReferenceInput>, IReadOnlyList<SourceCheck.Claims.Claim>)> data, int writerArticles, Func<long> size,
        bool reuse = false)
    {
        using var store = StoreLocation.Open(location, null, env);
        var claimIds = new List<long>(data.Count * StoreBench.ClaimsPerDocument);
        if (reuse && store.Stats().Documents >= data.Count)
        {
            claimIds.AddRange(Enumerable.Range(1, data.Count * StoreBench.ClaimsPerDocument).Select(i => (long)i));
            // Links are added once per stored article unless the database already has them (a run before this one added them).
            bool addLinks = store.Stats().Links < data.Count / 2;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}: reusing the stored {data.Count} articles ({store.Stats().Links} links; {(addLinks ? "adding" : "not adding")} more); load average {LoadAverage()}"));
            StoreBench.Report(store, $"{label} at {claimIds.Count} claims", data, claimIds, new Random(11), [], addLinks);
            Writers(label, location, env, writerArticles, store.Stats().Documents);
            return;
        }

        var linkRng = new Random(11);
        var clock = Stopwatch.StartNew();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        int tenth = Math.Max(1, data.Count / 10);
        var lap = Stopwatch.StartNew();
        for (int i = 0; i < data.Count; i++)
        {
            var (doc, refs, claims) = data[i];
            claimIds.AddRange(store.Ingest(doc, refs, claims).ClaimIds.Values);
            if ((i + 1) % tenth == 0 || i + 1 == data.Count)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{label}: {i + 1} articles ({claimIds.Count} claims): last {tenth} at {tenth / lap.Elapsed.TotalSeconds:0} articles/s; {clock.Elapsed.TotalSeconds:0.0} s so far"));
                lap.Restart();
            }

            if (i + 1 == tenth && data.Count >= 20)
            {
                clock.Stop();
                StoreBench.Report(store, $"{label} at {claimIds.Count} claims", data, claimIds, linkRng, []);
                clock.Start();
                lap.Restart();
            }
        }

        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: ingest {data.Count} articles in {clock.Elapsed.TotalSeconds:0.0} s = {data.Count / clock.Elapsed.TotalSeconds:0} articles/s (client CPU {cpu.TotalSeconds:0.0} s)"));
        var (search, trace) = StoreBench.Report(store, $"{label} at {claimIds.Count} claims", data, claimIds, linkRng, []);
        if (label == "postgres")
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"postgres at {claimIds.Count} claims: search p95 {search:0.0} ms (target < {TargetSearchP95Ms:0} at 1M claims: {(search < TargetSearchP95Ms ? "met" : "MISSED")} at this size), trace p95 {trace:0.0} ms (target < {TargetTraceP95Ms:0}: {(trace < TargetTraceP95Ms ? "met" : "MISSED")} at this size)"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: size {size() / (1024.0 * 1024):0.0} MiB"));

        Writers(label, location, env, writerArticles, 0);
    }

    /// <summary>Eight concurrent writers, each with its own connection, new articles of their own (<paramref name="stored"/>:
    /// documents already in a reused database, so a second run's writers store new articles too).</summary>
    private static void Writers(string label, string location, Func<string, string?> env, int writerArticles, int stored)
    {
        var extra = StoreBench.Articles(8 * writerArticles, seed: 99 + stored, first: 1_000_000 + stored);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var times = new System.Collections.Concurrent.ConcurrentBag<double>();
        var writers = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, 8).Select(w => new Thread(() =>
        {
            try
            {
                using var own = StoreLocation.Open(location, null, env);
                for (int k = 0; k < writerArticles; k++)
                {
                    var (doc, refs, claims) = extra[(w * writerArticles) + k];
                    var sw = Stopwatch.StartNew();
                    own.Ingest(doc, refs, claims);
                    times.Add(sw.Elapsed.TotalMilliseconds);
                }
            }
            catch (StoreException ex)
            {
                failures.Add($"writer {w}: {ex.Code}: {ex.Message}");
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        writers.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: eight concurrent writers: {8 - failures.Select(f => f.Split(':')[0]).Distinct().Count()}/8 succeeded, {times.Count} articles in {writers.Elapsed.TotalSeconds:0.0} s = {times.Count / writers.Elapsed.TotalSeconds:0} articles/s; per-article p95 {(times.IsEmpty ? 0 : StoreBench.Percentile([.. times], 0.95)):0.0} ms"));
        foreach (string failure in failures)
        {
            Console.WriteLine("  " + failure);
        }
    }

    private static long FileLength(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : fallback;
    }

    private static string? OptionText(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
