using System.Globalization;
using System.Text;
using System.Text.Json;
using SourceCheck.Text;

namespace SourceCheck.Claims.Matching;

/// <summary>A labelled sentence pair (paraphrase data format: id, a, b, lang_a, lang_b, label).</summary>
public sealed record SentencePair(string Id, string A, string B, string? LangA, string? LangB, int? Label);

/// <summary>Accuracy, F1 and ROC-AUC of scores against labels at a threshold.</summary>
public sealed record PairMetrics(int Count, double Accuracy, double Precision, double Recall, double F1, double Auc, double Threshold)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"n={Count} acc={Accuracy:F3} P={Precision:F3} R={Recall:F3} F1={F1:F3} AUC={Auc:F3} (threshold {Threshold:F3})");
}

/// <summary>Reading pair files, the deterministic train/validation split, feature extraction for a whole
/// dataset (IDF from all its sentences), logistic-regression training and metrics. Used by the bench
/// (training, reporting) and the similarity command.</summary>
public static class PairEvaluation
{
    public static IReadOnlyList<SentencePair> ReadJsonl(string text)
    {
        var list = new List<SentencePair>();
        text = TextNormalizer.ReplaceLoneSurrogates(text); // a string in memory may hold them; a file read as UTF-8 cannot
        int lineNumber = 0;
        foreach (string line in text.Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var r = doc.RootElement;
                if (r.ValueKind != JsonValueKind.Object)
                {
                    throw new JsonException($"line {lineNumber}: expected an object {{\"id\", \"a\", \"b\"}}, found {r.ValueKind.ToString().ToLowerInvariant()}", null, lineNumber - 1, 0);
                }

                string id = r.TryGetProperty("id", out var idEl) ? (idEl.ValueKind == JsonValueKind.String ? idEl.GetString()! : idEl.GetRawText()) : list.Count.ToString(CultureInfo.InvariantCulture);
                list.Add(new SentencePair(id, Str(r, "a") ?? string.Empty, Str(r, "b") ?? string.Empty, Str(r, "lang_a"), Str(r, "lang_b"),
                    r.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.Number && l.TryGetInt32(out int label) ? label : null));
            }
            catch (JsonException ex) when (ex.LineNumber is null or 0 && !ex.Message.StartsWith("line ", StringComparison.Ordinal))
            {
                // The reader sees one line at a time: give the position in the file.
                throw new JsonException($"line {lineNumber}, column {(ex.BytePositionInLine ?? 0) + 1}: {FirstSentence(ex.Message)}", null, lineNumber - 1, ex.BytePositionInLine ?? 0);
            }
            catch (InvalidOperationException ex)
            {
                // For example a string with a lone surrogate escape ("\ud800").
                throw new JsonException($"line {lineNumber}: {FirstSentence(ex.Message)}", null, lineNumber - 1, 0);
            }
        }

        return list;

        static string FirstSentence(string message)
        {
            int cut = message.IndexOf(". ", StringComparison.Ordinal);
            return cut > 0 ? message[..cut] : message.TrimEnd('.');
        }

