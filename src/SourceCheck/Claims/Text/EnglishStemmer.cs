namespace SourceCheck.Claims.Text;

/// <summary>English stemmer following the Snowball "Porter2" (English) algorithm description:
/// exceptional forms, R1/R2 regions, steps 0–5. Input is expected in lower case; output is the stem.</summary>
internal static class EnglishStemmer
{
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        ["skis"] = "ski", ["skies"] = "sky", ["dying"] = "die", ["lying"] = "lie", ["tying"] = "tie",
        ["idly"] = "idl", ["gently"] = "gentl", ["ugly"] = "ugli", ["early"] = "earli", ["only"] = "onli",
        ["singly"] = "singl", ["sky"] = "sky", ["news"] = "news", ["howe"] = "howe", ["atlas"] = "atlas",
        ["cosmos"] = "cosmos", ["bias"] = "bias", ["andes"] = "andes",
    };

    private static readonly HashSet<string> Post1a = new(StringComparer.Ordinal)
    {
        "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed",
    };

    private static readonly (string Suffix, string Replacement)[] Step2Rules =
    [
        ("ization", "ize"), ("ational", "ate"), ("fulness", "ful"), ("ousness", "ous"), ("iveness", "ive"),
        ("tional", "tion"), ("biliti", "ble"), ("lessli", "less"), ("entli", "ent"), ("ation", "ate"),
        ("alism", "al"), ("aliti", "al"), ("ousli", "ous"), ("iviti", "ive"), ("fulli", "ful"), ("enci", "ence"),
        ("anci", "ance"), ("abli", "able"), ("izer", "ize"), ("ator", "ate"), ("alli", "al"), ("bli", "ble"),
        ("ogi", "og"), ("li", string.Empty),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3Rules =
    [
        ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ative", string.Empty),
        ("ical", "ic"), ("ness", string.Empty), ("ful", string.Empty),
    ];

    private static readonly string[] Step4Suffixes =
    [
        "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion",
        "al", "er", "ic",
    ];

    public static string Stem(string word)
    {
        if (word.Length <= 2)
        {
            return word;
        }

        if (Exceptions.TryGetValue(word, out var ex))
        {
            return ex;
        }

        var w = new System.Text.StringBuilder(word.Length);
        int startIndex = word[0] == '\'' ? 1 : 0;
        for (int i = startIndex; i < word.Length; i++)
        {
            char c = word[i] is '\u2019' or '\u2018' ? '\'' : word[i];
            w.Append(c);
        }

        if (w.Length <= 2)
        {
            return w.ToString();
        }

        // Y as consonant.
        if (w[0] == 'y')
        {
            w[0] = 'Y';
        }

        for (int i = 1; i < w.Length; i++)
        {
            if (w[i] == 'y' && IsVowel(w[i - 1]))
            {
                w[i] = 'Y';
            }
        }

        int r1 = ComputeR1(w);
        int r2 = ComputeRegion(w, r1);

        // Step 0
        if (StemBuffer.EndsWith(w, "'s'"))
        {
            w.Length -= 3;
        }
        else if (StemBuffer.EndsWith(w, "'s"))
        {
            w.Length -= 2;
        }
        else if (StemBuffer.EndsWith(w, "'"))
        {
            w.Length -= 1;
        }

        // Step 1a
        if (StemBuffer.EndsWith(w, "sses"))
        {
            w.Length -= 2;
        }
        else if (StemBuffer.EndsWith(w, "ied") || StemBuffer.EndsWith(w, "ies"))
        {
            w.Length -= w.Length > 4 ? 2 : 1;
        }
        else if (StemBuffer.EndsWith(w, "us") || StemBuffer.EndsWith(w, "ss"))
        {
        }
        else if (StemBuffer.EndsWith(w, "s"))
        {
            bool vowelBefore = false;
            for (int i = 0; i < w.Length - 2; i++)
            {
                if (IsVowel(w[i]))
                {
                    vowelBefore = true;
                    break;
                }
            }

            if (vowelBefore)
            {
                w.Length -= 1;
            }
        }

        string after1a = w.ToString();
        if (Post1a.Contains(after1a))
        {
            return after1a;
        }

        Step1b(w, r1);

        // Step 1c
        if (w.Length > 2 && (w[^1] == 'y' || w[^1] == 'Y') && !IsVowel(w[^2]))
        {
            w[^1] = 'i';
        }

        ApplyRules(w, Step2Rules, r1, step2: true);
        Step3(w, r1, r2);
        Step4(w, r2);
        Step5(w, r1, r2);

        for (int i = 0; i < w.Length; i++)
        {
            if (w[i] == 'Y')
            {
                w[i] = 'y';
            }
        }

        return w.ToString();
    }

    private static void Step1b(System.Text.StringBuilder w, int r1)
    {
        foreach (var suffix in new[] { "eedly", "eed" })
        {
            if (StemBuffer.EndsWith(w, suffix))
            {
                if (w.Length - suffix.Length >= r1)
                {
                    w.Length -= suffix.Length;
                    w.Append("ee");
                }

                return;
            }
        }

        foreach (var suffix in new[] { "ingly", "edly", "ing", "ed" })
        {
            if (!StemBuffer.EndsWith(w, suffix))
            {
                continue;
            }

            int stemLength = w.Length - suffix.Length;
            bool hasVowel = false;
            for (int i = 0; i < stemLength; i++)
            {
                if (IsVowel(w[i]))
                {
                    hasVowel = true;
                    break;
                }
            }

            if (!hasVowel)
            {
                return;
            }

            w.Length = stemLength;
            if (StemBuffer.EndsWith(w, "at") || StemBuffer.EndsWith(w, "bl") || StemBuffer.EndsWith(w, "iz"))
            {
                w.Append('e');
            }
            else if (w.Length >= 2 && w[^1] == w[^2] && w[^1] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't')
            {
                w.Length -= 1;
            }
            else if (IsShortWord(w, r1))
            {
                w.Append('e');
            }

            return;
        }
    }

    private static void ApplyRules(System.Text.StringBuilder w, (string Suffix, string Replacement)[] rules, int region, bool step2)
    {
        foreach (var (suffix, replacement) in rules)
        {
            if (!StemBuffer.EndsWith(w, suffix))
            {
                continue;
            }

            int start = w.Length - suffix.Length;
            if (start < region)
            {
                return;
            }

            if (step2 && suffix == "ogi" && (start == 0 || w[start - 1] != 'l'))
            {
                return;
            }

            if (step2 && suffix == "li" && (start == 0 || w[start - 1] is not ('c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't')))
            {
                return;
            }

            w.Length = start;
            w.Append(replacement);
            return;
        }
    }

    private static void Step3(System.Text.StringBuilder w, int r1, int r2)
    {
        foreach (var (suffix, replacement) in Step3Rules)
        {
            if (!StemBuffer.EndsWith(w, suffix))
            {
                continue;
            }

            int start = w.Length - suffix.Length;
            if (start < r1 || (suffix == "ative" && start < r2))
            {
                return;
            }

            w.Length = start;
            w.Append(replacement);
            return;
        }
    }

    private static void Step4(System.Text.StringBuilder w, int r2)
    {
        foreach (var suffix in Step4Suffixes)
        {
            if (!StemBuffer.EndsWith(w, suffix))
            {
                continue;
            }

            int start = w.Length - suffix.Length;
            if (start < r2)
            {
                return;
            }

            if (suffix == "ion" && (start == 0 || w[start - 1] is not ('s' or 't')))
            {
                return;
            }

            w.Length = start;
            return;
        }
    }

    private static void Step5(System.Text.StringBuilder w, int r1, int r2)
    {
        if (w.Length == 0)
        {
            return;
        }

        int last = w.Length - 1;
        if (w[last] == 'e')
        {
            if (last >= r2 || (last >= r1 && !EndsInShortSyllable(w, last)))
            {
                w.Length -= 1;
            }
        }
        else if (w[last] == 'l' && last >= r2 && last > 0 && w[last - 1] == 'l')
        {
            w.Length -= 1;
        }
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static int ComputeR1(System.Text.StringBuilder w)
    {
        foreach (var prefix in new[] { "gener", "commun", "arsen" })
        {
            if (w.Length >= prefix.Length && w.ToString(0, prefix.Length) == prefix)
            {
                return prefix.Length;
            }
        }

        return ComputeRegion(w, 0);
    }

    private static int ComputeRegion(System.Text.StringBuilder w, int from)
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

    /// <summary>Short syllable ending at index <paramref name="end"/> (exclusive of what follows).</summary>
    private static bool EndsInShortSyllable(System.Text.StringBuilder w, int length)
    {
        // The syllable is the last letters of w[0..length).
        if (length >= 3)
        {
            char a = w[length - 3], b = w[length - 2], c = w[length - 1];
            if (!IsVowel(a) && IsVowel(b) && !IsVowel(c) && c is not ('w' or 'x' or 'Y'))
            {
                return true;
            }
        }

        return length == 2 && IsVowel(w[0]) && !IsVowel(w[1]);
    }

    private static bool IsShortWord(System.Text.StringBuilder w, int r1) => r1 >= w.Length && EndsInShortSyllable(w, w.Length);
}
