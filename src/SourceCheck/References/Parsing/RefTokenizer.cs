namespace SourceCheck.References.Parsing;

/// <summary>Kinds of reference tokens.</summary>
internal enum RefTokenKind : byte
{
    Word,
    Number,
    Punct,
    Url,
    Doi,
}

/// <summary>One token of a reference string: offset and length into the string, its kind, and whether
/// whitespace preceded it.</summary>
internal readonly record struct RefToken(int Start, int Length, RefTokenKind Kind, bool SpaceBefore)
{
    public int End => Start + Length;

    /// <summary>Whether this is the punctuation token <paramref name="c"/> (punctuation tokens are one
    /// character each) of <paramref name="text"/>.</summary>
    public bool IsPunct(string text, char c) => Kind == RefTokenKind.Punct && text[Start] == c;
}

/// <summary>Splits a reference into tokens while keeping offsets. Words are runs of letters/digits (with
/// inner apostrophes and letter-hyphen-letter joins: "OpenAI's", "Pérez-Higueras"); every other
/// non-space character is its own punctuation token; URLs ("http…", "www.…") and DOIs ("10.nnnn/…",
/// "doi:10…") are single tokens with trailing sentence punctuation cut off. Linear in the input length.</summary>
internal static class RefTokenizer
{
    public static List<RefToken> Tokenize(string text, List<RefToken>? into = null)
    {
        var tokens = into ?? new List<RefToken>(Math.Min(256, text.Length / 3 + 4));
        tokens.Clear();
        int i = 0;
        int n = text.Length;
        bool space = true;
        while (i < n)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = true;
                i++;
                continue;
            }

            int urlEnd = MatchUrl(text, i, out bool isDoi);
            if (urlEnd > i)
            {
                tokens.Add(new RefToken(i, urlEnd - i, isDoi ? RefTokenKind.Doi : RefTokenKind.Url, space));
                i = urlEnd;
                space = false;
                continue;
            }

            if (char.IsLetterOrDigit(c) || char.IsSurrogate(c))
            {
                int start = i;
                bool allDigits = true;
                while (i < n)
                {
                    char d = text[i];
                    if (char.IsLetterOrDigit(d) || char.IsSurrogate(d) || IsMark(d))
                    {
                        allDigits &= char.IsAsciiDigit(d);
                        i++;
                        continue;
                    }

                    // inner apostrophe or hyphen between letters: keep the word whole
                    if ((d is '\'' or '’' or '-' or '‐') && i + 1 < n && char.IsLetter(text[i + 1]) && i > start && char.IsLetter(text[i - 1]))
                    {
                        allDigits = false;
                        i++;
                        continue;
                    }

                    break;
                }

                if (allDigits)
                {
                    tokens.Add(new RefToken(start, i - start, RefTokenKind.Number, space));
                }
                else
                {
                    AddWord(text, start, i, space, tokens);
                }

                space = false;
                continue;
            }

