using System.Text.RegularExpressions;
using SourceCheck.Text;

namespace SourceCheck.Storage;

/// <summary>What <c>--db</c> / <c>SOURCECHECK_DB</c> name: a file path (the SQLite store) or a server URI
/// <c>postgresql://user@host:port/db</c> (also <c>postgres://</c>; the PostgreSQL store). Passwords come from
/// <c>PGPASSWORD</c> or the passfile (<c>PGPASSFILE</c>, <c>~/.pgpass</c>); one written into the URI is used but never shown.</summary>
public static partial class StoreLocation
{
    /// <summary>Whether <paramref name="location"/> is a PostgreSQL URI rather than a file path.</summary>
    public static bool IsServer(string? location) =>
        location is not null
        && (location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase));

    /// <summary>The location fit to print: a URI with any password replaced by <c>***</c>; a path unchanged.</summary>
    public static string Display(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return IsServer(location) ? UserInfoPassword().Replace(location, "$1:***@", 1) : location;
    }

    /// <summary>Opens the store <paramref name="location"/> names (see <see cref="StorePaths.Resolve"/>), migrating it to the latest schema.</summary>
    /// <exception cref="StoreException">The store cannot be opened (SC6xxx; the message never holds a password).</exception>
    public static IClaimStore Open(string location, TimeProvider? time = null, Func<string, string?>? getEnvironmentVariable = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        return IsServer(location)
            ? PostgresStore.Open(location, time, getEnvironmentVariable ?? Environment.GetEnvironmentVariable)
            : SourceCheckStore.Open(location, time);
    }

    /// <summary>The store a command uses: <paramref name="explicitLocation"/> (<c>--db</c>), else <c>SOURCECHECK_DB</c>, else
    /// <c>$XDG_DATA_HOME/sourcecheck/sourcecheck.db</c> (default <c>~/.local/share/sourcecheck/sourcecheck.db</c>). A file
    /// path is made absolute against <paramref name="currentDirectory"/>; a PostgreSQL URI is kept as given.</summary>
    public static string Resolve(string? explicitLocation, Func<string, string?> getEnvironmentVariable, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        ArgumentNullException.ThrowIfNull(currentDirectory);
        return StorePaths.Resolve(explicitLocation, getEnvironmentVariable, currentDirectory);
    }

    /// <summary>A database failure met outside <see cref="Open"/> in SourceCheck's words with its SC6xxx code, never the
    /// driver's text: locked, read-only, damaged, not a database, cannot open, disk full.</summary>
    public static StoreException Describe(System.Data.Common.DbException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return SourceCheckStore.Translate(exception, null);
    }

    /// <summary>How many of the newest claims containing every search term <c>IClaimStore.Search</c> ranks.</summary>
    public const int SearchRankWindow = SourceCheckStore.SearchRankWindow;

    /// <summary>The salient terms <c>IClaimStore.Search</c> looks for in <paramref name="text"/> (stop words dropped,
    /// stems, prefixes); none means the search has nothing to look for.</summary>
    public static IReadOnlyList<SearchTerm> SearchTerms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SourceCheck.Storage.SearchTerms.Salient(text);
    }

    [GeneratedRegex(@"^((?:postgres|postgresql)://[^:/@?#]*):[^@/?#]*@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex UserInfoPassword();
}
