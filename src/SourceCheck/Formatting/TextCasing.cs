using System.Collections.Frozen;

namespace SourceCheck.Formatting;

/// <summary>CSL text-case transformations over a rendering tree, leaving nocase spans alone.</summary>
internal static class TextCasing
{
    private static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
    [
        "a", "aboard", "about", "above", "across", "after", "against", "along", "amid", "among", "an", "and", "around",
        "as", "at", "before", "behind", "below", "beneath", "beside", "between", "beyond", "but", "by", "down", "during",
        "except", "for", "from", "in", "inside", "into", "like", "near", "nor", "of", "off", "on", "onto", "or", "out",
        "outside", "over", "past", "per", "since", "so", "than", "the", "through", "till", "to", "toward", "towards",
        "under", "until", "up", "upon", "versus", "via", "vs", "v", "with", "within", "without", "yet",
        "de", "von", "van", // name particles stay lowercase in titles
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether the word, lowercased (invariant), is a stop word; no stop word is longer than 16 letters.</summary>
    private static bool IsStopWordIgnoringCase(ReadOnlySpan<char> word)
    {
        if (word.Length > 16)
        {
            return false;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return StopWordLookup.Contains(lower);
    }

    private static bool HasUpper(ReadOnlySpan<char> text)
    {
        foreach (char ch in text)
        {
            if (char.IsUpper(ch))
            {
                return true;
            }
        }

        return false;
    }

    private static void Collect(RNode node, bool noCase, List<(RText Leaf, bool NoCase)> into)
    {
        if (node is RText t)
        {
            into.Add((t, noCase || t.NoCase));
        }
        else if (node is RSpan s)
        {
            bool nc = noCase || s.NoCase || (s.FromMarkup && (s.Format.Variant == FontVariant.SmallCaps || s.Format.Align != VerticalAlign.Unset));
            foreach (var c in s.Children)
            {
                Collect(c, nc, into);
            }
        }
    }

    public static void Apply(RNode node, TextCase tc, Locale locale, bool english = true, System.Globalization.CultureInfo? culture = null)
    {
        var textInfo = (culture ?? locale.Culture).TextInfo;
        if (tc == TextCase.Title && !english)
        {
            return;
        }

        // the leaf list is the thread's, reused (text-case runs on every title of every entry)
        var leaves = _leaves ?? new List<(RText Leaf, bool NoCase)>(16);
        _leaves = null;
        try
        {
            Collect(node, false, leaves);
            if (leaves.Count > 0)
            {
                Apply(leaves, tc, textInfo);
            }
        }
        finally
        {
            leaves.Clear();
            _leaves = leaves;
        }
    }

    [ThreadStatic]
    private static List<(RText Leaf, bool NoCase)>? _leaves;

    private static void Apply(List<(RText Leaf, bool NoCase)> leaves, TextCase tc, System.Globalization.TextInfo textInfo)
    {

        int total = 0;
        foreach (var (l, _) in leaves)
        {
            total += l.Text.Length;
        }

        var chars = new char[total];
        var prot = new bool[total];
        int pos = 0;
        foreach (var (l, nc) in leaves)
        {
            l.Text.CopyTo(0, chars, pos, l.Text.Length);
            if (nc)
            {
                Array.Fill(prot, true, pos, l.Text.Length);
            }

            pos += l.Text.Length;
        }

        switch (tc)
        {
            case TextCase.Lowercase:
                for (int i = 0; i < total; i++)
                {
                    if (!prot[i])
                    {
                        chars[i] = textInfo.ToLower(chars[i]);
                    }
                }

                break;
            case TextCase.Uppercase:
                for (int i = 0; i < total; i++)
                {
                    if (!prot[i])
                    {
                        chars[i] = textInfo.ToUpper(chars[i]);
                    }
                }

                break;
            case TextCase.CapitalizeFirst:
                CapitalizeFirstLetter(chars, prot, 0);
                break;
            case TextCase.CapitalizeAll:
                foreach (var (s, e) in Words(chars))
                {
                    CapitalizeWord(chars, prot, s, e);
                }

                break;
            case TextCase.Sentence:
                for (int i = 0; i < total; i++)
                {
                    if (!prot[i])
                    {
                        chars[i] = char.ToLowerInvariant(chars[i]);
                    }
                }

                CapitalizeFirstLetter(chars, prot, 0);
                break;
            case TextCase.Title:
                Title(chars, prot);
                break;
        }

        pos = 0;
        foreach (var (l, _) in leaves)
        {
            int len = l.Text.Length;
            if (len > 0 && !l.Text.AsSpan().SequenceEqual(chars.AsSpan(pos, len)))
            {
                // only a leaf whose case changed gets a new string
                l.Text = new string(chars, pos, len);
            }

            pos += len;
        }
    }

    private static bool HasLower(char[] chars, bool[] prot)
    {
        for (int i = 0; i < chars.Length; i++)
        {
            if (!prot[i] && char.IsLower(chars[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static void CapitalizeFirstLetter(char[] chars, bool[] prot, int from)
    {
        for (int i = from; i < chars.Length; i++)
        {
            if (char.IsLetter(chars[i]))
            {
                if (!prot[i])
                {
                    // only when the word is lowercase
                    int e = i;
                    while (e < chars.Length && !char.IsWhiteSpace(chars[e]))
                    {
                        e++;
                    }

                    if (IsLowerWord(chars, i, e) || true)
                    {
                        chars[i] = char.ToUpperInvariant(chars[i]);
                    }
                }

                return;
            }
        }
    }

    private static IEnumerable<(int Start, int End)> Words(char[] chars)
    {
        int i = 0;
        while (i < chars.Length)
        {
            while (i < chars.Length && IsSep(chars[i]))
            {
                i++;
            }

            int s = i;
            while (i < chars.Length && !IsSep(chars[i]))
            {
                i++;
            }

            if (i > s)
            {
                yield return (s, i);
            }
        }
    }

    private static bool IsSep(char c) => char.IsWhiteSpace(c);

    private static bool IsLowerWord(char[] chars, int s, int e)
    {
        for (int i = s; i < e; i++)
        {
            if (char.IsUpper(chars[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static void CapitalizeWord(char[] chars, bool[] prot, int s, int e)
    {
        int i = s;
        while (i < e && !char.IsLetterOrDigit(chars[i]))
        {
            i++;
        }

        if (i < e && !prot[i] && IsLowerWord(chars, i, e))
        {
            chars[i] = char.ToUpperInvariant(chars[i]);
        }
    }

    private static void Title(char[] chars, bool[] prot)
    {
        var words = Words(chars).ToList();
        for (int w = 0; w < words.Count; w++)
        {
            var (s, e) = words[w];
            // split on hyphens and slashes into sub-words
            int ls = s;
            while (ls < e && !char.IsLetterOrDigit(chars[ls]))
            {
                ls++;
            }

            int le = e;
            while (le > ls && !char.IsLetterOrDigit(chars[le - 1]))
            {
                le--;
            }

            if (ls >= le)
            {
                continue;
            }

            var core = chars.AsSpan(ls, le - ls);
            bool first = w == 0 || AfterColon(chars, s);
            bool last = w == words.Count - 1;
            if (!first && !last && IsStopWordIgnoringCase(core))
            {
                if (StopWordLookup.Contains(core) || IsLowerWord(chars, ls, le) || char.IsUpper(core[0]))
                {
                    if (!prot[ls] && !HasUpper(core[1..]))
                    {
                        for (int i = ls; i < le; i++)
                        {
                            if (!prot[i])
                            {
                                chars[i] = char.ToLowerInvariant(chars[i]);
                            }
                        }
                    }
                }

                continue;
            }

            int sub = ls;
            for (int i = ls; i <= le; i++)
            {
                if (i == le || chars[i] is '-' or '/' or '\u2013' or '\u2014')
                {
                    if (i > sub)
                    {
                        if (sub > ls && StopWordLookup.Contains(chars.AsSpan(sub, i - sub)))
                        {
                            // a stop word inside a hyphenated compound stays lowercase
                        }
                        else if (i - sub == 1 && chars[sub] is >= '\u03B1' and <= '\u03C9')
                        {
                            // a lone Greek letter ("β-carotene") is a symbol, not a word
                        }
                        else if (!(sub > ls && i - sub == 1 && char.IsAsciiDigit(chars[sub - 2])))
                        {
                            CapitalizeWord(chars, prot, sub, i);
                        }
                    }

                    sub = i + 1;
                }
            }
        }
    }

    private static bool AfterColon(char[] chars, int s)
    {
        int i = s - 1;
        while (i >= 0 && char.IsWhiteSpace(chars[i]))
        {
            i--;
        }

        return i >= 0 && chars[i] is ':' or '?' or '!' or '.';
    }
}
