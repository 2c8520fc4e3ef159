using System.Diagnostics;
using SourceCheck.Formatting;

namespace SourceCheck.Bench;

/// <summary>CSL figures: the official test suite pass count, APA compile time, a 10,000-item APA bibliography.</summary>
internal static class CslBench
{
    public static void Run()
    {
        if (Environment.GetEnvironmentVariable("CSL_BENCH_DUMP_ITEMS") is { } dumpPath)
        {
            int n = int.Parse(Environment.GetEnvironmentVariable("CSL_BENCH_DUMP_COUNT") ?? "300", System.Globalization.CultureInfo.InvariantCulture);
            int seed = int.Parse(Environment.GetEnvironmentVariable("CSL_BENCH_DUMP_SEED") ?? "20251121", System.Globalization.CultureInfo.InvariantCulture);
            File.WriteAllText(dumpPath, SourceCheck.Csl.CslJson.Serialize(CslSampleItems.Generate(n, seed)));
            Console.WriteLine($"wrote {n} items to {dumpPath}");
            return;
        }

        if (Environment.GetEnvironmentVariable("CSL_BENCH_REPEAT") is { } repeat)
        {
            Repeat(int.Parse(repeat, System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        if (Environment.GetEnvironmentVariable("CSL_ORACLE") is { } oracleDir)
        {
            Oracle(oracleDir);
            return;
        }

        if (Environment.GetEnvironmentVariable("CSL_SUITE_ONLY") is null)
        {
            Apa();
            if (RepoRoot() is { } root && Directory.Exists(Path.Combine(root, "fixtures", "apa-citeproc")) && SharedDir() is not null)
            {
                Oracle(Path.Combine(root, "fixtures", "apa-citeproc"));
            }
        }

        if (Environment.GetEnvironmentVariable("CSL_SUITE_SKIP") is null)
        {
            Suite();
        }
    }

    private static string? RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SourceCheck.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName;
    }

    private static void Apa()
    {
        string? shared = SharedDir();
        if (shared is null)
        {
            Console.WriteLine("csl-apa: ../shared not available");
            return;
        }

        string xml = File.ReadAllText(Path.Combine(shared, "csl-styles", "apa.csl"));
        var localeProvider = StyleCatalog.FolderLocales(Path.Combine(shared, "csl-locales"));
        // warm-up (JIT), then measure a cold-cache-like compile of the style
        _ = Style.Parse(xml);
        var sw = Stopwatch.StartNew();
        const int rounds = 20;
        Style? style = null;
        for (int i = 0; i < rounds; i++)
        {
            style = Style.Parse(xml).Value;
        }

        double compileMs = sw.Elapsed.TotalMilliseconds / rounds;
        var firstSw = Stopwatch.StartNew();
        var fresh = Style.Parse(xml).Value!;
        var locale = fresh.ResolveLocale("en-US", localeProvider);
        double firstMs = firstSw.Elapsed.TotalMilliseconds;
        Console.WriteLine($"csl-apa-compile: {compileMs:F1} ms per compile (avg of {rounds}); compile + en-US locale {firstMs:F1} ms");

        var items = CslSampleItems.Generate(10_000, 42);
        long allocBefore = GC.GetTotalAllocatedBytes(precise: true);
        var pauseBefore = GC.GetTotalPauseDuration();
        int gen0Before = GC.CollectionCount(0), gen2Before = GC.CollectionCount(2);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        long jitMethodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var total = Stopwatch.StartNew();
        var compiled = Style.Parse(xml).Value!;
        var loc = compiled.ResolveLocale("en-US", localeProvider);
        var processor = new CslProcessor(compiled, loc, items);
        var result = processor.Process([], OutputFormat.Html);
        total.Stop();
        long alloc = GC.GetTotalAllocatedBytes(precise: true) - allocBefore;
        using var proc = Process.GetCurrentProcess();
        proc.Refresh();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Console.WriteLine($"csl-apa-10k: {result.Bibliography.Count} entries in {total.ElapsedMilliseconds} ms wall, {cpu.TotalMilliseconds:F0} ms CPU, end to end (compile + locale + sort + disambiguation + render; load average {LoadAverage()})");
        Console.WriteLine($"csl-apa-10k-jit: {(System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds:F0} ms compiling {System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethodsBefore} methods during the cold run (all threads)");
        Console.WriteLine($"csl-apa-10k-memory: allocated {alloc / (1024 * 1024)} MB, peak working set {proc.PeakWorkingSet64 / (1024 * 1024)} MB, "
            + $"{GC.CollectionCount(0) - gen0Before} GCs ({GC.CollectionCount(2) - gen2Before} full), GC pauses {(GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds:F0} ms");

        // the same run again in a warm process (JIT done): what a long-lived host sees
        var cpu2Before = Process.GetCurrentProcess().TotalProcessorTime;
        var warm = Stopwatch.StartNew();
        var compiled2 = Style.Parse(xml).Value!;
        var result2 = new CslProcessor(compiled2, compiled2.ResolveLocale("en-US", localeProvider), items).Process([], OutputFormat.Html);
        warm.Stop();
        var cpu2 = Process.GetCurrentProcess().TotalProcessorTime - cpu2Before;
        Console.WriteLine($"csl-apa-10k-warm: {result2.Bibliography.Count} entries in {warm.ElapsedMilliseconds} ms wall, {cpu2.TotalMilliseconds:F0} ms CPU");
        _ = style;
    }

    /// <summary>The 10,000-item APA bibliography <paramref name="rounds"/> times in one process (for profilers).</summary>
    private static void Repeat(int rounds)
    {
        string shared = SharedDir()!;
        string xml = File.ReadAllText(Environment.GetEnvironmentVariable("CSL_BENCH_STYLE") ?? Path.Combine(shared, "csl-styles", "apa.csl"));
        var localeProvider = StyleCatalog.FolderLocales(Path.Combine(shared, "csl-locales"));
        var items = CslSampleItems.Generate(10_000, 42);
        string? output = Environment.GetEnvironmentVariable("CSL_BENCH_OUT");
        for (int r = 0; r < rounds; r++)
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var style = Style.Parse(xml).Value!;
            var result = new CslProcessor(style, style.ResolveLocale("en-US", localeProvider), items).Process([], OutputFormat.Html);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            if (output is not null)
            {
                File.WriteAllText(output, result.BibliographyText);
            }

            Console.WriteLine($"round {r}: {result.Bibliography.Count} entries in {sw.ElapsedMilliseconds} ms wall, {cpu.TotalMilliseconds:F0} ms CPU, gen0 {GC.CollectionCount(0)} gen1 {GC.CollectionCount(1)} gen2 {GC.CollectionCount(2)}, GC pause {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms");
        }
    }

    private static string? SharedDir()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SourceCheck.sln")))
        {
            dir = dir.Parent;
        }

        string? shared = dir is null ? null : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
        return shared is not null && Directory.Exists(shared) ? shared : null;
    }

