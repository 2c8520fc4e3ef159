using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SourceCheck.Documents.Web;

namespace SourceCheck.Bench;

/// <summary>Section "web": reads every page of ../shared/webmeta/dev.jsonl (metadata + body), prints pages per
/// second, writes predictions JSONL and, when python3 is available, the score.py figures for all of dev and for
/// the project's own validation split (ids whose hash falls in the last fifth), which is never used for tuning.</summary>
internal static class WebBench
{
    public static void Run()
    {
        string? shared = FindShared();
        if (shared is null)
        {
            Console.WriteLine("../shared/webmeta not found; skipped");
            return;
        }

        string gold = Path.Combine(shared, "dev.jsonl");
        string outDir = Environment.GetEnvironmentVariable("WEB_BENCH_OUT") ?? Path.Combine(Path.GetTempPath(), "sourcecheck-web-bench");
        Directory.CreateDirectory(outDir);
        string preds = Path.Combine(outDir, "preds.jsonl");
        // WEB_BENCH_SOURCES=fundus,trafilatura reads only those sources (faster iteration); the scores then cover only them.
        string[] only = (Environment.GetEnvironmentVariable("WEB_BENCH_SOURCES") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var rows = File.ReadLines(gold).Where(l => l.Trim().Length > 0).Select(l => JsonNode.Parse(l)!.AsObject())
            .Where(r => only.Length == 0 || only.Contains((string?)r["source"])).ToList();
        var pages = rows.Select(r => (Row: r, Bytes: Gunzip(Path.Combine(shared, (string)r["file"]!)))).ToList();
        long totalBytes = pages.Sum(p => (long)p.Bytes.Length);

        var sw = Stopwatch.StartNew();
        var sb = new StringBuilder();
        foreach (var (row, bytes) in pages)
        {
            var page = PageReader.Read(bytes, (string?)row["url"]);
            sb.Append(Prediction((string)row["id"]!, page).ToJsonString()).Append('\n');
        }

        sw.Stop();
        File.WriteAllText(preds, sb.ToString(), new UTF8Encoding(false));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pages: {pages.Count}, {totalBytes / 1e6:F1} MB html, {sw.Elapsed.TotalSeconds:F2} s, {pages.Count / sw.Elapsed.TotalSeconds:F0} pages/s, {totalBytes / 1e6 / sw.Elapsed.TotalSeconds:F1} MB/s"));
        Console.WriteLine($"predictions: {preds}");

        // Own validation split: ids whose stable hash % 5 == 4.
        string valGold = Path.Combine(outDir, "validation-gold.jsonl");
        File.WriteAllLines(valGold, File.ReadLines(gold).Where(l => l.Trim().Length > 0 && IsValidation((string)JsonNode.Parse(l)!["id"]!)));
        // score.py resolves nothing relative for scoring, so a copy of gold rows elsewhere is fine.
        Score(shared, gold, preds, "dev (all)");
        Score(shared, valGold, preds, "validation split (hash % 5 == 4)");
    }

    internal static bool IsValidation(string id)
    {
        uint h = 2166136261;
        foreach (char c in id)
        {
            h = (h ^ c) * 16777619;
        }

        return h % 5 == 4;
    }

    internal static JsonObject Prediction(string id, WebPage page)
    {
        var m = page.Metadata;
        return new JsonObject
        {
            ["id"] = id,
            ["title"] = m.Title?.Value,
            ["authors"] = new JsonArray(m.Authors.Select(a => (JsonNode)JsonValue.Create(a.Value)!).ToArray()),
            ["date"] = m.Published?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["site"] = m.Site?.Value,
            ["lang"] = m.Language?.Value,
            ["url"] = m.CanonicalUrl?.Value,
            ["body"] = page.Body,
            ["paywall"] = m.Paywall?.Value.Paywalled ?? false,
            ["title_candidates"] = new JsonArray(m.TitleCandidates.Select(c => (JsonNode)new JsonObject { ["source"] = c.Source, ["value"] = c.Value }).ToArray()),
        };
    }

    private static void Score(string shared, string gold, string preds, string label)
    {
        Console.WriteLine($"### score.py {label}");
        try
        {
            var psi = new ProcessStartInfo("python3")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { Path.Combine(shared, "score.py"), "--gold", gold, "--pred", preds, "--by-source" })
            {
                psi.ArgumentList.Add(a);
            }

            using var p = Process.Start(psi)!;
            string output = p.StandardOutput.ReadToEnd();
            p.WaitForExit(120_000);
            Console.Write(output);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Console.WriteLine($"python3 not available: {ex.Message}");
        }
    }

    internal static byte[] Gunzip(string path)
    {
        using var file = File.OpenRead(path);
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            using var ms0 = new MemoryStream();
            file.CopyTo(ms0);
            return ms0.ToArray();
        }

        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }

    internal static string? FindShared()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            string candidate = Path.Combine(dir.FullName, "..", "shared", "webmeta");
            if (File.Exists(Path.Combine(dir.FullName, "SourceCheck.sln")) && Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }

            dir = dir.Parent;
        }

        return null;
    }

    internal static JsonSerializerOptions Json { get; } = new() { WriteIndented = false };
}
