using System.Collections.Immutable;

namespace SourceCheck.Documents.Web;

/// <summary>A value read from a page together with where it came from (for example "json-ld:datePublished",
/// "meta:og:title", "byline:.author").</summary>
public sealed record Sourced<T>(T Value, string Source)
{
    /// <summary>"value (source)", for debugging.</summary>
    public override string ToString() => $"{Value} ({Source})";
}

/// <summary>Paywall signals found on a page: whether the page says it is not freely accessible, and why.</summary>
public sealed record PaywallInfo(bool Paywalled, string Evidence);

/// <summary>What SourceCheck reads from one web page. Every value carries its provenance; absent values are null
/// (authors: empty). Dates are the calendar day as written on the page (its own local time).</summary>
public sealed record PageMetadata
{
    /// <summary>The article's title (JSON-LD headline, og:title or the document title), or null.</summary>
    public Sourced<string>? Title { get; init; }

    /// <summary>Author names in page order; empty when none are given.</summary>
    public ImmutableArray<Sourced<string>> Authors { get; init; } = [];

    /// <summary>The publication day, or null.</summary>
    public Sourced<DateOnly>? Published { get; init; }

    /// <summary>The last-modified day, or null.</summary>
    public Sourced<DateOnly>? Modified { get; init; }

    /// <summary>The site or outlet name (og:site_name, JSON-LD publisher), or null.</summary>
    public Sourced<string>? Site { get; init; }

    /// <summary>The page's canonical URL (<c>link rel=canonical</c> or og:url), or null.</summary>
    public Sourced<string>? CanonicalUrl { get; init; }

    /// <summary>The page's language tag (<c>html lang</c> or meta), or null.</summary>
    public Sourced<string>? Language { get; init; }

    /// <summary>A DOI the page declares (citation_doi, dc.identifier), or null.</summary>
    public Sourced<string>? Doi { get; init; }

    /// <summary>Paywall signals, or null when none were found.</summary>
    public Sourced<PaywallInfo>? Paywall { get; init; }

    /// <summary>schema.org / og:type of the page when given ("NewsArticle", "article", "website").</summary>
    public Sourced<string>? PageType { get; init; }

    /// <summary>The main heading (<c>h1</c>) as shown, for soft-404 checks.</summary>
    public string? Heading { get; init; }

    /// <summary>Every title candidate read (site names removed), with its source: what the page calls itself in
    /// each place. The comparison accepts a cited title equal to any of them.</summary>
    public ImmutableArray<Sourced<string>> TitleCandidates { get; init; } = [];

    /// <summary>The raw <c>&lt;title&gt;</c> element text.</summary>
    public string? HtmlTitle { get; init; }
}

/// <summary>A page read by <see cref="PageReader"/>: its metadata and its main body text (paragraphs separated by
/// blank lines).</summary>
public sealed record WebPage(string? Url, PageMetadata Metadata, string Body, string BodySource)
{
    /// <summary>Number of links outside the article body (teasers, navigation), used for soft-404 checks.</summary>
    public int LinkCount { get; init; }

    /// <summary>The class attribute of <c>&lt;body&gt;</c> (error pages often say so there).</summary>
    public string? BodyClass { get; init; }

    /// <summary>True when the page was nested deeper than <see cref="PageReader.MaxDepth"/> and was read only up to there.</summary>
    public bool TooDeep { get; init; }

    /// <summary>The page's links as (visible text, address) in document order, read before the body was extracted.</summary>
    public ImmutableArray<(string Text, string Url)> Anchors { get; init; } = [];

    /// <summary>The text encoding the page was decoded with, when read from bytes.</summary>
    public string? Encoding { get; init; }
}
