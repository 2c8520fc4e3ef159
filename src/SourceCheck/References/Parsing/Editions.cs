namespace SourceCheck.References.Parsing;

/// <summary>Rule pass after decoding (issue 14): an edition statement — "7. Auflage.", "2., erweiterte Auflage",
/// "3. Aufl.", "6th edn", "3rd ed.", "2nd edition" — is the edition, never part of the title or the publisher
/// ("7. Auflage. C. H. Beck, München 2012" had given the publisher "Auflage. C. H. Beck"; Nature's "Molecular
/// Biology of the Cell 6th edn (Garland Science, 2014)" a title ending in "6th edn").</summary>
internal static class Editions
{
    public static void Relabel(string text, List<RefToken> tokens, int[] labels, int count)
    {
        for (int t = 0; t < count; t++)
        {
            var tok = tokens[t];
            int end = -1;
            if (tok.Kind == RefTokenKind.Number && tok.Length <= 2 && t + 2 < count && tokens[t + 1].IsPunct(text, '.'))
            {
                // "7. Auflage", "2., erweiterte Auflage", "3., überarb. Aufl."
                int k = t + 2;
                if (k < count && tokens[k].IsPunct(text, ','))
                {
                    k++;
                }

                for (int words = 0; k < count && words < 3; words++)
                {
                    if (IsGermanEditionWord(text, tokens[k]))
                    {
                        end = k;
                        break;
                    }

                    if (tokens[k].Kind != RefTokenKind.Word || !char.IsLower(text[tokens[k].Start]))
                    {
                        break;
                    }

                    k++;
                    if (k < count && tokens[k].IsPunct(text, '.'))
                    {
                        k++; // "überarb."
                    }
                }
            }
            else if (IsOrdinal(text, tok) && t + 1 < count && IsEnglishEditionWord(text, tokens[t + 1]))
            {
                end = t + 1; // "6th edn", "3rd ed.", "2nd edition"
            }

            if (end < 0)
            {
                continue;
            }

            if (end + 1 < count && tokens[end + 1].IsPunct(text, '.') && !tokens[end + 1].SpaceBefore)
            {
                end++;
            }

            for (int k = t; k <= end; k++)
            {
                labels[k] = TagLabels.Edition;
            }

            t = end;
        }
    }

    private static bool IsGermanEditionWord(string text, RefToken tok)
    {
        var w = text.AsSpan(tok.Start, tok.Length);
        return tok.Kind == RefTokenKind.Word && (w.SequenceEqual("Auflage") || w.SequenceEqual("Aufl") || w.SequenceEqual("Ausgabe") || w.SequenceEqual("Ausg"));
    }

    private static bool IsEnglishEditionWord(string text, RefToken tok)
    {
        var w = text.AsSpan(tok.Start, tok.Length);
        return tok.Kind == RefTokenKind.Word && (w.SequenceEqual("edn") || w.SequenceEqual("ed") || w.Equals("edition", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>"2nd", "3rd", "6th", "21st" (one token, or a number glued to its suffix).</summary>
    private static bool IsOrdinal(string text, RefToken tok)
    {
        var w = text.AsSpan(tok.Start, tok.Length);
        int d = 0;
        while (d < w.Length && char.IsAsciiDigit(w[d]))
        {
            d++;
        }

        if (d is 0 or > 3)
        {
            return false;
        }

        var suffix = w[d..];
        return suffix.SequenceEqual("st") || suffix.SequenceEqual("nd") || suffix.SequenceEqual("rd") || suffix.SequenceEqual("th");
    }
}
