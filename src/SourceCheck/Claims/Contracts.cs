using System.Collections.Immutable;
using SourceCheck.Text;

namespace SourceCheck.Claims;

/// <summary>How a claim carries someone's words.</summary>
public enum QuoteKind
{
    /// <summary>Not a quotation: the article's own statement.</summary>
    None,

    /// <summary>Words in quotation marks attributed to a speaker.</summary>
    Direct,

    /// <summary>Reported speech ("she said that …", "laut …").</summary>
    Indirect,
}

/// <summary>A figure in a claim: as written, normalised value (and upper bound for ranges such as
/// "zweistellige Milliardenbeträge" = 1e10..9.9e10), unit ("USD", "EUR", "percent", "years", …).</summary>
public sealed record Figure(string Text, double Value, double? ValueMax, string? Unit, TextSpan Span);

/// <summary>A check-worthy statement in one document, with attribution.</summary>
/// <param name="Id">Stable id within a run, e.g. "D1-c3".</param>
/// <param name="DocumentId">The document (file name or id) the claim is in.</param>
/// <param name="Span">Character offsets into the document text (UTF-16, as read).</param>
/// <param name="Speaker">Who the article says said it, resolved to the full name where the article gives it ("Sam Altman").</param>
/// <param name="SpeakerMention">How the article refers to the speaker in this sentence ("der OpenAI-Chef").</param>
/// <param name="Channel">Where it was said ("X (post)", "LinkedIn (post)", "conference").</param>
/// <param name="ReportingOutlet">The outlet the article credits ("Zeit" in "wie „Zeit“ berichtet").</param>
public sealed record Claim(
    string Id,
    string DocumentId,
    string Language,
    string Text,
    TextSpan Span,
    QuoteKind Quote,
    string? QuotedWords,
    string? Speaker,
    string? SpeakerMention,
    string? Channel,
    string? ReportingOutlet,
    ImmutableArray<Figure> Figures)
{
    /// <summary>The speaker the attribution rules found for this claim, before the precision policy: equal to
    /// <see cref="Speaker"/> unless the rule's sentence class was too often wrong on untuned pages, in which case
    /// <see cref="Speaker"/> (what JSON, the store and reports show) is unknown while this keeps the rules' answer.
    /// Matching reads this (event anchors, misattribution, every link test), so a reported "unknown" changes no link.
    /// Claims built elsewhere (read from a store, made by hand) leave it unset: then it is <see cref="Speaker"/>.</summary>
    public string? SpeakerCandidate
    {
        get => _speakerCandidate ?? Speaker;
        init => _speakerCandidate = value;
    }

    private readonly string? _speakerCandidate;
}

/// <summary>Link types between claims of different documents (definitions as in shared/claims/README.md).</summary>
public enum LinkType
{
    /// <summary>The same words quoted in both.</summary>
    ExactQuote,

    /// <summary>The same statement in other words, same language.</summary>
    Paraphrase,

    /// <summary>The same statement in another language.</summary>
    Translation,

    /// <summary>The two say opposite things about the same subject.</summary>
    Contradiction,

    /// <summary>The same statement with a different figure.</summary>
    NumberMismatch,

    /// <summary>The same words credited to a different speaker.</summary>
    Misattribution,

    /// <summary>A quotation whose words were changed.</summary>
    Misquote,
}

/// <summary>A flagged relation between two claims, with a score in [0,1] and human-readable evidence
/// (aligned words, differing figures, differing speakers).</summary>
public sealed record ClaimLink(Claim A, Claim B, LinkType Type, double Score, ImmutableArray<string> Evidence);

/// <summary>The names of <see cref="LinkType"/> values in every output format, option and the store ("exact_quote",
/// "paraphrase", "translation", "contradiction", "number_mismatch", "misattribution", "misquote").</summary>
public static class LinkTypeNames
{
    /// <summary>The type's name, e.g. "exact_quote".</summary>
    public static string ToName(this LinkType type) => type switch
    {
        LinkType.ExactQuote => "exact_quote",
        LinkType.Paraphrase => "paraphrase",
        LinkType.Translation => "translation",
        LinkType.Contradiction => "contradiction",
        LinkType.NumberMismatch => "number_mismatch",
        LinkType.Misattribution => "misattribution",
        LinkType.Misquote => "misquote",
        _ => type.ToString(),
    };

    /// <summary>The type a name written by <see cref="ToName"/> stands for; null for any other text.</summary>
    public static LinkType? Parse(string name) => name switch
    {
        "exact_quote" => LinkType.ExactQuote,
        "paraphrase" => LinkType.Paraphrase,
        "translation" => LinkType.Translation,
        "contradiction" => LinkType.Contradiction,
        "number_mismatch" => LinkType.NumberMismatch,
        "misattribution" => LinkType.Misattribution,
        "misquote" => LinkType.Misquote,
        _ => null,
    };
}
