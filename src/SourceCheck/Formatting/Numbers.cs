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

        return s.Contains('\u2013') || (s.Contains('-') && s.Any(char.IsAsciiDigit)) || s.Contains(',') || s.Contains('&') || s.Contains(" and ", StringComparison.Ordinal);
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

    /// <summary>Hyphens between numbers become en dashes ("12-14" → "12–14").</summary>
    public static string NormalizeRangeDash(string v, string rangeDelimiter = "\u2013")
    {
        if (!v.Contains('-'))
        {
            return v;
        }

        var sb = new StringBuilder(v.Length);
        for (int i = 0; i < v.Length; i++)
        {
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

                if (a >= 0 && bb < v.Length && char.IsAsciiDigit(v[a]) && char.IsAsciiDigit(v[bb]))
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

    public static string FormatPageRange(string v, string format, string rangeDelimiter = "\u2013")
    {
        // Each comma/ampersand separated piece is a range of two numbers with the same prefix.
        var pieces = v.Split(',');
        var outp = new List<string>();
        foreach (var raw in pieces)
        {
            string piece = raw.Trim();
            int dash = piece.IndexOfAny(['-', '\u2013']);
            if (dash <= 0)
            {
                outp.Add(piece);
                continue;
            }

            string a = piece[..dash].Trim();
            string b = piece[(dash + 1)..].Trim('-', ' ', '\u2013');
            if (!SplitNum(a, out string pa, out string na) || !SplitNum(b, out string pb, out string nb))
            {
                outp.Add(NormalizeRangeDash(piece, rangeDelimiter));
                continue;
            }

            if (pb != pa)
            {
                outp.Add(piece);
                continue;
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
            outp.Add(pa + na + rangeDelimiter + (format == "expanded" ? pa : string.Empty) + second);
        }

        return string.Join(", ", outp);
    }

    private static bool SplitNum(string s, out string prefix, out string num)
    {
        int i = 0;
        while (i < s.Length && !char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        prefix = s[..i];
        num = s[i..];
        return num.Length > 0 && num.All(char.IsAsciiDigit);
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
