using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SourceCheck.Documents.Web;

namespace SourceCheck.Bench;

/// <summary>Section "web": reads every page of ../shared/webmeta/dev.jsonl (metadata + body), prints pages per
/// second, writes predictions JSONL and, when python3 is available, the score.py figures for all of dev and a 5-fold
/// view (each fifth of the ids by hash as held-out validation; per fold, mean and minimum per field).</summary>
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

        // WEB_BENCH_GOLD=/path/split.jsonl reads and scores another split in the same format (page files relative to its
        // folder), e.g. a held-out one.
        string gold = Environment.GetEnvironmentVariable("WEB_BENCH_GOLD") is { Length: > 0 } other ? Path.GetFullPath(other) : Path.Combine(shared, "dev.jsonl");
        string pageRoot = Path.GetDirectoryName(gold)!;
        string outDir = Environment.GetEnvironmentVariable("WEB_BENCH_OUT") ?? Path.Combine(Path.GetTempPath(), "sourcecheck-web-bench");
        Directory.CreateDirectory(outDir);
        string preds = Path.Combine(outDir, "preds.jsonl");
        // WEB_BENCH_SOURCES=fundus,trafilatura reads only those sources (faster iteration); the scores then cover only them.
        string[] only = (Environment.GetEnvironmentVariable("WEB_BENCH_SOURCES") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var rows = File.ReadLines(gold).Where(l => l.Trim().Length > 0).Select(l => JsonNode.Parse(l)!.AsObject())
            .Where(r => only.Length == 0 || only.Contains((string?)r["source"])).ToList();
        var pages = rows.Select(r => (Row: r, Bytes: Gunzip(Path.Combine(pageRoot, (string)r["file"]!)))).ToList();
        long totalBytes = pages.Sum(p => (long)p.Bytes.Length);

        var sw = Stopwatch.StartNew();
        var sb = new StringBuilder();
        // WEB_TITLE_CV=1 also cross-validates title choices among the recorded candidates (WebTitleCv).
        bool titleCv = Environment.GetEnvironmentVariable("WEB_TITLE_CV") == "1";
        var titleRows = new List<WebTitleCv.Row>();
        foreach (var (row, bytes) in pages)
        {
            var page = PageReader.Read(bytes, (string?)row["url"]);
            sb.Append(Prediction((string)row["id"]!, page).ToJsonString()).Append('\n');
            if (titleCv && (string?)row["title"] is { } goldTitle)
            {
                titleRows.Add(WebTitleCv.Build(Fold((string)row["id"]!), goldTitle, page, bytes));
            }
        }

        sw.Stop();
        File.WriteAllText(preds, sb.ToString(), new UTF8Encoding(false));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pages: {pages.Count}, {totalBytes / 1e6:F1} MB html, {sw.Elapsed.TotalSeconds:F2} s, {pages.Count / sw.Elapsed.TotalSeconds:F0} pages/s, {totalBytes / 1e6 / sw.Elapsed.TotalSeconds:F1} MB/s"));
        Console.WriteLine($"predictions: {preds}");
        if (titleCv)
        {
            WebTitleCv.Run(titleRows, Folds);
        }

        // 5-fold view: fold k holds the ids whose stable hash % 5 == k. Every fold serves once as held-out validation,
        // and a change is judged by the mean and the minimum over the five folds, never by the dev total alone.
        Score(shared, gold, preds, Path.GetFileName(gold) + " (all)", null);
        var folds = new List<JsonObject>();
        for (int k = 0; k < Folds; k++)
        {
            string foldGold = Path.Combine(outDir, string.Create(CultureInfo.InvariantCulture, $"fold{k}-gold.jsonl"));
            File.WriteAllLines(foldGold, File.ReadLines(gold).Where(l => l.Trim().Length > 0 && Fold((string)JsonNode.Parse(l)!["id"]!) == k));
            string foldJson = Path.Combine(outDir, string.Create(CultureInfo.InvariantCulture, $"fold{k}-score.json"));
            if (!Score(shared, foldGold, preds, null, foldJson) || !File.Exists(foldJson))
            {
                return;
            }

            folds.Add(JsonNode.Parse(File.ReadAllText(foldJson))!["overall"]!.AsObject());
        }

        PrintFolds(folds);
    }

    private const int Folds = 5;

    private static readonly string[] FoldFields = ["title", "authors", "date", "site", "body"];

    /// <summary>Prints one line per field: the score and n on each fold, then the mean and the minimum over the folds.</summary>
    private static void PrintFolds(List<JsonObject> folds)
    {
        Console.WriteLine("### 5-fold view (fold k = ids with FNV-1a hash % 5 == k; fold 4 is the old validation split)");
        var header = new StringBuilder("  field   ");
        for (int k = 0; k < folds.Count; k++)
        {
            header.Append(CultureInfo.InvariantCulture, $"   fold{k}   (n)");
        }

        Console.WriteLine(header.Append("    mean    min").ToString());
        foreach (string field in FoldFields)
        {
            var line = new StringBuilder().Append(CultureInfo.InvariantCulture, $"  {field,-8}");
            var scores = new List<double>();
            foreach (var fold in folds)
            {
                if (fold[field] is JsonObject r)
                {
                    double score = (double)r["score"]!;
                    scores.Add(score);
                    line.Append(CultureInfo.InvariantCulture, $"  {score,6:F3} ({(int)r["n"]!,3})");
                }
                else
                {
                    line.Append("       -      ");
                }
            }

            if (scores.Count > 0)
            {
                line.Append(CultureInfo.InvariantCulture, $"   {scores.Average():F3}  {scores.Min():F3}");
            }

            Console.WriteLine(line.ToString());
        }
    }

    /// <summary>The fold (0-4) of a row id: FNV-1a 32-bit hash of its UTF-16 code units, modulo 5.</summary>
    internal static int Fold(string id)
    {
        uint h = 2166136261;
        foreach (char c in id)
        {
            h = (h ^ c) * 16777619;
        }

        return (int)(h % Folds);
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
            ["sources"] = new JsonObject
            {
                ["title"] = m.Title?.Source,
                ["authors"] = m.Authors.Length > 0 ? m.Authors[0].Source : null,
                ["date"] = m.Published?.Source,
                ["site"] = m.Site?.Source,
            },
            ["title_candidates"] = new JsonArray(m.TitleCandidates.Select(c => (JsonNode)new JsonObject { ["source"] = c.Source, ["value"] = c.Value }).ToArray()),
        };
    }

    /// <summary>Runs score.py on one gold file; prints its tables when a label is given, writes its JSON when asked.
    /// False when python3 is not available.</summary>
    private static bool Score(string shared, string gold, string preds, string? label, string? json)
    {
        if (label is not null)
        {
            Console.WriteLine($"### score.py {label}");
        }

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

            if (json is not null)
            {
                psi.ArgumentList.Add("--json");
                psi.ArgumentList.Add(json);
            }

            using var p = Process.Start(psi)!;
            string output = p.StandardOutput.ReadToEnd();
            p.WaitForExit(120_000);
            if (label is not null)
            {
                Console.Write(output);
            }

            return true;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Console.WriteLine($"python3 not available: {ex.Message}");
            return false;
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
