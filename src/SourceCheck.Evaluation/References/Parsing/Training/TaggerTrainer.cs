using System.Diagnostics;

namespace SourceCheck.References.Parsing.Training;

/// <summary>One training sequence: the reference text, one gold label per token, and how many times it
/// counts per epoch (news references are repeated so that 30 of them weigh against 9,000 papers).</summary>
public sealed record TrainingSequence(string Text, int[] Labels, int Repeat = 1);

/// <summary>Options of a training run. The defaults are the ones the shipped model was trained with.</summary>
public sealed record TrainerOptions
{
    public int BucketBits { get; init; } = 18;

    public int Epochs { get; init; } = 25;

    public int Seed { get; init; } = 20251121;
}

/// <summary>Averaged structured perceptron (Collins 2002) over the features of <see cref="FeatureExtractor"/>:
/// decode each sequence with the current weights, and where the predicted path differs from the gold one,
/// add the gold features/transitions and subtract the predicted ones; the model is the average of the
/// weights over all steps (kept with the usual "w − u/c" trick so averaging costs nothing per step).
/// Sequences are visited in an order shuffled by a fixed seed, so training is reproducible.</summary>
public static class TaggerTrainer
{
    public static byte[] TrainToBytes(IReadOnlyList<TrainingSequence> data, TrainerOptions options, Action<string>? log = null)
    {
        var model = Train(data, options, log);
        using var ms = new MemoryStream();
        model.Save(ms);
        return ms.ToArray();
    }

    internal static TaggerModel Train(IReadOnlyList<TrainingSequence> data, TrainerOptions options, Action<string>? log = null)
    {
        const int L = TagLabels.Count;
        const int S = TagLabels.Stride;
        var sw = Stopwatch.StartNew();
        var model = TaggerModel.Empty(options.BucketBits);
        int mask = model.BucketMask;

        // features once per sequence
        var seqs = new List<(int[] Feats, int[] Offsets, int[] Gold)>(data.Count);
        var buf = new FeatureBuffer();
        foreach (var d in data)
        {
            FeatureExtractor.Extract(d.Text, buf, mask);
            int n = buf.Count;
            if (n == 0 || n != d.Labels.Length)
            {
                continue;
            }

            var item = (buf.Features[..buf.Offsets[n]], buf.Offsets[..(n + 1)], d.Labels);
            for (int r = 0; r < Math.Max(1, d.Repeat); r++)
            {
                seqs.Add(item);
            }
        }

        log?.Invoke($"features: {seqs.Count} sequences in {sw.Elapsed.TotalSeconds:F1}s");
        var w = model.Emission;
        var tr = model.Transitions;
        var uw = new float[w.Length];
        var ut = new float[tr.Length];
        float c = 1;
        var rng = new Random(options.Seed);
        var order = Enumerable.Range(0, seqs.Count).ToArray();
        var scratch = new DecodeScratch();
        var pred = new int[256];
        var fb = new FeatureBuffer();
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            int wrongTokens = 0;
            int tokens = 0;
            foreach (int idx in order)
            {
                var (feats, offsets, gold) = seqs[idx];
                int n = gold.Length;
                fb.Tokens.Clear();
                for (int t = 0; t < n; t++)
                {
                    fb.Tokens.Add(default);
                }

                fb.Features = feats;
                fb.Offsets = offsets;
                if (pred.Length < n)
                {
                    pred = new int[n * 2];
                }

                model.Decode(fb, pred, null, scratch);
                tokens += n;
                for (int t = 0; t < n; t++)
                {
                    int g = gold[t];
                    int p = pred[t];
                    if (g != p)
                    {
                        wrongTokens++;
                        for (int k = offsets[t]; k < offsets[t + 1]; k++)
                        {
                            int b = feats[k] * S;
                            w[b + g] += 1;
                            uw[b + g] += c;
                            w[b + p] -= 1;
                            uw[b + p] -= c;
                        }
                    }

                    int gp = t == 0 ? L : gold[t - 1];
                    int pp = t == 0 ? L : pred[t - 1];
                    if (gp != pp || g != p)
                    {
                        tr[gp * L + g] += 1;
                        ut[gp * L + g] += c;
                        tr[pp * L + p] -= 1;
                        ut[pp * L + p] -= c;
                    }
                }

                model.RefreshTransitions();
                c++;
            }

            log?.Invoke($"epoch {epoch}: token error {(double)wrongTokens / Math.Max(1, tokens):P2} ({sw.Elapsed.TotalSeconds:F1}s)");
        }

        for (int i = 0; i < w.Length; i++)
        {
            w[i] -= uw[i] / c;
        }

        for (int i = 0; i < tr.Length; i++)
        {
            tr[i] -= ut[i] / c;
        }

        model.RefreshTransitions();
        Calibrate(model, seqs, log);
        return model;
    }

    /// <summary>Picks the softmax temperature that makes token confidences best calibrated (least log loss
    /// of "the chosen label is right") on a sample of the training sequences.</summary>
    private static void Calibrate(TaggerModel model, List<(int[] Feats, int[] Offsets, int[] Gold)> seqs, Action<string>? log)
    {
        var scratch = new DecodeScratch();
        var fb = new FeatureBuffer();
        var sample = seqs.Where((_, i) => i % 7 == 0).Take(1500).ToList();
        double bestLoss = double.MaxValue;
        float bestT = 1;
        foreach (float temp in new[] { 1f, 2f, 4f, 8f, 12f, 16f, 24f, 32f, 48f, 64f, 96f })
        {
            model.Temperature = temp;
            double loss = 0;
            foreach (var (feats, offsets, gold) in sample)
            {
                int n = gold.Length;
                fb.Tokens.Clear();
                for (int t = 0; t < n; t++)
                {
                    fb.Tokens.Add(default);
                }

                fb.Features = feats;
                fb.Offsets = offsets;
                var pred = new int[n];
                var conf = new float[n];
                model.Decode(fb, pred, conf, scratch);
                for (int t = 0; t < n; t++)
                {
                    double p = Math.Clamp(pred[t] == gold[t] ? conf[t] : 1 - conf[t], 1e-6, 1);
                    loss -= Math.Log(p);
                }
            }

            if (loss < bestLoss)
            {
                bestLoss = loss;
                bestT = temp;
            }
        }

        model.Temperature = bestT;
        log?.Invoke($"calibrated temperature {bestT}");
    }
}
