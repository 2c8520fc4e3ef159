using System.Text.RegularExpressions;
using SourceCheck.Cli.Infrastructure;
using SourceCheck.Fuzzing;
using SourceCheck.Tests.Support;
using Xunit.Abstractions;

namespace SourceCheck.Tests.Robustness;

/// <summary>The bounded fuzz run of the normal suite (the long run is <c>bench -- fuzz</c>): for every reader its seeds,
/// seeded mutants and the crafted hostile shapes at a few sizes; no exception, no case over its time budget.
/// Then the same kind of inputs through the CLI: exit codes 0-3 only, no exception names, errors positioned.</summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private static readonly int[] Sizes = [1_000, 16_000, 200_000];

    public static TheoryData<string> ReaderNames() => [.. FuzzEngine.Readers(SharedData.Fixture(string.Empty)).Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(ReaderNames))]
    public void Reader_survives_generated_mutated_and_crafted_inputs(string name)
    {
        var reader = FuzzEngine.Readers(SharedData.Fixture(string.Empty)).Single(r => r.Name == name);
        var cases = FuzzEngine.Run(reader, seed: name.Length * 7919, mutations: 60, Sizes).ToList();
        var worst = cases.MaxBy(c => c.Seconds)!;
        output.WriteLine($"{name}: {cases.Count} cases, worst {worst.Seconds:0.000} s ({worst.Kind}, {worst.Size:N0} chars), slope {FuzzEngine.Slope(cases):0.00}");
        var failures = cases.Where(c => c.Failure is not null).ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5).Select(f => $"{f.Kind} ({f.Size:N0} chars): {f.Failure}\n  input: {Shorten(f.Input)}")));
    }

    [Fact]
    public void Page_folders_and_stores_survive_mutated_files()
    {
        string work = Directory.CreateTempSubdirectory("sc-fuzz-").FullName;
        try
        {
            var cases = FuzzEngine.RunFiles(work, seed: 15, cases: 40).ToList();
            var failures = cases.Where(c => c.Failure is not null).ToList();
            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5).Select(f => $"{f.Reader} {f.Kind}: {f.Failure}\n  input: {Shorten(f.Input)}")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private static readonly Regex ErrorLine = new(@"^(\S.*?:\d+:\d+: error SC\d{4}: |error: )", RegexOptions.Multiline, TimeSpan.FromSeconds(1));

    [Theory]
    [InlineData("parse", "sample.bib")]
    [InlineData("parse", "sample.ris")]
    [InlineData("parse", "sample.json")]
    [InlineData("claims", "sample-article.txt")]
    [InlineData("format", "sample.json")]
    public void Cli_exit_codes_and_messages_stay_in_the_contract(string command, string seedFile)
    {
        string dir = Directory.CreateTempSubdirectory("sc-fuzz-cli-").FullName;
        try
        {
            string seed = File.ReadAllText(SharedData.Fixture(seedFile));
            var rng = new Random(seedFile.Length * 31 + command.Length);
            for (int i = 0; i < 25; i++)
            {
                string input = FuzzEngine.Mutate(rng, FuzzEngine.Mutate(rng, seed));
                string path = Path.Combine(dir, $"{i}{Path.GetExtension(seedFile)}");
                File.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(input)); // as a file holds it (lone surrogates → U+FFFD)
                var r = CliRunner.Run(null, command, path);
                Assert.True(r.ExitCode is >= 0 and <= 3, $"exit {r.ExitCode}: {r.Error}");
                Assert.DoesNotContain("Exception", r.Error, StringComparison.Ordinal);
                Assert.DoesNotContain(":@", r.Error, StringComparison.Ordinal);
                if (r.ExitCode == ExitCodes.InputError)
                {
                    Assert.Matches(ErrorLine, r.Error);
                }
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Regression_fixtures_run_through_their_readers()
    {
        var readers = FuzzEngine.Readers(SharedData.Fixture(string.Empty)).ToDictionary(r => r.Name);
        string[] map = ["yaml-:csl-yaml", "csl-:csl-style", "json-:csl-json", "pairs-:pairs", "article-:article", "utf8-:article", "bibtex-:bibtex"];
        foreach (string file in Directory.GetFiles(SharedData.Fixture("fuzz"), "*", SearchOption.AllDirectories))
        {
            string name = Path.GetFileName(file);
            string? reader = map.Select(m => m.Split(':')).FirstOrDefault(m => name.StartsWith(m[0], StringComparison.Ordinal))?[1]
                ?? readers.Keys.FirstOrDefault(k => name.StartsWith(k + "-", StringComparison.Ordinal));
            if (reader is null)
            {
                continue;
            }

            var result = FuzzEngine.RunOne(readers[reader], "fixture", File.ReadAllText(file));
            Assert.True(result.Failure is null, $"{name}: {result.Failure}");
        }
    }

    [Fact]
    public void Budget_is_held_against_the_reader_threads_cpu_time_not_the_wall_clock()
    {
        // a reader that spins past the budget fails even on a tiny input; one that only waits (as a reader on a loaded
        // machine waits for a core) uses next to no CPU of its thread and passes
        var spin = new FuzzReader("spin", _ =>
        {
            // spins until its thread has used the budget and more (by the thread's clock: on a loaded machine a
            // spin timed by the wall clock gets less CPU than it waits)
            double start = SourceCheck.Bench.ThreadCpu.NowMs();
            long x = 0;
            while (SourceCheck.Bench.ThreadCpu.NowMs() - start < (FuzzEngine.Budget(1) + 0.3) * 1000)
            {
                x++;
            }

            GC.KeepAlive(x);
        }, ["s"], []);
        var spun = FuzzEngine.RunOne(spin, "shape", "x");
        Assert.NotNull(spun.Failure);
        Assert.Contains("s CPU", spun.Failure, StringComparison.Ordinal);
        Assert.True(spun.Seconds > FuzzEngine.Budget(1), $"{spun.Seconds} s CPU");

        var wait = new FuzzReader("wait", _ => Thread.Sleep(400), ["s"], []);
        var waited = FuzzEngine.RunOne(wait, "shape", "x");
        Assert.Null(waited.Failure);
        Assert.True(waited.WallSeconds >= 0.39, $"{waited.WallSeconds} s wall");
        Assert.True(waited.Seconds < 0.2, $"{waited.Seconds} s CPU while sleeping");
    }

    private static string Shorten(string s) => s.Length <= 200 ? s : s[..200] + $"… ({s.Length:N0} chars)";
}
