using System.Text.RegularExpressions;
using SourceCheck.Text;

namespace SourceCheck.References.Parsing;

/// <summary>Rule pass after decoding (issue 14): the German Wikipedia web citation (template "Internetquelle") —
/// "Titel. In: dwd.de. Deutscher Wetterdienst, 29. Dezember 2023, abgerufen am 3. Januar 2024." — names the site by
/// its host after "In:", then the publishing body, then the date of the page; "abgerufen am" is the access date (see
/// <see cref="AccessDates"/>). The host is the container, the body the publisher, everything before ". In:" the title
/// (after persons before a colon, "Kai Biermann: Titel. In: zeit.de. …"; a trailing "Pressemitteilung Nr. 31/2021." is
/// no part of it). The tagger had taken the host and body for one container and years in titles for the date.</summary>
internal static partial class GermanWebCitation
{
    [GeneratedRegex(@"^(?<mark>(?:↑|\^)(?: [a-z])*\s+)?(?:(?<auth>[^:]{3,160}?): )?(?<title>\S.{0,300}?)\. In: (?<host>(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,12})\.? (?<pub>[^,]{2,100}?)(?:, (?<date>\d{1,2}\. ?(?:\d{1,2}\.|[\p{L}]+\.?) ?\d{4}|[\p{L}]+ \d{4}|\d{4}))?, (?:abgerufen|Abgerufen|archiviert|Archiviert)\b",
        RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"\. (?:Pressemitteilung|Pressemeldung|Medieninformation|Interview|Gastbeitrag|Kommentar|Meldung)\b[^.]*(?:\.\s?\d[^.]*)*$", RegexOptions.CultureInvariant, RegexPolicy.TimeoutMilliseconds)]
    private static partial Regex TrailingGenre();

    public static void Relabel(string text, List<RefToken> tokens, int[] labels, int count)
    {
        if (!text.Contains(". In: ", StringComparison.Ordinal) || !text.Contains("bgerufen am", StringComparison.Ordinal) && !text.Contains("rchiviert", StringComparison.Ordinal))
        {
            return;
        }

        var m = Pattern().Match(text);
        if (!m.Success)
        {
            return;
        }

        var auth = m.Groups["auth"];
        int titleStart = m.Groups["title"].Index;
        if (auth.Success && !LooksLikePersons(auth.Value))
        {
            titleStart = auth.Index; // "Bundestagswahl 2021: Endgültiges Ergebnis" — a colon inside the title
        }

        int titleEnd = m.Groups["title"].Index + m.Groups["title"].Length;
        var genre = TrailingGenre().Match(text, titleStart, titleEnd - titleStart);
        int from = auth.Success && titleStart != auth.Index ? titleStart : m.Groups["mark"].Success ? m.Groups["mark"].Length : 0;
        LabelSpans.Set(tokens, labels, count, from, m.Groups["pub"].Index + m.Groups["pub"].Length, TagLabels.O);
        LabelSpans.Set(tokens, labels, count, titleStart, genre.Success ? genre.Index : titleEnd, TagLabels.Title);
        LabelSpans.Set(tokens, labels, count, m.Groups["host"], TagLabels.Container);
        LabelSpans.Set(tokens, labels, count, m.Groups["pub"], TagLabels.Publisher);
        LabelSpans.Set(tokens, labels, count, m.Groups["date"], TagLabels.Date);
    }

    /// <summary>"Kai Biermann", "Stefan Rahmstorf, Dim Coumou": two to five capitalised words a person, no digits.</summary>
    private static bool LooksLikePersons(string s)
    {
        foreach (string p in s.Split(", "))
        {
            var words = p.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is < 2 or > 5 || words.Any(w => w.Any(char.IsDigit) || (!char.IsUpper(w[0]) && w is not ("von" or "van" or "de" or "der" or "zu"))))
            {
                return false;
            }
        }

        return true;
    }
}
