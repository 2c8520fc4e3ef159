namespace SourceCheck.Storage;

/// <summary>BM25 over a small candidate set of claims, fields scored separately and summed (as FTS5's
/// <c>bm25()</c> does with equal column weights). Term frequency saturates (k1) and long fields are damped (b)
/// relative to the field's average length among the candidates.</summary>
internal static class SearchScoring
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>One score per candidate (higher is better). <paramref name="candidates"/> holds each claim's fields
    /// (null for an empty field); every field of every candidate must have the same count.</summary>
    public static double[] Bm25(IReadOnlyList<string?[]> candidates, IReadOnlyList<SearchTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(terms);
        var scores = new double[candidates.Count];
        if (candidates.Count == 0 || terms.Count == 0)
        {
            return scores;
        }

        int fields = candidates[0].Length;
        // Term counts per candidate, field and term; field lengths in tokens.
        var counts = new int[candidates.Count, fields, terms.Count];
        var lengths = new int[candidates.Count, fields];
        var totals = new double[fields];
        for (int c = 0; c < candidates.Count; c++)
        {
            for (int f = 0; f < fields; f++)
            {
                if (candidates[c][f] is not { } text)
                {
                    continue;
                }

                foreach (string token in SearchTerms.Tokens(text))
                {
                    lengths[c, f]++;
                    for (int t = 0; t < terms.Count; t++)
                    {
                        if (terms[t].Matches(token))
                        {
                            counts[c, f, t]++;
                        }
                    }
                }

                totals[f] += lengths[c, f];
            }
        }

        for (int c = 0; c < candidates.Count; c++)
        {
            double score = 0;
            for (int f = 0; f < fields; f++)
            {
                double average = Math.Max(1, totals[f] / candidates.Count);
                double norm = K1 * (1 - B + B * lengths[c, f] / average);
                for (int t = 0; t < terms.Count; t++)
                {
                    int tf = counts[c, f, t];
                    score += tf == 0 ? 0 : tf * (K1 + 1) / (tf + norm);
                }
            }

            scores[c] = score;
        }

        return scores;
    }
}
