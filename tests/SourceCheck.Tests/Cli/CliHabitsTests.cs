using System.Text.Json;
using SourceCheck.Cli.Infrastructure;
using SourceCheck.Storage;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Cli;

/// <summary>The CLI defects of issue 16, one test each: usage errors, help, one output flag, one claim-id form,
/// standard input, directories, empty input, output folders, no runtime internals in messages.</summary>
public sealed class CliHabitsTests
{
    private static string TempPath(string ext) => Path.Combine(Path.GetTempPath(), "sc-habits-" + Guid.NewGuid().ToString("N")[..8] + ext);

    private static readonly string[] Leaks = ["LineNumber", "BytePositionInLine", ".tmp", "Exception", "   at "];

    private static void AssertNoInternals(string message)
    {
        foreach (string leak in Leaks)
        {
            Assert.DoesNotContain(leak, message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("check")]
    [InlineData("claims")]
    [InlineData("compare")]
    public void Should_refuse_an_unknown_option_instead_of_reading_it_as_a_file(string command)
    {
        string article = SharedData.Fixture("check/nordwind-en.txt");
        var r = CliRunner.Run(null, command, "--formt", "json", article, article);
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("unknown option '--formt'", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("no such file", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_suggest_the_closest_option_and_the_output_flag()
    {
        var typo = CliRunner.Run(null, "format", "--styel", "apa", SharedData.Fixture("sample.json"));
        Assert.Equal(ExitCodes.Usage, typo.ExitCode);
        Assert.Contains("did you mean '--style'?", typo.Error, StringComparison.Ordinal);
        var format = CliRunner.Run(null, "check", "--format", "json", SharedData.Fixture("check/nordwind-en.txt"));
        Assert.Equal(ExitCodes.Usage, format.ExitCode);
        Assert.Contains("did you mean '--to'?", format.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_suggest_the_closest_command()
    {
        var r = CliRunner.Run(null, "chek", "a.txt");
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("unknown command 'chek'; did you mean 'check'?", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Required command", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_print_the_help_with_examples_when_called_without_arguments()
    {
        var r = CliRunner.Run(null);
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("check", r.Out, StringComparison.Ordinal);
        Assert.Contains("Examples:", r.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, r.Error);
    }

    [Fact]
    public void Should_end_every_commands_help_with_examples_of_that_command()
    {
        var root = CliApp.BuildRoot(new CliEnvironment { In = TextReader.Null, Out = TextWriter.Null, Error = TextWriter.Null });
        var names = root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        Assert.True(names.Count >= 11, string.Join(", ", names));
        foreach (string name in names)
        {
            var r = CliRunner.Run(null, name, "--help");
            Assert.Equal(ExitCodes.Ok, r.ExitCode);
            int examples = r.Out.IndexOf("Examples:", StringComparison.Ordinal);
            Assert.True(examples > 0, $"{name} --help has no examples");
            Assert.Contains($"sourcecheck {name}", r.Out[examples..], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Should_accept_to_json_and_the_json_alias_alike()
    {
        string article = SharedData.Fixture("claims/de-veltrix.txt");
        var to = CliRunner.Run(null, "claims", article, "--to", "json");
        var json = CliRunner.Run(null, "claims", article, "--json");
        Assert.Equal(ExitCodes.Ok, to.ExitCode);
        Assert.Equal(to.Out, json.Out);
        Assert.Equal("sourcecheck-claims/1", JsonDocument.Parse(to.Out).RootElement.GetProperty("schema").GetString());
    }

    [Fact]
    public void Should_give_the_same_claim_ids_in_check_and_claims_and_trace_them()
    {
        string article = SharedData.Fixture("check/nordwind-en.txt");
        string db = TempPath(".db");
        var check = CliRunner.Run(null, "check", article, "--db", db, "--to", "json");
        var claims = CliRunner.Run(null, "claims", article, "--to", "json");
        Assert.True(check.ExitCode == 0, check.Error);
        var checkIds = JsonDocument.Parse(check.Out).RootElement.GetProperty("documents")[0].GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        var claimIds = JsonDocument.Parse(claims.Out).RootElement.GetProperty("documents")[0].GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.NotEmpty(checkIds);
        Assert.Equal(checkIds, claimIds);
        Assert.StartsWith("nordwind-en.txt-c", checkIds[0], StringComparison.Ordinal);

        var trace = CliRunner.Run(null, "trace", checkIds[0]!, "--db", db, "--to", "json");
        Assert.True(trace.ExitCode == 0, trace.Error);
        Assert.True(JsonDocument.Parse(trace.Out).RootElement.TryGetProperty("claim_id", out var seed) && seed.ValueKind == JsonValueKind.Number, trace.Out);
    }

    [Fact]
    public void Should_read_similarity_pairs_from_standard_input_by_default()
    {
        var r = CliRunner.Run("{\"id\": \"p1\", \"a\": \"Prices rose sharply.\", \"b\": \"Prices rose steeply.\"}\n", "similarity");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("\"id\": \"p1\"", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_name_the_line_of_bad_json_lines_without_reader_internals()
    {
        var r = CliRunner.Run("{\"id\": \"p1\", \"a\": \"x\", \"b\": \"y\"}\n{\"id\": 2, \"a\"\n", "similarity");
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Contains("<stdin>:2:", r.Error, StringComparison.Ordinal);
        AssertNoInternals(r.Error);
    }

    [Fact]
    public void Should_say_is_a_directory_for_a_directory_input()
    {
        var r = CliRunner.Run(null, "check", SharedData.Fixture("check"), "--no-store");
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Contains("is a directory", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("no such file", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_warn_about_empty_input_and_not_store_it()
    {
        string empty = TempPath(".txt");
        File.WriteAllText(empty, "  \n");
        string db = TempPath(".db");
        var r = CliRunner.Run(null, "check", empty, "--db", db);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("empty input", r.Out + r.Error, StringComparison.Ordinal);
        using var store = SourceCheckStore.Open(db);
        Assert.Empty(store.ListDocuments());
    }

    [Fact]
    public void Should_name_a_missing_output_folder_without_temp_paths()
    {
        string dir = Path.Combine(Path.GetTempPath(), "sc-missing-" + Guid.NewGuid().ToString("N")[..8]);
        var r = CliRunner.Run(null, "format", SharedData.Fixture("sample.json"), "-o", Path.Combine(dir, "out.txt"));
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Contains("does not exist", r.Error, StringComparison.Ordinal);
        AssertNoInternals(r.Error);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Should_refuse_a_directory_as_output_file()
    {
        var r = CliRunner.Run(null, "format", SharedData.Fixture("sample.json"), "-o", Path.GetTempPath());
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Contains("is a directory", r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0 errors")]
    [InlineData(1, "1 error")]
    [InlineData(2, "2 errors")]
    public void Should_count_in_words_that_agree(int n, string expected) =>
        Assert.Equal(expected, CliText.Count(n, "error"));

    [Fact]
    public void Should_print_the_build_version()
    {
        var r = CliRunner.Run(null, "--version");
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", r.Out.Trim());
    }
}
