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
}
