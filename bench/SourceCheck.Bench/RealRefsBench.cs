using System.Diagnostics;
using System.Text.Json.Nodes;
using SourceCheck.Csl;
using SourceCheck.References.BibTex;
using SourceCheck.References.Ris;

namespace SourceCheck.Bench;

/// <summary>Section "realrefs": real reference lists, BibTeX and RIS exports nobody on the team wrote
/// (<c>fixtures/realrefs/</c>, hand-labelled), scored on the dev part and, separately, on the validation part
/// that was not looked at while developing; BibTeX also read by pandoc (<c>pandoc -f bibtex -t csljson</c>) and
/// scored on the same labels, with the agreement of the two readings.</summary>
internal static class RealRefsBench
{
    private static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SourceCheck.sln")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir?.FullName ?? Directory.GetCurrentDirectory(), "fixtures", "realrefs");
        }
    }

    public static void Run()
    {
        string root = Root;
        var text = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "text.labels.json")))!;
        // "validation": session 13's new lists (never developed on; earlier sessions' are dev now, "was" says which); "validation-s5": session 5's validation lists,
        // scored once then and reported separately since.
        // REALREFS_DEV_ONLY=1 while developing: the validation parts are not even totalled.
        string[] splits = Environment.GetEnvironmentVariable("REALREFS_DEV_ONLY") == "1" ? ["dev"] : ["dev", "validation", "validation-s5"];
        foreach (string split in splits)
        {
            int lists = 0, splitRight = 0, errors = 0;
            var fields = new RealRefsScore.Tally();
            var bySession = new SortedDictionary<string, (int Lists, int Split, int Errors, RealRefsScore.Tally Fields)>(StringComparer.Ordinal);
            foreach (var l in ((JsonArray)text["lists"]!).Select(x => (JsonObject)x!).Where(x => x["split"]!.GetValue<string>() == split))
            {
                string file = l["file"]!.GetValue<string>();
                var r = RealRefsScore.ScoreTextList(file, File.ReadAllText(Path.Combine(root, file)), l);
                lists++;
                splitRight += r.SplitRight ? 1 : 0;
                errors += r.Error ? 1 : 0;
                fields.Add(r.Fields);
                if (l["was"]?.GetValue<string>() is { } was)
                {
                    // dev lists that were a session's validation part: their figure now (a dev figure)
                    var (n, sr, er, tally) = bySession.TryGetValue(was, out var v) ? v : (0, 0, 0, new RealRefsScore.Tally());
                    tally.Add(new RealRefsScore.Tally { Right = r.Fields.Right, Gold = r.Fields.Gold, Extra = r.Fields.Extra });
                    bySession[was] = (n + 1, sr + (r.SplitRight ? 1 : 0), er + (r.Error ? 1 : 0), tally);
                }

                if (split == "dev" || ShowValidation)
                {
                    Console.WriteLine($"  text {split,-10} {file,-40} split {(r.SplitRight ? "right" : "WRONG")} ({r.Found}/{r.Expected} entries){(r.Error ? " ERROR (exit 3)" : "")}, fields {r.Fields.Right}/{r.Fields.Gold + r.Fields.Extra}");
                }
            }

            Console.WriteLine($"text lists ({split}): {splitRight}/{lists} split right, {errors} ending in an error; fields right {fields.Accuracy:P1} ({fields.Right}/{fields.Gold + fields.Extra}: {fields.Gold} labelled, {fields.Extra} filled without a label)");
            foreach (var (was, (n, sr, er, tally)) in bySession)
            {
                Console.WriteLine($"  of which {was}: {sr}/{n} split right, {er} ending in an error; fields right {tally.Accuracy:P1} ({tally.Right}/{tally.Gold + tally.Extra})");
            }

            Print(fields, split);
        }

        var bibLabels = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(root, "biblatex-examples-excerpt.labels.json")))!;
        string bibPath = Path.Combine(root, "biblatex-examples-excerpt.bib");
        var ours = BibTexReader.Read(File.ReadAllText(bibPath), bibPath).Value ?? [];
        var pandoc = Pandoc(bibPath);
        foreach (string split in (string[])["dev", "validation"])
        {
            var t = RealRefsScore.ScoreStructured(ours, bibLabels, split, byOrder: false);
            Console.WriteLine($"BibTeX ({split}, biblatex-examples excerpt): fields right {t.Accuracy:P1} ({t.Right}/{t.Gold + t.Extra})");
            Print(t, split);
            if (pandoc is not null)
            {
                var p = RealRefsScore.ScoreStructured(pandoc, bibLabels, split, byOrder: false);
                var keys = ((JsonArray)bibLabels["split"]![split]!).Select(x => x!.GetValue<string>());
                var (same, total) = RealRefsScore.Agreement(ours, pandoc, bibLabels, keys);
                Console.WriteLine($"  pandoc -f bibtex -t csljson ({split}): fields right {p.Accuracy:P1} ({p.Right}/{p.Gold + p.Extra}); agreement with ours on labelled fields {(double)same / Math.Max(1, total):P1} ({same}/{total})");
            }
            else
            {
                Console.WriteLine("  pandoc not installed: no comparison (apt-get install pandoc)");
            }
        }

        var risLabels = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(root, "publisher-exports.labels.json")))!;
        string risPath = Path.Combine(root, "publisher-exports.ris");
        var ris = RisReader.Read(File.ReadAllText(risPath), risPath).Value ?? [];
        foreach (string split in (string[])["dev", "validation"])
        {
            var t = RealRefsScore.ScoreStructured(ris, risLabels, split, byOrder: true);
            Console.WriteLine($"RIS ({split}, publisher exports): fields right {t.Accuracy:P1} ({t.Right}/{t.Gold + t.Extra})");
            Print(t, split);
        }
    }

    private static bool ShowValidation => Environment.GetEnvironmentVariable("REALREFS_SHOW_VALIDATION") == "1";

    /// <summary>Misses are printed for the dev part only (the validation part is reported as a figure).</summary>
    private static void Print(RealRefsScore.Tally t, string split)
    {
        if (split == "dev" || ShowValidation)
        {
            foreach (var m in t.Misses.Take(400))
            {
                Console.WriteLine("    miss " + m);
            }
        }
    }

    private static IReadOnlyList<CslItem>? Pandoc(string path)
    {
        try
        {
            var psi = new ProcessStartInfo("pandoc", ["-f", "bibtex", "-t", "csljson", path])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var p = Process.Start(psi);
            if (p is null)
            {
                return null;
            }

            string json = p.StandardOutput.ReadToEnd();
            p.WaitForExit(60_000);
            return p.ExitCode == 0 ? CslJson.Parse(json).Value : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
