using System.Collections.Immutable;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.Text;

namespace SourceCheck.References;

/// <summary>Parses one reference string ("Wile, R., &amp; Kopack, S. (2025, November 6). Title. NBC News.")
/// into a CSL item. PLACEHOLDER: the real parser (learned field tagger + rules) replaces this body; the
/// signature is the contract other parts of the library use.</summary>
public static class ReferenceParser
{
    /// <param name="text">One reference, bullet/number already removed or not.</param>
    /// <param name="id">The CSL id to give the item (null: derived from author/year/title).</param>
    /// <param name="origin">Where the text sits in its source, for field spans and diagnostics (offsets are added to it).</param>
    public static ParsedReference Parse(string text, string? id = null, TextSpan origin = default)
    {
        var item = new CslItem(id ?? "ref-1", "document");
        item.SetString("title", text.Trim());
        return new ParsedReference(text, item,
            [new ParsedField("title", text.Trim(), new TextSpan(origin.Start, text.Length, origin.Line, origin.Column), 0.1)],
            [new Diagnostic(DiagnosticCodes.UnparsedReference, Severity.Warning, origin, "reference parser not implemented yet")]);
    }

    /// <summary>Each token of <paramref name="text"/> with its label and confidence (PLACEHOLDER body).</summary>
    public static IReadOnlyList<TokenTag> Explain(string text) =>
        [new TokenTag(text, new TextSpan(0, text.Length), "title", 0.1)];
}
