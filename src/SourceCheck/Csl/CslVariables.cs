using System.Collections.Frozen;

namespace SourceCheck.Csl;

internal enum VariableKind
{
    Standard,
    Number,
    Date,
    Name,
}

/// <summary>The CSL 1.0.2 catalogue of item types and variables (plus the CSL-JSON extras such as
/// <c>citation-key</c> and <c>custom</c> from the current data schema).</summary>
internal static class CslVariables
{
    public static readonly FrozenSet<string> ItemTypes = FrozenSet.ToFrozenSet(
    [
        "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast",
        "chapter", "classic", "collection", "dataset", "document", "entry", "entry-dictionary",
        "entry-encyclopedia", "event", "figure", "graphic", "hearing", "interview", "legal_case", "legislation",
        "manuscript", "map", "motion_picture", "musical_score", "pamphlet", "paper-conference", "patent",
        "performance", "periodical", "personal_communication", "post", "post-weblog", "regulation", "report",
        "review", "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
    ]);

    public static readonly FrozenSet<string> NameVariables = FrozenSet.ToFrozenSet(
    [
        "author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor",
        "curator", "director", "editor", "editorial-director", "editor-translator", "executive-producer", "guest", "host",
        "illustrator", "interviewer", "narrator", "organizer", "original-author", "performer", "producer",
        "recipient", "reviewed-author", "script-writer", "series-creator", "translator",
    ]);

    public static readonly FrozenSet<string> DateVariables = FrozenSet.ToFrozenSet(
    [
        "accessed", "available-date", "event-date", "issued", "original-date", "submitted",
    ]);

    public static readonly FrozenSet<string> NumberVariables = FrozenSet.ToFrozenSet(
    [
        "chapter-number", "citation-number", "collection-number", "edition", "first-reference-note-number",
        "issue", "locator", "number", "number-of-pages", "number-of-volumes", "page", "page-first", "part",
        "printing", "supplement", "volume",
    ]);

    public static readonly FrozenSet<string> StandardVariables = FrozenSet.ToFrozenSet(
    [
        "abstract", "annote", "archive", "archive_collection", "archive_location", "archive-place", "authority",
        "call-number", "citation-key", "citation-label", "collection-title", "container-title",
        "container-title-short", "dimensions", "division", "DOI", "event", "event-title", "event-place", "genre",
        "ISBN", "ISSN", "journalAbbreviation", "jurisdiction", "keyword", "language", "license", "medium", "note",
        "original-publisher", "original-publisher-place", "original-title", "part-title", "PMCID", "PMID",
        "publisher", "publisher-place", "references", "reviewed-genre", "reviewed-title", "scale", "section",
        "shortTitle", "source", "status", "title", "title-short", "URL", "version", "volume-title",
        "volume-title-short", "year-suffix",
    ]);

    /// <summary>What kind of variable a CSL-JSON key is, or null when it is not a CSL variable.</summary>
    public static VariableKind? KindOf(string name)
    {
        if (NameVariables.Contains(name))
        {
            return VariableKind.Name;
        }

        if (DateVariables.Contains(name))
        {
            return VariableKind.Date;
        }

        if (NumberVariables.Contains(name))
        {
            return VariableKind.Number;
        }

        if (StandardVariables.Contains(name))
        {
            return VariableKind.Standard;
        }

        return null;
    }
}
