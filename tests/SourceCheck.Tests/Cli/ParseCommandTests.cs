using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Cli;

public sealed class ParseCommandTests
{
    [Fact]
    public void Should_exit_3_without_stack_trace_on_invalid_json()
    {
        var r = CliRunner.Run("[{\"id\": }", "parse", "--from", "csl-json", "-");
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("SC1001", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, r.Out);
    }

    [Fact]
    public void Should_exit_2_on_unknown_option()
    {
        var r = CliRunner.Run(null, "parse", "--to", "nonsense");
        Assert.Equal(2, r.ExitCode);
    }

    [Fact]
    public void Should_refuse_binary_input()
    {
        var r = CliRunner.Run("abc\0def", "parse", "-");
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("binary", r.Error, StringComparison.Ordinal);
    }
}
