using System.Globalization;
using System.Text;

namespace SourceCheck.Formatting;

internal static class Numbers
{
    private enum TokKind { Number, Sep, Other }

    private readonly record struct Tok(TokKind Kind, string Text, string Prefix = "", string Suffix = "");

    /// <summary>Splits "12-14, 16 & 18" into numbers and separators; null when some part is not numeric.</summary>
    private static List<Tok>? Tokenize(string s)
    {
        var toks = new List<Tok>();
        int i = 0;
        s = s.Trim();
        if (s.Length == 0)
        {
            return null;
        }

        while (i < s.Length)
        {
            char ch = s[i];
            if (ch is '-' or '\u2013' or ',' or '&' or '+' or ' ')
            {
                int st = i;
                while (i < s.Length && s[i] is '-' or '\u2013' or ',' or '&' or '+' or ' ')
                {
                    i++;
                }

                string sep = s[st..i].Trim();
                if (sep.Length == 0)
                {
                    return null;
                }

                toks.Add(new Tok(TokKind.Sep, sep));
                continue;
            }

            int start = i;
            while (i < s.Length && !(s[i] is '-' or '\u2013' or ',' or '&' or '+' or ' '))
            {
                i++;
            }

            string word = s[start..i];
            int d0 = -1, d1 = -1;
            for (int k = 0; k < word.Length; k++)
            {
                if (char.IsAsciiDigit(word[k]))
                {
                    if (d0 < 0)
                    {
                        d0 = k;
                    }

                    d1 = k;
                }
            }

            if (d0 < 0)
            {
                return null;
            }

            string pre = word[..d0], digits = word[d0..(d1 + 1)], post = word[(d1 + 1)..];
            if (!digits.All(char.IsAsciiDigit) || !pre.All(char.IsLetter) || !post.All(char.IsLetter) || (pre.Length > 0 && post.Length > 0))
            {
                return null;
            }

            toks.Add(new Tok(TokKind.Number, digits, pre, post));
        }

        if (toks.Count == 0 || toks[0].Kind != TokKind.Number || toks[^1].Kind != TokKind.Number)
        {
            return null;
        }

        for (int k = 1; k < toks.Count; k++)
        {
            if (toks[k].Kind == toks[k - 1].Kind)
            {
                return null;
            }
        }

        return toks;
    }

    public static bool IsNumeric(string s) => Tokenize(s) is not null;

    public static bool IsPlural(string s)
    {
        var t = Tokenize(s);
        if (t is not null)
        {
            return t.Count > 1;
        }

        // not a plain number list: plural when it starts with a list or range of number-like pieces ("12a-14b",
        // "i-ix", "367-368, fig. 333");
        // an escaped hyphen ("3\-B") is not a range
        int pieces = 0;
        int start = 0;
        for (int i = 0; i <= s.Length; i++)
        {
            bool sep = i == s.Length || s[i] is ',' or '&' or '\u2013' || (s[i] == '-' && (i == 0 || s[i - 1] != '\\'));
            int andLen = 0;
            if (!sep && s[i] == ' ' && string.CompareOrdinal(s, i, " and ", 0, 5) == 0)
            {
                sep = true;
                andLen = 4;
            }

            if (!sep)
            {
                continue;
            }

            var piece = s.AsSpan(start, i - start).Trim();
            if (piece.Length > 0)
            {
                if (!IsNumberLike(piece))
                {
                    break; // text after the numbers ("367-368, fig. 333") starts another locator
                }

                pieces++;
            }

            i += andLen;
            start = i + 1;
        }

        return pieces > 1;
    }

