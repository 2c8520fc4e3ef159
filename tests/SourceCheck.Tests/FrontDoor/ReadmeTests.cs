using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SourceCheck.Tests.Storage;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.FrontDoor;

/// <summary>The README as a user meets it: every command of its <c>sh</c> blocks runs as written (through the
/// built CLI, in a scratch folder holding the repository's fixtures), and the two library programs of its
/// "Library" section compile and run.</summary>
public sealed partial class ReadmeTests
{
    private static string Readme => File.ReadAllText(Path.Combine(SharedData.RepoRoot, "README.md"));

    /// <summary>Commands of the README's sh blocks that build or test the repository itself: not run here (the
    /// suite is itself the second, and the first is what the other commands exercise).</summary>
    private static readonly string[] BuildCommands = ["dotnet test ", "dotnet pack ", "dotnet tool "];

    internal static List<string> CodeBlocks(string markdown, string language) =>
        [.. FencedBlock().Matches(markdown).Where(m => m.Groups[1].Value == language).Select(m => m.Groups[2].Value)];

    [GeneratedRegex(@"^```(\w*)\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline, 1000)]
    private static partial Regex FencedBlock();

    [Fact]
    public void Should_run_every_command_of_the_readme_as_written()
    {
        var commands = CodeBlocks(Readme, "sh")
            .SelectMany(b => b.Split('\n'))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Where(l => !BuildCommands.Any(b => l.StartsWith(b, StringComparison.Ordinal)))
            // The quick start runs the command from source; here the built tool stands in for it.
            .Select(l => l.Replace("dotnet run --project src/SourceCheck.Cli -- ", "sourcecheck ", StringComparison.Ordinal))
            .ToList();
        Assert.True(commands.Count >= 15, $"only {commands.Count} commands found");
        Assert.All(commands, c => Assert.Contains("sourcecheck", c, StringComparison.Ordinal));

        string scratch = Path.Combine(Path.GetTempPath(), "sc-readme-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(scratch);
        Directory.CreateSymbolicLink(Path.Combine(scratch, "fixtures"), Path.Combine(SharedData.RepoRoot, "fixtures"));
        // SOURCECHECK_BIN: the command as installed (the Native AOT binary in CI); else the CLI as built (RobustnessTests.BuiltCli).
        string cli = Environment.GetEnvironmentVariable("SOURCECHECK_BIN") is { Length: > 0 } bin
            ? Path.GetFullPath(bin)
            : RobustnessTests.BuiltCli();
        var failures = new List<string>();
        foreach (string command in commands)
        {
            var (code, output) = RunShell(scratch, cli, command);
            if (code is not (0 or 1))
            {
                failures.Add($"exit {code}: {command}\n{output}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private static (int Code, string Output) RunShell(string directory, string cli, string line)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add("-c");
        string run = cli.EndsWith(".dll", StringComparison.Ordinal) ? $"dotnet '{cli}'" : $"'{cli}'";
        start.ArgumentList.Add($"sourcecheck() {{ {run} \"$@\"; }}\nset -o pipefail\n{line}");
        start.Environment["SOURCECHECK_DB"] = Path.Combine(directory, "store.db");
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out");
        }

        return (process.ExitCode, stderr + stdout.GetAwaiter().GetResult()[..Math.Min(2000, stdout.Result.Length)]);
    }

    [Fact]
    public void Should_compile_and_run_the_library_examples_of_the_readme()
    {
        var programs = CodeBlocks(Readme, "csharp");
        Assert.Equal(2, programs.Count);
        Assert.All(programs, p => Assert.True(p.Split('\n').Count(l => l.Trim().Length > 0) <= 20, "a README program should stay short:\n" + p));

        string format = CompileAndRun(programs[0], "ReadmeFormat");
        Assert.Contains("Wile, R., & Kopack, S. (2025, November 6). OpenAI CFO walks back comments on a federal backstop. NBC News.", format, StringComparison.Ordinal);
        Assert.Contains("Bort, J. (2025, November 6).", format, StringComparison.Ordinal);

        string check = CompileAndRun(programs[1], "ReadmeCheck");
        Assert.Matches(@"\d+ references, [1-9]\d* claims, \d+ without a source", check);
        Assert.Contains("# ", check, StringComparison.Ordinal);
    }

    /// <summary>Compiles a top-level program against the library and runs it in its own process from the repository root.</summary>
    private static string CompileAndRun(string source, string name)
    {
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        var references = trusted.Split(Path.PathSeparator)
            .Append(typeof(Bibliography).Assembly.Location)
            .Select(p => MetadataReference.CreateFromFile(p))
            .ToList();
        var compilation = CSharpCompilation.Create(name,
            [
                CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview)),
                // What `dotnet new console` brings (ImplicitUsings), where the README's programs are meant to be pasted.
                CSharpSyntaxTree.ParseText("global using System; global using System.IO; global using System.Linq; global using System.Collections.Generic; global using System.Threading.Tasks;",
                    new CSharpParseOptions(LanguageVersion.Preview)),
            ],
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        string dll = Path.Combine(AppContext.BaseDirectory, name + ".dll");
        var emitted = compilation.Emit(dll);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "SourceCheck.Tests.runtimeconfig.json"), Path.Combine(AppContext.BaseDirectory, name + ".runtimeconfig.json"), overwrite: true);

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = SharedData.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "timed out");
        string output = stdout.GetAwaiter().GetResult();
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{stderr}\n{output}");
        return output;
    }

    [Fact]
    public void Should_keep_the_library_free_of_evaluation_and_training_types()
    {
        var library = typeof(Bibliography).Assembly;
        var names = library.GetTypes().Select(t => t.FullName ?? t.Name).ToList();
        Assert.DoesNotContain(names, n => n.Contains(".Training.", StringComparison.Ordinal) || n.EndsWith("CslFixture", StringComparison.Ordinal)
            || n.EndsWith("PairEvaluation", StringComparison.Ordinal) || n.EndsWith("PairMetrics", StringComparison.Ordinal)
            || n.EndsWith("Evaluation", StringComparison.Ordinal));
        Assert.DoesNotContain(library.GetReferencedAssemblies(), a => a.Name == "SourceCheck.Evaluation");
        Assert.NotNull(Assembly.Load("SourceCheck.Evaluation").GetType("SourceCheck.Formatting.CslFixture"));
        Assert.NotNull(Assembly.Load("SourceCheck.Evaluation").GetType("SourceCheck.Claims.AttributionEvaluation"));
    }

    [Fact]
    public void Should_keep_the_store_backends_out_of_the_library()
    {
        // A caller who formats references carries no database driver: the SQLite and PostgreSQL stores are SourceCheck.Storage.
        var library = typeof(Bibliography).Assembly;
        Assert.DoesNotContain(library.GetReferencedAssemblies(), a => a.Name is "Microsoft.Data.Sqlite" or "Npgsql" || a.Name!.StartsWith("SQLitePCLRaw", StringComparison.Ordinal));
        Assert.Null(library.GetType("SourceCheck.Storage.SourceCheckStore"));
        Assert.NotNull(library.GetType("SourceCheck.Storage.IClaimStore"));
        var storage = typeof(SourceCheck.Storage.SourceCheckStore).Assembly;
        Assert.Equal("SourceCheck.Storage", storage.GetName().Name);
        Assert.Contains(storage.GetReferencedAssemblies(), a => a.Name == "Npgsql");
    }
}
