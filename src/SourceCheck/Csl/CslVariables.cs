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
    public static VariableKind? KindOf(string name) => Kinds.TryGetValue(name, out var kind) ? kind : null;

    /// <summary>As <see cref="KindOf(string)"/> for a name given as characters; <paramref name="variable"/> is the
    /// variable's name as one shared string (a reader of many items does not allocate a key per item).</summary>
    internal static bool TryKindOf(ReadOnlySpan<char> name, out string variable, out VariableKind kind) =>
        KindsByChars.TryGetValue(name, out variable!, out kind);

    // every variable once, its kind by the precedence the sets had in KindOf: name, date, number, standard
    private static readonly Dictionary<string, VariableKind> Kinds = BuildKinds();

    private static readonly Dictionary<string, VariableKind>.AlternateLookup<ReadOnlySpan<char>> KindsByChars = Kinds.GetAlternateLookup<ReadOnlySpan<char>>();

    private static Dictionary<string, VariableKind> BuildKinds()
    {
        var kinds = new Dictionary<string, VariableKind>(StringComparer.Ordinal);
        foreach (var (set, kind) in new[] { (NameVariables, VariableKind.Name), (DateVariables, VariableKind.Date), (NumberVariables, VariableKind.Number), (StandardVariables, VariableKind.Standard) })
        {
            foreach (string name in set)
            {
                kinds.TryAdd(name, kind);
            }
        }

        return kinds;
    }
}
