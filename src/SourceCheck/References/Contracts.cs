using System.Collections.Immutable;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.Text;

namespace SourceCheck.References;

/// <summary>One entry of a bibliography block: its text (bullet removed, wrapped lines joined) and where it was;
/// for HTML entries also the addresses its links point to, in document order (see <see cref="EntryLinks"/>).</summary>
public sealed record ReferenceEntry(string Text, TextSpan Span, ImmutableArray<string> Links = default);

/// <summary>A bibliography block found in a text or HTML page: the heading (if any), its span, and its entries.</summary>
public sealed record BibliographyBlock(string? Heading, TextSpan Span, ImmutableArray<ReferenceEntry> Entries);

/// <summary>A note of a bibliography block that refers back to an earlier one instead of citing a work (the block
/// keeps it as an entry, as the split is; the reader parses no reference from it):
/// "Ibid."/"Ebd."/"Id." point to the note before, "a.a.O."/"op. cit."/"loc. cit." to the last note of the same
/// author. <see cref="RefersTo"/> is that note's entry (null when none was found).</summary>
internal sealed record BackReference(ReferenceEntry Note, ReferenceEntry? RefersTo);

/// <summary>A field read from a reference string: CSL variable name, value as written, where, how sure (0–1).</summary>
internal sealed record ParsedField(string Name, string Value, TextSpan Span, double Confidence);

/// <summary>The result of parsing one reference string: the CSL item plus per-field provenance and diagnostics.</summary>
internal sealed record ParsedReference(
    string Text,
    CslItem Item,
    ImmutableArray<ParsedField> Fields,
    ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Mean confidence over the fields (0 when nothing was found).</summary>
    public double Confidence => Fields.IsDefaultOrEmpty ? 0 : Fields.Average(f => f.Confidence);
}

/// <summary>Input formats the readers understand.</summary>
public enum InputFormat
{
    /// <summary>Guess from the file extension and content.</summary>
    Auto,

    /// <summary>Plain-text reference lists (APA, MLA, Chicago, numbered, …), parsed by the reference parser.</summary>
    Text,

    /// <summary>An HTML page: its bibliography section is found and parsed.</summary>
    Html,

    /// <summary>BibTeX or BibLaTeX.</summary>
    BibTex,

    /// <summary>RIS.</summary>
    Ris,

    /// <summary>CSL-JSON (an array of items, or one item).</summary>
    CslJson,

    /// <summary>CSL YAML (pandoc's <c>references:</c> block or a list of items).</summary>
    Yaml,
}

/// <summary>Output formats for references.</summary>
public enum ReferenceOutputFormat
{
    /// <summary>CSL-JSON (an array of items).</summary>
    CslJson,

    /// <summary>CSL YAML.</summary>
    Yaml,

    /// <summary>BibTeX.</summary>
    BibTex,

    /// <summary>RIS.</summary>
    Ris,
}

/// <summary>One token of a reference string with the field label the parser gave it and how sure it was
/// (for <c>sourcecheck parse --explain</c>).</summary>
/// <param name="Token">The token's text.</param>
/// <param name="Span">Where it is in the entry.</param>
/// <param name="Label">The field label (author, title, year, …).</param>
/// <param name="Confidence">The parser's confidence in the label, 0 to 1.</param>
public sealed record TokenTag(string Token, TextSpan Span, string Label, double Confidence);
