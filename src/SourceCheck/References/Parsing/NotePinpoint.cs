using System.Text.RegularExpressions;
using SourceCheck.Text;

namespace SourceCheck.References.Parsing;

/// <summary>Rule pass after decoding (issue 14): a footnote cites a book with its publication details in brackets and
/// then the page the note refers to — "Thomas S. Kuhn, The Structure of Scientific Revolutions (Chicago: University of
/// Chicago Press, 1962), 52." The number after "), " is a pinpoint (a locator of the citation), not the item's page
/// range, when the reference has no container (an article's pages follow ":" — "Daedalus 101, no. 1 (1972): 1–37" —
/// and a chapter names its book). Likewise one page after the year in French, German and Italian notes ("…, Paris,
/// Gallimard, 1967, p. 21.", "…, 1985, S. 71.").</summary>
internal static partial class NotePinpoint
{
    [GeneratedRegex(@"\([^()]*(?:1[5-9]|20)\d\d\),\s?(?:at\s|p\.\s?|S\.\s?)?(?<pin>\d{1,5}(?:\s?[-–]\s?\d{1,5})?)(?:n\.?\s?\d+)?\.?\s*$", RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex Pattern();

    // French/German/Italian notes: "…, Paris, Gallimard, 1967, p. 21.", "…, Theorie der Grundrechte, 1985, S. 71.",
    // "…, Frankfurt am Main 2005, S. 124 f." — one page after the year (a range there is an item's pages).
    [GeneratedRegex(@"(?<=[\s,])(?:1[5-9]|20)\d\d,\s(?:p\.|S\.|s\.)\s?(?<pin>\d{1,5}(?:\s?f{1,2}\.?)?)\.?\s*$", RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex AfterYear();

    public static void Relabel(string text, List<RefToken> tokens, int[] labels, int count)
    {
        if (count < 4 || !tokens[count - 1].IsPunct(text, '.') && tokens[count - 1].Kind != RefTokenKind.Number)
        {
            return;
        }

        for (int t = 0; t < count; t++)
        {
            if (labels[t] == TagLabels.Container)
            {
                return;
            }
        }

        var m = Pattern().Match(text);
        if (!m.Success)
        {
            m = AfterYear().Match(text);
        }

        if (m.Success)
        {
            LabelSpans.Set(tokens, labels, count, m.Groups["pin"].Index, text.Length, TagLabels.O);
        }
    }
}
