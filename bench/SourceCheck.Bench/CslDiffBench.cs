using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SourceCheck.Csl;
using SourceCheck.Formatting;

namespace SourceCheck.Bench;

/// <summary>Differential bench against citeproc-js (bench/citeproc-oracle, <c>npm ci</c> there first): the official
/// independent styles (Debian's citation-style-language-styles, or <c>CSL_DIFF_STYLES</c>) × generated items × seeds ×
/// locales × output formats. Styles are split by a hash of their file name into a dev half (fixed against) and a
/// validation half (only scored); <c>CSL_DIFF_PART=dev|validation|all</c> (default dev), every <c>CSL_DIFF_EVERY</c>th
/// style of the part (default 10) starting at index <c>CSL_DIFF_OFFSET</c> (default 0), <c>CSL_DIFF_SEEDS</c> (default 1,2), <c>CSL_DIFF_ITEMS</c> per seed (default 40),
/// <c>CSL_DIFF_LANGS</c> (default en-US,de-DE), <c>CSL_DIFF_FORMATS</c> (default text,html), <c>CSL_DIFF_SHOW</c>, <c>CSL_DIFF_WORK</c> (a folder kept with the items and the last job)
/// examples per cause (default 3). Prints the identical-entry rate, styles in citeproc-js's order and differing
/// entries grouped by cause. Normalisation: entries are trimmed and every run of ASCII white space (spaces, tabs,
/// line breaks) becomes one space; HTML entries lose citeproc-js's <c>&lt;div class="csl-entry"&gt;</c> wrapper.
/// Nothing else (no case folding, no entity or quote mapping).</summary>
internal static class CslDiffBench
{
    private static readonly Regex Space = new(@"[ \t\r\n]+", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex Entry = new(@"^\s*<div class=""csl-entry"">(.*)</div>\s*$", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex Punct = new(@"[\p{P}\p{S}\s]+", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static void Run()
    {
        var catalog = new StyleCatalog();
        string? stylesDir = Environment.GetEnvironmentVariable("CSL_DIFF_STYLES") ?? catalog.OfficialStylesFolder;
        string? localesDir = Environment.GetEnvironmentVariable("CSL_DIFF_LOCALES") ?? catalog.OfficialLocalesFolder;
        string? oracle = RepoRoot() is { } root ? Path.Combine(root, "bench", "citeproc-oracle") : null;
        if (stylesDir is null || localesDir is null || oracle is null || !Directory.Exists(Path.Combine(oracle, "node_modules", "citeproc")))
        {
            Console.WriteLine("csl-diff: skipped (needs the official styles and locales: apt-get install citation-style-language-styles citation-style-language-locales; and citeproc-js: cd bench/citeproc-oracle && npm ci; and node)");
            return;
        }

        string part = Environment.GetEnvironmentVariable("CSL_DIFF_PART") ?? "dev";
        int every = Int("CSL_DIFF_EVERY", 10);
        int offset = Int("CSL_DIFF_OFFSET", 0) % every;
        int count = Int("CSL_DIFF_ITEMS", 40);
        int show = Int("CSL_DIFF_SHOW", 3);
        var seeds = (Environment.GetEnvironmentVariable("CSL_DIFF_SEEDS") ?? "1,2").Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var langs = (Environment.GetEnvironmentVariable("CSL_DIFF_LANGS") ?? "en-US,de-DE").Split(',');
        var formats = (Environment.GetEnvironmentVariable("CSL_DIFF_FORMATS") ?? "text,html").Split(',');
        var only = Environment.GetEnvironmentVariable("CSL_DIFF_ONLY");
        bool rare = Environment.GetEnvironmentVariable("CSL_DIFF_KIND") == "rare";

        var styles = Directory.EnumerateFiles(stylesDir, "*.csl").Order(StringComparer.Ordinal)
            .Where(p => part == "all" || IsValidation(p) == (part == "validation")).ToList();
        styles = [.. styles.Where((_, i) => i % every == offset)];
        if (only is not null)
        {
            styles = [.. styles.Where(p => Path.GetFileNameWithoutExtension(p) == only)];
        }

        Console.WriteLine($"csl-diff: part {part}, {styles.Count} independent styles (every {every}th from index {offset}), seeds {string.Join(",", seeds)}, {count} {(rare ? "rare-kind " : string.Empty)}items each, {string.Join(",", langs)}, {string.Join(",", formats)}");
        string? keep = Environment.GetEnvironmentVariable("CSL_DIFF_WORK");
        string work = keep ?? Path.Combine(Path.GetTempPath(), "sc-csl-diff-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        var parsed = styles.ToDictionary(p => p, p => Style.Parse(File.ReadAllText(p), p).Value);
        int entries = 0, same = 0, runs = 0, ordered = 0, failedOurs = 0, failedTheirs = 0;
        var perStyleBad = new Dictionary<string, int>(StringComparer.Ordinal);
        var causes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var notOrdered = new List<string>();
        var compared = new HashSet<string>(StringComparer.Ordinal);
        var sw = Stopwatch.StartNew();
        try
        {
            foreach (int seed in seeds)
            {
                var items = rare ? CslSampleItems.GenerateRare(count, seed) : CslSampleItems.Generate(count, seed);
                string itemsPath = Path.Combine(work, $"items-{seed}.json");
                File.WriteAllText(itemsPath, CslJson.Serialize(items));
                var reread = CslJson.Parse(File.ReadAllText(itemsPath)).Value!;
                foreach (string lang in langs)
                {
                    foreach (string format in formats)
                    {
                        var theirs = RunNode(oracle, work, styles, localesDir, itemsPath, lang, format);
                        foreach (var path in styles)
                        {
                            string name = Path.GetFileNameWithoutExtension(path);
                            var t = theirs[name];
                            if (t?["error"] is { } err)
                            {
                                failedTheirs++;
                                continue;
                            }

                            var style = parsed[path];
                            if (style is null)
                            {
                                failedOurs++;
                                continue;
                            }

                            var tIds = t!["ids"]!.AsArray().Select(x => x!.ToString()).ToList();
                            var tEntries = t["entries"]!.AsArray().Select(x => Normalise(x!.ToString(), format)).ToList();
                            if (tIds.Count != tEntries.Count)
                            {
                                // citeproc-js dropped entries without dropping their ids (seen: 40 ids, 21 entries):
                                // its entries cannot be paired with items, so the run is one citeproc-js failed.
                                failedTheirs++;
                                Add(causes, "citeproc-js ids and entries differ in number", $"{name} {lang} {format} seed {seed}: {tIds.Count} ids, {tEntries.Count} entries");
                                continue;
                            }

                            runs++;
                            compared.Add(name);
                            FormatResult ours;
                            try
                            {
                                var locale = style.ResolveLocale(lang, StyleCatalog.FolderLocales(localesDir));
                                ours = new CslProcessor(style, locale, reread).Process([], format == "html" ? OutputFormat.Html : OutputFormat.Text);
                            }
                            catch (Exception e) when (e is not OutOfMemoryException)
                            {
                                failedOurs++;
                                Add(causes, "exception", $"{name}: {e.GetType().Name}: {e.Message}");
                                continue;
                            }

                            var oursById = new Dictionary<string, string>(StringComparer.Ordinal);
                            var oIds = new List<string>();
                            for (int k = 0; k < ours.Bibliography.Count; k++)
                            {
                                if (ours.Bibliography[k].Length > 0)
                                {
                                    oIds.Add(ours.BibliographyIds[k]);
                                    oursById[ours.BibliographyIds[k]] = Normalise(ours.Bibliography[k], format);
                                }
                            }

                            if (oIds.SequenceEqual(tIds))
                            {
                                ordered++;
                            }
                            else
                            {
                                int at = 0;
                                while (at < Math.Min(oIds.Count, tIds.Count) && oIds[at] == tIds[at])
                                {
                                    at++;
                                }

                                string Head(string? e) => e is null ? "-" : e[..Math.Min(60, e.Length)];
                                notOrdered.Add($"{name} {lang} {format} seed {seed}, first at {at}:\n      citeproc-js: {Head(at < tIds.Count ? tEntries[Math.Min(at, tEntries.Count - 1)] : null)}\n      sourcecheck: {Head(at < oIds.Count ? oursById[oIds[at]] : null)}");
                            }

                            for (int k = 0; k < tIds.Count; k++)
                            {
                                entries++;
                                string want = k < tEntries.Count ? tEntries[k] : "(no entry)";
                                string got = oursById.GetValueOrDefault(tIds[k]) ?? "(no entry)";
                                if (got == want)
                                {
                                    same++;
                                    continue;
                                }

                                perStyleBad[name] = perStyleBad.GetValueOrDefault(name) + 1;
                                Add(causes, Cause(want, got), $"{name} {lang} {format} {tIds[k]}\n      citeproc-js: {want}\n      sourcecheck: {got}");
                            }

                            entries += oIds.Count(id => !tIds.Contains(id));
                        }
                    }
                }
            }
        }
        finally
        {
            if (keep is null)
            {
                Directory.Delete(work, true);
            }
        }

        Console.WriteLine($"csl-diff-entries: {same}/{entries} entries identical to citeproc-js ({100.0 * same / Math.Max(1, entries):F1} %), part {part}");
        Console.WriteLine($"csl-diff-order: {ordered}/{runs} style runs in citeproc-js's order ({100.0 * ordered / Math.Max(1, runs):F1} %)");
        int stylesClean = styles.Count(p => compared.Contains(Path.GetFileNameWithoutExtension(p)) && !perStyleBad.ContainsKey(Path.GetFileNameWithoutExtension(p)));
        Console.WriteLine($"csl-diff-styles: {stylesClean}/{styles.Count} styles with every entry identical (of {compared.Count} compared); failed runs: sourcecheck {failedOurs}, citeproc-js {failedTheirs}; {sw.Elapsed.TotalSeconds:F0} s");
        foreach (var (cause, list) in causes.OrderByDescending(c => c.Value.Count))
        {
            Console.WriteLine($"  cause {cause}: {list.Count}");
            foreach (var ex in list.Take(show))
            {
                Console.WriteLine($"    {ex}");
            }
        }

        Console.WriteLine($"  styles with most differing entries: {string.Join(", ", perStyleBad.OrderByDescending(p => p.Value).Take(15).Select(p => $"{p.Key} {p.Value}"))}");
        foreach (var n in notOrdered.Take(show * 3))
        {
            Console.WriteLine($"  order differs: {n}");
        }
    }

    /// <summary>Validation half: the low bit of the first SHA-256 byte of the file name.</summary>
    internal static bool IsValidation(string path) =>
        (SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFileNameWithoutExtension(path)))[0] & 1) == 1;

    private static string Normalise(string entry, string format)
    {
        if (format == "html" && Entry.Match(entry) is { Success: true } m)
        {
            entry = m.Groups[1].Value;
        }

        return Space.Replace(entry, " ").Trim();
    }

    /// <summary>A coarse class of a difference: the cheapest normalisation under which the two agree.</summary>
    private static string Cause(string want, string got)
    {
        if (got == "(no entry)")
        {
            return "missing entry";
        }

        if (Space.Replace(want, string.Empty) == Space.Replace(got, string.Empty))
        {
            return "spacing";
        }

        if (string.Equals(want, got, StringComparison.OrdinalIgnoreCase))
        {
            return "case";
        }

        if (Punct.Replace(want, string.Empty) == Punct.Replace(got, string.Empty))
        {
            return "punctuation";
        }

        if (string.Equals(Punct.Replace(want, string.Empty), Punct.Replace(got, string.Empty), StringComparison.OrdinalIgnoreCase))
        {
            return "case+punctuation";
        }

        var w = Punct.Split(want).Where(x => x.Length > 0).Order(StringComparer.Ordinal);
        var g = Punct.Split(got).Where(x => x.Length > 0).Order(StringComparer.Ordinal);
        return w.SequenceEqual(g) ? "word order" : "content";
    }

    private static void Add(Dictionary<string, List<string>> causes, string cause, string example)
    {
        if (!causes.TryGetValue(cause, out var list))
        {
            causes[cause] = list = [];
        }

        list.Add(example);
    }

    private static JsonObject RunNode(string oracle, string work, List<string> styles, string localesDir, string itemsPath, string lang, string format)
    {
        string job = Path.Combine(work, "job.json");
        var jobJson = new JsonObject
        {
            ["styles"] = new JsonArray([.. styles.Select(p => (JsonNode)new JsonObject { ["name"] = Path.GetFileNameWithoutExtension(p), ["path"] = p })]),
            ["localesDir"] = localesDir,
            ["itemsPath"] = itemsPath,
            ["lang"] = lang,
            ["format"] = format,
        };
        File.WriteAllText(job, jobJson.ToJsonString());
        var psi = new ProcessStartInfo("node", [Path.Combine(oracle, "render.js"), job]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return JsonNode.Parse(output)!.AsObject();
    }

    private static int Int(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    private static string? RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SourceCheck.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName;
    }
}