            tokens.Add(new RefToken(i, 1, RefTokenKind.Punct, space));
            space = false;
            i++;
        }

        return tokens;
    }

    /// <summary>Adds a letter/digit run, split where it glues a word to a trailing number ("Vol43",
    /// "D12", "Springer1998" → word + number) or a year to a following word ("2013Interferometer"), as
    /// OCR'd and run-together references do; mixed codes such as "H2O", "1994b", "2nd" stay whole.</summary>
    private static void AddWord(string text, int start, int end, bool space, List<RefToken> tokens)
    {
        int digits = end;
        while (digits > start && char.IsAsciiDigit(text[digits - 1]))
        {
            digits--;
        }

        if (digits < end && digits > start && char.IsLetter(text[digits - 1]))
        {
            // letters then a final number
            AddWord(text, start, digits, space, tokens);
            tokens.Add(new RefToken(digits, end - digits, RefTokenKind.Number, false));
            return;
        }

        if (end - start >= 6 && IsDigits(text.AsSpan(start, 4)) && char.IsLetter(text[start + 4]) && char.IsLetter(text[start + 5]))
        {
            // a year glued to the next word
            tokens.Add(new RefToken(start, 4, RefTokenKind.Number, space));
            AddWord(text, start + 4, end, false, tokens);
            return;
        }

        tokens.Add(new RefToken(start, end - start, RefTokenKind.Word, space));
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsMark(char c)
    {
        var cat = char.GetUnicodeCategory(c);
        return cat is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;
    }

    /// <summary>End of a URL or DOI starting at <paramref name="i"/>, or <paramref name="i"/> when there is none.</summary>
    private static int MatchUrl(string text, int i, out bool isDoi)
    {
        isDoi = false;
        var rest = text.AsSpan(i);
        if (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '.' or '/'))
        {
            return i;
        }

        bool url = SpacedScheme(rest) > 0
            || rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase)
            || (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && rest.Length > 6 && char.IsLetterOrDigit(rest[4]));
        if (!url)
        {
            int k = 0;
            if (rest.StartsWith("doi:", StringComparison.OrdinalIgnoreCase))
            {
                k = 4;
                while (k < rest.Length && rest[k] == ' ' && k < 6)
                {
                    k++;
                }
            }

            if (IsDoiStart(rest[k..]))
            {
                isDoi = true;
            }
            else if (!LooksLikeBareDomainPath(rest))
            {
                return i;
            }
        }

        int j = i + Math.Max(0, SpacedScheme(rest));
        int parens = 0;
        while (j < text.Length && !char.IsWhiteSpace(text[j]))
        {
            char c = text[j];
            if (c is '(' or '[')
            {
                parens++;
            }
            else if (c is ')' or ']')
            {
                if (parens == 0)
                {
                    break;
                }

                parens--;
            }
            else if (c is '"' or '“' or '”' or '«' or '»' or '<' or '>')
            {
                break;
            }

            j++;
        }

        while (j > i && text[j - 1] is '.' or ',' or ';' or ':' or '\'' or '’' or '!' or '?')
        {
            j--;
        }

        return j - i >= 6 ? j : i;
    }

    /// <summary>Length of an OCR-spaced scheme such as "http ://" or "https: //" (0 when there is none).</summary>
    private static int SpacedScheme(ReadOnlySpan<char> s)
    {
        int k = s.StartsWith("https", StringComparison.OrdinalIgnoreCase) ? 5 : s.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? 4 : 0;
        if (k == 0)
        {
            return 0;
        }

        int spaces = 0;
        while (k < s.Length && s[k] == ' ' && spaces < 2)
        {
            k++;
            spaces++;
        }

        if (k >= s.Length || s[k] != ':')
        {
            return 0;
        }

        k++;
        while (k < s.Length && s[k] == ' ' && spaces < 2)
        {
            k++;
            spaces++;
        }

        return spaces > 0 && k + 2 < s.Length && s[k] == '/' && s[k + 1] == '/' ? k + 2 : 0;
    }

    private static bool IsDoiStart(ReadOnlySpan<char> s)
    {
        if (s.Length < 8 || s[0] != '1' || s[1] != '0' || s[2] != '.')
        {
            return false;
        }

        int k = 3;
        while (k < s.Length && char.IsAsciiDigit(s[k]))
        {
            k++;
        }

        return k >= 7 && k < s.Length - 1 && s[k] == '/' && !char.IsWhiteSpace(s[k + 1]);
    }

    /// <summary>"coastalledger.com/business/…", "factcheckhub.org/about": a host with a known TLD followed by a path.</summary>
    private static bool LooksLikeBareDomainPath(ReadOnlySpan<char> s)
    {
        int k = 0;
        int dots = 0;
        while (k < s.Length && (char.IsAsciiLetterOrDigit(s[k]) || s[k] is '-' or '.'))
        {
            if (s[k] == '.')
            {
                dots++;
            }

            k++;
        }

        if (dots == 0 || k >= s.Length || s[k] != '/' || k + 1 >= s.Length || !char.IsAsciiLetterOrDigit(s[k + 1]))
        {
            return false;
        }

        var host = s[..k];
        int lastDot = host.LastIndexOf('.');
        var tld = host[(lastDot + 1)..];
        return tld is "com" or "org" or "net" or "edu" or "gov" or "io" or "de" or "uk" or "fr" or "es" or "it" or "info" or "ch" or "at" or "eu" or "online" or "news" or "co";
    }
}
