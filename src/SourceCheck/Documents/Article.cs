using System.Collections.Immutable;
using SourceCheck.References;
using SourceCheck.Text;

namespace SourceCheck.Documents;

/// <summary>What a paragraph of an article is, so that claim extraction can skip the furniture.</summary>
public enum ParagraphKind
{
    /// <summary>Running text: claims are extracted from it.</summary>
    Body,

    /// <summary>The article's headline.</summary>
    Title,

    /// <summary>A section heading.</summary>
    Heading,

    /// <summary>An item of a list.</summary>
    ListItem,

    /// <summary>Page furniture: navigation, share buttons, newsletter and cookie notices, captions.</summary>
    Boilerplate,

    /// <summary>Part of a bibliography or sources block.</summary>
    Bibliography,
}

/// <summary>A paragraph: its span in <see cref="Article.Text"/> and its kind.</summary>
public sealed record ArticleParagraph(TextSpan Span, ParagraphKind Kind);

/// <summary>A hyperlink in the article body (HTML input): target, anchor text and the anchor's span in the text.</summary>
public sealed record ArticleLink(string Url, string Text, TextSpan Span);

/// <summary>An inline mention of a source: "Quellen: „Zeit“", "laut Reuters", "wie „Zeit“ berichtet",
/// "according to CNN", "told Reuters", a dateline "(The Ledger Wire)". <paramref name="Cue"/> is the
/// kind of cue ("sources", "laut", "wie-berichtet", "according-to", "told", "dateline").</summary>
public sealed record SourceMention(string Name, string Cue, TextSpan Span);

/// <summary>An embedded bibliography/sources block: heading ("Bibliography", "Quellen"), the span of the
/// whole block (heading included) and the raw text of its entries.</summary>
public sealed record BibliographySection(string Heading, TextSpan Span, string EntriesText, TextSpan EntriesSpan);

/// <summary>An article read from plain text or HTML. Every span is a character offset into
/// <see cref="Text"/> (for plain-text input: the input as read, unchanged).</summary>
public sealed record Article(
    string Text,
    string? Name,
    string Language,
    string? Title,
    TextSpan? TitleSpan,
    string? Byline,
    string? Date,
    string? Outlet,
    ImmutableArray<ArticleParagraph> Paragraphs,
    ImmutableArray<ArticleLink> Links,
    BibliographySection? Bibliography,
    ImmutableArray<SourceMention> SourceMentions)
{
    /// <summary>The dateline prefix of the first body paragraph ("SAN FRANCISCO, Nov 5 (The Ledger Wire) - "), if any.</summary>
    public TextSpan? Dateline { get; init; }

    /// <summary>Every block <see cref="BibliographyDetector"/> found in <see cref="Text"/> (the source of
    /// <see cref="Bibliography"/>), kept so that reading the references does not run the detector again.</summary>
    public ImmutableArray<BibliographyBlock> BibliographyBlocks { get; init; } = [];

    /// <summary>The text <paramref name="span"/> covers.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The span is outside <see cref="Text"/>.</exception>
    public string Slice(TextSpan span) => Text.Substring(span.Start, span.Length);
}
