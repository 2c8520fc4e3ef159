namespace SourceCheck.References.Parsing;

/// <summary>The tag set: plain field labels, except names, which mark the first token of each person
/// ("author-B") so that the tagger itself learns where one name ends and the next begins.</summary>
internal static class TagLabels
{
    public const int O = 0;
    public const int AuthorB = 1;
    public const int Author = 2;
    public const int EditorB = 3;
    public const int Editor = 4;
    public const int Title = 5;
    public const int Container = 6;
    public const int Collection = 7;
    public const int Date = 8;
    public const int Publisher = 9;
    public const int Location = 10;
    public const int Volume = 11;
    public const int Issue = 12;
    public const int Pages = 13;
    public const int Doi = 14;
    public const int Url = 15;
    public const int Edition = 16;
    public const int Accessed = 17;
    public const int Genre = 18;
    public const int CitationNumber = 19;
    public const int Note = 20;

    public const int Count = 21;

    /// <summary>Row width of the weight table: <see cref="Count"/> padded to a multiple of 8 floats.</summary>
    public const int Stride = 24;

    public static readonly string[] Names =
    [
        "other", "author", "author", "editor", "editor", "title", "container-title", "collection-title", "date",
        "publisher", "location", "volume", "issue", "pages", "doi", "url", "edition", "accessed", "genre",
        "citation-number", "note",
    ];

    /// <summary>Label names for --explain (name starts shown as "author-B").</summary>
    public static readonly string[] Display =
    [
        "other", "author-B", "author", "editor-B", "editor", "title", "container-title", "collection-title", "date",
        "publisher", "location", "volume", "issue", "pages", "doi", "url", "edition", "accessed", "genre",
        "citation-number", "note",
    ];

    /// <summary>The field a label belongs to (author-B and author → author).</summary>
    public static int FieldOf(int label) => label switch
    {
        AuthorB => Author,
        EditorB => Editor,
        _ => label,
    };

    /// <summary>Gold field name (data set) → label; names are handled separately. Unknown fields → note.</summary>
    public static int? FromField(string field) => field switch
    {
        "title" => Title,
        "container-title" => Container,
        "collection-title" => Collection,
        "date" => Date,
        "publisher" => Publisher,
        "location" => Location,
        "volume" => Volume,
        "issue" => Issue,
        "pages" => Pages,
        "doi" => Doi,
        "url" => Url,
        "edition" => Edition,
        "accessed" => Accessed,
        "genre" => Genre,
        "citation-number" => CitationNumber,
        "type" or "id" or "source" => null,
        _ => Note,
    };
}
