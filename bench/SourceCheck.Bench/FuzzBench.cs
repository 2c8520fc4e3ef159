using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SourceCheck.Fuzzing;

namespace SourceCheck.Bench;

/// <summary><c>bench -- fuzz [--seconds N]</c>: the fuzz harness at length. Per reader: cases run, failures, the
/// worst time and allocation, and the slope of log time against log size over the crafted shapes (1 = linear).
/// Failing inputs are written to <c>fixtures/fuzz/found/</c> to become regression fixtures.</summary>
internal static class FuzzBench
{
    /// <summary>Total time budget for the mutation phase (the crafted shapes run once at every size on top).</summary>
    public static int Seconds { get; set; } = 120;

    private static readonly int[] Sizes = [1_000, 4_000, 16_000, 64_000, 256_000, 1_000_000, 2_000_000];

    public static void Run()
    {
        string root = FindRoot();
        string fixtures = Path.Combine(root, "fixtures");
        var readers = FuzzEngine.Readers(fixtures);
        double perReader = Seconds / (double)(readers.Count + 1);
        Console.WriteLine($"{"reader",-13} {"cases",7} {"fail",5} {"worst s",8} {"at size",10} {"worst alloc MB",15} {"slope",6}");
        int seed = 15;
        var all = new List<FuzzCase>();
        foreach (var reader in readers)
        {
            var cases = new List<FuzzCase>();
            cases.AddRange(FuzzEngine.Run(reader, seed++, 0, Sizes));
            var rng = new Random(seed);
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed.TotalSeconds < perReader)
            {
                cases.AddRange(FuzzEngine.Run(reader with { Shapes = [] }, rng.Next(), 50, []).Where(c => c.Kind == "mutant"));
            }

            Report(reader.Name, cases);
            all.AddRange(cases);
        }

        string work = Path.Combine(Path.GetTempPath(), "sourcecheck-fuzz-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            var files = FuzzEngine.RunFiles(work, seed, Math.Max(20, (int)perReader * 20)).ToList();
            foreach (var group in files.GroupBy(c => c.Reader))
            {
                Report(group.Key, [.. group]);
            }

            all.AddRange(files);
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        var failures = all.Where(c => c.Failure is not null).ToList();
        if (failures.Count > 0)
        {
            string found = Path.Combine(fixtures, "fuzz", "found");
            Directory.CreateDirectory(found);
            foreach (var f in failures.Take(50))
            {
                string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(f.Input)))[..12];
                File.WriteAllBytes(Path.Combine(found, $"{f.Reader}-{hash}.txt"), Encoding.UTF8.GetBytes(f.Input));
                Console.WriteLine($"FAIL {f.Reader} {f.Kind} size {f.Size:N0}: {f.Failure}");
            }
        }
    }

    private static void Report(string name, IReadOnlyList<FuzzCase> cases)
    {
        var worst = cases.MaxBy(c => c.Seconds)!;
        double slope = FuzzEngine.Slope(cases);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-13} {cases.Count,7} {cases.Count(c => c.Failure is not null),5} {worst.Seconds,8:0.000} {worst.Size,10:N0} {cases.Max(c => c.Allocated) / 1048576.0,15:0.0} {(double.IsNaN(slope) ? "-" : slope.ToString("0.00", CultureInfo.InvariantCulture)),6}"));
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SourceCheck.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Environment.CurrentDirectory;
    }
}
