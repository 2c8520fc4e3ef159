using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using SourceCheck.Claims;
using SourceCheck.Csl;
using SourceCheck.Storage;
using SourceCheck.Text;

namespace SourceCheck.Bench;

/// <summary>Store bench: ingest 10,000 generated short articles (~10 claims each, seeded) one transaction each,
/// then full-text query and trace latency at 10k and 100k claims. Targets are in docs/storage.md.</summary>
internal static class StoreBench
{
    private const int Documents = 10_000;
    internal const int ClaimsPerDocument = 10;
    private const double TargetDocsPerSecond = 500;
    private const double TargetQueryP95Ms = 20;
    private const double TargetTraceP95Ms = 100;

    private const int FunctionWordCount = 150;

    private static HashSet<string> FunctionWords { get; set; } = [];

    private static readonly string[] Speakers = ["Sam Altman", "Sarah Friar", "Olaf Scholz", "Ursula von der Leyen", "Satya Nadella", "Lisa Paus"];
    private static readonly string[] Channels = ["X (post)", "LinkedIn (post)", "Pressekonferenz", "interview", "Bundestag"];
    private static readonly string[] Outlets = ["Zeit", "Spiegel", "Reuters", "CNN", "NBC News", "Handelsblatt", "FAZ", "TechCrunch"];

