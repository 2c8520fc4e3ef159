using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SourceCheck.Text;

namespace SourceCheck.Documents.Web;

/// <summary>Small text helpers shared by the page readers: whitespace, comparison keys, date parsing (English and
/// German month names, ISO, dotted and slashed forms) and name forms.</summary>
internal static partial class WebText
{

    private static readonly Regex IsoDate = RegexPolicy.Create(@"^\s*(\d{4})-(\d{1,2})-(\d{1,2})", RegexOptions.CultureInvariant);

    private static readonly Regex SlashYmd = RegexPolicy.Create(@"^\s*(\d{4})/(\d{1,2})/(\d{1,2})", RegexOptions.CultureInvariant);

    private static readonly Regex Compact = RegexPolicy.Create(@"^\s*(\d{4})(\d{2})(\d{2})(?:\D|$)", RegexOptions.CultureInvariant);

    private static readonly Regex Dotted = RegexPolicy.Create(@"(?<!\d)(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)", RegexOptions.CultureInvariant);

    private static readonly Regex SlashDmy = RegexPolicy.Create(@"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)", RegexOptions.CultureInvariant);

    private static readonly Regex DayMonthYear = RegexPolicy.Create(
        @"(?<!\d)(\d{1,2})(?:\.|st|nd|rd|th)?\s+(?:de\s+)?([A-Za-zÄÖÜäöüéû]{3,10})\.?,?\s+(?:de\s+)?(\d{4})(?!\d)",
        RegexOptions.CultureInvariant);

    private static readonly Regex MonthDayYear = RegexPolicy.Create(
        @"\b([A-Za-zÄÖÜäöüé]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)",
        RegexOptions.CultureInvariant);

    private static readonly Regex IsoInside = RegexPolicy.Create(@"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)", RegexOptions.CultureInvariant);

    /// <summary>Month names of every language pages are written in (<see cref="MonthNames.All"/>), any case.</summary>
    internal static readonly System.Collections.Frozen.FrozenDictionary<string, int> Months =
        MonthNames.Lookup(MonthNames.All, StringComparer.OrdinalIgnoreCase);

    /// <summary>The text of an element with a space at every element boundary (AngleSharp's TextContent runs
    /// "Jane Doe&lt;/a&gt;&lt;span&gt;Reporter" together), white space collapsed. Iterative, bounded to 20,000 characters.</summary>
    public static string TextOf(AngleSharp.Dom.IElement element) => TextOf(element, skipHidden: false);

    /// <summary>As <see cref="TextOf(AngleSharp.Dom.IElement)"/>; with <paramref name="skipHidden"/> also without
    /// elements hidden from view (the hidden attribute, "visually-hidden", "sr-only", "screen-reader-text").</summary>
    public static string TextOf(AngleSharp.Dom.IElement element, bool skipHidden)
    {
        var sb = new StringBuilder();
        var stack = new Stack<AngleSharp.Dom.INode>();
        stack.Push(element);
        while (stack.Count > 0 && sb.Length < 20000)
        {
            var n = stack.Pop();
            if (n is AngleSharp.Dom.IText t)
            {
                sb.Append(t.Data);
                continue;
            }

            if (n is AngleSharp.Dom.IElement e)
            {
                if (e.LocalName is "script" or "style" or "noscript" or "template" || (skipHidden && IsHidden(e)))
                {
                    continue;
                }

                sb.Append(' ');
                for (int i = e.ChildNodes.Length - 1; i >= 0; i--)
                {
                    stack.Push(e.ChildNodes[i]);
                }
            }
        }

        return Clean(sb.ToString());
    }

