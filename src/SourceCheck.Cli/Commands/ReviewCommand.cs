using System.CommandLine;
using SourceCheck.Cli.Infrastructure;
using SourceCheck.Cli.Review;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.Formatting;
using SourceCheck.Storage;
using Spectre.Console;

namespace SourceCheck.Cli.Commands;

/// <summary><c>sourcecheck review [--db FILE] [--status open|all] [--export-accepted FILE [--style STYLE]]</c>:
/// the terminal UI over flagged links, or (with --export-accepted) a non-interactive export of the references of
/// the documents on either side of accepted links as CSL-JSON.</summary>
public static class ReviewCommand
{
    public static Command Create(CliEnvironment env) => Create(env, null);

    /// <param name="keys">Key source for the UI; null reads the terminal.</param>
    public static Command Create(CliEnvironment env, IKeySource? keys)
    {
        var db = StoreCli.CreateDbOption();
        var status = new Option<string>("--status") { Description = "Which links to list", DefaultValueFactory = _ => "open" };
        status.AcceptOnlyFromAmong("open", "all", "accepted", "rejected");
        var export = new Option<string?>("--export-accepted") { Description = "Write the references of accepted links' documents to FILE as CSL-JSON (no UI)" };
        var style = new Option<string?>("--style") { Description = "With --export-accepted: format the references as a bibliography in this CSL style (plain text) instead of CSL-JSON" };
        var reviewer = new Option<string?>("--reviewer") { Description = "Name recorded with each decision (default: the OS user name); other reviewers see it" };
        var command = new Command("review", "Review flagged claim links in a terminal UI: accept, reject or relabel; export accepted references")
        {
            db, status, export, style, reviewer,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(export) is { Length: > 0 } file)
            {
                using var exportStore = StoreCli.Open(env, parse.GetValue(db));
                var items = exportStore.AcceptedReferences();
                string content = CslJson.Serialize(items);
                if (parse.GetValue(style) is { Length: > 0 } styleName)
                {
                    BibliographyStyle loaded;
                    try
                    {
                        loaded = BibliographyStyle.Load(styleName, styles: new StyleCatalog(env.GetEnvironmentVariable, env.CurrentDirectory));
                    }
                    catch (DiagnosticException ex)
                    {
                        CliIO.ReportDiagnostics(env, ex.Diagnostics);
                        return ExitCodes.InputError;
                    }

                    content = items.Count == 0 ? string.Empty : loaded.Format(items).Text;
                }

                CliIO.WriteOutput(env, file, content);

                env.Error.WriteLine($"exported {items.Count} reference(s) of accepted links to {file}");
                return ExitCodes.Ok;
            }

            if (keys is null && (env.InputRedirected || env.OutputRedirected))
            {
                env.Error.WriteLine("error: review is interactive and needs a terminal (standard input and output are not one);"
                    + " use 'sourcecheck review --export-accepted FILE' or 'sourcecheck trace --json' in scripts");
                return ExitCodes.Usage;
            }

            ReviewStatus? filter = parse.GetValue(status) switch
            {
                "all" => null,
                var s => ReviewStatusNames.Parse(s),
            };
            using var store = StoreCli.Open(env, parse.GetValue(db));
            var links = store.ListLinks(filter);
            bool terminal = keys is null;
            var console = terminal ? TerminalConsole(env) : StoreCli.Console(env, env.Out, redirected: true);
            var session = new ReviewSession(store, links, console, keys ?? new ConsoleKeySource())
            {
                Reviewer = parse.GetValue(reviewer) is { Length: > 0 } name ? name.Trim() : DefaultReviewer(env),
                ClearBetweenFrames = terminal,
                BeforeFrame = terminal ? FollowTerminalSize : null,
            };
            int decisions;
            try
            {
                if (terminal)
                {
                    // The alternate screen: the UI leaves nothing in the scrollback and the shell's screen comes back on exit.
                    console.WriteAnsi("\u001b[?1049h\u001b[2J");
                    console.Cursor.Hide();
                }

                decisions = session.Run();
            }
            finally
            {
                if (terminal)
                {
                    console.Cursor.Show();
                    console.WriteAnsi("\u001b[?1049l");
                }
            }

            env.Error.WriteLine($"review: {decisions} decision(s) saved to {store.Path}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The OS user: <c>USER</c> / <c>USERNAME</c>, else the process's user name.</summary>
    internal static string DefaultReviewer(CliEnvironment env) =>
        env.GetEnvironmentVariable("USER") is { Length: > 0 } user ? user
        : env.GetEnvironmentVariable("USERNAME") is { Length: > 0 } name ? name
        : Environment.UserName;

    private static IAnsiConsole TerminalConsole(CliEnvironment env)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = env.Color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(env.Terminal ?? env.Out),
        });
        FollowTerminalSize(console);
        return console;
    }

    private static void FollowTerminalSize(IAnsiConsole console)
    {
        try
        {
            console.Profile.Width = Math.Max(40, Console.WindowWidth);
            console.Profile.Height = Math.Max(12, Console.WindowHeight);
        }
        catch (IOException)
        {
        }
    }
}
