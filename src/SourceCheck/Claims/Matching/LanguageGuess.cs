using SourceCheck.Claims.Text;

namespace SourceCheck.Claims.Matching;

/// <summary>Guesses "de" or "en" for a sentence from function words and German letters.</summary>
public static class LanguageGuess
{
    public static string Guess(string text) => Votes(text) is var (de, en) && de > en ? "de" : "en";

    /// <summary>The sentence's own language when its evidence clearly outweighs the given language
    /// (an English headline quoted in a German article), else <paramref name="given"/>.</summary>
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

    private static (int De, int En) Votes(string text)
    {
        int de = 0, en = 0;
        foreach (char c in text)
        {
            if (c is 'ä' or 'ö' or 'ü' or 'ß' or 'Ä' or 'Ö' or 'Ü')
            {
                de += 2;
            }
        }

        foreach (var word in Words(text))
        {
            string w = word.ToLowerInvariant();
            bool inDe = StopWords.German.Contains(w);
            bool inEn = StopWords.English.Contains(w);
            if (inDe && !inEn)
            {
                de++;
            }
            else if (inEn && !inDe)
            {
                en++;
            }
        }

        return (de, en);
    }

    private static IEnumerable<string> Words(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetter(text[i]))
            {
                i++;
            }

            int start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '\''))
            {
                i++;
            }

            if (i > start)
            {
                yield return text[start..i];
            }
        }
    }
}