    /// <summary>"12", "12a", "A12", "xiv": a piece that counts as a number for plural detection.</summary>
    private static bool IsNumberLike(ReadOnlySpan<char> piece)
    {
        if (IsRoman(piece))
        {
            return true;
        }

        int d0 = piece.IndexOfAnyInRange('0', '9');
        if (d0 < 0)
        {
            return false;
        }

        int d1 = piece.LastIndexOfAnyInRange('0', '9');
        foreach (char ch in piece[..d0])
        {
            if (!char.IsLetter(ch))
            {
                return false;
            }
        }

        foreach (char ch in piece[d0..(d1 + 1)])
        {
            if (!char.IsAsciiDigit(ch))
            {
                return false;
            }
        }

        foreach (char ch in piece[(d1 + 1)..])
        {
            if (!char.IsLetter(ch))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A roman numeral written in one case ("xiv", "XIV").</summary>
    public static bool IsRoman(ReadOnlySpan<char> s)
    {
        if (s.Length == 0)
        {
            return false;
        }

        bool lower = char.IsLower(s[0]);
        foreach (char ch in s)
        {
            if ((lower ? "ivxlcdm" : "IVXLCDM").IndexOf(ch, StringComparison.Ordinal) < 0)
            {
                return false;
            }
        }

        return true;
    }

    public static int? LeadingNumber(string s)
    {
        int i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i > 0 && int.TryParse(s.AsSpan(0, Math.Min(i, 9)), NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : null;
    }

    public static string Format(string value, NumberForm form, Locale locale, string? gender, string? pageRangeFormat)
    {
        string rangeDelimiter = locale.Term("page-range-delimiter") ?? "\u2013";
        var toks = Tokenize(value)!;
        var sb = new StringBuilder();
        for (int k = 0; k < toks.Count; k++)
        {
            var t = toks[k];
            if (t.Kind == TokKind.Sep)
            {
                sb.Append(t.Text switch
                {
                    "-" or "\u2013" or "--" => rangeDelimiter,
                    "," => ", ",
                    "&" => " & ",
                    "+" => "+",
                    _ => t.Text.Contains(',') ? ", " : t.Text.Contains('&') ? " & " : rangeDelimiter,
                });
                continue;
            }

            if (!int.TryParse(t.Text.Length > 9 ? t.Text[..9] : t.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            {
                sb.Append(t.Prefix).Append(t.Text).Append(t.Suffix);
                continue;
            }

            string rendered = form switch
            {
                NumberForm.Ordinal => n.ToString(CultureInfo.InvariantCulture) + locale.OrdinalSuffix(n, gender),
                NumberForm.LongOrdinal => locale.LongOrdinal(n, gender) ?? n.ToString(CultureInfo.InvariantCulture) + locale.OrdinalSuffix(n, gender),
                NumberForm.Roman => Roman(n),
                _ => t.Text.TrimStart('0') is { Length: > 0 } tr ? tr : "0",
            };
            if (form == NumberForm.Numeric)
            {
                rendered = t.Text;
            }

            sb.Append(t.Prefix).Append(rendered).Append(form == NumberForm.Numeric ? t.Suffix : string.Empty);
        }

        string result = sb.ToString();
        if (pageRangeFormat is not null && form == NumberForm.Numeric)
        {
            result = FormatPageRange(value, pageRangeFormat, rangeDelimiter);
        }

        return result;
    }

    /// <summary>A number field that is not a plain number list: comma-separated parts that are numbers are
    /// formatted, and a part led by a locator abbreviation ("p. 3-8") takes that term in the right number
    /// ("pp. 3–8"); anything else is kept as it is.</summary>
    public static string FormatMixed(string value, NumberForm form, Locale locale, string? gender)
    {
        if (!value.Contains(',', StringComparison.Ordinal))
        {
            return value.Replace("\\-", "-", StringComparison.Ordinal);
        }

        var parts = value.Split(',');
        var sb = new StringBuilder(value.Length + 8);
        for (int k = 0; k < parts.Length; k++)
        {
            string part = parts[k].Trim();
            if (k > 0)
            {
                sb.Append(", ");
            }

            if (IsNumeric(part))
            {
                sb.Append(Format(part, form, locale, gender, null));
                continue;
            }

            int sp = part.IndexOf(' ', StringComparison.Ordinal);
            if (sp > 1 && part[sp - 1] == '.' && IsNumeric(part[(sp + 1)..]) && locale.LocatorTypeOf(part[..sp]) is { } type
                && locale.Term(type, TermForm.Short, IsPlural(part[(sp + 1)..])) is { Length: > 0 } term)
            {
                sb.Append(term).Append(' ').Append(Format(part[(sp + 1)..], NumberForm.Numeric, locale, null, null));
                continue;
            }

            sb.Append(part.Replace("\\-", "-", StringComparison.Ordinal));
        }

        return sb.ToString();
    }

    public static string Roman(int n)
    {
        if (n is <= 0 or >= 4000)
        {
            return n.ToString(CultureInfo.InvariantCulture);
        }

        ReadOnlySpan<int> vals = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
        string[] syms = ["m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"];
        var sb = new StringBuilder();
        for (int i = 0; i < vals.Length; i++)
        {
            while (n >= vals[i])
            {
                sb.Append(syms[i]);
                n -= vals[i];
            }
        }

        return sb.ToString();
    }

    /// <summary>Hyphens between numbers (or roman numerals) become en dashes ("12-14" → "12–14", "i-ix" → "i–ix");
    /// an escaped hyphen ("3\-B") stays a hyphen and loses its backslash.</summary>
    public static string NormalizeRangeDash(string v, string rangeDelimiter = "\u2013")
    {
        if (!v.Contains('-'))
        {
            return v;
        }

        var sb = new StringBuilder(v.Length);
        for (int i = 0; i < v.Length; i++)
        {
            if (v[i] == '\\' && i + 1 < v.Length && v[i + 1] == '-')
            {
                sb.Append('-');
                i++;
                continue;
            }

            if (v[i] == '-' && i > 0 && i + 1 < v.Length)
            {
                int a = i - 1;
                while (a >= 0 && v[a] == ' ')
                {
                    a--;
                }

                int b = i + 1;
                while (b < v.Length && v[b] == '-')
                {
                    b++;
                }

                int bb = b;
                while (bb < v.Length && v[bb] == ' ')
                {
                    bb++;
                }

                if (a >= 0 && bb < v.Length && ((char.IsAsciiDigit(v[a]) && char.IsAsciiDigit(v[bb])) || RomanAround(v, a, bb)))
                {
                    sb.Length -= i - 1 - a;
                    sb.Append(rangeDelimiter);
                    i = bb - 1;
                    continue;
                }
            }

            sb.Append(v[i]);
        }

        return sb.ToString();
    }

    /// <summary>Whether the words ending at <paramref name="a"/> and starting at <paramref name="b"/> are both roman numerals.</summary>
    private static bool RomanAround(string v, int a, int b)
    {
        int s = a;
        while (s > 0 && char.IsLetter(v[s - 1]))
        {
            s--;
        }

        int e = b;
        while (e < v.Length && char.IsLetter(v[e]))
        {
            e++;
        }

        return (s == 0 || !char.IsLetterOrDigit(v[s - 1])) && (e == v.Length || !char.IsLetterOrDigit(v[e]))
            && IsRoman(v.AsSpan(s, a + 1 - s)) && IsRoman(v.AsSpan(b, e - b));
    }

    public static string FormatPageRange(string v, string format, string rangeDelimiter = "\u2013")
    {
        // Pieces separated by commas or ampersands; each piece is a range of two numbers with the same prefix
        // (everything before the trailing digits). Ranges whose prefixes differ are not page ranges: they keep
        // a plain hyphen.
        var sb = new StringBuilder(v.Length + 4);
        int pos = 0;
        while (pos <= v.Length)
        {
            int next = v.IndexOfAny([',', '&'], pos);
            int stop = next < 0 ? v.Length : next;
            AppendPageRange(sb, v[pos..stop].Trim(), format, rangeDelimiter);
            if (next < 0)
            {
                break;
            }

            sb.Append(v[next] == ',' ? ", " : " & ");
            pos = next + 1;
        }

        return sb.ToString();
    }

    private static void AppendPageRange(StringBuilder sb, string piece, string format, string rangeDelimiter)
    {
        int dash = piece.IndexOfAny(['-', '\u2013']);
        if (dash <= 0 || piece.Contains("\\-", StringComparison.Ordinal))
        {
            sb.Append(NormalizeRangeDash(piece, rangeDelimiter));
            return;
        }

        string a = piece[..dash].Trim();
        string b = piece[(dash + 1)..].Trim('-', ' ', '\u2013');
        if (b.Length == 0 || a.Contains(' ', StringComparison.Ordinal) || b.Contains(' ', StringComparison.Ordinal)
            || b.Contains('-', StringComparison.Ordinal) || b.Contains('\u2013', StringComparison.Ordinal))
        {
            sb.Append(NormalizeRangeDash(piece, rangeDelimiter));
            return;
        }

        if (!SplitNum(a, out string pa, out string na) || !SplitNum(b, out string pb, out string nb))
        {
            // roman numerals: only the delimiter is standardised
            if (IsRoman(a) && IsRoman(b))
            {
                sb.Append(a).Append(rangeDelimiter).Append(b);
            }
            else
            {
                sb.Append(NormalizeRangeDash(piece, rangeDelimiter));
            }

            return;
        }

        if (pb != pa)
        {
            sb.Append(a).Append('-').Append(b);
            return;
        }

        if (nb.Length < na.Length)
        {
            nb = na[..(na.Length - nb.Length)] + nb;
        }

        string second = format switch
        {
            "expanded" => nb,
            "minimal" => Minimal(na, nb, 1),
            "minimal-two" => Minimal(na, nb, 2),
            "chicago" or "chicago-15" => Chicago(na, nb, false),
            "chicago-16" => Chicago(na, nb, true),
            _ => nb,
        };
        sb.Append(pa).Append(na).Append(rangeDelimiter).Append(format == "expanded" ? pa : string.Empty).Append(second);
    }

    /// <summary>Splits "8n11564" into the prefix "8n" and the trailing digits "11564".</summary>
    private static bool SplitNum(string s, out string prefix, out string num)
    {
        int i = s.Length;
        while (i > 0 && char.IsAsciiDigit(s[i - 1]))
        {
            i--;
        }

        prefix = s[..i];
        num = s[i..];
        return num.Length > 0;
    }

    private static string Minimal(string a, string b, int min)
    {
        if (a.Length != b.Length)
        {
            return b;
        }

        int i = 0;
        while (i < a.Length && a[i] == b[i])
        {
            i++;
        }

        int keep = Math.Max(b.Length - i, Math.Min(min, b.Length));
        return b[^keep..];
    }

    private static string Chicago(string a, string b, bool sixteen)
    {
        if (!int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out int na))
        {
            return b;
        }

        if (na < 100 || na % 100 == 0)
        {
            return b;
        }

        if (na % 100 < 10)
        {
            return Minimal(a, b, 1);
        }

        if (!sixteen && a.Length == 4 && b.Length == 4)
        {
            string m = Minimal(a, b, 2);
            if (m.Length >= 3)
            {
                return b;
            }

            return m;
        }

        return Minimal(a, b, 2);
    }
}
