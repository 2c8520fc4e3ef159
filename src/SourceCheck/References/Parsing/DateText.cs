using System.Globalization;
using SourceCheck.Csl;

namespace SourceCheck.References.Parsing;

/// <summary>Reads dates as references write them into CSL dates: "2025, November 6", "6.11.2025",
/// "3 Oct. 2025", "2025 Nov 1", "18 de julio de 2025", "24 janvier 2024", "2025-11-06", "11/6/2025" (US order),
/// "1994b" (year suffix dropped), "1994–1996" and "May 3–5, 2020" (ranges), "Spring 2020" (season),
/// "n.d."/"o. J." (no date). The text as written is kept in <c>raw</c>.</summary>
internal static class DateText
{
    /// <summary>True for "n.d.", "nd", "o. J.", "o.J.", "s.d.", "undated", "no date".</summary>
    public static bool IsNoDate(string s)
    {
        Span<char> letters = stackalloc char[12];
        int n = 0;
        foreach (char c in s)
        {
            if (char.IsLetter(c))
            {
                if (n == letters.Length)
                {
                    return false;
                }

                letters[n++] = char.ToLowerInvariant(c);
            }
            else if (char.IsDigit(c))
            {
                return false;
            }
        }

        return letters[..n] is "nd" or "oj" or "sd" or "undated" or "nodate" or "ohnejahr" or "sf" or "snt";
    }

    private static readonly System.Collections.Frozen.FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> SeasonLookup =
        Lexicon.Seasons.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Month names of every language pages are written in, and the abbreviations read in dates only
    /// (<see cref="SourceCheck.Text.MonthNames.DateForms"/>, case-insensitive): the reference languages first, then Dutch
    /// "14 maart 2023", Swedish, Polish, …, Portuguese "5 abr." — read in dates only (the tagger's features keep the
    /// reference languages' months).</summary>
    internal static readonly System.Collections.Frozen.FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> AnyMonth =
        SourceCheck.Text.MonthNames.DateForms().GetAlternateLookup<ReadOnlySpan<char>>();

