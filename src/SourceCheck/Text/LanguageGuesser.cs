namespace SourceCheck.Text;

/// <summary>Guesses whether a text is German or English from function words and characters
/// (umlauts, ß). Cheap, linear, good enough for news text of a sentence or more.</summary>
public static class LanguageGuesser
{
    private static readonly HashSet<string> German = new(StringComparer.Ordinal)
    {
        "der", "die", "das", "und", "ist", "nicht", "sich", "mit", "den", "dem", "des", "ein", "eine", "einen",
        "einer", "auf", "für", "von", "zu", "im", "auch", "wie", "dass", "sie", "er", "es", "wir", "ich", "hat",
        "haben", "wird", "werden", "sind", "war", "noch", "nach", "bei", "aus", "oder", "aber", "wenn", "nur",
        "über", "vor", "zum", "zur", "sei", "seine", "ihre", "diese", "dieser", "keine", "kein", "sagte", "schrieb",
    };

    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "the", "and", "is", "are", "was", "were", "of", "to", "in", "that", "it", "for", "on", "with", "as",
        "by", "at", "from", "be", "this", "have", "has", "had", "not", "but", "or", "an", "a", "which", "would",
        "will", "its", "their", "they", "he", "she", "we", "said", "told", "wrote", "after", "about", "into",
    };

    /// <summary>"de" or "en" (English when there is no evidence either way).</summary>
    public static string Guess(string text) => Guess(text.AsSpan());

    public static string Guess(ReadOnlySpan<char> text)
    {
        var (de, en) = Score(text);
        return de > en ? "de" : "en";
    }

    /// <summary>Scores for German and English (function-word hits, plus umlaut/ß characters).</summary>
    public static (double German, double English) Score(ReadOnlySpan<char> text)
    {
        double de = 0, en = 0;
        int i = 0;
        int limit = Math.Min(text.Length, 200_000);
        Span<char> buffer = stackalloc char[24];
        while (i < limit)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < limit && char.IsLetter(text[i]))
            {
                char c = text[i];
                if (c is 'ä' or 'ö' or 'ü' or 'ß' or 'Ä' or 'Ö' or 'Ü')
                {
                    de += 0.5;
                }

                i++;
            }

            int length = i - start;
            if (length > buffer.Length)
            {
                continue;
            }

            for (int k = 0; k < length; k++)
            {
                buffer[k] = char.ToLowerInvariant(text[start + k]);
            }

            string word = new(buffer[..length]);
            if (German.Contains(word))
            {
                de++;
            }

            if (English.Contains(word))
            {
                en++;
            }
        }

        return (de, en);
    }
}
