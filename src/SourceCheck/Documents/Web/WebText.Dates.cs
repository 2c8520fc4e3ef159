using System.Globalization;
using System.Text.RegularExpressions;
using SourceCheck.Text;

namespace SourceCheck.Documents.Web;

/// <summary>Dates as pages write them for readers, beyond <see cref="ParseDate"/>: month names of more
/// languages (Dutch, Scandinavian, Polish, Czech, Finnish, Turkish, Romanian, Russian and Ukrainian genitive
/// forms), CJK "2020年4月17日" / "2020년 4월 17일", a day-first reading of "10/2/2020" on pages not in US English,
/// and (where the caller allows it) two-digit years in dotted dates ("23.09.22", German and Central European
/// short form).</summary>
internal static partial class WebText
{
    private static readonly Regex ReaderSlash = RegexPolicy.Create(@"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])", RegexOptions.CultureInvariant);

    private static readonly Regex DottedShortYear = RegexPolicy.Create(@"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.]|\.\d)", RegexOptions.CultureInvariant);

    private static readonly Regex Cjk = RegexPolicy.Create(@"(\d{4})\s?[年년]\s?(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]", RegexOptions.CultureInvariant);

    private static readonly Regex DayNameYear = RegexPolicy.Create(
        @"(?<!\d)(\d{1,2})\.?\s+(?:de\s+)?(\p{L}{3,12})\.?,?\s+(?:de\s+)?(\d{4})(?!\d)", RegexOptions.CultureInvariant);

    /// <summary>Parses a date written for readers. <paramref name="dayFirst"/>: read "10/2/2020" as 10 February (pages
    /// in languages other than US English). <paramref name="shortYear"/>: also accept "23.09.22" (only where the text
    /// is known to hold a date, e.g. an element marked as one).</summary>
    public static DateOnly? ParseReaderDate(string? text, bool dayFirst, bool shortYear = false)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 400)
        {
            return null;
        }

        var known = ParseDate(text);
        if (known is { } k)
        {
            // WebText reads an ambiguous slash date month-first; day-first pages mean the other order.
            if (dayFirst && ReaderSlash.Match(text) is { Success: true } s
                && int.Parse(s.Groups[1].Value, CultureInfo.InvariantCulture) is int a and <= 12
                && int.Parse(s.Groups[2].Value, CultureInfo.InvariantCulture) is int b and <= 12 && a != b
                && k.Month == a && k.Day == b && k.Year == int.Parse(s.Groups[3].Value, CultureInfo.InvariantCulture))
            {
                return MakeDate(k.Year, b, a);
            }

            return known;
        }

        Match m;
        if ((m = Cjk.Match(text)).Success)
        {
            return MakeDate(Int(m.Groups[1].Value), Int(m.Groups[2].Value), Int(m.Groups[3].Value));
        }

        for (m = DayNameYear.Match(text); m.Success; m = m.NextMatch())
        {
            if (Months.TryGetValue(m.Groups[2].Value, out int month))
            {
                return MakeDate(Int(m.Groups[3].Value), month, Int(m.Groups[1].Value));
            }
        }

        if (shortYear && (m = DottedShortYear.Match(text)).Success)
        {
            int yy = Int(m.Groups[3].Value);
            int century = yy <= (DateTime.UtcNow.Year % 100) + 1 ? 2000 : 1900;
            return MakeDate(century + yy, Int(m.Groups[2].Value), Int(m.Groups[1].Value));
        }

        return null;
    }

    private static int Int(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : -1;

    private static DateOnly? MakeDate(int y, int mo, int d) =>
        y is >= 1900 and <= 2100 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
}
