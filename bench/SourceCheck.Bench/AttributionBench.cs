using System.Globalization;
using SourceCheck.Claims;

namespace SourceCheck.Bench;

/// <summary>Section "attribution": the hand-annotated attribution gold (<c>fixtures/attribution/gold.jsonl</c>,
/// 138 real webmeta pages: dev 126 (val-s12 is development since session 13), validation (val-s13) 12) read as the commands read an HTML file, claims extracted and scored: speaker accuracy
/// (overall, German, English; unknown counts as wrong, false named speakers counted apart), furniture kept out,
/// claims found. <c>--split dev|val|all</c> (default dev); per-quote details (<c>--details</c>) and every claim of the pages whose id holds a text (<c>--dump TEXT</c>) only for dev.</summary>
internal static class AttributionBench
{
    public static void Run()
    {
        string? webmeta = WebBench.FindShared();
        string? repo = FindRepo();
        if (webmeta is null || repo is null)
        {
            Console.WriteLine("../shared/webmeta or the repository not found; skipped");
            return;
        }

        var args = Environment.GetCommandLineArgs();
        int at = Array.IndexOf(args, "--split");
        string split = at >= 0 && at + 1 < args.Length ? args[at + 1] : "dev";
        bool details = args.Contains("--details") && split == "dev";
        var gold = AttributionEvaluation.ReadGold(File.ReadAllText(Path.Combine(repo, "fixtures", "attribution", "gold.jsonl")))
            .Where(g => split == "all" || g.Split == split).ToList();
        var traced = gold.Select(g => (g, ClaimExtractor.ExtractWithRules(AttributionEvaluation.ReadPage(webmeta, g), g.Id, precise: !args.Contains("--all-rules")))).ToList();
        var runs = traced.Select(t => (t.g, (IReadOnlyList<Claim>)[.. t.Item2.Select(x => x.Claim)])).ToList();
        var ruleOf = new Dictionary<Claim, string>(ReferenceEqualityComparer.Instance);
        foreach (var (claim, rule) in traced.SelectMany(t => t.Item2))
        {
            // the continuation class by how the speaker went on ("(continuation)", "(implicit)", "(back reference)")
            ruleOf[claim] = rule == ClaimExtractor.SpeakerRule.Continuation && args.Contains("--all-rules") ? rule + claim.SpeakerMention : rule.ToString();
        }

        var score = AttributionEvaluation.Score(runs);
        int dumpAt = Array.IndexOf(args, "--dump");
        if (dumpAt >= 0 && dumpAt + 1 < args.Length && split == "dev")
        {
            // every claim of the dev pages whose id holds one of the given texts (comma-separated): text, speaker, mention (for reading failures)
            foreach (var (g, claims) in runs.Where(r => args[dumpAt + 1].Split(',').Any(k => r.g.Id.Contains(k, StringComparison.Ordinal))))
            {
                Console.WriteLine($"#### {g.Id}");
                foreach (var c in claims)
                {
                    Console.WriteLine($"  [{c.Speaker ?? "-"} | {c.SpeakerMention ?? "-"}] {c.Text}");
                }
            }

            return;
        }

        Console.WriteLine($"split {split} ({(split == "val" ? "validation: held out, scored once" : "development")})");
        Console.WriteLine(score);
        if (args.Contains("--classes"))
        {
            // per sentence class; on dev the pages are grouped by whether the rules were tuned on them (dev-s5 … val-s8)
            // or not when they were written (val-s9, val-s10 and val-s11, each scored once at the end of its session): a class made on
            // the first group is checked on the others
            Console.WriteLine(AttributionEvaluation.RuleTable(score, ruleOf, a => a.Origin is "val-s9" or "val-s10" or "val-s11" or "val-s12" ? "untuned" : a.Split == "val" ? "val" : "tuned"));
        }

        if (!details)
        {
            return;
        }

        foreach (var o in score.Outcomes.Where(o => !o.SpeakerRight))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {(o.Claim is null ? "MISSED" : o.FalseSpeaker ? "FALSE " : o.Quote.Speaker is null ? "(none)" : "UNKN  ")} {o.Article.Id[..Math.Min(30, o.Article.Id.Length)]} | {o.Quote.Anchor} | gold {o.Quote.Speaker ?? "-"} | got {o.Claim?.Speaker ?? "-"} | {(o.Claim is { } oc && ruleOf.TryGetValue(oc, out var rr) ? rr : "-")} | {o.Claim?.SpeakerMention ?? "-"}"));
        }

        int ruleAt = Array.IndexOf(args, "--rule");
        if (ruleAt >= 0 && ruleAt + 1 < args.Length)
        {
            // every quote the given class answered, right or wrong
            foreach (var o in score.Outcomes.Where(o => o.Claim is { } c && ruleOf.TryGetValue(c, out var r) && r == args[ruleAt + 1]))
            {
                Console.WriteLine($"  {(o.SpeakerRight ? "RIGHT" : o.FalseSpeaker ? "FALSE" : "NOGOLD")} {o.Article.Id[..Math.Min(30, o.Article.Id.Length)]} | {o.Quote.Anchor} | gold {o.Quote.Speaker ?? "-"} | got {o.Claim!.Speaker} | {o.Claim.SpeakerMention}");
            }
        }

        foreach (var (article, text, claim) in score.FurnitureLeaks)
        {
            Console.WriteLine($"  LEAK   {article.Id[..Math.Min(30, article.Id.Length)]} | {text} | in claim: {claim.Text}");
        }
    }

    private static string? FindRepo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SourceCheck.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName;
    }
}
