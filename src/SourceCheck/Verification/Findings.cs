namespace SourceCheck.Verification;

/// <summary>How serious a finding is.</summary>
public enum FindingSeverity
{
    /// <summary>Worth knowing; nothing wrong.</summary>
    Info,

    /// <summary>Doubtful: the reference or page may be wrong.</summary>
    Warning,

    /// <summary>Wrong: the reference does not match the page, or the page is gone.</summary>
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

/// <summary>What a finding is about. The names written in every output format and in the store ("dead_link",
/// "verdict"…) are in <see cref="FindingKindNames"/>, the one table of them.</summary>
public enum FindingKind
{
    /// <summary>An author's name is spelled differently on the page.</summary>
    AuthorMisspelled,
    /// <summary>The page names an author the reference leaves out.</summary>
    AuthorMissing,
    /// <summary>The reference names an author the page does not.</summary>
    AuthorAdded,
    /// <summary>The page's date differs from the reference's.</summary>
    DateWrong,
    /// <summary>The reference gives the page's modification date as its publication date.</summary>
    DateIsModified,
    /// <summary>The page's title differs from the reference's.</summary>
    TitleChanged,
    /// <summary>The page belongs to another site or outlet than the reference names.</summary>
    SiteMismatch,
    /// <summary>The cited address no longer serves the page (HTTP error, soft 404).</summary>
    DeadLink,
    /// <summary>The cited address redirects elsewhere.</summary>
    Redirect,
    /// <summary>The page's canonical address differs from the cited one.</summary>
    CanonicalMismatch,
    /// <summary>The page is behind a paywall.</summary>
    Paywall,
    /// <summary>The page could not be fetched or read (not checked).</summary>
    FetchFailed,
    /// <summary>The reference has no URL or DOI to check.</summary>
    NoUrl,
    /// <summary>The verdict on whether the cited work exists and matches.</summary>
    Verdict,
    /// <summary>An update notice (retraction, correction…) on the cited work.</summary>
    UpdateNotice,
    /// <summary>Whether the cited work supports a claim that cites it.</summary>
    ClaimSupport,
}

/// <summary>The names of <see cref="FindingKind"/> values in every output format and in the store (as in the webmeta
/// fixtures: "dead_link", "title_changed"…; "verdict", "update_notice" and "claim_support" for verification).</summary>
public static class FindingKindNames
{
    private static readonly string[] Names =
    [
        "author_misspelled", "author_missing", "author_added", "date_wrong", "date_is_modified", "title_changed",
        "site_mismatch", "dead_link", "redirect", "canonical_mismatch", "paywall", "fetch_failed", "no_url",
        "verdict", "update_notice", "claim_support",
    ];

    /// <summary>The kind's name, e.g. "dead_link".</summary>
    public static string ToName(this FindingKind kind) =>
        (uint)kind < (uint)Names.Length ? Names[(int)kind] : throw new ArgumentOutOfRangeException(nameof(kind));

    /// <summary>The kind of a name written by <see cref="ToName"/>; null for any other text.</summary>
    public static FindingKind? Parse(string name)
    {
        int i = Array.IndexOf(Names, name);
        return i < 0 ? null : (FindingKind)i;
    }
}

/// <summary>One difference between a reference and the page it cites.</summary>
public sealed record Finding(FindingKind Type, string Field, FindingSeverity Severity, string? Cited, string? Page, string Evidence);
