using System.CommandLine;
using SourceCheck.Cli.Infrastructure;
using SourceCheck.Storage;
using Spectre.Console;

namespace SourceCheck.Cli.Review;

/// <summary>The <c>--db FILE</c> option and opening the store for a command (SC6xxx problems become exit 3 with one line on stderr).</summary>
public static class StoreCli
{
    public static Option<string?> CreateDbOption() => new("--db")
    {
        Description = "Store to use: an SQLite file, or a PostgreSQL URI postgresql://user@host:port/db (password from PGPASSWORD or ~/.pgpass) (default: $SOURCECHECK_DB, else $XDG_DATA_HOME/sourcecheck/sourcecheck.db or ~/.local/share/sourcecheck/sourcecheck.db; created on first use)",
    };

    public static string ResolvePath(CliEnvironment env, string? db) =>
        StoreLocation.Resolve(db, env.GetEnvironmentVariable, env.CurrentDirectory);

    /// <summary>Opens the store at <paramref name="path"/> when called (the checker's <c>OpenStore</c>); a failure is a
    /// <see cref="StoreException"/> for the caller to report.</summary>
    public static Func<IClaimStore> Opener(CliEnvironment env, string path) =>
        () => StoreLocation.Open(path, env.Time, env.GetEnvironmentVariable);

    public static IClaimStore Open(CliEnvironment env, string? db)
    {
        string path = ResolvePath(env, db);
        try
        {
            return StoreLocation.Open(path, env.Time, env.GetEnvironmentVariable);
        }
        catch (StoreException ex)
        {
            throw new CliException(CliException.FileLevel(ex.Code, ex.Message), ExitCodes.InputError);
        }
    }

    /// <summary>A Spectre console over <paramref name="writer"/>: ANSI only when colour is allowed and the stream is a terminal.</summary>
    public static IAnsiConsole Console(CliEnvironment env, TextWriter writer, bool redirected)
    {
        bool ansi = env.Color && !redirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = ansi ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = env.Width;
        return console;
    }
}
