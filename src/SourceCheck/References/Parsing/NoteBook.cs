using System.Text.RegularExpressions;
using SourceCheck.Text;

namespace SourceCheck.References.Parsing;

/// <summary>Rule pass after decoding (issue 14, session 10): a book in a Chicago-style note — "Hannah Arendt, The
/// Origins of Totalitarianism (New York: Harcourt, Brace, 1951), 460.", "Neil Postman, Amusing Ourselves to Death:
/// Public Discourse in the Age of Show Business (New York: Viking, 1985), 8." The tagger reads the colon of a
/// subtitle as the end of an author run ("Postman; Amusing Ourselves to Death") or misses the natural-order name
/// after a note number. When the whole reference has this shape — names before the first comma, the title, an
/// optional "trans./ed. …", then "(Place: Publisher, YEAR)" and an optional pinpoint — it is read by the shape. The
/// OSCOLA form without a place ("(Duckworth 1977)") is <see cref="LegalCitation"/>'s.</summary>
internal static partial class NoteBook
{
    private const string Word = @"[\p{L}][\p{L}'’.-]*";

    [GeneratedRegex(@"^(?<auth>" + Word + "(?: " + Word + @"){1,4}), (?<title>[\p{Lu}\d][^()""“”]{1,200}?)(?:, (?:trans\.|ed\.|edited by|translated by) [^(),]{2,80})? \((?<place>[^():]{2,60}): (?<pub>[^():]{2,80}), (?<year>(?:1[5-9]|20)\d\d)\)(?:, (?:\d{1,5}(?:[-–]\d{1,5})?|[xivlc]{1,8}))?\.?\s*$",
        RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex Pattern();

    public static void Relabel(string text, List<RefToken> tokens, int[] labels, int count)
    {
        if (text.Length > 400 || count < 6 || text[^1] is not ('.' or ')') && !char.IsAsciiDigit(text[^1]))
        {
            return;
        }

        int offset = LegalCitation.BodyStart(text);
        if (text.IndexOf(':', offset) < 0)
        {
            return;
        }

        var m = Pattern().Match(text, offset, text.Length - offset); // range overload: "^" anchors at the offset
        if (!m.Success || m.Index != offset)
        {
            return;
        }

        // gate (evidence from the tagger): names that it reads inside the would-be title up to a comma mean the first
        // comma is not the end of the author list ("G. Bingham Powell Jnr., Russell J. Dalton and Karen Strøm,
        // Comparative …"; a run up to a colon is the subtitle case the pass is for: "Neil Postman, Amusing Ourselves to
        // Death: …"), and an edition there means the title would swallow "5th edn" — the tagger's reading stands
        // (a run of three or more name words: one word such as "Illuminations" is a title the tagger misread)
        var title = m.Groups["title"];
        int nameWords = 0;
        for (int t = 0; t < count && tokens[t].Start < title.Index + title.Length; t++)
        {
            if (tokens[t].Start < title.Index)
            {
                continue;
            }

            bool name = labels[t] is TagLabels.Author or TagLabels.AuthorB;
            nameWords = name ? nameWords + (tokens[t].Kind == RefTokenKind.Word ? 1 : 0) : 0;
            if (labels[t] == TagLabels.Edition
                || (name && nameWords >= 3 && t + 1 < count && tokens[t + 1].IsPunct(text, ',') && labels[t + 1] != TagLabels.Author))
            {
                return;
            }
        }

        LabelSpans.Set(tokens, labels, count, offset, text.Length, TagLabels.O);
        var auth = m.Groups["auth"];
        LegalCitation.LabelNames(text, tokens, labels, count, auth.Index, auth.Index + auth.Length);
        LabelSpans.Set(tokens, labels, count, m.Groups["title"], TagLabels.Title);
        LabelSpans.Set(tokens, labels, count, m.Groups["place"], TagLabels.Location);
        LabelSpans.Set(tokens, labels, count, m.Groups["pub"], TagLabels.Publisher);
        LabelSpans.Set(tokens, labels, count, m.Groups["year"], TagLabels.Date);
    }
}
