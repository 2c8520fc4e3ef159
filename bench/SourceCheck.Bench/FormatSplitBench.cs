using System.Diagnostics;
using SourceCheck.Csl;
using SourceCheck.Formatting;
using SourceCheck.References;
using SourceCheck.Text;

namespace SourceCheck.Bench;

/// <summary>Where <c>sourcecheck format</c> of 10,000 generated APA items from CSL-JSON spends its time, stage by stage
/// (the steps the command takes, in process): read the CSL-JSON file into items (and, for comparison, the older
/// text path: decode to a string, then parse), load the style, build the registry, sort
/// keys, disambiguation, citations, bibliography entries, the document, writing it. Each stage prints its wall time,
/// the bytes it allocated and the GC pause time inside it; medians of <c>FORMAT_SPLIT_RUNS</c> (default 5) runs after
/// one warm-up run (the warm-up run's JIT is not what the native binary pays). <c>FORMAT_SPLIT_ITEMS</c> changes the
/// number of items. <c>FORMAT_SPLIT_TYPES=1</c> also prints, per stage, the types that allocated most (the runtime's
/// allocation-tick events, one per ~100 KB allocated, so a type's share is sampled, not exact).</summary>
internal static class FormatSplitBench
{
    public static void Run()
    {
        string? apa = StartupBench.ApaStyle();
        if (apa is null)
        {
            Console.WriteLine("format-split: skipped (no ../shared/csl-styles/apa.csl)");
            return;
        }

        int n = int.TryParse(Environment.GetEnvironmentVariable("FORMAT_SPLIT_ITEMS"), out int c) && c > 0 ? c : 10_000;
        int runs = int.TryParse(Environment.GetEnvironmentVariable("FORMAT_SPLIT_RUNS"), out int r) && r > 0 ? r : 5;
        var dir = Directory.CreateTempSubdirectory("sourcecheck-format-split-");
        try
        {
            string items = Path.Combine(dir.FullName, "items.json");
            string output = Path.Combine(dir.FullName, "out.txt");
            File.WriteAllText(items, CslJson.Serialize(CslSampleItems.Generate(n, 42)));
            Console.WriteLine($"format-split: {n:N0} APA items (seed 42), {new FileInfo(items).Length / 1e6:F1} MB CSL-JSON; {runs} runs after a warm-up; load average {StartupBench.LoadAverage()}");
            var all = new List<List<(string Stage, double Ms, double AllocMb, double GcMs, int Gcs)>>();
            using var ticks = Environment.GetEnvironmentVariable("FORMAT_SPLIT_TYPES") == "1" ? new AllocationTicks() : null;
            for (int run = 0; run <= runs; run++)
            {
                var stages = Once(items, apa, output, run == runs ? ticks : null);
                if (run > 0)
                {
                    all.Add(stages);
                }
            }

            Console.WriteLine($"{"stage",-14} {"wall ms",8} {"alloc MB",9} {"GC ms",7} {"GCs",4}");
            double total = 0, totalAlloc = 0, totalGc = 0;
            for (int s = 0; s < all[0].Count; s++)
            {
                double ms = Median(all.Select(a => a[s].Ms)), mb = Median(all.Select(a => a[s].AllocMb)), gc = Median(all.Select(a => a[s].GcMs));
                if (!all[0][s].Stage.StartsWith("text:", StringComparison.Ordinal))
                {
                    total += ms;
                    totalAlloc += mb;
                    totalGc += gc;
                }

                Console.WriteLine($"{all[0][s].Stage,-14} {ms,8:F0} {mb,9:F1} {gc,7:F0} {Median(all.Select(a => (double)a[s].Gcs)),4:F0}");
            }

            Console.WriteLine($"{"total",-14} {total,8:F0} {totalAlloc,9:F1} {totalGc,7:F0}   (medians per stage, the text: lines not counted; load average now {StartupBench.LoadAverage()})");
            ticks?.Print();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static List<(string Stage, double Ms, double AllocMb, double GcMs, int Gcs)> Once(string items, string apa, string output, AllocationTicks? ticks)
    {
        var stages = new List<(string, double, double, double, int)>();
        ticks?.Reset();
        var sw = Stopwatch.StartNew();
        long alloc = GC.GetTotalAllocatedBytes();
        var pause = GC.GetTotalPauseDuration();
        int gcs = GC.CollectionCount(0);
        void Done(string stage)
        {
            long a = GC.GetTotalAllocatedBytes();
            var p = GC.GetTotalPauseDuration();
            int g = GC.CollectionCount(0);
            stages.Add((stage, sw.Elapsed.TotalMilliseconds, (a - alloc) / 1e6, (p - pause).TotalMilliseconds, g - gcs));
            ticks?.EndStage(stage);
            (alloc, pause, gcs) = (a, p, g);
            sw.Restart();
        }

        // the text path (decode to UTF-16, then parse), as format read its file before session 9: for comparison
        string text = TextFile.Read(items);
        Done("text: decode");
        _ = ReferenceReader.Read(text, InputFormat.Auto, items);
        Done("text: parse");
        text = string.Empty;

        // what format does: the file's bytes parsed where they lie
        var refs = ReferenceReader.ReadFile(items, items, out _);
        Done("read file");
        var catalog = new StyleCatalog(Environment.GetEnvironmentVariable, Environment.CurrentDirectory);
        var (loaded, _) = StyleLoader.Load(catalog, apa, null);
        Done("style");
        var rendered = Bibliography.Render(loaded!, refs.Items, [], OutputFormat.Text, bibliography: true, Done);
        File.WriteAllText(output, rendered.Text);
        Done("write");
        return stages;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Allocation-tick events of the runtime (type name and bytes since the last tick), summed per stage.</summary>
    private sealed class AllocationTicks : System.Diagnostics.Tracing.EventListener
    {
        private readonly object _gate = new();
        private Dictionary<string, long> _current = [];
        private readonly List<(string Stage, Dictionary<string, long> Types)> _stages = [];

        protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
        {
            if (!e.EventName!.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null)
            {
                return;
            }

            int type = e.PayloadNames.IndexOf("TypeName"), size = e.PayloadNames.IndexOf("AllocationAmount64");
            if (type < 0 || size < 0)
            {
                return;
            }

            string name = e.Payload![type] as string ?? "?";
            long bytes = Convert.ToInt64(e.Payload[size], System.Globalization.CultureInfo.InvariantCulture);
            lock (_gate)
            {
                _current[name] = _current.GetValueOrDefault(name) + bytes;
            }
        }

        public void Reset()
        {
            lock (_gate)
            {
                _current = [];
            }
        }

        public void EndStage(string stage)
        {
            lock (_gate)
            {
                _stages.Add((stage, _current));
                _current = [];
            }
        }

        public void Print()
        {
            lock (_gate)
            {
                foreach (var (stage, types) in _stages)
                {
                    long all = types.Values.Sum();
                    Console.WriteLine($"{stage}: {all / 1e6:F1} MB sampled");
                    foreach (var (name, bytes) in types.OrderByDescending(t => t.Value).Take(12))
                    {
                        Console.WriteLine($"  {bytes / 1e6,7:F1} MB  {name}");
                    }
                }
            }
        }
    }
}
