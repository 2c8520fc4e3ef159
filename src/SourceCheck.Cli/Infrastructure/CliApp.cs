using System.CommandLine;
using SourceCheck.Cli.Commands;

namespace SourceCheck.Cli.Infrastructure;

/// <summary>Builds the command tree and runs it: parse errors exit 2, <see cref="CliException"/> prints its
/// message and exits with its code, anything unexpected is reported in one line (no stack trace unless
/// SOURCECHECK_DEBUG is set) and exits 3.</summary>
public static class CliApp
{
    public static readonly Option<bool> NoColorOption = new("--no-color")
    {
        Description = "Do not use colour (also: NO_COLOR environment variable)",
        Recursive = true,
    };

    public static RootCommand BuildRoot(CliEnvironment env)
    {
        var root = new RootCommand("SourceCheck: find, parse, format and verify the sources of an article, and trace its claims.");
        root.Options.Add(NoColorOption);
        foreach (var command in Commands(env))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Every subcommand. Each lives in its own file under Commands/.</summary>
    private static IEnumerable<Command> Commands(CliEnvironment env)
    {
        yield return ParseCommand.Create(env);
        yield return TraceCommand.Create(env);
        yield return SearchCommand.Create(env);
        yield return ReviewCommand.Create(env);
        yield return IngestStressCommand.Create(env);
        yield return FormatCommand.Create(env);
        yield return ClaimsCommand.Create(env);
        yield return CompareCommand.Create(env);
        yield return SimilarityCommand.Create(env);
        yield return PageCommand.Create(env);
        yield return VerifyCommand.Create(env);
        yield return CheckCommand.Create(env);
    }

    public static int Run(string[] args, CliEnvironment env)
    {
        var root = BuildRoot(env);
        var parse = root.Parse(args);
        if (parse.GetValue(NoColorOption))
        {
            env.Color = false;
        }

        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                env.Error.WriteLine($"error: {error.Message}");
            }

            env.Error.WriteLine("Run 'sourcecheck --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                Output = env.Out,
                Error = env.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (CliException ex)
        {
            env.Error.WriteLine($"error: {ex.Message}");
            return ex.ExitCode;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // File-system problems (a missing folder, a size limit, no permission) in our words, not an exception name.
            env.Error.WriteLine($"error: {ex.Message}");
            if (!string.IsNullOrEmpty(env.GetEnvironmentVariable("SOURCECHECK_DEBUG")))
            {
                env.Error.WriteLine(ex.ToString());
            }

            return ExitCodes.InputError;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            env.Error.WriteLine($"error: {ex.GetType().Name}: {ex.Message}");
            if (!string.IsNullOrEmpty(env.GetEnvironmentVariable("SOURCECHECK_DEBUG")))
            {
                env.Error.WriteLine(ex.ToString());
            }

            return ExitCodes.InputError;
        }
    }
}
