namespace SourceCheck.Documents.Web;

/// <summary>A stop-word vote between a few European languages for pages that do not declare their language.</summary>
public static class LanguageGuess
{
    private static readonly (string Lang, HashSet<string> Words)[] Lists =
    [
        ("en", new(StringComparer.Ordinal) { "the", "and", "of", "to", "is", "in", "that", "for", "with", "was", "on", "are", "it", "this" }),
        ("de", new(StringComparer.Ordinal) { "der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "sich", "auf", "ein", "eine", "auch" }),
        ("fr", new(StringComparer.Ordinal) { "le", "la", "les", "et", "des", "est", "une", "dans", "pour", "que", "qui", "pas", "sur", "du" }),
        ("es", new(StringComparer.Ordinal) { "el", "la", "los", "las", "y", "que", "del", "en", "una", "por", "con", "para", "es", "se" }),
        ("it", new(StringComparer.Ordinal) { "il", "che", "della", "di", "non", "una", "per", "sono", "gli", "con", "nel", "alla", "è", "anche" }),
        ("nl", new(StringComparer.Ordinal) { "de", "het", "een", "van", "en", "is", "dat", "niet", "met", "voor", "zijn", "op", "ook", "wordt" }),
    ];

    /// <summary>The most likely language code, or null when the text is too short to tell.</summary>
    public static string? Guess(string text)
    {
        var counts = new int[Lists.Length];
        int seen = 0;
        foreach (var w in text.AsSpan(0, Math.Min(text.Length, 20000)).ToString().ToLowerInvariant().Split([' ', '\n', ',', '.', ';', ':', '!', '?', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            seen++;
            for (int i = 0; i < Lists.Length; i++)
            {
                if (Lists[i].Words.Contains(w))
                {
                    counts[i]++;
                }
            }
        }

        if (seen < 20)
        {
            return null;
        }

        int best = 0;
        for (int i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        return counts[best] >= 3 ? Lists[best].Lang : null;
    }
}