    private static void Oracle(string dir)
    {
        string shared = SharedDir()!;
        var items = SourceCheck.Csl.CslJson.Parse(File.ReadAllText(Path.Combine(dir, "items.json"))).Value!;
        var expected = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "expected.json")))!;
        var style = Style.Parse(File.ReadAllText(Path.Combine(shared, "csl-styles", "apa.csl"))).Value!;
        var locale = style.ResolveLocale("en-US", StyleCatalog.FolderLocales(Path.Combine(shared, "csl-locales")));
        var proc = new CslProcessor(style, locale, items);
        var citations = items.Select(i => new Citation([new CiteItem(i.Id)])).ToList();
        var result = proc.Process(citations, OutputFormat.Html);
        var order = expected["order"]!.AsArray().Select(x => x!.ToString()).ToList();
        int same = 0, citeSame = 0;
        var ids = items.Select(i => i.Id).ToList();
        for (int i = 0; i < items.Count; i++)
        {
            string want = expected["entries"]![ids[i]]!.ToString();
            want = want.Replace("<div class=\"csl-entry\">", string.Empty, StringComparison.Ordinal).Replace("</div>", string.Empty, StringComparison.Ordinal);
            string got = result.Bibliography[order.IndexOf(ids[i])];
            if (want == got)
            {
                same++;
            }
            else
            {
                Console.WriteLine($"- {ids[i]}\n  want {want}\n  got  {got}");
            }

            string wantCite = expected["citations"]![ids[i]]!.ToString();
            if (wantCite == result.Citations[i])
            {
                citeSame++;
            }
            else
            {
                Console.WriteLine($"- cite {ids[i]}\n  want {wantCite}\n  got  {result.Citations[i]}");
            }
        }

        Console.WriteLine($"csl-apa-oracle: {same}/{items.Count} bibliography entries and {citeSame}/{items.Count} citations identical to citeproc-js");
    }

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    public static void Suite()
    {
        string? shared = SharedDir();
        if (shared is null)
        {
            Console.WriteLine("csl-suite: ../shared not available");
            return;
        }

        string humans = Path.Combine(shared, "csl-test-suite", "humans");
        string locales = Path.Combine(shared, "csl-locales");
        var files = Directory.GetFiles(humans, "*.txt").Order(StringComparer.Ordinal).ToList();
        string? only = Environment.GetEnvironmentVariable("CSL_SUITE_ONLY");
        if (only is not null)
        {
            files = [.. files.Where(f => Path.GetFileName(f).StartsWith(only, StringComparison.Ordinal))];
        }

        int passed = 0;
        var failed = new List<string>();
        var sw = Stopwatch.StartNew();
        string? dump = Environment.GetEnvironmentVariable("CSL_SUITE_DUMP");
        using var writer = dump is null ? null : new StreamWriter(dump);
        foreach (var f in files)
        {
            var r = CslFixture.Run(f, locales);
            if (r.Passed)
            {
                passed++;
            }
            else
            {
                failed.Add(Path.GetFileNameWithoutExtension(f));
                if (only is not null)
                {
                    Console.WriteLine($"=== {Path.GetFileNameWithoutExtension(f)}\n--- expected\n{r.Expected}\n--- actual\n{r.Actual}\n{r.Error}");
                }
                writer?.WriteLine($"=== {Path.GetFileNameWithoutExtension(f)}\n--- expected\n{r.Expected}\n--- actual\n{r.Actual}\n{r.Error}");
            }
        }

        Console.WriteLine($"csl-suite: {passed}/{files.Count} passed ({sw.ElapsedMilliseconds} ms)");
        string? failList = Environment.GetEnvironmentVariable("CSL_SUITE_FAILLIST");
        if (failList is not null)
        {
            File.WriteAllLines(failList, failed);
        }
    }
}
