namespace SourceCheck.Bench;

internal static class BenchProgram
{
    private static readonly (string Name, Action Run)[] Sections =
    [
        ("refparse", RefParseBench.Run), ("train-refparser", RefParseBench.Train), ("refparse-newscv", RefParseBench.NewsCrossValidation),
        ("csl", CslBench.Run), ("csl-diff", CslDiffBench.Run),
        ("match", MatchBench.Run),
        ("match-train", MatchBench.Train), ("match-train-cv", MatchBench.CrossValidateMono),
        ("match-claims", MatchBench.ClaimsOnly), ("match-pairs", MatchBench.PairsOnly),
        ("web", WebBench.Run),
        ("web-speed", WebSpeedBench.Run),
        ("store", StoreBench.Run),
        ("parse", ParseBench.Run),
        ("realrefs", RealRefsBench.Run),
        ("claims-extraction", ClaimsExtractionBench.Run),
        ("attribution", AttributionBench.Run),
        ("fuzz", FuzzBench.Run),
        ("memory", MemoryBench.Run),
        ("memory-stages", MemoryBench.Stages),
        ("startup", StartupBench.Run), ("format-split", FormatSplitBench.Run),
        ("verify", VerifyBench.Run),
    ];

    /// <summary>Runs the named sections (all figure sections when none is named; training sections only by name).</summary>
    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "archive")
        {
            // options follow the section name: archive [--split dev|val|all] [--sizes 0,50,all]
            Console.WriteLine("## archive");
            ArchiveBench.Run(args[1..]);
            return 0;
        }

        if (args.Length > 0 && args[0] == "archive-scale")
        {
            // archive-scale [--sizes 1000,10000,100000] [--store 1000,10000]
            Console.WriteLine("## archive-scale");
            ArchiveScaleBench.Run(args[1..]);
            return 0;
        }

        if (args.Length > 0 && args[0] == "store-pg")
        {
            // store-pg [--articles N] [--backends sqlite,postgres]: both backends side by side
            Console.WriteLine("## store-pg");
            return StorePgBench.Run(args[1..]);
        }

        if (args.Length > 1 && args[0] == "similarity-days")
        {
            // similarity-days PAIRS.jsonl: pairs that differ only in a date's day, scored with and without day numbers as figures
            Console.WriteLine("## similarity-days");
            DateDayBench.Run(args[1]);
            return 0;
        }

        if (args.Length > 0 && args[0] == "store-outlets")
        {
            // store-outlets [--articles N]: what verification reads from a store to learn its outlets, before and after the query
            Console.WriteLine("## store-outlets");
            StoreBench.OutletTable(args.Length > 2 && args[1] == "--articles" ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10_000);
            return 0;
        }

        int secondsAt = Array.FindIndex(args, a => a == "--seconds");
        if (secondsAt >= 0 && secondsAt + 1 < args.Length && int.TryParse(args[secondsAt + 1], out int seconds))
        {
            FuzzBench.Seconds = seconds;
            args = [.. args.Where((_, i) => i != secondsAt && i != secondsAt + 1)];
        }

        args = MemoryOptions(args);
        var wanted = args.Length == 0 ? null : new HashSet<string>(args, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, run) in Sections)
        {
            // Training sections write model files: they run only when named.
            // csl-diff needs node and citeproc-js and runs for minutes: also only by name; so does startup (pandoc, 10,000 items).
            bool tool = name.Contains("train", StringComparison.Ordinal) || name == "csl-diff" || name == "fuzz" || name.StartsWith("memory", StringComparison.Ordinal) || name == "startup" || name == "format-split";
            if (wanted is null ? !tool : wanted.Contains(name))
            {
                Console.WriteLine($"## {name}");
                run();
            }
        }

        return 0;
    }

    /// <summary>Takes <c>--sizes 1,4,16</c> (MB), <c>--only a,b</c> and <c>--timeout S</c> for the memory section.</summary>
    private static string[] MemoryOptions(string[] args)
    {
        var rest = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--sizes" when value is not null:
                    MemoryBench.SizesMb = [.. value.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture))];
                    i++;
                    break;
                case "--only" when value is not null:
                    MemoryBench.Only = [.. value.Split(',')];
                    i++;
                    break;
                case "--timeout" when value is not null:
                    MemoryBench.TimeoutSeconds = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                    i++;
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        return [.. rest];
    }
}
