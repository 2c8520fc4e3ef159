using SourceCheck.Tests.Verification;

namespace SourceCheck.Bench;

/// <summary>Section "verify": the fixture world (<c>fixtures/verify-world/</c>) served by a local Kestrel server in the
/// services' formats, every reference of the dev and the validation split settled (verdict accuracy, real works
/// called not_found/mismatch, fabricated ones not caught, passages for supported and unsupported claims, the worst
/// per-reference time), then each split's article (claims tied to references by citation signals, as <c>check</c>
/// does, and the passages found through the ties). Validation is held out: printed, never tuned on.
/// <c>--split dev|val|all</c> (default all); <c>--details</c> lists the misses of the dev split only.</summary>
internal static class VerifyBench
{
    public static void Run() => RunAsync().GetAwaiter().GetResult();

    private static async Task RunAsync()
    {
        var args = Environment.GetCommandLineArgs();
        int at = Array.IndexOf(args, "--split");
        string which = at >= 0 && at + 1 < args.Length ? args[at + 1] : "all";
        bool details = args.Contains("--details");
        Seeds();
        await using var world = await VerifyWorld.StartAsync();
        foreach (string split in which == "all" ? ["dev", "val"] : new[] { which })
        {
            string label = split == "val" ? "validation (held out, never tuned on)" : "development (tuned on)";
            string cache = Path.Combine(Path.GetTempPath(), "sc-bench-verify-" + Guid.NewGuid().ToString("N")[..8]);
            try
            {
                var (locator, client, fetcher) = VerifyWorldRun.Locator(world, cache);
                using (fetcher)
                {
                    var score = await VerifyWorldRun.RunAsync(world, locator, split, null);
                    Console.WriteLine($"{split}: {label}");
                    Console.WriteLine($"  references: {score}");
                    var article = await VerifyWorldArticle.ScoreAsync(world, locator, split, null);
                    Console.WriteLine($"  article:    {article}");
                    Console.WriteLine($"  requests sent: {client.RequestsSent}");
                    if (details && split == "dev")
                    {
                        foreach (var w in score.Wrong.Concat(article.Misses))
                        {
                            Console.WriteLine("    " + w);
                        }
                    }
                }
            }
            finally
            {
                if (Directory.Exists(cache))
                {
                    Directory.Delete(cache, true);
                }
            }
        }
    }

    /// <summary>The seed articles (<c>../shared/seeds/</c>): how many claims <c>check</c> ties to a reference of their
    /// bibliography by a citation signal (no verification, no network).</summary>
    private static void Seeds()
    {
        string? seeds = FindSeeds();
        if (seeds is null)
        {
            Console.WriteLine("seeds: ../shared/seeds not found; skipped");
            return;
        }

        foreach (string file in Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal))
        {
            int tied = 0, claims = 0, refs = 0;
            var signals = new List<string>();
            var options = new SourceCheck.Checking.CheckOptions
            {
                Verify = (_, items, byRef) =>
                {
                    refs = items.Count;
                    tied = byRef.Values.SelectMany(c => c).Select(c => c.Id).Distinct(StringComparer.Ordinal).Count();
                    signals.AddRange(byRef.Values.SelectMany(c => c).Select(c => c.Signal ?? "?"));
                    return [];
                },
            };
            var (report, _) = SourceCheck.Checking.CheckPipeline.Run([new SourceCheck.Checking.CheckInput(file, File.ReadAllText(file))], options);
            claims = report.ClaimCount;
            Console.WriteLine($"seed {Path.GetFileName(file)}: {claims} claims, {refs} references, {tied} claims tied by a citation signal{(signals.Count > 0 ? " (" + string.Join("; ", signals.Distinct()) + ")" : string.Empty)}");
        }
    }

    private static string? FindSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "..", "shared", "seeds");
            if (Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }
}