    /// <summary>True when <see cref="TextOf(AngleSharp.Dom.IElement, bool)"/> of <paramref name="element"/> is
    /// certainly longer than <paramref name="limit"/> characters: it walks the same nodes in the same order (and
    /// stops where TextOf stops) but only counts the characters that white-space cleaning keeps, and returns as soon
    /// as they pass the limit. A cheap exact pre-check before building the text of large containers.</summary>
    internal static bool TextOfLongerThan(AngleSharp.Dom.IElement element, int limit, bool skipHidden = false)
    {
        long length = 0;
        int kept = 0;
        var stack = new Stack<AngleSharp.Dom.INode>();
        stack.Push(element);
        while (stack.Count > 0 && length < 20000)
        {
            var n = stack.Pop();
            if (n is AngleSharp.Dom.IText t)
            {
                string data = t.Data;
                length += data.Length;
                if ((kept += CountKept(data, limit - kept + 1, ignore: '\u200B')) > limit)
                {
                    return true;
                }

                continue;
            }

            if (n is AngleSharp.Dom.IElement e)
            {
                if (e.LocalName is "script" or "style" or "noscript" or "template" || (skipHidden && IsHidden(e)))
                {
                    continue;
                }

                length++;
                for (int i = e.ChildNodes.Length - 1; i >= 0; i--)
                {
                    stack.Push(e.ChildNodes[i]);
                }
            }
        }

        return false;
    }

    /// <summary>True when <c>Clean(node.TextContent)</c> with <paramref name="trimEnd"/> characters trimmed off its end
    /// is certainly longer than <paramref name="limit"/> characters (counts the characters that neither cleaning nor
    /// trimming can remove, over all descendant text nodes, and stops once they pass the limit).</summary>
    internal static bool TextContentLongerThan(AngleSharp.Dom.INode node, int limit, char trimEnd)
    {
        int kept = 0;
        var stack = new Stack<AngleSharp.Dom.INode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n is AngleSharp.Dom.IText t)
            {
                if ((kept += CountKept(t.Data, limit - kept + 1, trimEnd)) > limit)
                {
                    return true;
                }

                continue;
            }

