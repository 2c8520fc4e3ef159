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

    [GeneratedRegex(@"^((?:postgres|postgresql)://[^:/@?#]*):[^@/?#]*@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex UserInfoPassword();
}
