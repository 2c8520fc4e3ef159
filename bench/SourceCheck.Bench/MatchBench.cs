using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SourceCheck.Claims;
using SourceCheck.Claims.Matching;
using SourceCheck.Text;

namespace SourceCheck.Bench;

/// <summary>Claims matching: paraphrase/translation scores on the validation split of ../shared/paraphrase,
/// claim-link scores on ../shared/claims (gold claim spans), and matching throughput at 10k and 100k claims.
/// <c>match-train</c> re-learns the scorer weights on the training split and prints them as C#.</summary>
internal static class MatchBench
{
    private static readonly string[] MonoSets = ["mrpc-dev.jsonl"];
    private static readonly string[] CrossSets = ["tatoeba-de-en-dev.jsonl"];
    private static readonly string[] ReportSets = ["mrpc-dev.jsonl", "tatoeba-de-en-dev.jsonl", "stsb-de-en-dev.jsonl", "stsb-en-dev.jsonl", "stsb-de-dev.jsonl", "pawsx-de-dev.jsonl"];

    public static string? SharedRoot()
    {
        string? env = Environment.GetEnvironmentVariable("SOURCECHECK_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SourceCheck.sln")))
        {
            dir = dir.Parent;
        }

        string? root = dir is null ? null : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
        return root is not null && Directory.Exists(root) ? root : null;
    }

    /// <summary>Matching time at 10k and 100k synthetic claims (lexicon loaded beforehand) and the ratio.</summary>
    public static void Throughput()
    {
        var lexicon = BilingualLexicon.Default;
        Console.WriteLine($"lexicon: {(lexicon.CrossLanguageAvailable ? lexicon.Source : lexicon.Warning)}; {lexicon.Count} German stems; loaded in {lexicon.LoadTime.TotalMilliseconds:F0} ms");
        var sizes = new List<(int N, double Seconds)>();
        foreach (int n in (Environment.GetEnvironmentVariable("MATCH_BENCH_SIZES") ?? "10000,100000").Split(',').Select(int.Parse))
        {
            var claims = MatchSynthetic.Generate(n, 42, out var planted);
            GC.Collect();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var links = ClaimMatcher.Match(claims, BenchMatchOptions());
            watch.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var found = new HashSet<(string, string)>(links.Select(l => (l.A.Id, l.B.Id)));
            int recalled = planted.Count(p => found.Contains(p) || found.Contains((p.B, p.A)));
            sizes.Add((n, watch.Elapsed.TotalSeconds));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"match {n,7:N0} claims: {watch.Elapsed.TotalSeconds:F2} s ({n / watch.Elapsed.TotalSeconds:F0} claims/s; CPU {cpu.TotalSeconds:F2} s; load average {LoadAverage()}), {links.Count} links, planted pairs found {recalled}/{planted.Count}"));
        }

        if (sizes.Count < 2)
        {
            return;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"10x claims cost {sizes[1].Seconds / sizes[0].Seconds:F1}x time (target <= 15x; 100k target < 60 s)"));
    }

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        }
        catch (IOException)
        {
            return "?";
        }
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
            var ids = new List<string>();
            foreach (string set in sets)
            {
                var (pairs, features) = Load(shared, set, lexicon);
                for (int i = 0; i < pairs.Count; i++)
                {
                    if (!PairEvaluation.IsValidation(pairs[i].Id) && pairs[i].Label is int label)
                    {
                        x.Add(features[i]);
                        y.Add(label);
                        ids.Add(pairs[i].Id);
                    }
                }
            }

            var w = PairEvaluation.Train(x, y);
            var scores = x.Select(f => PairEvaluation.Predict(w, f)).ToList();
            double t = PairEvaluation.BestThreshold(scores, y);
            if (name == "Mono")
            {
                // same language: mean of the logistic regression and boosted trees; the threshold is the best one
                // on out-of-fold predictions of the training split (in-sample tree scores are overconfident)
                var oof = new double[x.Count];
                var folds = ids.Select(id => PairEvaluation.FoldOf(id)).ToArray();
                foreach (int fold in folds.Distinct())
                {
                    var idx = Enumerable.Range(0, x.Count).Where(i => folds[i] != fold).ToList();
                    var fw = PairEvaluation.Train(idx.Select(i => x[i]).ToList(), idx.Select(i => y[i]).ToList());
                    var ft = BoostedTrees.Train(idx.Select(i => x[i]).ToList(), idx.Select(i => y[i]).ToList());
                    for (int i = 0; i < x.Count; i++)
                    {
                        if (folds[i] == fold)
                        {
                            oof[i] = 0.5 * (PairEvaluation.Predict(fw, x[i]) + ft.Probability(x[i]));
                        }
                    }
                }

                var trees = BoostedTrees.Train(x, y);
                t = PairEvaluation.BestThreshold(oof, y);
                Console.WriteLine($"Mono (out-of-fold, regression + trees): {PairEvaluation.Metrics(oof, y, t)}");
                string file = Path.Combine(Path.GetTempPath(), "sourcecheck-match", "ScorerTrees.cs");
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, trees.ToCSharp("ScorerTrees", "Mono"));
                Console.WriteLine($"trees written to {file} (copy to src/SourceCheck/Claims/Matching/)");
            }

            Console.WriteLine($"{name}: trained on {x.Count} pairs; train {PairEvaluation.Metrics(scores, y, t)}");
            Console.WriteLine(PairEvaluation.FormatWeights(name, w));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    public const double {name}Threshold = {t:0.####};"));
        }
    }

    /// <summary>Four-fold cross-validation of the same-language pair model on MRPC (folds = the id hash
    /// mod 4; fold 0 is the validation split): accuracy at the threshold chosen on the training folds, and
    /// ROC-AUC. <c>MATCH_DROP=3,7</c> zeroes those feature columns (ablation).</summary>
    public static void CrossValidateMono()
    {
        string? shared = SharedRoot();
        if (shared is null)
        {
            Console.WriteLine("../shared not present: nothing to cross-validate");
            return;
        }

        var lexicon = BilingualLexicon.Default;
        var drop = (Environment.GetEnvironmentVariable("MATCH_DROP") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToHashSet();
        var (pairs, features) = Load(shared, "mrpc-dev.jsonl", lexicon);
        foreach (var f in features)
        {
            foreach (int d in drop)
            {
                f[d] = 0;
            }
        }

        var (baseline, baseLoss) = CrossValidateMono(pairs, features, verbose: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MRPC 4-fold mean accuracy {baseline:F4}, log-loss {baseLoss:F4} (drop: {string.Join(",", drop)})"));
        if (Environment.GetEnvironmentVariable("MATCH_ABLATE") == "greedy")
        {
            // backward elimination by cross-validated log-loss (smoother than accuracy)
            var removed = new HashSet<int>(drop);
            while (true)
            {
                int bestK = -1;
                double bestLoss = baseLoss - 0.0005, bestAcc = 0;
                for (int k = 0; k < features[0].Length; k++)
                {
                    if (removed.Contains(k))
                    {
                        continue;
                    }

                    var reduced = features.Select(f => { var g = (double[])f.Clone(); foreach (int r in removed) { g[r] = 0; } g[k] = 0; return g; }).ToArray();
                    var (acc, loss) = CrossValidateMono(pairs, reduced, verbose: false);
                    if (loss < bestLoss)
                    {
                        (bestK, bestLoss, bestAcc) = (k, loss, acc);
                    }
                }

                if (bestK < 0)
                {
                    break;
                }

                removed.Add(bestK);
                baseLoss = bestLoss;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"drop {bestK,2} {SimilarityScorer.FeatureNames[bestK],-28} acc {bestAcc:F4} log-loss {bestLoss:F4}"));
            }

            Console.WriteLine($"MATCH_DROP={string.Join(",", removed.Order())}");
        }
        else if (Environment.GetEnvironmentVariable("MATCH_ABLATE") == "1")
        {
            for (int k = 0; k < features[0].Length; k++)
            {
                var reduced = features.Select(f => { var g = (double[])f.Clone(); g[k] = 0; return g; }).ToArray();
                var (acc, loss) = CrossValidateMono(pairs, reduced, verbose: false);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"without {k,2} {SimilarityScorer.FeatureNames[k],-28} {acc:F4} ({acc - baseline:+0.0000;-0.0000}) log-loss {loss:F4}"));
            }
        }
    }

    private static (double Accuracy, double LogLoss) CrossValidateMono(IReadOnlyList<SentencePair> pairs, double[][] features, bool verbose)
    {
        double l2 = double.Parse(Environment.GetEnvironmentVariable("MATCH_L2") ?? "1e-4", CultureInfo.InvariantCulture);
        var accs = new List<double>();
        double loss = 0;
        int count = 0;
        for (int fold = 0; fold < 4; fold++)
        {
            var x = new List<double[]>();
            var y = new List<int>();
            var tx = new List<double[]>();
            var ty = new List<int>();
            for (int i = 0; i < pairs.Count; i++)
            {
                if (pairs[i].Label is not int label)
                {
                    continue;
                }

                bool test = Fold(pairs[i].Id) == fold;
                (test ? tx : x).Add(features[i]);
                (test ? ty : y).Add(label);
            }

            Func<double[], double> predict;
            if (Environment.GetEnvironmentVariable("MATCH_MODEL") is string spec && spec.StartsWith("gbdt", StringComparison.Ordinal))
            {
                // gbdt:trees:depth:rate:minLeaf
                var parts = spec.Split(':');
                var model = BoostedTrees.Train(x, y, int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture),
                    double.Parse(parts[3], CultureInfo.InvariantCulture), int.Parse(parts[4], CultureInfo.InvariantCulture));
                var w = PairEvaluation.Train(x, y, l2);
                predict = spec.StartsWith("gbdtlr", StringComparison.Ordinal) ? f => 0.5 * (model.Probability(f) + PairEvaluation.Predict(w, f)) : model.Probability;
            }
            else
            {
                var w = PairEvaluation.Train(x, y, l2);
                predict = f => PairEvaluation.Predict(w, f);
            }

            double t = PairEvaluation.BestThreshold(x.Select(predict).ToList(), y);
            var ps = tx.Select(predict).ToList();
            var m = PairEvaluation.Metrics(ps, ty, t);
            accs.Add(m.Accuracy);
            for (int i = 0; i < ps.Count; i++)
            {
                loss -= Math.Log(Math.Clamp(ty[i] == 1 ? ps[i] : 1 - ps[i], 1e-12, 1));
                count++;
            }

            if (verbose)
            {
                Console.WriteLine($"fold {fold}: {m}");
            }
        }

        return (accs.Average(), loss / count);

        static int Fold(string id)
        {
            uint h = 2166136261;
            foreach (char c in id)
            {
                h = (h ^ c) * 16777619;
            }

            return (int)(h % 4);
        }
    }

    private static (IReadOnlyList<SentencePair> Pairs, double[][] Features) Load(string shared, string set, BilingualLexicon lexicon)
    {
        var pairs = SentencePairs.ReadJsonl(File.ReadAllText(Path.Combine(shared, "paraphrase", set)));
        var scorer = new SimilarityScorer(lexicon, new IdfTable());
        return (pairs, SentencePairs.Features(scorer, pairs));
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
                double s = SimilarityScorer.Probability(features[i], SentencePairs.IsCross(pairs[i]));
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

    /// <summary>Gold claim spans (with speakers, quotes, figures) from gold.json through the matcher, and the
    /// extractor's own claims from the article texts; link P/R/F1 against the gold links.</summary>
    public static void ClaimsScores(string shared) => ClaimsScores(Path.Combine(shared, "claims"), "dev", null);

    /// <summary>Scores one story set (a folder with gold.json and the article files); adds the extractor-claims
    /// detection/typed counts to <paramref name="pool"/> when given.</summary>
    private static void ClaimsScores(string dir, string label, int[]? pool)
    {
        Console.WriteLine($"== claims set {label} ({dir})");
        var (claims, gold, articles) = ReadGold(dir);
        if (Environment.GetEnvironmentVariable("MATCH_DEBUG") == "1")
        {
            var sc = new SimilarityScorer(BilingualLexicon.Default, new IdfTable());
            var an = claims.Select(c => sc.Analyze(c.Text, c.Language, c.Figures)).ToList();
            an.ForEach(sc.AddToIdf);
            for (int i = 0; i < claims.Count; i++)
            {
                for (int j = i + 1; j < claims.Count; j++)
                {
                    if (claims[i].DocumentId == claims[j].DocumentId)
                    {
                        continue;
                    }

                    if ((an[i].NegationCount > 0) != (an[j].NegationCount > 0))
                    {
                        var (scope, ca, cb) = LinkTyper.PolaritySupport(an[i], an[j]);
                        gold.TryGetValue(Key(claims[i].Id, claims[j].Id), out var g2);
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"POL {sc.LinkScore(an[i], an[j]):F3} clause={LinkTyper.NegatedClauseShare(an[i], an[j]):F2} scope={scope:F2} cover={ca:F2}/{cb:F2} {claims[i].Id} {claims[j].Id} gold={g2 ?? "-"}"));
                    }

                    var f = sc.Features(an[i], an[j]);
                    gold.TryGetValue(Key(claims[i].Id, claims[j].Id), out var gt);
                    Console.WriteLine($"DBG {sc.Score(an[i], an[j]):F3} {claims[i].Id} {claims[j].Id} gold={gt ?? "-"} " + string.Join(" ", f.Select(v => v.ToString("F2", CultureInfo.InvariantCulture))));
                }
            }
        }

        var watch = Stopwatch.StartNew();
        var links = ClaimMatcher.Match(claims);
        Report("claims (gold spans)", links, gold, watch.ElapsedMilliseconds);
        string outDir = Path.Combine(Path.GetTempPath(), "sourcecheck-match");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "claims-gold-spans.preds.json"), PredictionJson(links));

        // the extractor's own claims
        var own = new List<Claim>();
        foreach (var (id, file) in articles)
        {
            string text = File.ReadAllText(Path.Combine(dir, file));
            own.AddRange(ClaimExtractor.Extract(text, id, LanguageGuesser.Guess(text)));
        }

        watch.Restart();
        var ownLinks = ClaimMatcher.Match(own, BenchMatchOptions());
        File.WriteAllText(Path.Combine(outDir, "claims-extracted.preds.json"), PredictionJson(ownLinks));
        // map the extractor's spans to gold claims by character IoU >= 0.5 (as score.py does)
        var mapped = new List<ClaimLink>();
        foreach (var l in ownLinks)
        {
            string? ga = GoldId(claims, l.A);
            string? gb = GoldId(claims, l.B);
            var fa = l.A with { Id = ga ?? "?" + l.A.Id };
            var fb = l.B with { Id = gb ?? "?" + l.B.Id };
            mapped.Add(l with { A = fa, B = fb });
        }

        var counts = Report($"claims (extractor's own claims: {own.Count}, IoU>=0.5)", mapped, gold, watch.ElapsedMilliseconds);
        if (pool is not null)
        {
            for (int i = 0; i < counts.Length; i++)
            {
                pool[i] += counts[i];
            }
        }

        string predFile = Path.Combine(outDir, $"claims-extracted-{label}.preds.json");
        File.WriteAllText(predFile, PredictionJson(ownLinks));
        Console.WriteLine($"(score with python3 ../shared/claims/score.py {Path.Combine(dir, "gold.json")} {predFile})");
        if (Environment.GetEnvironmentVariable("MATCH_VERBOSE") == "1")
        {
            PrintErrors(mapped, gold, claims, own);
        }
    }

    /// <summary>A story folder's gold.json: gold claims (spans, speakers, figures), gold links by claim-id pair, and the articles (id, file).</summary>
    internal static (List<Claim> Claims, Dictionary<(string, string), string> Links, List<(string Id, string File)> Articles) ReadGold(string dir)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "gold.json")));
        var root = doc.RootElement;
        var claims = new List<Claim>();
        foreach (var c in root.GetProperty("claims").EnumerateArray())
        {
            var figures = ImmutableArray.CreateBuilder<Figure>();
            foreach (var f in c.GetProperty("figures").EnumerateArray())
            {
                figures.Add(new Figure(f.GetProperty("text").GetString()!, f.GetProperty("value").GetDouble(), null,
                    f.TryGetProperty("unit", out var u) ? u.GetString() : null, default));
            }

            int start = c.GetProperty("start").GetInt32();
            claims.Add(new Claim(c.GetProperty("id").GetString()!, c.GetProperty("article").GetString()!, c.GetProperty("lang").GetString()!,
                c.GetProperty("text").GetString()!, new TextSpan(start, c.GetProperty("end").GetInt32() - start),
                c.GetProperty("quote").GetString() switch { "direct" => QuoteKind.Direct, "indirect" => QuoteKind.Indirect, _ => QuoteKind.None },
                Str(c, "quoted_words"), Str(c, "attributed_to"), Str(c, "speaker_mention"), Str(c, "channel"), Str(c, "reporting_outlet"), figures.ToImmutable()));
        }

        var gold = new Dictionary<(string, string), string>();
        foreach (var l in root.GetProperty("links").EnumerateArray())
        {
            gold[Key(l.GetProperty("a").GetString()!, l.GetProperty("b").GetString()!)] = l.GetProperty("type").GetString()!;
        }

        var articles = new List<(string, string)>();
        foreach (var art in root.GetProperty("articles").EnumerateArray())
        {
            articles.Add((art.GetProperty("id").GetString()!, art.GetProperty("file").GetString()!));
        }

        return (claims, gold, articles);

        static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }

    internal static string? GoldId(List<Claim> gold, Claim c)
    {
        string? best = null;
        double bestIou = 0.5;
        foreach (var g in gold)
        {
            if (g.DocumentId != c.DocumentId)
            {
                continue;
            }

            int inter = Math.Min(g.Span.End, c.Span.End) - Math.Max(g.Span.Start, c.Span.Start);
            int union = Math.Max(g.Span.End, c.Span.End) - Math.Min(g.Span.Start, c.Span.Start);
            double iou = inter <= 0 || union <= 0 ? 0 : (double)inter / union;
            if (iou >= bestIou)
            {
                bestIou = iou;
                best = g.Id;
            }
        }

        return best;
    }

    /// <summary>Only the pair scores on ../shared/paraphrase (validation split).</summary>
    public static void PairsOnly()
    {
        string? shared = SharedRoot();
        if (shared is not null)
        {
            Paraphrase(shared);
        }
    }

    /// <summary>Only the claim-link scores on ../shared/claims (gold spans and the extractor's own claims).</summary>
    public static void ClaimsOnly()
    {
        string? shared = SharedRoot();
        if (shared is null)
        {
            Console.WriteLine("../shared not present: claims scores skipped");
            return;
        }

        ClaimsScores(shared);
        ValidationScores();
    }

    /// <summary>The own validation stories in fixtures/claims-val/*/ (never tuned on single records): per set and pooled.</summary>
    public static void ValidationScores()
    {
        string? repo = RepoRoot();
        string? valRoot = repo is null ? null : Path.Combine(repo, "fixtures", "claims-val");
        if (valRoot is null || !Directory.Exists(valRoot))
        {
            Console.WriteLine("fixtures/claims-val not found: validation claims scores skipped");
            return;
        }

        var pool = new int[4];
        foreach (string dir in Directory.GetDirectories(valRoot).Where(d => File.Exists(Path.Combine(d, "gold.json"))).OrderBy(d => d, StringComparer.Ordinal))
        {
            ClaimsScores(dir, Path.GetFileName(dir), pool);
        }

        int det = pool[0], typed = pool[1], predicted = pool[2], goldCount = pool[3];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"claims validation pooled (extractor's own claims): {predicted} links, gold {goldCount}; detection F1={F1(det, predicted, goldCount):F3} (P={Div(det, predicted):F3} R={Div(det, goldCount):F3}); typed F1={F1(typed, predicted, goldCount):F3}"));
    }

    /// <summary>Default match options, with MATCH_THRESHOLD / MATCH_CONTRADICTION overrides for exploring.</summary>
    internal static MatchOptions BenchMatchOptions()
    {
        var o = MatchOptions.Default;
        if (double.TryParse(Environment.GetEnvironmentVariable("MATCH_THRESHOLD"), NumberStyles.Float, CultureInfo.InvariantCulture, out double t))
        {
            o = o with { Threshold = t };
        }

        if (double.TryParse(Environment.GetEnvironmentVariable("MATCH_CONTRADICTION"), NumberStyles.Float, CultureInfo.InvariantCulture, out double c))
        {
            o = o with { ContradictionThreshold = c };
        }

        if (double.TryParse(Environment.GetEnvironmentVariable("MATCH_CLAUSE"), NumberStyles.Float, CultureInfo.InvariantCulture, out double w))
        {
            o = o with { ClauseWeight = w };
        }

        if (Environment.GetEnvironmentVariable("MATCH_EVENT") == "0")
        {
            o = o with { EventScope = false };
        }

        if (double.TryParse(Environment.GetEnvironmentVariable("MATCH_EVENT_WEIGHT"), NumberStyles.Float, CultureInfo.InvariantCulture, out double ew))
        {
            o = o with { MinEventWeight = ew };
        }

        if (double.TryParse(Environment.GetEnvironmentVariable("MATCH_CLAUSE_FLOOR"), NumberStyles.Float, CultureInfo.InvariantCulture, out double f))
        {
            o = o with { ClauseFloor = f };
        }

        return o;
    }

    internal static string? RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SourceCheck.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName;
    }

    private static void PrintErrors(List<ClaimLink> mapped, Dictionary<(string, string), string> gold, List<Claim> goldClaims, List<Claim> own)
    {
        var text = goldClaims.ToDictionary(c => c.Id, c => c.Text);
        var predicted = new Dictionary<(string, string), ClaimLink>();
        foreach (var l in mapped)
        {
            predicted.TryAdd(Key(l.A.Id, l.B.Id), l);
        }

        foreach (var (k, l) in predicted.OrderBy(p => p.Key.Item1, StringComparer.Ordinal).ThenBy(p => p.Key.Item2, StringComparer.Ordinal))
        {
            gold.TryGetValue(k, out var g);
            string mark = g is null ? "FP" : g == l.Type.ToName() ? "ok" : "TY";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {mark} {k.Item1}~{k.Item2} {l.Type.ToName()} (gold {g ?? "-"}) {l.Score:F3} | {Short(l.A.Text)} || {Short(l.B.Text)} | {string.Join("; ", l.Evidence)}"));
        }

        foreach (var (k, g) in gold.OrderBy(p => p.Key.Item1, StringComparer.Ordinal).ThenBy(p => p.Key.Item2, StringComparer.Ordinal))
        {
            if (!predicted.ContainsKey(k))
            {
                Console.WriteLine($"  FN {k.Item1}~{k.Item2} {g} | {Short(text[k.Item1])} || {Short(text[k.Item2])}");
            }
        }

        foreach (var c in goldClaims.Where(g => GoldIdsFound(own, goldClaims).Contains(g.Id) is false))
        {
            Console.WriteLine($"  MISSED-CLAIM {c.Id} | {Short(c.Text)}");
        }

        foreach (var c in own)
        {
            Console.WriteLine($"  CLAIM {GoldId(goldClaims, c) ?? "?" + c.Id} {c.Quote} speaker={c.Speaker} | {Short(c.Text)}");
        }

        foreach (var c in own.Where(o => GoldId(goldClaims, o) is null))
        {
            Console.WriteLine($"  EXTRA-CLAIM {c.Id} | {Short(c.Text)}");
        }

        static string Short(string t) => t.Length <= 90 ? t : t[..87] + "...";
    }

    private static HashSet<string> GoldIdsFound(List<Claim> own, List<Claim> goldClaims) =>
        own.Select(o => GoldId(goldClaims, o)).OfType<string>().ToHashSet(StringComparer.Ordinal);

    internal static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);

    private static int[] Report(string name, IReadOnlyList<ClaimLink> links, Dictionary<(string, string), string> gold, long ms)
    {
        var predicted = new Dictionary<(string, string), string>();
        foreach (var l in links)
        {
            predicted.TryAdd(Key(l.A.Id, l.B.Id), l.Type.ToName());
        }

        int det = predicted.Keys.Count(gold.ContainsKey);
        int typed = predicted.Count(p => gold.TryGetValue(p.Key, out var t) && t == p.Value);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {predicted.Count} links, gold {gold.Count}; detection F1={F1(det, predicted.Count, gold.Count):F3} (P={Div(det, predicted.Count):F3} R={Div(det, gold.Count):F3}); typed F1={F1(typed, predicted.Count, gold.Count):F3} [{ms} ms]"));
        return [det, typed, predicted.Count, gold.Count];
    }

    internal static double Div(int a, int b) => b == 0 ? 0 : (double)a / b;

    internal static double F1(int tp, int predicted, int gold) => predicted + gold == 0 ? 0 : 2.0 * tp / (predicted + gold);

    private static string PredictionJson(IReadOnlyList<ClaimLink> links)
    {
        var items = links.Select(l => new Dictionary<string, object>
        {
            ["a"] = new Dictionary<string, object> { ["article"] = l.A.DocumentId, ["start"] = l.A.Span.Start, ["end"] = l.A.Span.End },
            ["b"] = new Dictionary<string, object> { ["article"] = l.B.DocumentId, ["start"] = l.B.Span.Start, ["end"] = l.B.Span.End },
            ["type"] = l.Type.ToName(),
            ["score"] = l.Score,
            ["evidence"] = l.Evidence,
        });
        return JsonSerializer.Serialize(new Dictionary<string, object> { ["links"] = items }, new JsonSerializerOptions { WriteIndented = true });
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
        Throughput();
        if (Environment.GetEnvironmentVariable("MATCH_ONLY_THROUGHPUT") == "1")
        {
            return;
        }

        string? shared = SharedRoot();
        if (shared is not null)
        {
            Paraphrase(shared);
            ClaimsScores(shared);
            ValidationScores();
        }
        else
        {
            Console.WriteLine("../shared not present: paraphrase and claims scores skipped");
        }
    }
}
