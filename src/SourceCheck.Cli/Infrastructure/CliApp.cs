using System.CommandLine;
using System.CommandLine.Help;
using SourceCheck.Cli.Commands;
using SourceCheck.Diagnostics;
using SourceCheck.Storage;
using SourceCheck.Text;

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
        yield return StylesCommand.Create(env);
        yield return ClaimsCommand.Create(env);
        yield return CompareCommand.Create(env);
        yield return SimilarityCommand.Create(env);
        yield return PageCommand.Create(env);
        yield return VerifyCommand.Create(env);
        yield return CheckCommand.Create(env);
    }

    private static void WriteExamples(CliEnvironment env, Command command)
    {
        var examples = CliExamples.For(command is RootCommand ? "sourcecheck" : command.Name);
        if (examples.Count == 0)
        {
            return;
        }

        env.Out.WriteLine("Examples:");
        foreach (string example in examples)
        {
            env.Out.WriteLine($"  {example}");
        }

        env.Out.WriteLine();
        env.Out.Flush();
    }

    public static int Run(string[] args, CliEnvironment env)
    {
        var root = BuildRoot(env);
        if (args.Length == 0)
        {
            // No arguments: the help (what a new user needs), not an error.
            args = ["--help"];
        }

        var parse = root.Parse(args);
        if (parse.GetValue(NoColorOption))
        {
            env.Color = false;
        }

        bool help = parse.Action is HelpAction;
        var errors = help ? [] : parse.Errors.Select(e => CliUsage.Describe(e, parse)).Concat(CliUsage.Errors(parse)).Distinct(StringComparer.Ordinal).ToList();
        if (errors.Any(e => e.StartsWith("unknown ", StringComparison.Ordinal)))
        {
            // "unknown command 'chek'" says it all; System.CommandLine's follow-up errors only add noise.
            errors.RemoveAll(e => !e.StartsWith("unknown ", StringComparison.Ordinal));
        }
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                env.Error.WriteLine($"error: {error}");
            }

            env.Error.WriteLine($"Run '{CliUsage.CommandPath(parse.CommandResult.Command)} --help' for usage.");
            return ExitCodes.Usage;
        }

        int skippedBefore = RegexPolicy.SkippedUnits;
        try
        {
            int code = parse.Invoke(new InvocationConfiguration
            {
                Output = env.Out,
                Error = env.Error,
                EnableDefaultExceptionHandler = false,
            });
            if (help)
            {
                WriteExamples(env, parse.CommandResult.Command);
            }

            ReportSkippedUnits(env, RegexPolicy.SkippedUnits - skippedBefore);
            return code;
        }
        catch (CliException ex)
        {
            env.Error.WriteLine(Positioned(ex.Message));
            return ex.ExitCode;
        }
        catch (InputException ex)
        {
            env.Error.WriteLine(Positioned(ex.Message));
            return ExitCodes.InputError;
        }
        catch (DiagnosticException ex)
        {
            CliIO.ReportDiagnostics(env, ex.Diagnostics);
            return ExitCodes.InputError;
        }
        catch (StoreException ex)
        {
            env.Error.WriteLine(CliException.FileLevel(ex.Code, ex.Message));
            if (!string.IsNullOrEmpty(env.GetEnvironmentVariable("SOURCECHECK_DEBUG")) && ex.InnerException is { } inner)
            {
                env.Error.WriteLine(inner.ToString());
            }

            return ExitCodes.InputError;
        }
        catch (System.Data.Common.DbException ex)
        {
            // a store failure outside Open and InTransaction (a query of trace, search or review): our words, not the driver's
            var store = StoreLocation.Describe(ex);
            env.Error.WriteLine(CliException.FileLevel(store.Code, store.Message));
            return ExitCodes.InputError;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // File-system problems (a missing folder, a size limit, no permission) in our words, not an exception name.
            env.Error.WriteLine(Positioned(ex.Message));
            if (!string.IsNullOrEmpty(env.GetEnvironmentVariable("SOURCECHECK_DEBUG")))
            {
                env.Error.WriteLine(ex.ToString());
            }

            return ExitCodes.InputError;
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // a pattern outside any per-unit guard ran over the shared limit: our words, exit 3, no stack trace
            env.Error.WriteLine(CliException.FileLevel(DiagnosticCodes.RegexUnitsSkipped, $"a pattern match ran over its time limit of {RegexPolicy.TimeoutMilliseconds / 1000} s (an overloaded machine or a pathological input); nothing was written"));
            return ExitCodes.InputError;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            env.Error.WriteLine($"error: unexpected problem: {ex.Message} (set SOURCECHECK_DEBUG=1 for details)");
            if (!string.IsNullOrEmpty(env.GetEnvironmentVariable("SOURCECHECK_DEBUG")))
            {
                env.Error.WriteLine(ex.ToString());
            }

            return ExitCodes.InputError;
        }
    }

    /// <summary>The regex policy's one handling rule, seen by the user: text units given up after a match timeout are
    /// counted, never silent and never a stack trace.</summary>
    private static void ReportSkippedUnits(CliEnvironment env, int skipped)
    {
        if (skipped > 0)
        {
            env.Error.WriteLine($"warning {DiagnosticCodes.RegexUnitsSkipped}: {skipped:N0} text unit(s) skipped: a pattern match ran over its time limit of {RegexPolicy.TimeoutMilliseconds / 1000} s (an overloaded machine or a pathological input); the rest was processed");
        }
    }

    /// <summary>A message that already reads "FILE:LINE:COLUMN: error SC…: …" is printed as it is; others get "error: " in front.</summary>
    private static string Positioned(string message) =>
        message.Contains(": error SC", StringComparison.Ordinal) ? message : $"error: {message}";
}
