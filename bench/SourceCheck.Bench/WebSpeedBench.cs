using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using SourceCheck.Documents.Web;

namespace SourceCheck.Bench;

/// <summary>Section "web-speed": reads every page of ../shared/webmeta/dev.jsonl once to warm up, then times
/// <see cref="PageReader.Read(ReadOnlySpan{byte}, string?, string?)"/> end to end (wall, process CPU, allocated bytes)
/// and, page by page, each phase of it (decode, parse, metadata by field, link count, body, lenient second pass,
/// JSON-LD body). Prints phase totals, the 10 slowest pages and pages/s, MB/s. WEB_SPEED_ROUNDS=n repeats the
/// end-to-end timing n times (default 2) and reports the best round; WEB_SPEED_PHASES=0 skips the phase table.</summary>
internal static class WebSpeedBench
{
    private static readonly string[] MetaFields = ["Site", "HtmlTitle", "Heading", "Title", "Authors", "Dates", "Canonical", "Language", "Doi", "Paywall"];

    public static void Run()
    {
        string? shared = WebBench.FindShared();
        if (shared is null)
        {
            Console.WriteLine("../shared/webmeta not found; skipped");
            return;
        }

        string[] only = (Environment.GetEnvironmentVariable("WEB_BENCH_SOURCES") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var pages = File.ReadLines(Path.Combine(shared, "dev.jsonl")).Where(l => l.Trim().Length > 0).Select(l => JsonNode.Parse(l)!.AsObject())
            .Where(r => only.Length == 0 || only.Contains((string?)r["source"]))
            .Select(r => (Id: (string)r["id"]!, Url: (string?)r["url"], Bytes: WebBench.Gunzip(Path.Combine(shared, (string)r["file"]!)))).ToList();
        long totalBytes = pages.Sum(p => (long)p.Bytes.Length);

        // Warm-up: every code path JIT-compiled, pattern caches filled.
        foreach (var p in pages)
        {
            _ = PageReader.Read(p.Bytes, p.Url);
        }

        int rounds = int.TryParse(Environment.GetEnvironmentVariable("WEB_SPEED_ROUNDS"), CultureInfo.InvariantCulture, out int r0) && r0 > 0 ? r0 : 2;
        double bestWall = double.MaxValue, bestCpu = double.MaxValue;
        long bestAlloc = long.MaxValue;
        for (int round = 0; round < rounds; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            long alloc0 = GC.GetTotalAllocatedBytes(true);
            var sw = Stopwatch.StartNew();
            foreach (var p in pages)
            {
                _ = PageReader.Read(p.Bytes, p.Url);
            }

            sw.Stop();
            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
            long alloc = GC.GetTotalAllocatedBytes(true) - alloc0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round + 1}: {pages.Count} pages, {totalBytes / 1e6:F1} MB html, wall {sw.Elapsed.TotalSeconds:F2} s ({pages.Count / sw.Elapsed.TotalSeconds:F1} pages/s, {totalBytes / 1e6 / sw.Elapsed.TotalSeconds:F1} MB/s), CPU {cpu:F2} s ({pages.Count / cpu:F1} pages/s CPU), allocated {alloc / 1e9:F2} GB"));
            bestWall = Math.Min(bestWall, sw.Elapsed.TotalSeconds);
            bestCpu = Math.Min(bestCpu, cpu);
            bestAlloc = Math.Min(bestAlloc, alloc);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"best: wall {bestWall:F2} s = {pages.Count / bestWall:F1} pages/s, {totalBytes / 1e6 / bestWall:F1} MB/s; CPU {bestCpu:F2} s = {pages.Count / bestCpu:F1} pages/s; allocated {bestAlloc / 1e9:F2} GB ({bestAlloc / (double)totalBytes:F1} bytes per HTML byte)"));

