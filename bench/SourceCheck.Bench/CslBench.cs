using System.Diagnostics;
using SourceCheck.Formatting;

namespace SourceCheck.Bench;

/// <summary>CSL figures: the official test suite pass count, APA compile time, a 10,000-item APA bibliography.</summary>
internal static class CslBench
{
    public static void Run()
    {
        Suite();
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
