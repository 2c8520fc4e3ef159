using System.Text.RegularExpressions;
using SourceCheck.Text;

namespace SourceCheck.References.Parsing;

/// <summary>Rule pass after decoding (issue 14): a book in MLA "Works Cited" (and Chicago bibliography without a
/// place) is three sentences — "Said, Edward W. Orientalism. Pantheon Books, 1978." — the inverted author, the title,
/// then "Publisher, YEAR." at the end. One-word titles ("Beloved", "Shame", "Orlando") look like names or places to
/// the tagger, which then loses the title or runs it into the publisher. When the whole reference has exactly this
/// shape (title unquoted and without a full stop, publisher of capitalised words), it is read by the shape.</summary>
internal static partial class WorksCitedBook
{
    private const string Cap = @"[\p{Lu}][\p{L}'’-]";

    [GeneratedRegex(@"^(?<auth>" + Cap + "+(?: " + Cap + "+)?, " + Cap + "+(?: " + Cap + @"*\.?){0,3})\.\s(?<title>[^.""“”‘’\d()\[\]]{1,120}?)\.\s(?<pub>" + Cap + @"*\.?(?: (?:" + Cap + @"*\.?|&|and|of|de|du|la))*), (?<year>(?:1[5-9]|20)\d\d)\.?$",
        RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex Pattern();

    public static void Relabel(string text, List<RefToken> tokens, int[] labels, int count)
    {
        if (text.Length > 300)
        {
            return;
        }

        int s = 0;
        while (s < count && labels[s] == TagLabels.CitationNumber)
        {
            s++;
        }

        int offset = Math.Max(s < count ? tokens[s].Start : text.Length, LegalCitation.BodyStart(text));
        var m = Pattern().Match(text, offset, text.Length - offset); // the range overload: "^" anchors at the offset (Match(text, offset) keeps it at 0)
        if (!m.Success || m.Index != offset || !char.IsUpper(m.Groups["title"].Value[0]))
        {
            return;
        }

        LabelSpans.Set(tokens, labels, count, offset, text.Length, TagLabels.O);
        var auth = m.Groups["auth"];
        LabelSpans.Set(tokens, labels, count, auth, TagLabels.Author);
        for (int t = s; t < count; t++)
        {
            if (labels[t] == TagLabels.Author)
            {
                labels[t] = TagLabels.AuthorB;
                break;
            }
        }

        for (int t = s; t < count && tokens[t].Start < auth.Index + auth.Length; t++)
        {
            if (tokens[t].IsPunct(text, ','))
            {
                labels[t] = TagLabels.Author; // "Family, Given" is one person
            }
        }

        LabelSpans.Set(tokens, labels, count, m.Groups["title"], TagLabels.Title);
        LabelSpans.Set(tokens, labels, count, m.Groups["pub"], TagLabels.Publisher);
        LabelSpans.Set(tokens, labels, count, m.Groups["year"], TagLabels.Date);
    }
}
