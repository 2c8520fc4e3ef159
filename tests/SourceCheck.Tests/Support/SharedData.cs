namespace SourceCheck.Tests.Support;

/// <summary>Locates ../shared (beside the repository root) and the repository's own folders.
/// Tests that need shared data call <see cref="Require"/> inside a SkippableFact, so that a fresh
/// clone without ../shared still passes.</summary>
public static class SharedData
{
    private static readonly Lazy<string> RepoRootLazy = new(FindRepoRoot);

    public static string RepoRoot => RepoRootLazy.Value;

    public static string SharedRoot => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static bool Available => Directory.Exists(SharedRoot);

    /// <summary>Full path of a file or folder under ../shared; skips the calling test when it is absent.</summary>
    public static string Require(string relative)
    {
        string path = Path.Combine(SharedRoot, relative);
        Skip.IfNot(File.Exists(path) || Directory.Exists(path), $"../shared/{relative} is not available");
        return path;
    }

    public static string Fixture(string relative) => Path.Combine(RepoRoot, "fixtures", relative);

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SourceCheck.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root (SourceCheck.sln) not found");
    }
}
