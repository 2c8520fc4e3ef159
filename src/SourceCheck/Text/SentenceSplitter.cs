namespace SourceCheck.Text;

/// <summary>Splits text into sentences (spans into the original text; never copies or rewrites it).
/// Survives German and English abbreviations ("z. B.", "u. a.", "Dr.", "U.S.", "Inc."), initials
/// ("J. P. Morgan"), ordinals ("am 6. November", "der 3. Platz"), decimals, and quotations: a sentence
/// whose last words are quoted ends after the closing mark, a full stop inside a quotation that goes on
/// does not end the sentence. Line breaks end headline/list lines without final punctuation; a hard-wrapped
/// long line that continues in lower case is joined. One linear pass.</summary>
internal static class SentenceSplitter
{
    /// <summary>Abbreviations that never end a sentence (case-sensitive, without the final dot).</summary>
    private static readonly HashSet<string> NeverEnd = new(StringComparer.Ordinal)
    {
        "Dr", "Prof", "Mr", "Mrs", "Ms", "Mme", "Hr", "Hrn", "Fr", "Hrsg", "St", "Nr", "No", "Nos", "ca", "bzw",
        "vgl", "Vgl", "ggf", "sog", "inkl", "zzgl", "evtl", "Abs", "Art", "Bd", "Jh", "Jhd", "Mio", "Mrd", "Tsd",
        "Str", "Tel", "Gen", "Rep", "Sen", "Gov", "Lt", "Col", "Capt", "Sgt", "Rev", "Hon", "vs", "approx", "Fig",
        "fig", "Vol", "vol", "pp", "Mt", "Ave", "Blvd", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
        "Sept", "Oct", "Okt", "Nov", "Dec", "Dez", "Dipl", "Ing", "Mag", "med", "phil", "rer", "nat", "jur",
        "bspw", "ebd", "ff", "Tab", "Abb", "Kap", "Aufl", "geb", "gest", "insb", "mind", "urspr", "jew", "Std",
        "Min", "Mag", "Bsp", "bspw", "zB", "dh", "ua", "uvm", "Univ", "Dept", "est", "Est", "Mass", "Calif", "Sa",
        "So", "Mo", "Di", "Mi", "Do", "Prof", "Hg", "Anm", "Verf", "Pres", "Supt", "Cmdr", "Adm", "Maj", "Messrs",
    };

    /// <summary>Abbreviations that end a sentence only when a typical sentence opener follows.</summary>
    private static readonly HashSet<string> MayEnd = new(StringComparer.Ordinal)
    {
        "Inc", "Corp", "Ltd", "Co", "Bros", "LLC", "plc", "etc", "usw", "Jr", "Sr", "al", "Chr", "Ges", "mbH",
    };

