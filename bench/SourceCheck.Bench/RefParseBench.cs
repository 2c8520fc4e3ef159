using System.Diagnostics;
using System.Globalization;
using SourceCheck.Csl;
using SourceCheck.Formatting;
using SourceCheck.References;
using SourceCheck.References.Parsing;
using SourceCheck.References.Parsing.Training;

namespace SourceCheck.Bench;

/// <summary>Reference-string parser: training (section "train-refparser"), news cross-validation
/// ("refparse-newscv") and the figures ("refparse": per-field P/R/F1 from ../shared/refparse/score.py on
/// the validation split the shipped model was not trained on, throughput, model load time).</summary>
internal static class RefParseBench
{
    private static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SourceCheck.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? Directory.GetCurrentDirectory();
        }
    }

    private static string DataDir => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "refparse"));

    private static string ModelPath => Environment.GetEnvironmentVariable("REFPARSE_OUT") ?? Path.Combine(RepoRoot, "src", "SourceCheck", "Resources", "refparser", "model.bin");

    private static int Env(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : fallback;

    private static TrainerOptions Options => new()
    {
        Epochs = Env("REFPARSE_EPOCHS", new TrainerOptions().Epochs),
        BucketBits = Env("REFPARSE_BITS", new TrainerOptions().BucketBits),
        Seed = Env("REFPARSE_SEED", new TrainerOptions().Seed),
    };

    /// <summary>REFPARSE_ESTIMATE=1: train without the held-out part (the model whose held-out figure is reported);
    /// REFPARSE_ESTIMATE=dev: also without the session-10 part (a development model scored on it with REFPARSE_DEV10=1);
    /// otherwise on every training record (the shipped model).</summary>
    private static bool Estimate => Environment.GetEnvironmentVariable("REFPARSE_ESTIMATE") is "1" or "dev";

    private static bool DevModel => Environment.GetEnvironmentVariable("REFPARSE_ESTIMATE") == "dev";

    private static int NewsRepeat => Env("REFPARSE_NEWS_REPEAT", 20);

    /// <summary>Trains on the scholarly training split (85 %, by id hash) plus all news-dev records (repeated)
    /// plus the project's own invented references, and writes the embedded model file.</summary>
    public static void Train()
    {
        if (!Directory.Exists(DataDir))
        {
            Console.WriteLine($"  ../shared/refparse not found ({DataDir}); nothing to train");
            return;
        }

        var sw = Stopwatch.StartNew();
        var data = BuildTrainingSet(excludeNewsFold: null, folds: 0);
        var model = TaggerTrainer.TrainToBytes(data, Options, s => Console.WriteLine("  " + s));
        Directory.CreateDirectory(Path.GetDirectoryName(ModelPath)!);
        File.WriteAllBytes(ModelPath, model);
        Console.WriteLine($"  wrote {ModelPath} ({model.Length / 1024} KiB) in {sw.Elapsed.TotalSeconds:F1}s; options {Options}");
        Console.WriteLine("  rebuild the library to embed it, then run the 'refparse' section");
    }

    /// <summary>News k-fold: trains one model per fold without that fold's news records and scores the fold.</summary>
    public static void NewsCrossValidation()
    {
        if (!Directory.Exists(DataDir))
        {
            Console.WriteLine("  ../shared/refparse not found");
            return;
        }

        int folds = Env("REFPARSE_FOLDS", 3);
        var news = TrainingData.Read(Path.Combine(DataDir, "news-dev.jsonl"));
        var gold = new List<string>();
        var pred = new List<string>();
        for (int fold = 0; fold < folds; fold++)
        {
            var data = BuildTrainingSet(fold, folds);
            var bytes = TaggerTrainer.TrainToBytes(data, Options);
            var model = TaggerModel.Load(new MemoryStream(bytes));
            foreach (var r in news.Where(r => TrainingData.Fold(r.Id, folds) == fold))
            {
                gold.Add(r.Json);
                pred.Add(CslJson.SerializeLine(ReferenceParser.Parse(r.Text, r.Id, default, model).Item));
            }

            Console.WriteLine($"  fold {fold + 1}/{folds} trained");
        }

        Score("news-dev, " + folds + "-fold cross-validation (each record scored by a model that did not see it)", gold, pred);
    }

    /// <summary>Scores the embedded model on the scholarly validation split and news-dev, and times it.</summary>
    public static void Run()
    {
        if (Environment.GetEnvironmentVariable("REFPARSE_EXPLAIN") is { } explain)
        {
            foreach (var tag in ReferenceParser.Explain(explain))
            {
                Console.WriteLine($"  {tag.Token,-24} {tag.Label,-16} {tag.Confidence:0.000}");
            }

            Console.WriteLine("  " + CslJson.SerializeLine(ReferenceParser.Parse(explain).Item));
            return;
        }

        if (Environment.GetEnvironmentVariable("REFPARSE_DUMP") is { } dumpPath)
        {
            Dump(dumpPath);
            return;
        }

        var model = ReferenceParser.Model;
        string? external = Environment.GetEnvironmentVariable("REFPARSE_MODEL");
        if (external is not null)
        {
            using var f = File.OpenRead(external);
            model = TaggerModel.Load(f);
            Console.WriteLine($"  using model file {external} instead of the embedded one");
        }

        double bestLoad = double.MaxValue;
        for (int i = 0; i < 5; i++)
        {
            var one = Stopwatch.StartNew();
            ReferenceParser.LoadModelFromResource();
            bestLoad = Math.Min(bestLoad, one.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"  model load: {bestLoad:F1} ms (best of 5 loads; the first load in this process, incl. JIT: {ReferenceParser.ModelLoadTime.TotalMilliseconds:F1} ms)");
        if (model is null)
        {
            Console.WriteLine("  no embedded model; run the train-refparser section");
            return;
        }

        if (!Directory.Exists(DataDir))
        {
            Console.WriteLine("  ../shared/refparse not found; scores skipped");
            return;
        }

        if (Environment.GetEnvironmentVariable("REFPARSE_SKIP") is { } skip)
        {
            // REFPARSE_SKIP=LegalCitation,DinAuthors: score without those rule passes
            foreach (string name in skip.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                int i = Array.IndexOf(ReferenceParser.RulePassNames, name);
                ReferenceParser.DisabledRulePasses |= i >= 0 ? 1 << i : throw new ArgumentException("no rule pass " + name);
            }

            Console.WriteLine($"  rule passes not run: {skip}");
        }

        var dev = TrainingData.Read(Path.Combine(DataDir, "dev.jsonl"));
        var validation = dev.Where(r => TrainingData.IsValidation(r.Id)).ToList();
        if (Environment.GetEnvironmentVariable("REFPARSE_PROFILE") == "parse")
        {
            // for a sampling profiler (perf): only the sustained parse loop
            var all = validation.Select(r => r.Text).ToList();
            int gc0 = GC.CollectionCount(0);
            var pause0 = GC.GetTotalPauseDuration();
            Console.WriteLine($"  sustained parse: {Sustained(all, t => ReferenceParser.Parse(t, null, default, model)):F1} µs CPU per reference; {GC.CollectionCount(0) - gc0} gen0 GCs, pause {(GC.GetTotalPauseDuration() - pause0).TotalMilliseconds:F0} ms");
            Console.WriteLine($"  sustained parse: {Sustained(all, t => ReferenceParser.Parse(t, null, default, model)):F1} µs CPU per reference");
            Console.WriteLine($"  sustained parse: {Sustained(all, t => ReferenceParser.Parse(t, null, default, model)):F1} µs CPU per reference");
            return;
        }

        if (Environment.GetEnvironmentVariable("REFPARSE_PROFILE") == "only")
        {
            Profile(model, validation.Select(r => r.Text).ToList());
            return;
        }

        if (Environment.GetEnvironmentVariable("REFPARSE_CONFUSION") is not null)
        {
            // REFPARSE_DEV10=1: the session-10 part too (dev since session 11; out of sample for a REFPARSE_ESTIMATE=dev model)
            Confusion(model, Environment.GetEnvironmentVariable("REFPARSE_DEV10") == "1"
                ? [.. validation, .. dev.Where(r => TrainingData.IsSession10Part(r.Id))]
                : validation);
            return;
        }

        bool scores = Environment.GetEnvironmentVariable("REFPARSE_SPEED_ONLY") is null;
        if (scores)
        {
            ScoreSplits(model, validation);
            if (Environment.GetEnvironmentVariable("REFPARSE_SCORES_ONLY") is not null)
            {
                return;
            }
        }

        // throughput on one thread. Sustained: whole passes over the 1,600 validation references (each pass
        // reads the emission table cold for most tokens, like a real bibliography would), after a warm-up of
        // 4 s of passes so that the measured code is the optimised JIT tier (after 2 s the first window was
        // still ~20 % slower: rarely taken paths keep delaying tier-1 compilation); 3 windows of at least 3 s
        // wall clock each; refs per second of process CPU time (GC included), over all windows and per window.
        var texts = validation.Select(r => r.Text).ToList();
        var warm = Stopwatch.StartNew();
        do
        {
            foreach (var t in texts)
            {
                ReferenceParser.Parse(t, null, default, model);
            }
        }
        while (warm.Elapsed.TotalSeconds < 4);

        var proc = Process.GetCurrentProcess();
        long alloc0 = GC.GetAllocatedBytesForCurrentThread();
        long count = 0;
        double cpu = 0;
        double wall = 0;
        var windows = new List<double>();
        for (int window = 0; window < 3; window++)
        {
            proc.Refresh();
            var cpu0 = proc.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            long n = 0;
            do
            {
                foreach (var t in texts)
                {
                    ReferenceParser.Parse(t, null, default, model);
                }

                n += texts.Count;
            }
            while (sw.Elapsed.TotalSeconds < 3);

            sw.Stop();
            proc.Refresh();
            double c = (proc.TotalProcessorTime - cpu0).TotalSeconds;
            windows.Add(n / c);
            count += n;
            cpu += c;
            wall += sw.Elapsed.TotalSeconds;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - alloc0;
        if (Environment.GetEnvironmentVariable("REFPARSE_PROFILE") is not null)
        {
            Profile(model, texts);
        }

        double avgLen = texts.Average(t => t.Length);
        double best = BestOf(texts, t => ReferenceParser.Parse(t, null, default, model));
        Console.WriteLine($"  throughput, sustained: {count / cpu:N0} references per CPU-second on one thread ({1e6 * cpu / count:F1} µs CPU per reference; "
            + $"{count} parses in 3 windows of whole passes, {cpu:F1} s CPU, {wall:F1} s wall = {count / wall:N0}/s wall clock; "
            + $"windows {string.Join(" / ", windows.Select(w => w.ToString("N0", CultureInfo.InvariantCulture)))} per CPU-second; "
            + $"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
        Console.WriteLine($"  throughput, best-of (12 runs per chunk of 25 references, cache-warm; robust to other load): {1e6 / best:N0} references/s ({best:F1} µs/reference)");
        Console.WriteLine($"  mean reference {avgLen:F0} chars; {allocated / Math.Max(count, 1):N0} bytes allocated per parse (result objects included)");
    }

    private static void ScoreSplits(TaggerModel model, List<LabelledReference> validation)
    {
        if (Environment.GetEnvironmentVariable("REFPARSE_HELDOUT") == "1")
        {
            // the part carved in session 11 (TrainingData.IsHeldOut): score it once, at the end of a session, with a
            // model trained without it (train-refparser with REFPARSE_ESTIMATE=1, scored through REFPARSE_MODEL)
            var held = TrainingData.Read(Path.Combine(DataDir, "dev.jsonl")).Where(r => TrainingData.IsHeldOut(r.Id)).ToList();
            Score($"scholarly HELD-OUT part ({held.Count} dev records carved in session 11; held out only if this model was trained with REFPARSE_ESTIMATE=1)",
                held.Select(r => r.Json).ToList(),
                held.Select(r => CslJson.SerializeLine(ReferenceParser.Parse(r.Text, r.Id, default, model).Item)).ToList());
        }

        if (Environment.GetEnvironmentVariable("REFPARSE_HELDOUT12") == "1")
        {
            // the part carved in session 12 (TrainingData.IsHeldOut12): score it once, at the end of a session, with a
            // model trained without it (train-refparser with REFPARSE_ESTIMATE=1, scored through REFPARSE_MODEL)
            var held = TrainingData.Read(Path.Combine(DataDir, "dev.jsonl")).Where(r => TrainingData.IsHeldOut12(r.Id)).ToList();
            Score($"scholarly HELD-OUT part of session 12 ({held.Count} dev records, buckets 42-50; held out only if this model was trained with REFPARSE_ESTIMATE=1)",
                held.Select(r => r.Json).ToList(),
                held.Select(r => CslJson.SerializeLine(ReferenceParser.Parse(r.Text, r.Id, default, model).Item)).ToList());
        }

        if (Environment.GetEnvironmentVariable("REFPARSE_HELDOUT13") == "1")
        {
            // the part carved in session 13 (TrainingData.IsHeldOut13): score it once, at the end of a session, with a
            // model trained without it (train-refparser with REFPARSE_ESTIMATE=1, scored through REFPARSE_MODEL)
            var held = TrainingData.Read(Path.Combine(DataDir, "dev.jsonl")).Where(r => TrainingData.IsHeldOut13(r.Id)).ToList();
            Score($"scholarly HELD-OUT part of session 13 ({held.Count} dev records, buckets 51-59; held out only if this model was trained with REFPARSE_ESTIMATE=1)",
                held.Select(r => r.Json).ToList(),
                held.Select(r => CslJson.SerializeLine(ReferenceParser.Parse(r.Text, r.Id, default, model).Item)).ToList());
        }

        if (Environment.GetEnvironmentVariable("REFPARSE_NEWS_FILES") is { } newsFiles)
        {
            // REFPARSE_NEWS_FILES=fixtures/realrefs/news-s11.jsonl,…: news files nobody trains on (paths from the repository root)
            foreach (string file in newsFiles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var records = TrainingData.Read(Path.Combine(RepoRoot, file));
                Score($"{file} ({records.Count} news references, never trained on)",
                    records.Select(r => r.Json).ToList(),
                    records.Select(r => CslJson.SerializeLine(ReferenceParser.Parse(r.Text, r.Id, default, model).Item)).ToList());
            }
        }

        if (Environment.GetEnvironmentVariable("REFPARSE_DEV10") == "1")
        {
            // the part carved in session 10 (dev since session 11): out of sample only for a REFPARSE_ESTIMATE=dev model
            var part = TrainingData.Read(Path.Combine(DataDir, "dev.jsonl")).Where(r => TrainingData.IsSession10Part(r.Id)).ToList();
            Score($"scholarly session-10 part ({part.Count} dev records; out of sample only if this model was trained with REFPARSE_ESTIMATE=dev)",
                part.Select(r => r.Json).ToList(),
                part.Select(r => CslJson.SerializeLine(ReferenceParser.Parse(r.Text, r.Id, default, model).Item)).ToList());
        }

        Score($"scholarly validation split ({validation.Count} of {TrainingData.Read(Path.Combine(DataDir, "dev.jsonl")).Count} dev records, never trained on)",
            validation.Select(r => r.Json).ToList(),
            validation.Select(r => CslJson.SerializeLine(ReferenceParser.Parse(r.Text, r.Id, default, model).Item)).ToList());

        var news = TrainingData.Read(Path.Combine(DataDir, "news-dev.jsonl"));
        Score("news-dev with the shipped model (TRAINED ON these 30 records: in-sample, not a held-out figure; see refparse-newscv)",
            news.Select(r => r.Json).ToList(),
            news.Select(r => CslJson.SerializeLine(ReferenceParser.Parse(r.Text, r.Id, default, model).Item)).ToList());
    }

    /// <summary>Writes every dev and news-dev record's full parse (CSL item, fields with spans and confidences,
    /// diagnostics, per-token tags) to one file, so that speed work can be checked to be output-identical
    /// (run before and after, then diff).</summary>
    private static void Dump(string path)
    {
        var records = TrainingData.Read(Path.Combine(DataDir, "dev.jsonl")).Concat(TrainingData.Read(Path.Combine(DataDir, "news-dev.jsonl")));
        using var w = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
        int count = 0;
        foreach (var r in records)
        {
            var p = ReferenceParser.Parse(r.Text, r.Id);
            w.WriteLine(CslJson.SerializeLine(p.Item));
            w.WriteLine("  I " + ReferenceParser.Parse(r.Text).Item.Id); // the derived id (no id given)
            foreach (var f in p.Fields)
            {
                w.WriteLine(FormattableString.Invariant($"  F {f.Name}|{f.Value}|{f.Span}|{f.Confidence:R}"));
            }

            foreach (var d in p.Diagnostics)
            {
                w.WriteLine(FormattableString.Invariant($"  D {d.Code}|{d.Severity}|{d.Span}|{d.Message}"));
            }

            foreach (var t in ReferenceParser.Explain(r.Text))
            {
                w.WriteLine(FormattableString.Invariant($"  T {t.Token}|{t.Span}|{t.Label}|{t.Confidence:R}"));
            }

            count++;
        }

        Console.WriteLine($"  wrote {count} parses to {path}");
    }

    /// <summary>Mean µs per text, robust to a busy shared machine: the texts are cut into chunks of 25,
    /// each chunk is run 12 times and its fastest run counts.</summary>
    private static double BestOf(List<string> texts, Action<string> work)
    {
        double total = 0;
        var sw = new Stopwatch();
        for (int c = 0; c < texts.Count; c += 25)
        {
            int end = Math.Min(texts.Count, c + 25);
            double best = double.MaxValue;
            for (int rep = 0; rep < 12; rep++)
            {
                sw.Restart();
                for (int i = c; i < end; i++)
                {
                    work(texts[i]);
                }

                best = Math.Min(best, sw.Elapsed.TotalMicroseconds);
            }

            total += best;
        }

        return total / texts.Count;
    }

    private static void Profile(TaggerModel model, List<string> texts)
    {
        var buf = new FeatureBuffer();
        var scratch = new DecodeScratch();
        var labels = new int[4096];
        var conf = new float[4096];
        var em = new float[4096 * TagLabels.Stride];
        Console.WriteLine($"  tokenize: {BestOf(texts, t => RefTokenizer.Tokenize(t, buf.Tokens)):F1} µs/ref");
        Console.WriteLine($"  features: {BestOf(texts, t => FeatureExtractor.Extract(t, buf, model.BucketMask)):F1} µs/ref");
        Console.WriteLine($"  features+emissions: {BestOf(texts, t => { FeatureExtractor.Extract(t, buf, model.BucketMask); model.Emissions(buf, em); }):F1} µs/ref");
        Console.WriteLine($"  features+viterbi: {BestOf(texts, t => { FeatureExtractor.Extract(t, buf, model.BucketMask); model.Decode(buf, labels, null, scratch); }):F1} µs/ref");
        Console.WriteLine($"  features+viterbi+confidence: {BestOf(texts, t => { FeatureExtractor.Extract(t, buf, model.BucketMask); model.Decode(buf, labels, conf, scratch); }):F1} µs/ref");
        Console.WriteLine($"  parse: {BestOf(texts, t => ReferenceParser.Parse(t, null, default, model)):F1} µs/ref");
        Console.WriteLine("  sustained (3 s of passes over all texts, µs of process CPU time per reference):");
        Console.WriteLine($"    features: {Sustained(texts, t => FeatureExtractor.Extract(t, buf, model.BucketMask)):F1} ({LastAllocated:F0} B)");
        Console.WriteLine($"    features+emissions: {Sustained(texts, t => { FeatureExtractor.Extract(t, buf, model.BucketMask); model.Emissions(buf, em); }):F1}");
        Console.WriteLine($"    features+viterbi+confidence: {Sustained(texts, t => { FeatureExtractor.Extract(t, buf, model.BucketMask); model.Decode(buf, labels, conf, scratch); }):F1} ({LastAllocated:F0} B)");
        Console.WriteLine($"    parse: {Sustained(texts, t => ReferenceParser.Parse(t, null, default, model)):F1} ({LastAllocated:F0} B)");

        // the emission table's memory cost alone: precomputed features, emissions only, all texts in turn
        var pre = new List<(int[] F, int[] O, int N)>();
        foreach (var t in texts)
        {
            FeatureExtractor.Extract(t, buf, model.BucketMask);
            pre.Add((buf.Features[..buf.Offsets[buf.Count]], buf.Offsets[..(buf.Count + 1)], buf.Count));
        }

        var index = Enumerable.Range(0, pre.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        Console.WriteLine($"    emissions only (features precomputed): {Sustained(index, s => { var (f, o, n) = pre[int.Parse(s, CultureInfo.InvariantCulture)]; model.QuantisedEmissions(f, o, n, em); }):F1}");
        var small = pre.Select(p => (p.F.Select(b => b & 4095).ToArray(), p.O, p.N)).ToList();
        Console.WriteLine($"    emissions only, buckets folded to 2^12 (cache-resident; timing reference only): {Sustained(index, s => { var (f, o, n) = small[int.Parse(s, CultureInfo.InvariantCulture)]; model.QuantisedEmissions(f, o, n, em); }):F1}");
    }

    private static double LastAllocated;

    /// <summary>µs of process CPU time per text over whole passes through all texts, at least 3 s of work.</summary>
    private static double Sustained(List<string> texts, Action<string> work)
    {
        var proc = Process.GetCurrentProcess();
        proc.Refresh();
        var cpu0 = proc.TotalProcessorTime;
        long alloc0 = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        long count = 0;
        while (sw.Elapsed.TotalSeconds < 3)
        {
            foreach (var t in texts)
            {
                work(t);
            }

            count += texts.Count;
        }

        proc.Refresh();
        double us = (proc.TotalProcessorTime - cpu0).TotalMicroseconds / count;
        LastAllocated = (GC.GetAllocatedBytesForCurrentThread() - alloc0) / (double)count;
        return us;
    }

    private static List<TrainingSequence> BuildTrainingSet(int? excludeNewsFold, int folds)
    {
        var dev = TrainingData.Read(Path.Combine(DataDir, "dev.jsonl"));
        var news = TrainingData.Read(Path.Combine(DataDir, "news-dev.jsonl"));
        var seqs = new List<TrainingSequence>();
        int failed = 0;
        var failedFields = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in dev.Where(r => TrainingData.IsTraining(r.Id, Estimate, DevModel)))
        {
            if (Aligner.TryAlign(r.Text, r.Fields, out var labels, out var why))
            {
                seqs.Add(new TrainingSequence(r.Text, labels));
            }
            else
            {
                failed++;
                failedFields[why!] = failedFields.GetValueOrDefault(why!) + 1;
                if (Environment.GetEnvironmentVariable("REFPARSE_ALIGNDEBUG") is not null && failedFields[why!] <= 12)
                {
                    Console.WriteLine($"    [{why}] {r.Text} || {string.Join(" | ", r.Fields.TryGetValue(why!, out var v) ? v : [])}");
                }
            }
        }

        int newsUsed = 0;
        foreach (var r in news)
        {
            if (excludeNewsFold is { } f && TrainingData.Fold(r.Id, folds) == f)
            {
                continue;
            }

            if (Aligner.TryAlign(r.Text, r.Fields, out var labels, out var why))
            {
                seqs.Add(new TrainingSequence(r.Text, labels, NewsRepeat));
                newsUsed++;
            }
            else
            {
                Console.WriteLine($"  news record {r.Id} not aligned ({why})");
            }
        }

        int invented = 0;
        foreach (var (text, fields) in Env("REFPARSE_INVENTED_REPEAT", 2) > 0 ? InventedReferences.All() : [])
        {
            if (Aligner.TryAlign(text, fields, out var labels, out var why))
            {
                seqs.Add(new TrainingSequence(text, labels, Env("REFPARSE_INVENTED_REPEAT", 2)));
                invented++;
            }
            else
            {
                Console.WriteLine($"  invented reference not aligned ({why}): {text}");
            }
        }

        int rendered = 0;
        int copies = Env("REFPARSE_RENDERED", 0);
        string? stylesDir = new StyleCatalog().OfficialStylesFolder;
        string? localesDir = new StyleCatalog().OfficialLocalesFolder;
        if (copies > 0 && stylesDir is not null && localesDir is not null)
        {
            var rsw = Stopwatch.StartNew();
            var styles = RenderedReferences.LoadStyles(stylesDir, Env("REFPARSE_STYLES_EVERY", 5));
            var renderedRefs = RenderedReferences.Render([.. dev.Where(r => TrainingData.IsTraining(r.Id, Estimate, DevModel))], styles, localesDir, copies,
                Env("REFPARSE_RENDER_SEED", 14), Env("REFPARSE_RENDER_NOISE", 0) / 100.0, s => Console.WriteLine("  " + s));
            foreach (var (text, fields) in renderedRefs)
            {
                if (Aligner.TryAlign(text, fields, out var labels, out _))
                {
                    seqs.Add(new TrainingSequence(text, labels));
                    rendered++;
                }
            }

            Console.WriteLine($"  {styles.Count} styles loaded, {rendered} rendered references added in {rsw.Elapsed.TotalSeconds:F1}s");
        }
        else if (copies > 0)
        {
            Console.WriteLine("  REFPARSE_RENDERED set but the official CSL styles/locales are not installed; none rendered");
        }

        Console.WriteLine($"  training set{(DevModel ? " (DEV: held-out and session-10 parts left out)" : Estimate ? " (ESTIMATE: held-out parts of sessions 11, 12 and 13 left out)" : "")}: {seqs.Count - newsUsed - invented - rendered} scholarly (alignment failed for {failed}: "
            + string.Join(", ", failedFields.OrderByDescending(kv => kv.Value).Take(6).Select(kv => $"{kv.Key} {kv.Value}"))
            + $"), {newsUsed} news ×{NewsRepeat}, {invented} invented, {rendered} rendered through CSL styles");
        return seqs;
    }

    private static int scoreRuns;

    /// <summary>Token-level confusion on the validation split against the aligned gold labels: the tagger alone
    /// (rows gold, columns predicted, fields only: name starts folded into their field), and how many tokens the
    /// rule passes after decoding turned right→wrong and wrong→right, by gold field.</summary>
    private static void Confusion(TaggerModel model, List<LabelledReference> validation)
    {
        const int L = TagLabels.Count;
        var m = new long[L, L];
        var broke = new long[L];
        var fixedBy = new long[L];
        long tokens = 0, wrong = 0, aligned = 0;
        int passes = ReferenceParser.RulePassNames.Length;
        var passBroke = new long[passes];
        var passFixed = new long[passes];
        var passShown = new int[passes];
        int examples = Env("REFPARSE_CONFUSION_EXAMPLES", 0);
        foreach (var r in validation)
        {
            if (!Aligner.TryAlign(r.Text, r.Fields, out var gold, out _))
            {
                continue;
            }

            aligned++;
            var raw = ReferenceParser.TokenLabels(r.Text, model, rulePasses: false);
            var ruled = ReferenceParser.TokenLabels(r.Text, model, rulePasses: true);
            var before = raw;
            for (int pass = 0; pass < passes; pass++)
            {
                var after = ReferenceParser.TokenLabelsAfter(r.Text, model, pass + 1);
                bool shown = false;
                for (int t = 0; t < gold.Length && t < after.Length; t++)
                {
                    int g = TagLabels.FieldOf(gold[t]);
                    bool wasRight = TagLabels.FieldOf(before[t]) == g;
                    bool isRight = TagLabels.FieldOf(after[t]) == g;
                    passBroke[pass] += wasRight && !isRight ? 1 : 0;
                    passFixed[pass] += !wasRight && isRight ? 1 : 0;
                    if (wasRight != isRight && !shown && examples > 0 && passShown[pass] < examples)
                    {
                        shown = true;
                        passShown[pass]++;
                        Console.WriteLine($"    [{ReferenceParser.RulePassNames[pass]}] {r.Text}");
                        Console.WriteLine("      " + string.Join(" ", Enumerable.Range(0, Math.Min(gold.Length, after.Length))
                            .Where(k => TagLabels.FieldOf(before[k]) != TagLabels.FieldOf(after[k]))
                            .Select(k => $"{Token(r.Text, k)}:{TagLabels.Names[TagLabels.FieldOf(before[k])]}→{TagLabels.Names[TagLabels.FieldOf(after[k])]}(gold {TagLabels.Names[TagLabels.FieldOf(gold[k])]})")));
                    }
                }

                before = after;
            }

            for (int t = 0; t < gold.Length && t < raw.Length; t++)
            {
                int g = TagLabels.FieldOf(gold[t]);
                int p = TagLabels.FieldOf(raw[t]);
                int q = TagLabels.FieldOf(ruled[t]);
                m[g, p]++;
                tokens++;
                wrong += g != p ? 1 : 0;
                broke[g] += g == p && g != q ? 1 : 0;
                fixedBy[g] += g != p && g == q ? 1 : 0;
            }
        }

        Console.WriteLine($"  tagger alone: {aligned} aligned validation records, {tokens} tokens, {wrong} wrong ({100.0 * wrong / tokens:F2} %)");
        Console.WriteLine("  largest confusions (gold → tagger): count");
        var cells = new List<(long C, int G, int P)>();
        for (int g = 0; g < L; g++)
        {
            for (int p = 0; p < L; p++)
            {
                if (g != p && m[g, p] > 0)
                {
                    cells.Add((m[g, p], g, p));
                }
            }
        }

        foreach (var (c, g, p) in cells.OrderByDescending(x => x.C).Take(30))
        {
            Console.WriteLine($"    {TagLabels.Names[g],-16} → {TagLabels.Names[p],-16} {c}");
        }

        Console.WriteLine("  rule passes, by gold field: tokens right→wrong / wrong→right");
        for (int g = 0; g < L; g++)
        {
            if (broke[g] + fixedBy[g] > 0)
            {
                Console.WriteLine($"    {TagLabels.Names[g],-16} {broke[g],5} / {fixedBy[g],5}");
            }
        }

        Console.WriteLine("  rule passes, each after the ones before it: tokens right→wrong / wrong→right");
        for (int pass = 0; pass < passes; pass++)
        {
            Console.WriteLine($"    {ReferenceParser.RulePassNames[pass],-20} {passBroke[pass],5} / {passFixed[pass],5}");
        }
    }

    private static string Token(string text, int index)
    {
        var buf = new FeatureBuffer();
        RefTokenizer.Tokenize(text, buf.Tokens);
        var tok = buf.Tokens[index];
        return text.Substring(tok.Start, tok.Length);
    }

    private static void Score(string title, List<string> gold, List<string> pred)
    {
        Console.WriteLine($"  {title}:");
        string dir = Path.Combine(Path.GetTempPath(), "sourcecheck-refparse-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + (++scoreRuns).ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        string g = Path.Combine(dir, "gold.jsonl");
        string p = Path.Combine(dir, "pred.jsonl");
        File.WriteAllText(g, string.Join('\n', gold) + "\n");
        File.WriteAllText(p, string.Join('\n', pred) + "\n");
        string extra = Environment.GetEnvironmentVariable("REFPARSE_SCORE_ARGS") ?? "";
        try
        {
            var psi = new ProcessStartInfo("python3", $"\"{Path.Combine(DataDir, "score.py")}\" \"{g}\" \"{p}\" {extra}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var proc = Process.Start(psi)!;
            string output = proc.StandardOutput.ReadToEnd();
            string err = proc.StandardError.ReadToEnd();
            proc.WaitForExit();
            foreach (var line in output.Split('\n'))
            {
                Console.WriteLine("    " + line);
            }

            if (err.Length > 0)
            {
                Console.WriteLine("    " + err);
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.WriteLine("    python3 not available; predictions left in " + p);
            return;
        }

        if (Environment.GetEnvironmentVariable("REFPARSE_KEEP") is null)
        {
            Directory.Delete(dir, recursive: true);
        }
        else
        {
            Console.WriteLine("    kept " + dir);
        }
    }
}
