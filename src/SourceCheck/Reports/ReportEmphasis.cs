using System.Reflection;
using SourceCheck.Claims;
using SourceCheck.Verification;

namespace SourceCheck.Reports;

/// <summary>Which findings of a report an editor must see first (the summary box of the HTML and Markdown reports):
/// contradictions, misattributions, number mismatches and misquotes between claims, and dead links, mismatching
/// pages and errors among the verification findings.</summary>
internal static class ReportEmphasis
{
    /// <summary>What "no serious findings" means, said in the reports.</summary>
    public const string NoneFound = "no contradiction, misattribution, number mismatch, misquote, dead link or mismatching page";

    public static bool IsSerious(LinkType type) =>
        type is LinkType.Contradiction or LinkType.NumberMismatch or LinkType.Misattribution or LinkType.Misquote;

    public static bool IsSerious(ReportFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Severity == FindingSeverity.Error
            || finding.Type is FindingKind.DeadLink or FindingKind.SiteMismatch or FindingKind.CanonicalMismatch;
    }

    public static IEnumerable<ClaimLink> SeriousLinks(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Links.Where(l => IsSerious(l.Type));
    }

    public static IEnumerable<ReportFinding> SeriousFindings(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Findings.Where(IsSerious);
    }

    /// <summary>The library's version as built (informational version without the source-revision suffix).</summary>
    public static string ToolVersion { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var assembly = typeof(ReportEmphasis).Assembly;
        string? version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString();
        if (string.IsNullOrEmpty(version))
        {
            return "unknown";
        }

        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? version[..plus] : version;
    }
}
