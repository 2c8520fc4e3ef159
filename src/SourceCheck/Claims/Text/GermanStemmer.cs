using System.Text;

namespace SourceCheck.Claims.Text;

/// <summary>German stemmer following the Snowball German algorithm description: ß → ss, u/y between vowels
/// marked as consonants, R1 (at least three letters before it) and R2, suffix steps 1–3, then umlauts
/// removed (ä → a, ö → o, ü → u). Input is expected in lower case.</summary>
internal static class GermanStemmer
{
    public static string Stem(string word)
    {
        var w = new StringBuilder(word.Length + 4);
        foreach (char ch in word)
        {
            if (ch == 'ß')
            {
                w.Append("ss");
            }
            else
            {
                w.Append(ch);
            }
        }

        for (int i = 1; i < w.Length - 1; i++)
        {
            if (IsVowel(w[i - 1]) && IsVowel(w[i + 1]))
            {
                if (w[i] == 'u')
                {
                    w[i] = 'U';
                }
                else if (w[i] == 'y')
                {
                    w[i] = 'Y';
                }
            }
        }

        int r1 = Region(w, 0);
        int r2 = Region(w, r1);
        if (r1 < 3)
        {
            r1 = Math.Min(3, w.Length);
        }

        Step1(w, r1);
        Step2(w, r1);
        Step3(w, r1, r2);

        for (int i = 0; i < w.Length; i++)
        {
            w[i] = w[i] switch
            {
                'U' => 'u',
                'Y' => 'y',
                'ä' => 'a',
                'ö' => 'o',
                'ü' => 'u',
                _ => w[i],
            };
        }

        return w.ToString();
    }

    private static void Step1(StringBuilder w, int r1)
    {
        // Longest of: em ern er | e en es | s (preceded by a valid s-ending).
        string[] group = ["ern", "em", "er", "en", "es", "e", "s"];
        foreach (var suffix in group)
        {
            if (!StemBuffer.EndsWith(w, suffix))
            {
                continue;
            }

            int start = w.Length - suffix.Length;
            if (start < r1)
            {
                return;
            }

            if (suffix == "s")
            {
                if (start > 0 && IsSEnding(w[start - 1]))
                {
                    w.Length = start;
                }

                return;
            }

            w.Length = start;
            if (suffix is "e" or "en" or "es" && StemBuffer.EndsWith(w, "niss"))
            {
                w.Length -= 1;
            }

            return;
        }
    }

    private static void Step2(StringBuilder w, int r1)
    {
        string[] group = ["est", "en", "er", "st"];
        foreach (var suffix in group)
        {
            if (!StemBuffer.EndsWith(w, suffix))
            {
                continue;
            }

            int start = w.Length - suffix.Length;
            if (start < r1)
            {
                return;
            }

            if (suffix == "st")
            {
                // preceded by a valid st-ending, itself preceded by at least 3 letters
                if (start >= 4 && IsStEnding(w[start - 1]))
                {
                    w.Length = start;
                }

                return;
            }

            w.Length = start;
            return;
        }
    }

    private static void Step3(StringBuilder w, int r1, int r2)
    {
        string[] group = ["heit", "lich", "keit", "isch", "end", "ung", "ig", "ik"];
        string? found = null;
        foreach (var suffix in group.OrderByDescending(s => s.Length))
        {
            if (StemBuffer.EndsWith(w, suffix))
            {
                found = suffix;
                break;
            }
        }

        if (found is null)
        {
            return;
        }

        int start = w.Length - found.Length;
        if (start < r2)
        {
            return;
        }

        switch (found)
        {
            case "end":
            case "ung":
                w.Length = start;
                if (StemBuffer.EndsWith(w, "ig") && w.Length - 2 >= r2 && !(w.Length >= 3 && w[w.Length - 3] == 'e'))
                {
                    w.Length -= 2;
                }

                break;
            case "ig":
            case "ik":
            case "isch":
                if (!(start > 0 && w[start - 1] == 'e'))
                {
                    w.Length = start;
                }

                break;
            case "lich":
            case "heit":
                w.Length = start;
                if ((StemBuffer.EndsWith(w, "er") || StemBuffer.EndsWith(w, "en")) && w.Length - 2 >= r1)
                {
                    w.Length -= 2;
                }

                break;
            case "keit":
                w.Length = start;
                if (StemBuffer.EndsWith(w, "lich") && w.Length - 4 >= r2)
                {
                    w.Length -= 4;
                }
                else if (StemBuffer.EndsWith(w, "ig") && w.Length - 2 >= r2)
                {
                    w.Length -= 2;
                }

                break;
        }
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'ä' or 'ö' or 'ü';

    private static bool IsSEnding(char c) => c is 'b' or 'd' or 'f' or 'g' or 'h' or 'k' or 'l' or 'm' or 'n' or 'r' or 't';

    private static bool IsStEnding(char c) => c is 'b' or 'd' or 'f' or 'g' or 'h' or 'k' or 'l' or 'm' or 'n' or 't';

    private static int Region(StringBuilder w, int from)
    {
        for (int i = from + 1; i < w.Length; i++)
        {
            if (!IsVowel(w[i]) && IsVowel(w[i - 1]))
            {
                return i + 1;
            }
        }

        return w.Length;
    }
}