            if (n is AngleSharp.Dom.IElement or AngleSharp.Dom.IDocumentFragment or AngleSharp.Dom.IDocument)
            {
                for (int i = n.ChildNodes.Length - 1; i >= 0; i--)
                {
                    stack.Push(n.ChildNodes[i]);
                }
            }
        }

        return false;
    }

    /// <summary>Characters of <paramref name="s"/> that are neither white space, U+200B nor <paramref name="ignore"/>,
    /// counted up to <paramref name="stopAt"/>.</summary>
    private static int CountKept(string s, int stopAt, char ignore)
    {
        int n = 0;
        foreach (char c in s)
        {
            if (c != '\u200B' && c != ignore && !char.IsWhiteSpace(c) && ++n >= stopAt)
            {
                break;
            }
        }

        return n;
    }

    private static bool IsHidden(AngleSharp.Dom.IElement e)
    {
        if (e.HasAttribute("hidden"))
        {
            return true;
        }

        string? c = e.GetAttribute("class");
        return c is not null && (c.Contains("visually-hidden", StringComparison.OrdinalIgnoreCase) || c.Contains("visuallyhidden", StringComparison.OrdinalIgnoreCase)
            || c.Contains("sr-only", StringComparison.OrdinalIgnoreCase) || c.Contains("screen-reader", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Collapses runs of white space (including no-break spaces) to one space and trims.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // The words (runs of characters that are neither white space as \s and Trim see it, nor U+200B) joined by
        // single spaces; a text that is already so is returned as it is.
        int i = 0;
        bool previousSpace = true;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (c == ' ' ? previousSpace : (c == '\u200B' || char.IsWhiteSpace(c)))
            {
                break;
            }

            previousSpace = c == ' ';
        }

        if (i == text.Length)
        {
            return previousSpace ? text.TrimEnd(' ') : text;
        }

        char[] buffer = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            text.CopyTo(0, buffer, 0, i);
            int n = i;
            bool pending = false;
            if (n > 0 && buffer[n - 1] == ' ')
            {
                // The clean part ends with a single space: it is written again only before the next word.
                n--;
                pending = true;
            }

            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\u200B' || char.IsWhiteSpace(c))
                {
                    pending = n > 0;
                    continue;
                }

                if (pending)
                {
                    buffer[n++] = ' ';
                    pending = false;
                }

                buffer[n++] = c;
            }

            return new string(buffer, 0, n);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>A host without its "www." label, lower case ("WWW.Example.com" -> "example.com").</summary>
    public static string HostKey(string host) =>
        host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..].ToLowerInvariant() : host.ToLowerInvariant();

    /// <summary>Registrable-domain approximation of a host: its last two labels, three for "co.uk"-style second levels
    /// ("about.gitlab.com" -> "gitlab.com", "news.example.co.uk" -> "example.co.uk"), after <see cref="HostKey"/>.</summary>
    public static string RegistrableDomain(string host)
    {
        var labels = HostKey(host).Split('.');
        if (labels.Length <= 2)
        {
            return string.Join('.', labels);
        }

        bool shortSecond = labels[^2].Length <= 3 && labels[^1].Length == 2;
        return string.Join('.', labels[^(shortSecond ? 3 : 2)..]);
    }

    /// <summary>Parses a date as written: ISO (day as written, time zone not applied), "2024/03/14", "20240314",
    /// "06.11.2025", "6. November 2025", "November 6, 2025", "6 Nov 2025". Null when no full date is found.</summary>
    public static DateOnly? ParseDate(string? text, bool allowLoose = true)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 400)
        {
            return null;
        }

        Match m;
        if ((m = IsoDate.Match(text)).Success || (m = SlashYmd.Match(text)).Success || (m = Compact.Match(text)).Success)
        {
            return Make(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value);
        }

        if (!allowLoose)
        {
            return null;
        }

        if ((m = IsoInside.Match(text)).Success)
        {
            return Make(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value);
        }

        if ((m = Dotted.Match(text)).Success)
        {
            return Make(m.Groups[3].Value, m.Groups[2].Value, m.Groups[1].Value);
        }

        for (m = DayMonthYear.Match(text); m.Success; m = m.NextMatch())
        {
            if (Months.TryGetValue(m.Groups[2].Value, out int month))
            {
                return Make(m.Groups[3].Value, month.ToString(CultureInfo.InvariantCulture), m.Groups[1].Value);
            }
        }

        for (m = MonthDayYear.Match(text); m.Success; m = m.NextMatch())
        {
            if (Months.TryGetValue(m.Groups[1].Value, out int month))
            {
                return Make(m.Groups[3].Value, month.ToString(CultureInfo.InvariantCulture), m.Groups[2].Value);
            }
        }

        if ((m = SlashDmy.Match(text)).Success)
        {
            int a = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            int b = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);

            // US order (month/day) unless the first number cannot be a month.
            return a > 12 ? Make(m.Groups[3].Value, m.Groups[2].Value, m.Groups[1].Value) : Make(m.Groups[3].Value, m.Groups[1].Value, m.Groups[2].Value);
        }

        return null;
    }

    private static DateOnly? Make(string year, string month, string day)
    {
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out int y)
            || !int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out int mo)
            || !int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out int d))
        {
            return null;
        }

        if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo))
        {
            return null;
        }

        return new DateOnly(y, mo, d);
    }

    /// <summary>The month number for an English, German (or other common European) month name, or 0.</summary>
    public static int MonthNumber(string name) => Months.TryGetValue(name.TrimEnd('.'), out int m) ? m : 0;

    /// <summary>Edit distance with adjacent transpositions counted as one edit (optimal string alignment);
    /// long strings are not compared (the longer length is returned).</summary>
    public static int EditDistance(string a, string b)
    {
        if (a.Length > 200 || b.Length > 200)
        {
            return Math.Max(a.Length, b.Length);
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int v = Math.Min(Math.Min(d[i, j - 1] + 1, d[i - 1, j] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, d[i - 2, j - 2] + 1);
                }

                d[i, j] = v;
            }
        }

        return d[a.Length, b.Length];
    }
}
