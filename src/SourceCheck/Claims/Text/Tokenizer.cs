using System.Globalization;
using System.Text;
using SourceCheck.Text;

namespace SourceCheck.Claims.Text;

/// <summary>Kind of a token.</summary>
internal enum TokenKind
{
    Word,
    Number,
}

/// <summary>A token: surface text, lower-case folded form, stem, and flags.</summary>
/// <param name="Surface">As written.</param>
/// <param name="Lower">Lower case, umlauts/ß folded (ä → a, ß → ss), diacritics removed.</param>
/// <param name="Stem">Language stem (numbers: canonical value).</param>
/// <param name="Capitalised">Starts with an upper-case letter (and is not the first word), or is an acronym.</param>
internal readonly record struct Token(string Surface, string Lower, string Stem, TokenKind Kind, bool IsStop, bool Capitalised, bool Acronym, bool Negation, int Offset);

/// <summary>Splits text into word and number tokens for matching: lower-casing, umlaut/ß folding, stop words,
/// Snowball stems for German and English, numbers kept as tokens (German decimal comma aware), hyphenated
/// compounds split into their parts ("KI-Infrastruktur" → "ki", "infrastruktur").</summary>
internal static class Tokenizer
{
    /// <summary>Whether the text between two tokens (after <paramref name="previous"/>, before
    /// <paramref name="next"/>) holds any of <paramref name="marks"/>: the clause tests of the matcher.</summary>
    internal static bool GapHasAny(string text, Token previous, Token next, string marks)
    {
        int from = Math.Min(text.Length, previous.Offset + previous.Surface.Length);
        int to = Math.Min(text.Length, Math.Max(from, next.Offset));
        return text.AsSpan(from, to - from).IndexOfAny(marks) >= 0;
    }

    public static IReadOnlyList<Token> Tokenize(string text, string language)
    {
        var tokens = new List<Token>();
        int i = 0;
        bool first = true;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsDigit(c))
            {
                int start = i;
                while (i < text.Length && (char.IsDigit(text[i]) || ((text[i] is '.' or ',') && i + 1 < text.Length && char.IsDigit(text[i + 1]))))
                {
                    i++;
                }

                string raw = Intern(text.AsSpan(start, i - start));
                string canonical = ParseNumber(raw, language) is double v ? Intern(v.ToString("R", CultureInfo.InvariantCulture)) : raw;
                tokens.Add(new Token(raw, canonical, canonical, TokenKind.Number, false, false, false, false, start));
                first = false;
                continue;
            }

            if (char.IsLetter(c))
            {
                int start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) ||
                       ((text[i] is '\'' or '\u2019') && i + 1 < text.Length && char.IsLetter(text[i + 1]) && IsApostropheSuffix(text, i + 1))))
                {
                    i++;
                }

                string word = Intern(text.AsSpan(start, i - start));
                AddWord(tokens, word, start, language, first);
                first = false;
                continue;
            }

            if (c is '.' or '!' or '?' or ':' or '\n')
            {
                first = true;
            }

            i++;
        }

        return tokens;
    }

    private static bool IsApostropheSuffix(string text, int i)
    {
        // keep "n't", "'s", "'re", "'ve", "'ll", "'d", "'m" attached
        int end = i;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return end - i <= 2;
    }

    private static void AddWord(List<Token> tokens, string word, int offset, string language, bool sentenceStart)
    {
        bool capital = char.IsUpper(word[0]);
        int upper = 0;
        foreach (char ch in word)
        {
            if (char.IsUpper(ch))
            {
                upper++;
            }
        }

        bool acronym = word.Length >= 2 && upper >= 2 && upper >= word.Length - 1;
        string lowerRaw = word.ToLowerInvariant().Replace('\u2019', '\'');
        bool negation = StopWords.Negations.Contains(lowerRaw) || lowerRaw.EndsWith("n't", StringComparison.Ordinal);
        string baseWord = lowerRaw;
        if (language != "de")
        {
            int apos = baseWord.IndexOf('\'', StringComparison.Ordinal);
            if (apos > 0)
            {
                baseWord = baseWord.EndsWith("n't", StringComparison.Ordinal) ? "not" : baseWord[..apos];
            }
        }

        bool stop = StopWords.IsStop(baseWord, language) || StopWords.IsStop(lowerRaw, language);
        string folded = Intern(TextFolding.ForMatching(baseWord));
        string stem = acronym ? folded : Stem(baseWord, language);
        tokens.Add(new Token(word, folded, stem, TokenKind.Word, stop && !acronym, (capital && !sentenceStart) || acronym, acronym, negation, offset));
    }

    /// <summary>One instance of each word and number string the tokenizer hands out (surface and folded forms), so that
    /// the analyses a match keeps for every claim share them instead of holding a copy per occurrence (issue 15: two
    /// 15 MB texts, 290,000 claims, each analysed with its clauses and quoted words). Bounded like the stem memo: cleared
    /// after 500,000 additions (sharing is lost then, never a value).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> PoolBySpan =
        Pool.GetAlternateLookup<ReadOnlySpan<char>>();

    private static int _pooled;

    /// <summary>The pooled instance of a word (a new string only the first time; words over 40 characters are not pooled).</summary>
    internal static string Intern(ReadOnlySpan<char> word)
    {
        if (word.Length > 40)
        {
            return word.ToString();
        }

        return PoolBySpan.TryGetValue(word, out var pooled) ? pooled : Add(word.ToString());
    }

    /// <inheritdoc cref="Intern(ReadOnlySpan{char})"/>
    internal static string Intern(string word) =>
        word.Length > 40 ? word : Pool.TryGetValue(word, out var pooled) ? pooled : Add(word);

    private static string Add(string word)
    {
        if (Interlocked.Increment(ref _pooled) > 500_000)
        {
            Pool.Clear();
            Interlocked.Exchange(ref _pooled, 0);
        }

        return Pool.GetOrAdd(word, word);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> GermanStems = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> EnglishStems = new(StringComparer.Ordinal);

    /// <summary>Stem of a lower-case word (memoised; the memo is cleared when it grows past 500,000 words).</summary>
    public static string Stem(string lowerWord, string language)
    {
        if (lowerWord.Length > 40)
        {
            return TextFolding.ForMatching(lowerWord);
        }

        var memo = language == "de" ? GermanStems : EnglishStems;
        if (memo.TryGetValue(lowerWord, out var stem))
        {
            return stem;
        }

        stem = language == "de" ? GermanStemmer.Stem(lowerWord) : EnglishStemmer.Stem(TextFolding.ForMatching(lowerWord));
        if (memo.Count > 500_000)
        {
            memo.Clear();
        }

        memo[lowerWord] = stem;
        return stem;
    }

    /// <summary>Parses "1,4" (de) / "1.2" (en) / "1.200" (de thousands) / "1,200" (en thousands).</summary>
    public static double? ParseNumber(string raw, string language)
    {
        char dec = language == "de" ? ',' : '.';
        char group = language == "de" ? '.' : ',';
        string s = raw;
        // a group separator followed by exactly three digits (possibly repeated) is a thousands separator
        var parts = s.Split(group);
        if (parts.Length > 1 && parts.Skip(1).All(p => p.Length >= 3 && (p.Length == 3 || p[3] == dec)))
        {
            s = string.Concat(parts);
        }
        else if (parts.Length > 1)
        {
            // the other convention (e.g. "1.4" in a German text)
            (dec, group) = (group, dec);
            s = raw.Replace(group.ToString(), string.Empty, StringComparison.Ordinal);
        }

        s = s.Replace(dec, '.');
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && Math.Abs(v) < 1e100 ? v : null;
    }
}
