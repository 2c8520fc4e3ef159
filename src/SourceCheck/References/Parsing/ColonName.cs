using System.Text.RegularExpressions;
using SourceCheck.Text;

namespace SourceCheck.References.Parsing;

/// <summary>Rule pass after decoding (issue 14, session 11): one person written "Family, Given:" at the start of a
/// German note or DIN entry — "1 Vgl. Weber, Max: Die protestantische Ethik …, in: …", "Rosa, Hartmut:
/// Beschleunigung. …, Frankfurt am Main 2005", "Petermann, Theodor (Hrsg.): Die Großstadt". The tagger, trained
/// mostly on English styles, reads the family name as the author and the given name as the start of the title
/// ("Max: Die protestantische …"). The evidence is the shape itself: the colon follows the given names directly
/// (one to three capitalised words or initials, no sentence end in between), so "Tintner, Gerhard. Econometrics.
/// New York:" is left alone. The name run becomes the author (the editor with "(Hrsg.)"); the title after the
/// colon is set only where the tagger found none (<see cref="DinAuthors"/>' rule).</summary>
internal static partial class ColonName
{
    [GeneratedRegex(@"^(?<fam>\p{Lu}[\p{L}'’\-]+(?: (?:von|van|de|der|den|zu|ter|ten)){0,2}), (?<giv>\p{Lu}(?:[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?|\.)(?: \p{Lu}(?:[\p{Ll}'’]+|\.)){0,2})(?<ed> \((?:Hrsg|Hg|Ed|Eds|ed|eds)\.\))?: (?=[\p{Lu}\d„""“«])",
        RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex Pattern();

    // "tagesschau.de: Title, 23.02.2024, online unter: …" — a news site named by its host
    [GeneratedRegex(@"^(?<host>\p{Ll}[\p{Ll}\d-]*(?:\.[\p{Ll}\d-]+)*\.(?:de|at|ch|com|org|net|eu|info|uk|fr|nl|it|es|be|lu)): (?=[\p{Lu}\d„""“«])",
        RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex HostPattern();

    public static void Relabel(string text, List<RefToken> tokens, int[] labels, int count)
    {
        int offset = LegalCitation.BodyStart(text);
        int colon = offset < text.Length ? text.IndexOf(": ", offset, Math.Min(80, text.Length - offset), StringComparison.Ordinal) : -1;
        if (colon < 0)
        {
            return;
        }

        if (char.IsLower(text[offset]))
        {
            var h = HostPattern().Match(text, offset, Math.Min(text.Length - offset, 100));
            if (h.Success && h.Index == offset)
            {
                LabelSpans.Set(tokens, labels, count, offset, colon + 1, TagLabels.O);
                int t0 = 0;
                for (; t0 < count && tokens[t0].Start < offset; t0++)
                {
                }

                for (int k = t0; k < count && tokens[k].End <= colon; k++)
                {
                    labels[k] = k == t0 ? TagLabels.AuthorB : TagLabels.Author;
                }

                int after = t0;
                for (; after < count && tokens[after].Start <= colon; after++)
                {
                }

                DinAuthors.TitleAfterColon(text, tokens, labels, count, after);
            }

            return;
        }

        if (text.IndexOf(',', offset, colon - offset) < 0)
        {
            return;
        }

        var m = Pattern().Match(text, offset, Math.Min(text.Length - offset, 100)); // range overload: "^" anchors at the offset
        if (!m.Success || m.Index != offset)
        {
            return;
        }

        for (int k = 0; k < count && tokens[k].Start < offset; k++)
        {
            labels[k] = labels[k] is TagLabels.AuthorB or TagLabels.Author ? TagLabels.O : labels[k]; // the note number
        }

        bool editor = m.Groups["ed"].Success;
        int namesEnd = m.Groups["giv"].Index + m.Groups["giv"].Length;
        bool first = true;
        int t = 0;
        for (; t < count && tokens[t].Start < m.Index + m.Length; t++)
        {
            if (tokens[t].Start < offset)
            {
                continue;
            }

            if (tokens[t].Start >= namesEnd)
            {
                labels[t] = TagLabels.O; // "(Hrsg.)" and the colon
                continue;
            }

            labels[t] = editor ? (first ? TagLabels.EditorB : TagLabels.Editor) : (first ? TagLabels.AuthorB : TagLabels.Author);
            first = false;
        }

        DinAuthors.TitleAfterColon(text, tokens, labels, count, t);
    }
}
