namespace SourceCheck.Verification;

/// <summary>How serious a finding is.</summary>
public enum FindingSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>The names of <see cref="FindingSeverity"/> values in every output format ("error", "warning", "info").</summary>
public static class FindingSeverityNames
{
    /// <summary>"error", "warning" or "info".</summary>
    public static string ToName(this FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "info",
    };
}

/// <summary>Finding type names (as in the webmeta fixtures), plus <see cref="AuthorAdded"/> and <see cref="FetchFailed"/>.</summary>
public static class FindingTypes
{
    public const string AuthorMisspelled = "author_misspelled";
    public const string AuthorMissing = "author_missing";
    public const string AuthorAdded = "author_added";
    public const string DateWrong = "date_wrong";
    public const string DateIsModified = "date_is_modified";
    public const string TitleChanged = "title_changed";
    public const string SiteMismatch = "site_mismatch";
    public const string DeadLink = "dead_link";
    public const string Redirect = "redirect";
    public const string CanonicalMismatch = "canonical_mismatch";
    public const string Paywall = "paywall";
    public const string FetchFailed = "fetch_failed";
    public const string NoUrl = "no_url";
}

/// <summary>One difference between a reference and the page it cites.</summary>
public sealed record Finding(string Type, string Field, FindingSeverity Severity, string? Cited, string? Page, string Evidence);