        static string? Str(JsonElement r, string name) => r.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
    }

    /// <summary>Deterministic split: a pair is in validation when the FNV-1a hash of its group key (the id
    /// without a trailing -pos/-neg, so both pairs of one Tatoeba source sentence fall on one side) is 0 mod 4.</summary>
    public static bool IsValidation(string id) => FoldOf(id) == 0;

    /// <summary>Fold (0–3) of a pair: the FNV-1a hash of its group key mod 4; fold 0 is the validation split.</summary>
    public static int FoldOf(string id)
    {
        string key = id.EndsWith("-pos", StringComparison.Ordinal) || id.EndsWith("-neg", StringComparison.Ordinal) ? id[..^4] : id;
        uint h = 2166136261;
        foreach (char c in key)
        {
            h = (h ^ c) * 16777619;
        }

        return (int)(h % 4);
    }

    /// <summary>Features for every pair; the scorer's IDF table is filled from all sentences first.</summary>
    public static double[][] Features(SimilarityScorer scorer, IReadOnlyList<SentencePair> pairs)
    {
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

    public static bool IsCross(SentencePair p) => (p.LangA ?? "en") != (p.LangB ?? "en");

    /// <summary>L2-regularised logistic regression (mean log-loss + l2/2·|w|², bias not regularised) by
    /// Newton's method; returns bias + weights.</summary>
    public static double[] Train(IReadOnlyList<double[]> x, IReadOnlyList<int> y, double l2 = 1e-4, int iterations = 50)
    {
        int d = x[0].Length + 1;
        var w = new double[d];
        int n = x.Count;
        var row = new double[d];
        for (int it = 0; it < iterations; it++)
        {
            var grad = new double[d];
            var hess = new double[d, d];
            for (int i = 0; i < n; i++)
            {
                row[0] = 1;
                Array.Copy(x[i], 0, row, 1, d - 1);
                double z = 0;
                for (int j = 0; j < d; j++)
                {
                    z += w[j] * row[j];
                }

                double p = 1.0 / (1.0 + Math.Exp(-z));
                double err = p - y[i];
                double s = Math.Max(p * (1 - p), 1e-9);
                for (int j = 0; j < d; j++)
                {
                    grad[j] += err * row[j] / n;
                    for (int k = 0; k <= j; k++)
                    {
                        hess[j, k] += s * row[j] * row[k] / n;
                    }
                }
            }

            for (int j = 0; j < d; j++)
            {
                for (int k = 0; k < j; k++)
                {
                    hess[k, j] = hess[j, k];
                }

                double reg = j == 0 ? 1e-9 : l2;
                grad[j] += j == 0 ? 0 : l2 * w[j];
                hess[j, j] += reg;
            }

            var step = Solve(hess, grad);
            double change = 0;
            for (int j = 0; j < d; j++)
            {
                w[j] -= step[j];
                change = Math.Max(change, Math.Abs(step[j]));
            }

            if (change < 1e-7)
            {
                break;
            }
        }

        return w;
    }

    /// <summary>Solves a·v = b by Gaussian elimination with partial pivoting (a is overwritten).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        int n = b.Length;
        var v = (double[])b.Clone();
        for (int c = 0; c < n; c++)
        {
            int pivot = c;
            for (int r = c + 1; r < n; r++)
            {
                if (Math.Abs(a[r, c]) > Math.Abs(a[pivot, c]))
                {
                    pivot = r;
                }
            }

            if (pivot != c)
            {
                for (int k = 0; k < n; k++)
                {
                    (a[c, k], a[pivot, k]) = (a[pivot, k], a[c, k]);
                }

                (v[c], v[pivot]) = (v[pivot], v[c]);
            }

            if (Math.Abs(a[c, c]) < 1e-15)
            {
                continue;
            }

            for (int r = c + 1; r < n; r++)
            {
                double f = a[r, c] / a[c, c];
                if (f == 0)
                {
                    continue;
                }

                for (int k = c; k < n; k++)
                {
                    a[r, k] -= f * a[c, k];
                }

                v[r] -= f * v[c];
            }
        }

        for (int c = n - 1; c >= 0; c--)
        {
            double s = v[c];
            for (int k = c + 1; k < n; k++)
            {
                s -= a[c, k] * v[k];
            }

            v[c] = Math.Abs(a[c, c]) < 1e-15 ? 0 : s / a[c, c];
        }

        return v;
    }

    public static double Predict(double[] w, double[] x)
    {
        double z = w[0];
        for (int j = 0; j < x.Length; j++)
        {
            z += w[j + 1] * x[j];
        }

        return 1.0 / (1.0 + Math.Exp(-z));
    }

    /// <summary>The threshold with the best accuracy on these scores.</summary>
    public static double BestThreshold(IReadOnlyList<double> scores, IReadOnlyList<int> labels)
    {
        var order = scores.Select((s, i) => (s, labels[i])).OrderBy(t => t.s).ToArray();
        int positives = labels.Count(l => l == 1);
        int bestCorrect = positives; // threshold below everything: all predicted positive
        double best = order.Length > 0 ? order[0].s - 1e-9 : 0.5;
        int negBelow = 0, posBelow = 0;
        for (int i = 0; i < order.Length; i++)
        {
            if (order[i].Item2 == 1)
            {
                posBelow++;
            }
            else
            {
                negBelow++;
            }

            if (i + 1 < order.Length && order[i + 1].s == order[i].s)
            {
                continue;
            }

            int correct = negBelow + (positives - posBelow);
            if (correct > bestCorrect)
            {
                bestCorrect = correct;
                best = i + 1 < order.Length ? (order[i].s + order[i + 1].s) / 2 : order[i].s + 1e-9;
            }
        }

        return best;
    }

    public static PairMetrics Metrics(IReadOnlyList<double> scores, IReadOnlyList<int> labels, double threshold)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (int i = 0; i < scores.Count; i++)
        {
            bool pred = scores[i] >= threshold;
            if (pred && labels[i] == 1)
            {
                tp++;
            }
            else if (pred)
            {
                fp++;
            }
            else if (labels[i] == 1)
            {
                fn++;
            }
            else
            {
                tn++;
            }
        }

        double p = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        double r = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        return new PairMetrics(scores.Count, scores.Count == 0 ? 0 : (double)(tp + tn) / scores.Count, p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), Auc(scores, labels), threshold);
    }

    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<int> labels)
    {
        var order = scores.Select((s, i) => (s, l: labels[i])).OrderBy(t => t.s).ToArray();
        double rankSum = 0;
        int i2 = 0;
        while (i2 < order.Length)
        {
            int j = i2;
            while (j + 1 < order.Length && order[j + 1].s == order[i2].s)
            {
                j++;
            }

            double rank = ((i2 + j) / 2.0) + 1;
            for (int k = i2; k <= j; k++)
            {
                if (order[k].l == 1)
                {
                    rankSum += rank;
                }
            }

            i2 = j + 1;
        }

        long pos = order.Count(t => t.l == 1);
        long neg = order.Length - pos;
        return pos == 0 || neg == 0 ? 0.5 : (rankSum - (pos * (pos + 1) / 2.0)) / (pos * neg);
    }

    public static string FormatWeights(string name, double[] w)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"    public static readonly double[] {name} = [");
        sb.Append(string.Join(", ", w.Select(v => v.ToString("0.####", CultureInfo.InvariantCulture))));
        sb.Append("];");
        return sb.ToString();
    }
}
