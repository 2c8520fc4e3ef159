using System.Diagnostics;
using System.Globalization;
using SourceCheck.Claims.Matching;

namespace SourceCheck.Bench;

/// <summary>Claims matching: paraphrase/translation scores on the validation split of ../shared/paraphrase,
/// claim-link scores on ../shared/claims (gold claim spans), and matching throughput at 10k and 100k claims.
/// <c>match-train</c> re-learns the scorer weights on the training split and prints them as C#.</summary>
internal static class MatchBench
{
    private static readonly string[] MonoSets = ["mrpc-dev.jsonl"];
    private static readonly string[] CrossSets = ["tatoeba-de-en-dev.jsonl", "stsb-de-en-dev.jsonl"];
    private static readonly string[] ReportSets = ["mrpc-dev.jsonl", "tatoeba-de-en-dev.jsonl", "stsb-de-en-dev.jsonl", "stsb-en-dev.jsonl", "stsb-de-dev.jsonl", "pawsx-de-dev.jsonl"];

    public static string? SharedRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SourceCheck.sln")))
        {
            dir = dir.Parent;
        }

        string? root = dir is null ? null : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
        return root is not null && Directory.Exists(root) ? root : null;
    }

    public static void Train()
    {
        string? shared = SharedRoot();
        if (shared is null)
        {
            Console.WriteLine("../shared not present: nothing to train on");
            return;
        }

        var lexicon = BilingualLexicon.Default;
        Console.WriteLine($"lexicon: {(lexicon.CrossLanguageAvailable ? lexicon.Source : lexicon.Warning)} ({lexicon.Count} German stems, {lexicon.LoadTime.TotalMilliseconds:F0} ms)");
        foreach (var (name, sets) in new[] { ("Mono", MonoSets), ("Cross", CrossSets) })
        {
            var x = new List<double[]>();
            var y = new List<int>();
            foreach (string set in sets)
            {
                var (pairs, features) = Load(shared, set, lexicon);
                for (int i = 0; i < pairs.Count; i++)
                {
                    if (!PairEvaluation.IsValidation(pairs[i].Id) && pairs[i].Label is int label)
                    {
                        x.Add(features[i]);
                        y.Add(label);
                    }
                }
            }

            var w = PairEvaluation.Train(x, y);
            var scores = x.Select(f => PairEvaluation.Predict(w, f)).ToList();
            double t = PairEvaluation.BestThreshold(scores, y);
            Console.WriteLine($"{name}: trained on {x.Count} pairs; train {PairEvaluation.Metrics(scores, y, t)}");
            Console.WriteLine(PairEvaluation.FormatWeights(name, w));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    public const double {name}Threshold = {t:0.####};"));
        }
    }

    private static (IReadOnlyList<SentencePair> Pairs, double[][] Features) Load(string shared, string set, BilingualLexicon lexicon)
    {
        var pairs = PairEvaluation.ReadJsonl(File.ReadAllText(Path.Combine(shared, "paraphrase", set)));
        var scorer = new SimilarityScorer(lexicon, new IdfTable());
        return (pairs, PairEvaluation.Features(scorer, pairs));
    }

    /// <summary>Validation-split scores for each paraphrase set at the threshold chosen on its training split;
    /// writes the validation predictions to $TMPDIR/sourcecheck-match/ for score.py.</summary>
    public static void Paraphrase(string shared)
    {
        var lexicon = BilingualLexicon.Default;
        string outDir = Path.Combine(Path.GetTempPath(), "sourcecheck-match");
        Directory.CreateDirectory(outDir);
        foreach (string set in ReportSets)
        {
            var watch = Stopwatch.StartNew();
            var (pairs, features) = Load(shared, set, lexicon);
            var trainScores = new List<double>();
            var trainLabels = new List<int>();
            var valScores = new List<double>();
            var valLabels = new List<int>();
            var lines = new List<string>();
            var validationGold = new List<string>();
            for (int i = 0; i < pairs.Count; i++)
            {
                double s = SimilarityScorer.Probability(features[i], PairEvaluation.IsCross(pairs[i]));
                if (pairs[i].Label is not int label)
                {
                    continue;
                }

                if (PairEvaluation.IsValidation(pairs[i].Id))
                {
                    valScores.Add(s);
                    valLabels.Add(label);
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"{{\"id\": \"{pairs[i].Id}\", \"score\": {s:0.######}}}"));
                }
                else
                {
                    trainScores.Add(s);
                    trainLabels.Add(label);
                }
            }

            double t = PairEvaluation.BestThreshold(trainScores, trainLabels);
            File.WriteAllLines(Path.Combine(outDir, set.Replace(".jsonl", ".val-preds.jsonl", StringComparison.Ordinal)), lines);
            var goldLines = File.ReadAllLines(Path.Combine(shared, "paraphrase", set)).Where(l => l.Length > 0 && IsValLine(l));
            File.WriteAllLines(Path.Combine(outDir, set.Replace(".jsonl", ".val-gold.jsonl", StringComparison.Ordinal)), goldLines);
            Console.WriteLine($"{set,-26} validation {PairEvaluation.Metrics(valScores, valLabels, t)} [{watch.ElapsedMilliseconds} ms]");
        }

        Console.WriteLine($"(validation predictions and gold in {outDir})");
    }

    private static bool IsValLine(string line)
    {
        int i = line.IndexOf("\"id\": \"", StringComparison.Ordinal);
        if (i < 0)
        {
            return false;
        }

        int s = i + 7;
        int e = line.IndexOf('"', s);
        return PairEvaluation.IsValidation(line[s..e]);
    }

    public static void Run()
    {
        string? shared = SharedRoot();
        if (shared is not null)
        {
            Paraphrase(shared);
        }
        else
        {
            Console.WriteLine("../shared not present: paraphrase and claims scores skipped");
        }
    }
}
