using System.Diagnostics;
using SourceCheck.Csl;

namespace SourceCheck.Bench;

/// <summary>The command as a user starts it: wall time of whole processes (start-up, JIT and I/O included) for
/// <c>sourcecheck --help</c>, a one-reference <c>parse</c> (medians of 20 runs) and <c>format</c> of 10,000 generated APA
/// items from CSL-JSON beside <c>pandoc --citeproc</c> on the same items, the two run in turn (A B A B …) so the ratio holds
/// when the machine's speed drifts. The command is <c>SOURCECHECK_BIN</c>, else <c>sourcecheck</c> on the PATH (the
/// installed tool), else the Release build of src/SourceCheck.Cli.</summary>
internal static class StartupBench
{
    private const int Runs = 20;

    public static void Run()
    {
        string? bin = FindCommand();
        if (bin is null)
        {
            Console.WriteLine("startup: skipped (no sourcecheck: install the tool, build src/SourceCheck.Cli -c Release, or set SOURCECHECK_BIN)");
            return;
        }

        // STARTUP_WORK=DIR keeps the generated inputs (items.json, one.txt, nocite.md) there, for profiling by hand
        string? keep = Environment.GetEnvironmentVariable("STARTUP_WORK");
        string dir = string.IsNullOrEmpty(keep) ? Directory.CreateTempSubdirectory("sourcecheck-startup-").FullName : Directory.CreateDirectory(keep).FullName;
        try
        {
            Console.WriteLine($"startup: command {bin}; load average {LoadAverage()}");
            string one = Path.Combine(dir, "one.txt");
            File.WriteAllText(one, "Smith, J. (2020). A title of the work. Journal of Things, 3(2), 1-10.\n");
            Report("--help", Time(bin, ["--help"], Runs));
            Report("parse of one reference", Time(bin, ["parse", one], Runs));
            if (Exists("pandoc", ["--version"]))
            {
                // The peer's own start-up, for scale: the smallest thing pandoc does.
                Report("pandoc --version", Time("pandoc", ["--version"], Runs));
            }


            string items = Path.Combine(dir, "items.json");
            File.WriteAllText(items, CslJson.Serialize(CslSampleItems.Generate(10_000, 42)));
            int formatRuns = int.TryParse(Environment.GetEnvironmentVariable("STARTUP_FORMAT_RUNS"), out int n) && n > 0 ? n : Runs;
            string? apa = ApaStyle();
            bool pandoc = apa is not null && Exists("pandoc", ["--version"]);
            var ours = new List<(double Wall, double Cpu)>();
            var theirs = new List<(double Wall, double Cpu)>();
            string md = Path.Combine(dir, "nocite.md");
            File.WriteAllText(md, "---\nnocite: '@*'\n---\n");
            string[] format = apa is null ? ["format", items, "--bibliography", "-o", Path.Combine(dir, "ours.txt")] : ["format", items, "--style", apa, "--bibliography", "-o", Path.Combine(dir, "ours.txt")];
            RunOnce(bin, format); // warm-up (file cache)
            for (int r = 0; r < formatRuns; r++)
            {
                ours.Add(RunOnce(bin, format));
                if (pandoc)
                {
                    theirs.Add(RunOnce("pandoc", [md, "--citeproc", "--csl", apa!, "--bibliography", items, "-t", "plain", "-o", Path.Combine(dir, "pandoc.txt")]));
                }
            }

            Report("format of 10,000 APA items (CSL-JSON)", ours);
            if (pandoc)
            {
                Report("pandoc --citeproc, same items and style", theirs);
                Console.WriteLine($"startup-format-ratio: pandoc / sourcecheck = {Median(theirs.Select(r => r.Wall)) / Median(ours.Select(r => r.Wall)):F1}x wall, {Median(theirs.Select(r => r.Cpu)) / Median(ours.Select(r => r.Cpu)):F1}x CPU (medians of {formatRuns} runs each, in turn; load average now {LoadAverage()})");
            }
            else
            {
                Console.WriteLine("startup-format-ratio: no pandoc or no official apa.csl in ../shared/csl-styles: no comparison (apt-get install pandoc)");
            }
        }
        finally
        {
            if (string.IsNullOrEmpty(keep))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    /// <summary>Wall time (what a user waits; disturbed by other processes on a loaded machine) and CPU time (user +
    /// system of the child process; load disturbs it less), both as medians.</summary>
    private static void Report(string what, List<(double Wall, double Cpu)> runs) =>
        Console.WriteLine($"startup {what}: median {Median(runs.Select(r => r.Wall)) * 1000:F0} ms wall (min {runs.Min(r => r.Wall) * 1000:F0}, max {runs.Max(r => r.Wall) * 1000:F0}), "
            + $"median {Median(runs.Select(r => r.Cpu)) * 1000:F0} ms CPU user+sys (min {runs.Min(r => r.Cpu) * 1000:F0}); {runs.Count} runs, load average {LoadAverage()}");

    private static List<(double Wall, double Cpu)> Time(string bin, string[] args, int runs)
    {
        RunOnce(bin, args); // warm-up, not counted
        return [.. Enumerable.Range(0, runs).Select(_ => RunOnce(bin, args))];
    }

    private static (double Wall, double Cpu) RunOnce(string file, string[] args)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        double cpu = ThreadCpu.ChildrenCpuSeconds();
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        sw.Stop();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {p.ExitCode}: {stderr.Result}");
        }

        return (sw.Elapsed.TotalSeconds, ThreadCpu.ChildrenCpuSeconds() - cpu);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string? FindCommand()
    {
        string? env = Environment.GetEnvironmentVariable("SOURCECHECK_BIN");
        if (!string.IsNullOrEmpty(env))
        {
            return env;
        }

        if (Exists("sourcecheck", ["--help"]))
        {
            return "sourcecheck";
        }

        string? root = RepoRoot();
        string built = root is null ? string.Empty : Path.Combine(root, "src", "SourceCheck.Cli", "bin", "Release", "net10.0", OperatingSystem.IsWindows() ? "SourceCheck.Cli.exe" : "SourceCheck.Cli");
        return File.Exists(built) ? built : null;
    }

    private static bool Exists(string file, string[] args)
    {
        try
        {
            RunOnce(file, args);
            return true;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return false;
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

    internal static string? ApaStyle()
    {
        string? root = RepoRoot();
        string path = root is null ? string.Empty : Path.GetFullPath(Path.Combine(root, "..", "shared", "csl-styles", "apa.csl"));
        return File.Exists(path) ? path : null;
    }

    internal static string LoadAverage()
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
}