    public static void Run()
    {
        string folder = Path.Combine(Path.GetTempPath(), "sc-store-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            RunIn(Path.Combine(folder, "bench.db"));
        }
        finally
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SOURCECHECK_BENCH_KEEP")))
            {
                Directory.Delete(folder, recursive: true);
            }
            else
            {
                Console.WriteLine("kept: " + folder);
            }
        }
    }

    /// <summary>The bench's seeded articles (the same for every backend): <paramref name="count"/> from index <paramref name="first"/>.</summary>
    internal static List<(DocumentInput, IReadOnlyList<ReferenceInput>, IReadOnlyList<Claim>)> Articles(int count, int seed = 42, int first = 0)
    {
        // News text follows Zipf's law with a large vocabulary (Heaps' law: ~50k distinct words in 1.4M tokens).
        var vocabulary = Vocabulary(new Random(7), 50_000);
        var cumulative = ZipfCumulative(vocabulary.Length, 1.07);
        FunctionWords = vocabulary.Take(FunctionWordCount).ToHashSet(StringComparer.Ordinal);
        var rng = new Random(seed);
        return [.. Enumerable.Range(first, count).Select(i => Article(rng, vocabulary, cumulative, i))];
    }

    /// <summary>What <c>check</c> with verification reads from a store of <paramref name="count"/> bench articles to teach
    /// the outlet table (issue 16): every document (<c>ListDocuments</c>, before) against the distinct (outlet, site)
    /// pairs (<c>ListOutletAddresses</c>, after); medians of 7 runs of each, and the two tables compared.</summary>
    internal static void OutletTable(int count)
    {
        string folder = Path.Combine(Path.GetTempPath(), "sc-store-outlets-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            using var store = SourceCheckStore.Open(Path.Combine(folder, "bench.db"));
            foreach (var (doc, refs, claims) in Articles(count))
            {
                store.Ingest(doc, refs, claims);
            }

            Verification.OutletDirectory Learn(bool query)
            {
                var table = Verification.OutletDirectory.Default();
                table.AddKnown(query
                    ? store.ListOutletAddresses().Select(p => ((string?)p.Outlet, (string?)p.Address))
                    : store.ListDocuments().Select(d => (d.Outlet, (string?)d.Source)));
                return table;
            }

            static double Median(Action run)
            {
                var times = new List<double>();
                for (int i = 0; i < 7; i++)
                {
                    var sw = Stopwatch.StartNew();
                    run();
                    times.Add(sw.Elapsed.TotalMilliseconds);
                }

                times.Sort();
                return times[times.Count / 2];
            }

            Learn(false);
            Learn(true);
            double before = Median(() => Learn(false)), after = Median(() => Learn(true));
            double readBefore = Median(() => store.ListDocuments()), readAfter = Median(() => store.ListOutletAddresses());
            double table = Median(() => Verification.OutletDirectory.Default());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"store read alone: ListDocuments {readBefore:0.0} ms, ListOutletAddresses {readAfter:0.0} ms; building the built-in outlet table (both) {table:0.0} ms"));
            var a = Learn(false);
            var b = Learn(true);
            bool same = Outlets.All(o => a.DomainsOf(o).SequenceEqual(b.DomainsOf(o)))
                && a.NamesOf("example.org").SequenceEqual(b.NamesOf("example.org"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{count} articles, {store.ListOutletAddresses().Count} (outlet, site) pairs: every document {before:0.0} ms, distinct pairs {after:0.0} ms (x{before / Math.Max(after, 0.001):0}); same outlet table: {same}"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void RunIn(string path)
    {
        var articles = Articles(Documents);
        string[] vocabulary = [];
        using var store = SourceCheckStore.Open(path);
        var linkRng = new Random(11);
        var claimIds = new List<long>(Documents * ClaimsPerDocument);

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var ingest = Stopwatch.StartNew();
        var firstTenth = TimeSpan.Zero;
        for (int i = 0; i < Documents; i++)
        {
            var (doc, refs, claims) = articles[i];
            var result = store.Ingest(doc, refs, claims);
            claimIds.AddRange(result.ClaimIds.Values);
            if (i + 1 == Documents / 10)
            {
                firstTenth = ingest.Elapsed;
                ingest.Stop();
                var cpuPause = Process.GetCurrentProcess().TotalProcessorTime;
                Report(store, "at 10k claims", articles, claimIds, linkRng, vocabulary);
                cpuBefore += Process.GetCurrentProcess().TotalProcessorTime - cpuPause;
                ingest.Start();
            }
        }

        ingest.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        double docsPerSecond = Documents / ingest.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest: {Documents} documents ({Documents * ClaimsPerDocument} claims) in {ingest.Elapsed.TotalSeconds:0.00} s = {docsPerSecond:0} documents/s"
            + $" (CPU {cpu.TotalSeconds:0.00} s = {Documents / cpu.TotalSeconds:0} documents per CPU-second)"
            + $" (first 1,000: {Documents / 10 / firstTenth.TotalSeconds:0} documents/s; target >= {TargetDocsPerSecond:0}: {(docsPerSecond >= TargetDocsPerSecond ? "met" : "MISSED")})"));
        Report(store, "at 100k claims", articles, claimIds, linkRng, vocabulary);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"database: {new FileInfo(path).Length / (1024.0 * 1024):0.0} MiB"));
    }

    internal static (double SearchP95, double TraceP95) Report(IClaimStore store, string label, List<(DocumentInput, IReadOnlyList<ReferenceInput>, IReadOnlyList<Claim>)> articles,
        List<long> claimIds, Random rng, string[] vocabulary, bool addLinks = true)
    {
        // Links: one per document on average, between random stored claims (so traces follow links).
        var links = Stopwatch.StartNew();
        // Without addLinks (a reused database that already has them) the same random numbers are drawn, so the queries
        // below are the same as in the run that added the links.
        int linkCount = claimIds.Count / ClaimsPerDocument;
        for (int i = 0; i < linkCount; i++)
        {
            long a = claimIds[rng.Next(claimIds.Count)], b = claimIds[rng.Next(claimIds.Count)];
            if (a != b)
            {
                var type = (LinkType)rng.Next(7);
                double score = rng.NextDouble();
                if (addLinks)
                {
                    store.AddLink(a, b, type, score);
                }
            }
        }

        links.Stop();
        int stored = store.Stats().Claims;

        // Queries: 2-3 words taken from a random stored claim (so that most queries find something).
        var queryTimes = new List<double>();
        var queryCpuTimes = new List<double>();
        int found = 0;
        var queryCpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (int i = 0; i < 300; i++)
        {
            var claim = articles[rng.Next(Math.Min(stored, claimIds.Count) / ClaimsPerDocument)].Item3[rng.Next(ClaimsPerDocument)];
            // Content words: not among the generator's most frequent words, which play the part of function words.
            var words = claim.Text.TrimEnd('.').Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(w => !FunctionWords.Contains(w.ToLowerInvariant()) && w != "sagte").ToArray();
            string query = string.Join(' ', Enumerable.Range(0, 2 + rng.Next(2)).Select(_ => words[rng.Next(words.Length)]));
            var sw = Stopwatch.StartNew();
            double cpu0 = ThreadCpu.NowMs() + ServerCpuMs(store);
            found += store.Search(query, 20).Count > 0 ? 1 : 0;
            queryCpuTimes.Add(ThreadCpu.NowMs() + ServerCpuMs(store) - cpu0);
            queryTimes.Add(sw.Elapsed.TotalMilliseconds);
        }

        queryCpu = Process.GetCurrentProcess().TotalProcessorTime - queryCpu;
        var traceTimes = new List<double>();
        var traceCpuTimes = new List<double>();
        int traced = 0;
        var traceCpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (int i = 0; i < 60; i++)
        {
            var claim = articles[rng.Next(Math.Min(stored, claimIds.Count) / ClaimsPerDocument)].Item3[rng.Next(ClaimsPerDocument)];
            var sw = Stopwatch.StartNew();
            double cpu0 = ThreadCpu.NowMs() + ServerCpuMs(store);
            traced += store.Trace(claim.Text).Claims.Length;
            traceCpuTimes.Add(ThreadCpu.NowMs() + ServerCpuMs(store) - cpu0);
            traceTimes.Add(sw.Elapsed.TotalMilliseconds);
        }

        traceCpu = Process.GetCurrentProcess().TotalProcessorTime - traceCpu;
        double qp95 = Percentile(queryTimes, 0.95), tp95 = Percentile(traceTimes, 0.95);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {stored} claims; FTS query p50 {Percentile(queryTimes, 0.5):0.00} ms, p95 {qp95:0.00} ms (thread CPU incl. server p50 {Percentile(queryCpuTimes, 0.5):0.00} ms, p95 {Percentile(queryCpuTimes, 0.95):0.00} ms; mean process CPU {queryCpu.TotalMilliseconds / 300:0.00} ms; {found}/300 found; target p95 < {TargetQueryP95Ms:0} ms: {(qp95 < TargetQueryP95Ms ? "met" : "MISSED")})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: trace p50 {Percentile(traceTimes, 0.5):0.00} ms, p95 {tp95:0.00} ms (thread CPU incl. server p50 {Percentile(traceCpuTimes, 0.5):0.00} ms, p95 {Percentile(traceCpuTimes, 0.95):0.00} ms; mean process CPU {traceCpu.TotalMilliseconds / 60:0.00} ms; avg {traced / 60.0:0.0} claims per chain; target p95 < {TargetTraceP95Ms:0} ms: {(tp95 < TargetTraceP95Ms ? "met" : "MISSED")});"
            + $" {linkCount} links added in {links.Elapsed.TotalMilliseconds:0} ms"));
        _ = vocabulary;
        return (qp95, tp95);
    }

    /// <summary>CPU time of the PostgreSQL server process serving <paramref name="store"/> (from /proc/PID/schedstat, in ms;
    /// 0 for SQLite, which runs in the bench's own thread): "thread CPU" then counts client and server together.</summary>
    private static double ServerCpuMs(IClaimStore store)
    {
        if (store is not PostgresStore pg)
        {
            return 0;
        }

        try
        {
            string first = File.ReadAllText($"/proc/{pg.ServerProcessId.ToString(CultureInfo.InvariantCulture)}/schedstat").Split(' ')[0];
            return long.Parse(first, CultureInfo.InvariantCulture) / 1e6;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return 0;
        }
    }

    internal static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static string[] Vocabulary(Random rng, int size)
    {
        const string letters = "aeiounrstlhdgkmbwzfpcäöü";
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < size)
        {
            int length = 4 + rng.Next(9);
            var sb = new StringBuilder(length);
            for (int i = 0; i < length; i++)
            {
                sb.Append(letters[rng.Next(letters.Length)]);
            }

            words.Add(sb.ToString());
        }

        return [.. words];
    }

    /// <summary>A short article: 10 sentences of 10-18 words drawn from a Zipf distribution, attributions and one reference.</summary>
    private static double[] ZipfCumulative(int size, double exponent)
    {
        var cumulative = new double[size];
        double sum = 0;
        for (int r = 0; r < size; r++)
        {
            sum += 1 / Math.Pow(r + 1, exponent);
            cumulative[r] = sum;
        }

        for (int r = 0; r < size; r++)
        {
            cumulative[r] /= sum;
        }

        return cumulative;
    }

    private static (DocumentInput, IReadOnlyList<ReferenceInput>, IReadOnlyList<Claim>) Article(Random rng, string[] vocabulary, double[] cumulative, int index)
    {
        string source = $"https://example.org/news/{index}";
        var text = new StringBuilder();
        var claims = new List<Claim>(ClaimsPerDocument);
        for (int c = 0; c < ClaimsPerDocument; c++)
        {
            int words = 10 + rng.Next(9);
            var sentence = new StringBuilder();
            for (int w = 0; w < words; w++)
            {
                // Zipf choice: low ranks are common words, high ranks rare ones.
                int rank = Array.BinarySearch(cumulative, rng.NextDouble());
                rank = rank < 0 ? Math.Min(~rank, vocabulary.Length - 1) : rank;
                sentence.Append(w == 0 ? char.ToUpperInvariant(vocabulary[rank][0]) + vocabulary[rank][1..] : vocabulary[rank]).Append(' ');
            }

            string speaker = Speakers[rng.Next(Speakers.Length)];
            sentence.Append("sagte ").Append(speaker).Append('.');
            int start = text.Length;
            string s = sentence.ToString();
            text.Append(s).Append(' ');
            claims.Add(new Claim($"{index}-c{c + 1}", source, "de", s, new TextSpan(start, s.Length), QuoteKind.Indirect, null, speaker, null,
                Channels[rng.Next(Channels.Length)], rng.Next(3) == 0 ? Outlets[rng.Next(Outlets.Length)] : null, ImmutableArray<Figure>.Empty));
        }

        var reference = new ReferenceInput(new CslItem("ref1", "article-newspaper")
            .SetString("title", string.Join(' ', Enumerable.Range(0, 6).Select(_ => vocabulary[rng.Next(vocabulary.Length)])))
            .SetString("container-title", Outlets[rng.Next(Outlets.Length)]), 1);
        var date = new DateOnly(2024, 1, 1).AddDays(index / 20);
        return (new DocumentInput(source, text.ToString())
        {
            Outlet = Outlets[index % Outlets.Length],
            Date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Language = "de",
            Title = "Artikel " + index.ToString(CultureInfo.InvariantCulture),
        }, [reference], claims);
    }
}
