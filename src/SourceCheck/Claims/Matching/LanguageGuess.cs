using SourceCheck.Claims.Text;

namespace SourceCheck.Claims.Matching;

/// <summary>Guesses "de" or "en" for a sentence from function words and German letters.</summary>
public static class LanguageGuess
{
    public static string Guess(string text)
    {
        int de = 0, en = 0;
        foreach (char c in text)
        {
            if (c is 'ä' or 'ö' or 'ü' or 'ß' or 'Ä' or 'Ö' or 'Ü')
            {
                de += 2;
            }
        }

        foreach (var token in Tokenizer.Tokenize(text, "en"))
        {
            string w = token.Surface.ToLowerInvariant();
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

        return de > en ? "de" : "en";
    }
}
