using SourceCheck.Cli.Infrastructure;

namespace SourceCheck.Tests.Support;

/// <summary>Runs the CLI in-process with captured streams.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(string? stdin, params string[] args) => RunIn(null, stdin, args);

    public static Result RunIn(string? currentDirectory, string? stdin, params string[] args) => RunWith(null, currentDirectory, stdin, args);

    /// <summary>Runs with <paramref name="environment"/> as the environment variables (null: the process's).</summary>
    public static Result RunWith(Func<string, string?>? environment, string? currentDirectory, string? stdin, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var env = new CliEnvironment
        {
            In = new StringReader(stdin ?? string.Empty),
            Out = output,
            Error = error,
            InputRedirected = stdin is not null,
            Color = false,
            CurrentDirectory = currentDirectory ?? Environment.CurrentDirectory,
            Width = 120,
            GetEnvironmentVariable = environment ?? Environment.GetEnvironmentVariable,
        };
        int code = CliApp.Run(args, env);
        return new Result(code, output.ToString(), error.ToString());
    }
}
