using System.Globalization;
using SourceCheck.Verification;

namespace SourceCheck.Tests.Verification;

/// <summary>Runs the fixture world's references of one split through a <see cref="WorkLocator"/> and scores verdicts
/// and passages (used by the tests and by the bench's <c>verify</c> section).</summary>
internal static class VerifyWorldRun
{
    public static (WorkLocator Locator, PoliteClient Client, PageFetcher Fetcher) Locator(VerifyWorld world, string? cacheDir, bool offline = false,
        bool allowServer = true, OutletDirectory? outlets = null)
    {
        var guard = allowServer ? new AddressGuard(allowedOrigins: [world.Server.Origin]) : AddressGuard.Default;
        var endpoints = world.Endpoints;
        var fetcher = new PageFetcher(guard, new FetchOptions { UserAgent = endpoints.UserAgent, TotalTimeout = TimeSpan.FromSeconds(20) });
        var client = new PoliteClient(fetcher, cacheDir is null ? null : new PageCache(cacheDir),
            new PoliteOptions { Offline = offline, MinInterval = TimeSpan.FromMilliseconds(5), BackOff = TimeSpan.FromMilliseconds(50) });
        var locator = new WorkLocator(client, endpoints, outlets ?? new OutletDirectory(), null, new LocatorOptions { Passages = new PassageFinder() });
        return (locator, client, fetcher);
    }

    public sealed record Score(int N, int Right, int FalseAgainstReal, int FabricatedMissed, int Supported, int SupportedFound, int Unsupported, int UnsupportedFound,
        TimeSpan Worst, IReadOnlyList<string> Wrong)
    {
        public double Accuracy => N == 0 ? 0 : (double)Right / N;

        public double PassageRecall => Supported == 0 ? 0 : (double)SupportedFound / Supported;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"verdicts {Right}/{N} = {Accuracy:0.000}; real called not_found/mismatch: {FalseAgainstReal}; fabricated not caught: {FabricatedMissed}; " +
            $"passages found for supported claims {SupportedFound}/{Supported} = {PassageRecall:0.000}; for unsupported claims {UnsupportedFound}/{Unsupported}; worst time {Worst.TotalMilliseconds:0} ms");
    }

    public static async Task<Score> RunAsync(VerifyWorld world, WorkLocator locator, string split, Action<string>? log)
    {
        var refs = world.References().Where(r => r.Split == split).ToList();
        int right = 0, falseReal = 0, fabMissed = 0, sup = 0, supFound = 0, unsup = 0, unsupFound = 0;
        var worst = TimeSpan.Zero;
        var wrong = new List<string>();
        foreach (var r in refs)
        {
            var v = await locator.LocateAsync(r.Item, r.Claims.Select(c => c.Claim).ToList());
            worst = v.Elapsed > worst ? v.Elapsed : worst;
            bool ok = r.Right(v.Verdict);
            right += ok ? 1 : 0;
            if (!r.Fabricated && v.Verdict is Verdicts.NotFound or Verdicts.Mismatch)
            {
                falseReal++;
            }

            if (r.Fabricated && v.Verdict is not (Verdicts.NotFound or Verdicts.Mismatch))
            {
                fabMissed++;
            }

            if (!ok)
            {
                wrong.Add($"{r.Id} expected {r.Expect}, got {v.Verdict} [{string.Join(",", v.Fields)}]: {v.Reason}");
            }

            foreach (var c in r.Claims)
            {
                var p = v.Passages.FirstOrDefault(x => x.ClaimId == c.Claim.Id);
                bool found = p?.Status == PassageFinder.Supported;
                if (c.Supported)
                {
                    sup++;
                    supFound += found ? 1 : 0;
                }
                else
                {
                    unsup++;
                    unsupFound += found ? 1 : 0;
                }

                log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"  claim {c.Claim.Id} supported={c.Supported} {p?.Status} {p?.Differs} {p?.Score:0.000}"));
                if (found != c.Supported)
                {
                    wrong.Add($"{r.Id}/{c.Claim.Id} supported={c.Supported} got {p?.Status ?? "(no page)"} {p?.Score:0.000}: {c.Claim.Text} <> {p?.Passage}");
                }
            }

            log?.Invoke($"{r.Id,-8} {v.Verdict,-10} {string.Join(",", v.Fields),-12} {v.Link,-12} {v.Elapsed.TotalMilliseconds,6:0} ms  {r.Note}");
        }

        return new Score(refs.Count, right, falseReal, fabMissed, sup, supFound, unsup, unsupFound, worst, wrong);
    }

}