    public static CslDate? Parse(string raw)
    {
        string s = raw.Trim().Trim('(', ')', '[', ']', '.', ',', ';', ':', ' ');
        if (s.Length == 0 || IsNoDate(s))
        {
            return null;
        }

        // numeric forms
        if (TryNumeric(s, out var parts))
        {
            return new CslDate { Parts = [parts], Raw = s };
        }

        // a numeric day after a leading preposition the tagger kept with the date: German "vom 27.01.2019",
        // "am 02.02.2019", "Stand: 15.03.2024"; only a whole day-month form counts (a bare year after a word is read below)
        if (AfterLeadingWord(s) is { } rest && TryNumeric(rest, out var dayParts) && dayParts.Month is not null)
        {
            return new CslDate { Parts = [dayParts], Raw = s };
        }

        var years = default(FirstTwo);
        var months = default(FirstTwo);
        var days = default(FirstTwo);
        int? season = null;
        int i = 0;
        string lower = s.ToLowerInvariant();
        while (i < lower.Length)
        {
            char c = lower[i];
            if (char.IsDigit(c))
            {
                int start = i;
                while (i < lower.Length && char.IsDigit(lower[i]))
                {
                    i++;
                }

                var num = lower.AsSpan(start, i - start);
                if (num.Length == 4 && int.TryParse(num, NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y is >= 1000 and <= 2199)
                {
                    years.Add(y);
                }
                else if (num.Length == 2 && years.Count == 1 && start > 0 && lower[start - 1] is '-' or '–' or '/' && days.Count == 0 && months.Count == 0)
                {
                    // "2003–04": second year of a range
                    int y2 = years[0] / 100 * 100 + int.Parse(num, CultureInfo.InvariantCulture);
                    if (y2 > years[0])
                    {
                        years.Add(y2);
                    }
                }
                else if (num.Length <= 2 && int.TryParse(num, NumberStyles.None, CultureInfo.InvariantCulture, out int d) && d is >= 1 and <= 31)
                {
                    days.Add(d);
                }

                // skip ordinal suffix: 1st, 2nd, 18th, 1er, 1º
                while (i < lower.Length && char.IsLetter(lower[i]) && i - start < 6 && IsOrdinalSuffix(lower, start, i))
                {
                    i++;
                }

                continue;
            }

            if (char.IsLetter(c))
            {
                int start = i;
                while (i < lower.Length && char.IsLetter(lower[i]))
                {
                    i++;
                }

                var word = lower.AsSpan(start, i - start);
                if (Lexicon.MonthLookup.TryGetValue(word, out int m))
                {
                    months.Add(m);
                }
                else if (SeasonLookup.TryGetValue(word, out int se))
                {
                    season = se;
                }
                else if (word.Length >= 3 && AnyMonth.TryGetValue(word, out m))
                {
                    months.Add(m);
                }

                continue;
            }

            i++;
        }

        if (years.Count == 0)
        {
            return new CslDate { Raw = s, Literal = null };
        }

        int year = years[0];
        int? month = months.Count > 0 ? months[0] : null;
        int? day = month is not null && days.Count > 0 ? days[0] : null;
        if (years.Count >= 2 && years[1] != years[0])
        {
            return new CslDate { Parts = [new DateParts(years[0], month, null), new DateParts(years[1], months.Count > 1 ? months[1] : null, null)], Raw = s };
        }

        if (month is not null && months.Count >= 2 && months[1] != months[0])
        {
            int? d2 = days.Count > 1 ? days[1] : null;
            return new CslDate { Parts = [new DateParts(year, month, day), new DateParts(year, months[1], d2)], Raw = s };
        }

        if (day is not null && days.Count >= 2 && days[1] > days[0] && HasRangeDash(s))
        {
            return new CslDate { Parts = [new DateParts(year, month, day), new DateParts(year, month, days[1])], Raw = s };
        }

        return new CslDate
        {
            Parts = [new DateParts(year, month, day)],
            Season = month is null && season is { } sn ? sn.ToString(CultureInfo.InvariantCulture) : null,
            Raw = s,
        };
    }

    /// <summary>A count of numbers seen and the first two of them (all that <see cref="Parse"/> reads),
    /// without a list allocation.</summary>
    private struct FirstTwo
    {
        private int _first;
        private int _second;

        public int Count { get; private set; }

        public readonly int this[int index] => index == 0 ? _first : index == 1 ? _second : throw new ArgumentOutOfRangeException(nameof(index));

        public void Add(int value)
        {
            if (Count == 0)
            {
                _first = value;
            }
            else if (Count == 1)
            {
                _second = value;
            }

            Count++;
        }
    }

    /// <summary>The year of a date's text, when it has exactly one.</summary>
    public static bool HasYear(string s) => Parse(s)?.Start is not null;

    private static bool HasRangeDash(string s) => s.Contains('–') || s.Contains('-') || s.Contains('—');

    private static bool IsOrdinalSuffix(string lower, int numStart, int i)
    {
        var rest = lower.AsSpan(i);
        return rest.StartsWith("st") || rest.StartsWith("nd") || rest.StartsWith("rd") || rest.StartsWith("th") || rest.StartsWith("er") || rest.StartsWith("º");
    }

    /// <summary>The text after one leading word of letters (at most 6, not a month name) and an optional colon and
    /// spaces, when a digit follows; otherwise null.</summary>
    private static string? AfterLeadingWord(string s)
    {
        int i = 0;
        while (i < s.Length && char.IsLetter(s[i]))
        {
            i++;
        }

        if (i == 0 || i > 6)
        {
            return null;
        }

        Span<char> lower = stackalloc char[6];
        s.AsSpan(0, i).ToLowerInvariant(lower);
        if (AnyMonth.ContainsKey(lower[..i]))
        {
            return null;
        }

        int j = i < s.Length && s[i] == ':' ? i + 1 : i;
        int k = j;
        while (k < s.Length && s[k] == ' ')
        {
            k++;
        }

        return k > j && k < s.Length && char.IsAsciiDigit(s[k]) ? s[k..] : null;
    }

    private static bool TryNumeric(string s, out DateParts parts)
    {
        parts = default;
        // at most 3 numbers and 2 separators can make a date: more is "not numeric" at once
        Span<int> nums = stackalloc int[3];
        Span<char> seps = stackalloc char[2];
        int numCount = 0;
        int sepCount = 0;
        int i = 0;
        while (i < s.Length)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            int start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i - start > 4)
            {
                return false;
            }

            if (numCount == nums.Length)
            {
                return false;
            }

            if (!int.TryParse(s.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out int number))
            {
                return false; // more digits than any date part has
            }

            nums[numCount++] = number;
            if (i < s.Length)
            {
                char sep = s[i];
                if (sep is not ('.' or '-' or '/'))
                {
                    return false;
                }

                if (sepCount == seps.Length)
                {
                    return false;
                }

                seps[sepCount++] = sep;
                i++;
                while (i < s.Length && s[i] == ' ')
                {
                    i++;
                }
            }
        }

        if (numCount == 3 && sepCount == 2)
        {
            if (nums[0] >= 1000 && nums[1] is >= 1 and <= 12 && nums[2] is >= 1 and <= 31)
            {
                parts = new DateParts(nums[0], nums[1], nums[2]); // 2025-11-06, 2025/11/06
                return true;
            }

            if (nums[2] >= 1000 && seps[0] == '.' && nums[1] is >= 1 and <= 12 && nums[0] is >= 1 and <= 31)
            {
                parts = new DateParts(nums[2], nums[1], nums[0]); // 6.11.2025
                return true;
            }

            if (nums[2] >= 1000 && seps[0] is '/' or '-' && nums[0] is >= 1 and <= 12 && nums[1] is >= 1 and <= 31)
            {
                parts = new DateParts(nums[2], nums[0], nums[1]); // 11/6/2025 (US order)
                return true;
            }

            if (nums[2] >= 1000 && nums[0] is >= 13 and <= 31 && nums[1] is >= 1 and <= 12)
            {
                parts = new DateParts(nums[2], nums[1], nums[0]); // 18/07/2025
                return true;
            }
        }

        if (numCount == 2 && sepCount == 1)
        {
            if (nums[0] >= 1000 && seps[0] is '-' or '/' && nums[1] is >= 1 and <= 12)
            {
                parts = new DateParts(nums[0], nums[1]);
                return true;
            }

            if (nums[1] >= 1000 && nums[0] is >= 1 and <= 12 && seps[0] is '.' or '/')
            {
                parts = new DateParts(nums[1], nums[0]);
                return true;
            }
        }

        return false;
    }
}
