using System.Globalization;

namespace SourceCheck.Cli.Infrastructure;

/// <summary>Small wording helpers for messages.</summary>
internal static class CliText
{
    /// <summary>"1 error", "2 errors", "0 errors" (English plural by -s).</summary>
    public static string Count(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? string.Empty : "s")}");
}
