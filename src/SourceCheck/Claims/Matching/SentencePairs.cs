using System.Globalization;
using System.Text.Json;
using SourceCheck.Diagnostics;
using SourceCheck.Text;

namespace SourceCheck.Claims.Matching;

/// <summary>A labelled sentence pair (paraphrase data format: id, a, b, lang_a, lang_b, label).</summary>
internal sealed record SentencePair(string Id, string A, string B, string? LangA, string? LangB, int? Label);

/// <summary>Reading sentence pairs (JSON Lines) and scoring them as "same claim" (paraphrase or translation).</summary>
internal static class SentencePairs
{
    /// <summary>Reads JSON Lines of <c>{"id","a","b"[,"lang_a","lang_b","label"]}</c>; blank lines are skipped.</summary>
    /// <exception cref="InputException">A line is not a JSON object (the message names the line).</exception>
    public static IReadOnlyList<SentencePair> ReadJsonl(string text, string source = "<input>")
    {
        ArgumentNullException.ThrowIfNull(text);
        text = TextNormalizer.ReplaceLoneSurrogates(text); // a string in memory may hold them; a file read as UTF-8 cannot
        var list = new List<SentencePair>();
        int lineNumber = 0;
        foreach (string line in text.Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line);
            }
            catch (JsonException ex)
            {
                throw new InputException(DiagnosticCodes.InvalidJson,
                    $"{source}:{lineNumber}:{(ex.BytePositionInLine ?? 0) + 1}: error {DiagnosticCodes.InvalidJson}: not JSON Lines: each line must be an object like {{\"id\": \"1\", \"a\": \"…\", \"b\": \"…\"}}");
            }

            using (doc)
            {
                var r = doc.RootElement;
                if (r.ValueKind != JsonValueKind.Object)
                {
                    throw new InputException(DiagnosticCodes.ItemNotObject, $"{source}:{lineNumber}:1: error {DiagnosticCodes.ItemNotObject}: expected an object like {{\"id\": \"1\", \"a\": \"…\", \"b\": \"…\"}}");
                }

                try
                {
                    string id = r.TryGetProperty("id", out var idEl) ? (idEl.ValueKind == JsonValueKind.String ? idEl.GetString()! : idEl.GetRawText()) : list.Count.ToString(CultureInfo.InvariantCulture);
                    list.Add(new SentencePair(id, Str(r, "a") ?? string.Empty, Str(r, "b") ?? string.Empty, Str(r, "lang_a"), Str(r, "lang_b"),
                        r.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.Number && l.TryGetInt32(out int label) ? label : null));
                }
                catch (InvalidOperationException)
                {
                    // For example a string with a lone surrogate escape ("\ud800").
                    throw new InputException(DiagnosticCodes.InvalidJson, $"{source}:{lineNumber}:1: error {DiagnosticCodes.InvalidJson}: a string in this line is not valid Unicode (a lone surrogate escape)");
                }
            }
        }

        return list;

        static string? Str(JsonElement r, string name) => r.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
    }

    /// <summary>Features for every pair; the scorer's IDF table is filled from all sentences first.</summary>
    public static double[][] Features(SimilarityScorer scorer, IReadOnlyList<SentencePair> pairs)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(pairs);
        var analyzed = new (AnalyzedText A, AnalyzedText B)[pairs.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < pairs.Count; i++)
        {
            var p = pairs[i];
            var a = scorer.Analyze(p.A, p.LangA ?? LanguageGuesser.Guess(p.A));
            var b = scorer.Analyze(p.B, p.LangB ?? LanguageGuesser.Guess(p.B));
            analyzed[i] = (a, b);
            if (seen.Add(p.A))
            {
                scorer.AddToIdf(a);
            }

            if (seen.Add(p.B))
            {
                scorer.AddToIdf(b);
            }
        }

        var result = new double[pairs.Count][];
        for (int i = 0; i < pairs.Count; i++)
        {
            result[i] = scorer.Features(analyzed[i].A, analyzed[i].B);
        }

        return result;
    }

    /// <summary>Same-claim probability for every pair (IDF from all sentences of the list).</summary>
    public static double[] Scores(SimilarityScorer scorer, IReadOnlyList<SentencePair> pairs)
    {
        var features = Features(scorer, pairs);
        var scores = new double[pairs.Count];
        for (int i = 0; i < pairs.Count; i++)
        {
            var p = pairs[i];
            bool cross = (p.LangA ?? LanguageGuesser.Guess(p.A)) != (p.LangB ?? LanguageGuesser.Guess(p.B));
            scores[i] = SimilarityScorer.Probability(features[i], cross);
        }

        return scores;
    }

    /// <summary>True when the pair's stated languages differ (missing languages count as English).</summary>
    public static bool IsCross(SentencePair p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return (p.LangA ?? "en") != (p.LangB ?? "en");
    }
}
