namespace SourceCheck.Text;

/// <summary>The library's one language guesser. German against English (articles, sentences, headlines) is a vote of
/// function words that belong to one language only (<see cref="FunctionWords"/>) plus German letters (ä, ö, ü, ß);
/// <see cref="GuessPage"/> votes between six European languages for web pages that do not declare theirs. Linear in
/// the text, no allocation per word.</summary>
internal static class LanguageGuesser
{
    /// <summary>Text beyond this many characters adds no evidence worth its cost.</summary>
    private const int Limit = 200_000;

    /// <summary>Longest word looked up; longer runs of letters are no function words.</summary>
    private const int MaxWord = 24;

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> German = FunctionWords.German.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> English = FunctionWords.English.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly (string Lang, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Words)[] PageLists =
    [
        Page("en", "the and of to is in that for with was on are it this"),
        Page("de", "der die das und ist nicht mit den von sich auf ein eine auch"),
        Page("fr", "le la les et des est une dans pour que qui pas sur du"),
        Page("es", "el la los las y que del en una por con para es se"),
        Page("it", "il che della di non una per sono gli con nel alla è anche"),
        Page("nl", "de het een van en is dat niet met voor zijn op ook wordt"),
    ];

    /// <summary>"de" or "en" (English when there is no evidence either way).</summary>
    public static string Guess(string text) => Guess(text.AsSpan());

    /// <inheritdoc cref="Guess(string)"/>
    public static string Guess(ReadOnlySpan<char> text)
    {
        var (de, en) = Votes(text);
        return de > en ? "de" : "en";
    }