    private static readonly HashSet<string> SentenceOpeners = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "It", "He", "She", "We", "They", "This", "That", "These", "Those", "But", "And",
        "Its", "His", "Her", "Their", "On", "At", "As", "For", "Some", "Many", "I", "There", "Meanwhile",
        "However", "Der", "Die", "Das", "Ein", "Eine", "Er", "Sie", "Es", "Wir", "Ich", "Im", "Am", "Auch",
        "Doch", "Aber", "Und", "Dies", "Diese", "Dieser", "Mit", "Nach", "Bei", "Zu", "Von", "Für", "Auf",
        "Damit", "Dabei", "Zudem", "Außerdem", "Laut", "So", "Wie",
    };

    /// <summary>German month names and abbreviations and the English abbreviations ("am 3. Mär", "bis 5. Okt").</summary>
    private static readonly HashSet<string> Months = MonthNames.Words([MonthNames.German], StringComparer.OrdinalIgnoreCase)
        .Union(MonthNames.English.Abbreviations.SelectMany(a => a)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words before a number that make "6." an ordinal ("am 6. November", "der 3. Platz").</summary>
    private static readonly HashSet<string> OrdinalLeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "der", "die", "das", "den", "dem", "des", "am", "im", "zum", "zur", "vom", "beim", "bis", "ab", "seit",
        "ihr", "ihrem", "ihren", "sein", "seinem", "seinen", "seiner", "jeder", "jedem", "jeden", "einem",
        "einen", "einer", "ein", "eine", "bis", "zum", "dieser", "diesem", "diesen", "vor", "nach", "per",
    };

    /// <summary>Nouns after "3." that make it an ordinal even without a leading article.</summary>
    private static readonly HashSet<string> OrdinalNouns = new(StringComparer.Ordinal)
    {
        "Platz", "Stock", "Jahrhundert", "Jahrtausend", "Mal", "Klasse", "Liga", "Runde", "Tag", "Woche",
        "Quartal", "Halbjahr", "Auflage", "Ausgabe", "Kapitel", "Etage", "Spieltag", "Bundesliga", "Amendment",
    };

    public static IReadOnlyList<TextSpan> Split(string text) => Split(text, 0, text.Length);

    /// <summary>Sentences of text[start..end), trimmed of surrounding blanks and list bullets.</summary>
    public static IReadOnlyList<TextSpan> Split(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<TextSpan>();
        int segStart = start;
        int i = start;
        while (i <= end)
        {
            if (i == end || (text[i] == '\n' && IsHardBreak(text, segStart, i, end)))
            {
                SplitSegment(text, segStart, i, result);
                segStart = i + 1;
            }

            i++;
        }

        return result;
    }

    /// <summary>True when the line break at <paramref name="newline"/> ends a line that is a unit of its own
    /// (blank line, final punctuation, a short headline or list line, or a next line in upper case).</summary>
    internal static bool IsHardBreak(string text, int lineStartGuess, int newline, int end)
    {
        // previous line
        int ls = newline;
        while (ls > lineStartGuess && text[ls - 1] != '\n')
        {
            ls--;
        }

        int le = newline;
        while (le > ls && char.IsWhiteSpace(text[le - 1]))
        {
            le--;
        }

        if (le == ls)
        {
            return true;
        }

        // next line
        int n = newline + 1;
        while (n < end && text[n] is ' ' or '\t' or '\r')
        {
            n++;
        }

        if (n >= end || text[n] == '\n')
        {
            return true;
        }

        char last = text[le - 1];
        bool terminal = last is '.' or '!' or '?' or '…' or ':' || QuoteScanner.IsQuoteMark(last);
        bool longLine = le - ls >= 60;
        return terminal || !longLine || !char.IsLower(text[n]);
    }

    private static void SplitSegment(string text, int start, int end, List<TextSpan> result)
    {
        if (end <= start)
        {
            return;
        }

        var quotes = QuoteScanner.FindTopLevel(text, start, end);
        int q = 0;
        int sentenceStart = start;
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (c is not ('.' or '!' or '?' or '…'))
            {
                i++;
                continue;
            }

            int termStart = i;
            int j = i + 1;
            while (j < end && text[j] is '.' or '!' or '?' or '…')
            {
                j++;
            }

            // advance quote pointer: first quote not closed before termStart
            while (q < quotes.Count && quotes[q].CloseIndex < termStart)
            {
                q++;
            }

            bool insideQuote = q < quotes.Count && quotes[q].OpenIndex < termStart && quotes[q].CloseIndex >= termStart;
            if (insideQuote)
            {
                int close = quotes[q].CloseIndex;
                int k = j;
                while (k < close && (text[k] is ' ' or ')' || QuoteScanner.IsQuoteMark(text[k])))
                {
                    k++;
                }

                if (k < close)
                {
                    i = j; // the quotation goes on: not the end of the sentence
                    continue;
                }

                j = close + 1;
            }

            // closing brackets and quote marks right after the terminator
            while (j < end && (text[j] is ')' or ']' || (QuoteScanner.IsQuoteMark(text[j]) && (j + 1 >= end || !char.IsLetterOrDigit(text[j + 1])))))
            {
                j++;
            }

            if (j < end && !char.IsWhiteSpace(text[j]))
            {
                i = j;
                continue; // "3.5", "U.S.-based", "www.x.de"
            }

            int next = j;
            while (next < end && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next < end && !IsBoundary(text, termStart, j - termStart, next, end))
            {
                i = j;
                continue;
            }

            Add(text, sentenceStart, j, result);
            sentenceStart = j;
            i = j;
        }

        Add(text, sentenceStart, end, result);
    }

    private static bool IsBoundary(string text, int term, int termLength, int next, int end)
    {
        char n = text[next];
        bool opener = char.IsUpper(n) || char.IsDigit(n) || QuoteScanner.IsQuoteMark(n) || n is '(' or '[' or '•' or '–' or '—' or '-' or '*' or '¿' or '¡';
        if (!opener)
        {
            return false;
        }

        if (text[term] != '.' || termLength > 1)
        {
            return true;
        }

        // the word before the full stop
        int ws = term;
        while (ws > 0 && (char.IsLetterOrDigit(text[ws - 1]) || (text[ws - 1] == '.' && ws - 1 > 0 && char.IsLetterOrDigit(text[ws - 2]))))
        {
            ws--;
        }

        if (ws == term)
        {
            return true;
        }

        ReadOnlySpan<char> word = text.AsSpan(ws, term - ws);
        string nextWord = WordAt(text, next, end);
        if (IsAllDigits(word))
        {
            if (word.Length > 3)
            {
                return true;
            }

            if (Months.Contains(nextWord) || OrdinalNouns.Contains(nextWord))
            {
                return false;
            }

            string prevWord = WordBefore(text, ws);
            return !OrdinalLeaders.Contains(prevWord);
        }

        if (word.Length == 1 && char.IsLetter(word[0]))
        {
            // initial or one-letter abbreviation ("J. P. Morgan", "z. B.", "u. a."); an upper-case letter
            // before a quotation or a typical sentence opener ends the sentence ("… on X. „Wir …")
            return char.IsUpper(word[0]) && (!char.IsLetter(n) || SentenceOpeners.Contains(nextWord)) && (ws < 2 || text[ws - 2] != '.');
        }

        if (word.Contains('.'))
        {
            // "U.S", "z.B", "e.g": ends only before a typical sentence opener
            return SentenceOpeners.Contains(nextWord) && char.IsUpper(word[0]);
        }

        string w = word.ToString();
        if (NeverEnd.Contains(w))
        {
            return false;
        }

        if (MayEnd.Contains(w))
        {
            return SentenceOpeners.Contains(nextWord);
        }

        return true;
    }

    private static bool IsAllDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return s.Length > 0;
    }

    private static string WordAt(string text, int i, int end)
    {
        int s = i;
        while (i < end && char.IsLetter(text[i]))
        {
            i++;
        }

        return text[s..i];
    }

    private static string WordBefore(string text, int i)
    {
        int e = i;
        while (e > 0 && text[e - 1] == ' ')
        {
            e--;
        }

        int s = e;
        while (s > 0 && char.IsLetter(text[s - 1]))
        {
            s--;
        }

        return text[s..e];
    }

    private static void Add(string text, int start, int end, List<TextSpan> result)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || IsBullet(text, start, end)))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            result.Add(new TextSpan(start, end - start));
        }
    }

    private static bool IsBullet(string text, int i, int end)
    {
        char c = text[i];
        if (c is '•' or '·' or '▪' or '◦' or '‣' or '●' or '■' or '►')
        {
            return true;
        }

        // "- item" / "* item" / "– item" at the start of a segment
        return c is '-' or '*' or '–' && i + 1 < end && text[i + 1] == ' ';
    }
}