        if (Environment.GetEnvironmentVariable("WEB_SPEED_PHASES") != "0")
        {
            Phases(pages);
        }
    }

    /// <summary>Times the phases of one read, page by page, with the thread CPU clock (the phases repeat the steps
    /// of PageReader.Read; metadata fields are timed on a second reader over the same document).</summary>
    private static void Phases(List<(string Id, string? Url, byte[] Bytes)> pages)
    {
        var readerType = typeof(PageReader).Assembly.GetType("SourceCheck.Documents.Web.PageMetadataReader", throwOnError: true)!;
        var ctor = readerType.GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance).Single();
        var methods = MetaFields.ToDictionary(f => f, f => readerType.GetMethod(f, BindingFlags.NonPublic | BindingFlags.Instance));
        var totals = new Dictionary<string, double>();
        var perPage = new List<(string Id, int Size, double Ms)>();
        void Add(string phase, double ms) => totals[phase] = totals.GetValueOrDefault(phase) + ms;

        foreach (var (id, url, bytes) in pages)
        {
            double start = ThreadCpu.NowMs();
            double t = start;
            double Lap()
            {
                double now = ThreadCpu.NowMs();
                double d = now - t;
                t = now;
                return d;
            }

            var (text, _) = HtmlDecoder.Decode(bytes);
            Add("decode", Lap());
            string html = text.Length > PageReader.MaxChars ? text[..PageReader.MaxChars] : text;
            int cut = HtmlInput.DepthCut(html);
            if (cut >= 0)
            {
                html = html[..cut];
            }

            Add("depth-cut", Lap());
            var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false, IsKeepingSourceReferences = false });
            using var doc = parser.ParseDocument(html);
            Add("parse", Lap());
            var reader = ctor.Invoke([doc, url]);
            Add("meta:ctor (meta tags, JSON-LD)", Lap());
            string? site = null;
            string? htmlTitle = null;
            string? h1 = null;
            foreach (var f in MetaFields)
            {
                var m = methods[f];
                object? result = f switch
                {
                    "HtmlTitle" => doc.QuerySelector("head title")?.TextContent is { } ht ? WebText.Clean(ht) : null,
                    "Heading" => m!.Invoke(reader, [site]),
                    "Title" => m!.Invoke(reader, [htmlTitle, h1, site, new List<Sourced<string>>()]),
                    "Authors" => m!.Invoke(reader, [site]),
                    _ when m is null => null,
                    _ when m.GetParameters().Length == 0 => m.Invoke(reader, null),
                    _ => null,
                };
                if (f == "Site")
                {
                    site = (result as Sourced<string>)?.Value;
                }
                else if (f == "HtmlTitle")
                {
                    htmlTitle = result as string;
                }
                else if (f == "Heading")
                {
                    h1 = result as string;
                }

                Add("meta:" + f, Lap());
            }

            // The real read: full metadata (Build) as PageReader does, then the body.
            var (meta, ldBody) = PageMetadataReader.Read(doc, url);
            Add("meta:Read (all, as used)", Lap());
            _ = doc.QuerySelectorAll("a[href]").Length;
            Add("link count", Lap());
            string body = BodyExtractor.Extract(doc, meta.Title?.Value);
            Add("body", Lap());
            if (body.Length < 500)
            {
                using var again = parser.ParseDocument(html);
                _ = BodyExtractor.Extract(again, meta.Title?.Value, lenient: true);
                Add("body lenient (parse + extract)", Lap());
            }

            if (!string.IsNullOrWhiteSpace(ldBody))
            {
                _ = WebText.Clean(ldBody);
                Add("json-ld body clean", Lap());
            }

            perPage.Add((id, bytes.Length, ThreadCpu.NowMs() - start));
        }

        double sum = totals.Where(kv => !kv.Key.StartsWith("meta:", StringComparison.Ordinal) || kv.Key.StartsWith("meta:Read", StringComparison.Ordinal)).Sum(kv => kv.Value);
        Console.WriteLine("### phases (thread CPU ms, summed over pages; meta:<field> rows are a separate breakdown of meta:Read)");
        foreach (var (phase, ms) in totals)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {phase,-34} {ms,9:F0} ms  {(phase.StartsWith("meta:", StringComparison.Ordinal) && !phase.StartsWith("meta:Read", StringComparison.Ordinal) ? "" : $"{100 * ms / sum,5:F1} %")}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"total (without breakdown)",-34} {sum,9:F0} ms"));
        Console.WriteLine("### 10 slowest pages (thread CPU ms incl. breakdown, HTML bytes)");
        foreach (var (id, size, ms) in perPage.OrderByDescending(p => p.Ms).Take(10))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {id,-40} {ms,8:F0} ms  {size,10:N0} B"));
        }
    }
}