    /// <summary>"de" or "en" for a short text such as a headline and an outlet's name, or null when nothing tells:
    /// the function-word vote first; when it ties ("Audi streicht in Neckarsulm Hunderte Stellen" has no function
    /// word of one language only), spellings that belong to one language (German "sch", "tz", "cht", "ck" inside a
    /// word, a "z" other than English "-ize"/"-yz-", endings "ung", "keit", "heit", "lich", "isch", "chen", a
    /// capitalised word of 6+ letters ending in "en"; English "th", "wh" at the start, endings "ing", "tion", "ness",
    /// "ght") vote, two words at least apart.</summary>
    public static string? GuessShort(string text)
    {
        var (de, en) = Votes(text);
        if (de != en)
        {
            return de > en ? "de" : "en";
        }

        int sde = 0, sen = 0;
        foreach (var raw in text.Split([' ', '-', ':', ',', '.', '"', '\'', '(', ')', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw.Length < 4)
            {
                continue;
            }

            string w = raw.ToLowerInvariant();
            if (w.Contains("sch", StringComparison.Ordinal) || w.Contains("tz", StringComparison.Ordinal) || w[1..].Contains("ck", StringComparison.Ordinal)
                || w.Contains("cht", StringComparison.Ordinal) || (w.Contains('z') && !w.Contains("iz", StringComparison.Ordinal) && !w.Contains("yz", StringComparison.Ordinal))
                || w.EndsWith("ung", StringComparison.Ordinal) || w.EndsWith("keit", StringComparison.Ordinal) || w.EndsWith("heit", StringComparison.Ordinal)
                || w.EndsWith("lich", StringComparison.Ordinal) || w.EndsWith("isch", StringComparison.Ordinal) || w.EndsWith("chen", StringComparison.Ordinal)
                || (w.Length >= 6 && w.EndsWith("en", StringComparison.Ordinal) && char.IsUpper(raw[0])))
            {
                sde++;
            }

            if (w.StartsWith("th", StringComparison.Ordinal) || w.StartsWith("wh", StringComparison.Ordinal) || w.EndsWith("ing", StringComparison.Ordinal)
                || w.EndsWith("tion", StringComparison.Ordinal) || w.EndsWith("ness", StringComparison.Ordinal) || w.EndsWith("ght", StringComparison.Ordinal))
            {
                sen++;
            }
        }

        return sde >= sen + 2 ? "de" : sen >= sde + 2 ? "en" : null;
    }

    /// <summary>The text's own language when its evidence clearly outweighs the given one (an English headline
    /// quoted in a German article), else <paramref name="given"/>.</summary>
    public static string Confirm(string text, string given)
    {
        var (de, en) = Votes(text);
        if (given == "de" && en >= de + 3 && en >= 2 * Math.Max(1, de))
        {
            return "en";
        }

        if (given == "en" && de >= en + 3 && de >= 2 * Math.Max(1, en))
        {
            return "de";
        }

        return given;
    }

    /// <summary>Votes for German and English: each word that is a function word of one language only counts 1 for
    /// it, each ä, ö, ü or ß counts 2 for German.</summary>
    public static (int German, int English) Votes(ReadOnlySpan<char> text)
    {
        int de = 0, en = 0;
        text = text[..Math.Min(text.Length, Limit)];
        foreach (char c in text)
        {
            if (c is 'ä' or 'ö' or 'ü' or 'ß' or 'Ä' or 'Ö' or 'Ü')
            {
                de += 2;
            }
        }

        Span<char> buffer = stackalloc char[MaxWord];
        int i = 0;
        while (NextWord(text, ref i, buffer, allowApostrophe: true) is var length && length >= 0)
        {
            if (length == 0)
            {
                continue;
            }

            var word = buffer[..length];
            bool inDe = German.Contains(word);
            bool inEn = English.Contains(word);
            if (inDe != inEn)
            {
                if (inDe)
                {
                    de++;
                }
                else
                {
                    en++;
                }
            }
        }

        return (de, en);
    }

    /// <summary>The most likely of en, de, fr, es, it and nl for a page's text, or null when it has fewer than 20
    /// words or fewer than 3 function words of the best language.</summary>
    public static string? GuessPage(string text)
    {
        var span = text.AsSpan(0, Math.Min(text.Length, 20_000));
        Span<int> counts = stackalloc int[PageLists.Length];
        Span<char> buffer = stackalloc char[MaxWord];
        int seen = 0;
        int i = 0;
        while (NextWord(span, ref i, buffer, allowApostrophe: false) is var length && length >= 0)
        {
            seen++;
            if (length == 0)
            {
                continue;
            }

            for (int k = 0; k < PageLists.Length; k++)
            {
                if (PageLists[k].Words.Contains(buffer[..length]))
                {
                    counts[k]++;
                }
            }
        }

        if (seen < 20)
        {
            return null;
        }

        int best = 0;
        for (int k = 1; k < counts.Length; k++)
        {
            if (counts[k] > counts[best])
            {
                best = k;
            }
        }

        return counts[best] >= 3 ? PageLists[best].Lang : null;
    }

    /// <summary>Finds the next word (a run of letters, with inner apostrophes when allowed) from <paramref name="i"/>,
    /// writes it lower-cased into <paramref name="buffer"/> and returns its length; 0 for a word too long for the
    /// buffer (no function word), -1 at the end of the text.</summary>
    private static int NextWord(ReadOnlySpan<char> text, ref int i, Span<char> buffer, bool allowApostrophe)
    {
        while (i < text.Length && !char.IsLetter(text[i]))
        {
            i++;
        }

        if (i >= text.Length)
        {
            return -1;
        }

        int start = i;
        while (i < text.Length && (char.IsLetter(text[i]) || (allowApostrophe && text[i] == '\'')))
        {
            i++;
        }

        int length = i - start;
        if (length > buffer.Length)
        {
            return 0;
        }

        text.Slice(start, length).ToLowerInvariant(buffer);
        return length;
    }

    private static (string, HashSet<string>.AlternateLookup<ReadOnlySpan<char>>) Page(string lang, string words) =>
        (lang, new HashSet<string>(words.Split(' '), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>());
}
