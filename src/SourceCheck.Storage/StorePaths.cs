namespace SourceCheck.Storage;

/// <summary>Where the database lives: <c>--db FILE</c>, else <c>SOURCECHECK_DB</c>, else
/// <c>$XDG_DATA_HOME/sourcecheck/sourcecheck.db</c> (default <c>~/.local/share/sourcecheck/sourcecheck.db</c>;
/// on Windows the local application data folder). A PostgreSQL URI (<c>postgresql://…</c>) is kept as given.</summary>
internal static class StorePaths
{
    public const string EnvironmentVariable = "SOURCECHECK_DB";

    public const string FileName = "sourcecheck.db";

    public static string Resolve(string? explicitPath, Func<string, string?> getEnvironmentVariable, string currentDirectory)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return StoreLocation.IsServer(explicitPath) ? explicitPath.Trim() : Path.GetFullPath(explicitPath, currentDirectory);
        }

        string? fromEnv = getEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return StoreLocation.IsServer(fromEnv) ? fromEnv.Trim() : Path.GetFullPath(fromEnv, currentDirectory);
        }

        return DefaultPath(getEnvironmentVariable);
    }

    public static string DefaultPath(Func<string, string?> getEnvironmentVariable)
    {
        string? xdg = getEnvironmentVariable("XDG_DATA_HOME");
        string dataHome;
        if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg))
        {
            dataHome = xdg;
        }
        else if (OperatingSystem.IsWindows())
        {
            dataHome = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        }
        else
        {
            string home = getEnvironmentVariable("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            dataHome = Path.Combine(home, ".local", "share");
        }

        return Path.Combine(dataHome, "sourcecheck", FileName);
    }
}
