using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SourceCheck.Claims;
using SourceCheck.Csl;
using SourceCheck.Documents;
using SourceCheck.Documents.Web;
using SourceCheck.References;

namespace SourceCheck.Bench;

/// <summary><c>bench -- memory [--sizes 1,4,16] [--only NAME,…] [--timeout S]</c>: peak memory of whole processes.
/// Each reader and command runs as its own <c>sourcecheck</c> process on a generated input of each size (MB, realistic
/// content: the repository's sample files repeated with fresh keys) under <c>/usr/bin/time</c>; the figure is the
/// process's maximum resident set (start-up included, about 40 MB). Prints per case the wall time, the CPU time (user +
/// system: on a loaded machine the figure that shows the work) and peak, and per reader the worst times, worst peak, the
/// peak per input byte at the largest size and the slopes of log CPU time and log peak against log size (1 = linear).
/// Besides the realistic inputs each command gets its worst kinds (one long line, one paragraph of quotations, many names,
/// wide HTML, the same article compared with itself). The command is <c>SOURCECHECK_BIN</c>, else the Release build of the CLI.</summary>
internal static class MemoryBench
{
    public static double[] SizesMb { get; set; } = [1, 4, 16];

    public static HashSet<string>? Only { get; set; }

    public static int TimeoutSeconds { get; set; } = 900;

    private sealed record Case(string Name, string Extension, string[] Args, Func<int, string> Make);

    public static void Run()
    {
        string root = FindRoot();
        string? bin = FindCli(root);
        if (bin is null || !File.Exists("/usr/bin/time"))
        {
            Console.WriteLine("memory: skipped (needs /usr/bin/time and a Release build of src/SourceCheck.Cli or SOURCECHECK_BIN)");
            return;
        }

        string dir = Directory.CreateTempSubdirectory("sourcecheck-memory-").FullName;
        try
        {
            Console.WriteLine($"memory: {bin}; sizes {string.Join(", ", SizesMb.Select(s => s.ToString(CultureInfo.InvariantCulture)))} MB; load {LoadAverage()}");
            Console.WriteLine($"{"reader",-16} {"MB",6} {"exit",4} {"wall s",8} {"cpu s",8} {"peak MB",8} {"peak/input",10}");
            foreach (var c in Cases(root))
            {
                if (Only is not null && !Only.Contains(c.Name))
                {
                    continue;
                }

                var points = new List<(double Bytes, double Seconds, double Cpu, double PeakMb)>();
                foreach (double mb in SizesMb)
                {
                    int bytes = (int)(mb * 1024 * 1024) - 64;
                    string input = Path.Combine(dir, c.Name + c.Extension);
                    File.WriteAllText(input, c.Make(bytes));
                    long size = new FileInfo(input).Length;
                    var (exit, seconds, cpu, peakKb) = Measure(bin, [.. c.Args.Select(a => a == "{in}" ? input : a)], dir);
                    double peakMb = peakKb / 1024.0;
                    points.Add((size, seconds, cpu, peakMb));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{c.Name,-16} {size / 1048576.0,6:0.0} {(exit < 0 ? "kill" : exit.ToString(CultureInfo.InvariantCulture)),4} {seconds,8:0.00} {cpu,8:0.00} {peakMb,8:0} {peakMb * 1048576.0 / size,9:0.0}x  load {LoadAverage()}"));
                    File.Delete(input);
                    if (exit < 0)
                    {
                        break; // over the time limit: larger sizes would be too
                    }
                }

                var last = points[^1];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"memory {c.Name}: cases {points.Count}, worst {points.Max(p => p.Seconds):0.00} s wall / {points.Max(p => p.Cpu):0.00} s CPU, worst peak {points.Max(p => p.PeakMb):0} MB ({last.PeakMb * 1048576.0 / last.Bytes:0.0}x input at {last.Bytes / 1048576.0:0.0} MB), slope CPU time {Slope(points.Select(p => (p.Bytes, p.Cpu))):0.00}, slope peak {Slope(points.Select(p => (p.Bytes, p.PeakMb))):0.00}"));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary><c>bench -- memory-stages [--sizes 4]</c>: where the memory goes, in one process: per reader and stage the
    /// bytes allocated and the bytes still live after it (full collection), for the first of the sizes.</summary>
    public static void Stages()
    {
        string root = FindRoot();
        var cases = Cases(root).ToDictionary(c => c.Name);
        cases["check-parts"] = cases["check"];
        cases["compare-parts"] = new("compare-parts", ".txt", [], ListAttribution);
        int bytes = (int)(SizesMb[0] * 1024 * 1024) - 64;
        Console.WriteLine($"{"reader",-10} {"stage",-22} {"alloc MB",9} {"live MB",8} {"x input",8}");
        foreach (var (name, stages) in StagePlans())
        {
            if (Only is not null && !Only.Contains(name))
            {
                continue;
            }

            string input = cases[name].Make(bytes);
            object? value = input;
            GC.Collect();
            long baseline = GC.GetTotalMemory(true);
            foreach (var (stage, run) in stages)
            {
                long before = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                value = run(value);
                watch.Stop();
                long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
                long live = GC.GetTotalMemory(true) - baseline;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-10} {stage,-22} {allocated / 1048576.0,9:0.0} {live / 1048576.0,8:0.0} {allocated / (double)input.Length,7:0.0}x {watch.Elapsed.TotalSeconds,7:0.00} s"));
            }

            GC.KeepAlive(value);
        }
    }

    private static IEnumerable<(string Name, (string Stage, Func<object?, object?> Run)[] Stages)> StagePlans()
    {
        yield return ("claims", [
            ("decode+check", t => Text.TextFile.Decode(Encoding.UTF8.GetBytes((string)t!))),
            ("ArticleReader.ReadFile", t => ArticleReader.ReadFile((string)t!, "a").Article),
            ("ClaimExtractor.Extract", a => (a, ClaimExtractor.Extract((Article)a!, "a"))),
        ]);
        yield return ("check-parts", [
            ("ArticleReader.ReadFile", t => ArticleReader.ReadFile((string)t!, "a").Article),
            ("ClaimExtractor.Extract", a => ClaimExtractor.Extract((Article)a!, "a")),
            ("ClaimMatcher.Match", c => Claims.Matching.ClaimMatcher.Match((IReadOnlyList<Claim>)c!)),
        ]);
        yield return ("check", [
            ("Checker.Check", t => new Checker(new CheckerOptions()).Check([new Checking.CheckInput("a.txt", (string)t!)])),
            ("render json", r => Reports.CheckReportRenderer.Render((Reports.CheckReport)r!, Reports.ReportFormat.Json)),
        ]);
        // compare of a text with itself (the campaign's list-attribution shape): what the match keeps per claim
        yield return ("compare-parts", [
            ("extract both", t => Enumerable.Range(0, 2).SelectMany(d => ClaimExtractor.Extract(ArticleReader.ReadFile((string)t!, "d" + d).Article, "d" + d)).ToList()),
            ("analyse every claim", c => ((List<Claim>)c!, ((List<Claim>)c!).Select(x => Claims.Matching.AnalyzedText.Analyze(x.Text,
                Claims.Matching.ClaimMatcher.NormalizeLanguage(x.Language, x.Text), Claims.Matching.BilingualLexicon.Default)).ToArray())),
            ("drop the analyses", v => (((List<Claim>, Claims.Matching.AnalyzedText[]))v!).Item1),
            ("ClaimMatcher.Match", c => ((List<Claim>)c!, Claims.Matching.ClaimMatcher.Match((List<Claim>)c!))),
        ]);
        yield return ("page", [("PageReader.Read", t => PageReader.Read((string)t!, "https://example.org/a"))]);
        yield return ("html", [("ReferenceReader html", t => ReferenceReader.Read((string)t!, InputFormat.Html, "a"))]);
        yield return ("text", [("ReferenceReader text", t => ReferenceReader.Read((string)t!, InputFormat.Text, "a"))]);
        yield return ("bibtex", [("ReferenceReader bibtex", t => ReferenceReader.Read((string)t!, InputFormat.BibTex, "a.bib"))]);
        yield return ("ris", [("ReferenceReader ris", t => ReferenceReader.Read((string)t!, InputFormat.Ris, "a.ris"))]);
        yield return ("csl-json", [("CslJson.Parse", t => CslJson.Parse((string)t!, "a").Value), ("CslYaml.Serialize", i => CslYaml.Serialize((IReadOnlyList<CslItem>)i!))]);
        yield return ("yaml", [("CslYaml.Parse", t => CslYaml.Parse((string)t!, "a").Value), ("CslJson.Serialize", i => CslJson.Serialize((IReadOnlyList<CslItem>)i!))]);
    }

    /// <summary>A bulleted list of attributions, each line a new speaker and outlet (the campaign's t10-list-attrib shape).</summary>
    private static string ListAttribution(int bytes)
    {
        string[] names = ["Anna Schulz", "Ben Carter", "Eva Müller", "Ivo Petrović", "Jane O'Neil"];
        string[] words = "die Regierung plant neue Regeln für den Markt und die Preise stiegen im Jahr deutlich an weil Kosten".Split(' ');
        var sb = new StringBuilder(bytes + 256);
        for (int i = 0; sb.Length < bytes; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"- {names[i % names.Length]} ({i % 80} Jahre) sagte der Zeitung Nr. {i}: „");
            for (int k = 0; k < 8; k++)
            {
                sb.Append(k == 0 ? "Die" : words[((i * 7) + (k * 3)) % words.Length]).Append(k < 7 ? " " : ".“\n");
            }
        }

        return sb.ToString();
    }

    private static IEnumerable<Case> Cases(string root)
    {
        string Fx(string name) => File.ReadAllText(Path.Combine(root, "fixtures", name));
        string bib = Fx("sample.bib"), ris = Fx("sample.ris"), article = Fx("sample-article.txt");
        var entry = new Regex(@"@(article|book|incollection|inproceedings|misc|online|report|thesis|techreport|phdthesis)\s*\{\s*([^,\s]+)\s*,", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(5));
        string[] referenceLines = [.. article[(article.IndexOf("Bibliography:", StringComparison.Ordinal) + 13)..].Split(" - ", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).Where(l => l.Length > 20)];
        string paragraphs = string.Concat(article.Split('\n').Where(l => l.Length > 80 && !l.Contains("Bibliography:", StringComparison.Ordinal)).Select(l => l + "\n\n"));

        string Fill(int bytes, Func<int, string> part, string head = "", string tail = "")
        {
            var sb = new StringBuilder(head, bytes + 4096);
            for (int i = 0; sb.Length + tail.Length < bytes; i++)
            {
                sb.Append(part(i));
            }

            return sb.Append(tail).ToString();
        }

        string Items(int bytes, Func<IReadOnlyList<CslItem>, string> write)
        {
            // about 500 bytes of CSL-JSON an item
            int n = Math.Max(1, bytes / 520);
            string text = write(CslSampleItems.Generate(n, 15));
            for (int round = 0; round < 3 && (text.Length > bytes || text.Length < bytes * 0.9) && n > 1; round++)
            {
                n = Math.Max(1, (int)(n * 0.97 * bytes / text.Length));
                text = write(CslSampleItems.Generate(n, 15));
            }

            return text;
        }

        yield return new("text", ".txt", ["parse", "{in}", "--from", "text", "-o", "{out}"],
            n => Fill(n, i => referenceLines[i % referenceLines.Length] + "\n", "References\n\n"));
        yield return new("html", ".html", ["parse", "{in}", "--from", "html", "-o", "{out}"],
            n => Fill(n / 2, i => $"<p>{paragraphs.Split("\n\n")[i % 3]}</p>\n", "<html><head><title>T</title></head><body><article>\n")
                + Fill(n / 2, i => $"<li>{referenceLines[i % referenceLines.Length]}</li>\n", "<h2>References</h2><ol>\n", "</ol></article></body></html>\n"));
        yield return new("bibtex", ".bib", ["parse", "{in}", "-o", "{out}"],
            n => Fill(n, i => entry.Replace(bib, m => $"@{m.Groups[1].Value}{{{m.Groups[2].Value}{i},") + "\n"));
        yield return new("ris", ".ris", ["parse", "{in}", "-o", "{out}"], n => Fill(n, _ => ris + "\n"));
        yield return new("csl-json", ".json", ["parse", "{in}", "--to", "yaml", "-o", "{out}"], n => Items(n, CslJson.Serialize));
        yield return new("yaml", ".yaml", ["parse", "{in}", "-o", "{out}"], n => Items(n, CslYaml.Serialize));
        yield return new("format", ".json", ["format", "{in}", "--style", "apa", "-o", "{out}"], n => Items(n, CslJson.Serialize));
        yield return new("page", ".html", ["page", "{in}", "--to", "json", "-o", "{out}"],
            n => Fill(n, i => $"<p>{paragraphs.Split("\n\n")[i % 3]}</p>\n", "<html><head><title>Night ferry</title></head><body><article><h1>Night ferry</h1>\n", "</article></body></html>\n"));
        yield return new("claims", ".txt", ["claims", "{in}", "--to", "json", "-o", "{out}"], n => Fill(n, i => paragraphs, "Harbour city votes to keep its night ferries\n\n"));
        yield return new("check", ".txt", ["check", "{in}", "--no-store", "--to", "json", "-o", "{out}"], n => Fill(n, i => paragraphs, "Harbour city votes to keep its night ferries\n\n"));

        // the worst kinds found in session 8 (issue 15): each command on the input shape that costs it most
        string[] names = ["Anna Meier", "Peter Schulz", "Laura Brennan", "Omar Haddad", "Maria Rossi", "Chen Wang", "Sarah Miller"];
        yield return new("claims-one-line", ".txt", ["claims", "{in}", "--to", "json", "-o", "{out}"],
            n => Fill(n, i => $"The minister said costs rose by {i % 97} percent, ", "Harbour city votes\n\n"));
        yield return new("claims-quotes", ".txt", ["claims", "{in}", "--to", "json", "-o", "{out}"],
            n => Fill(n, i => $"„Wir müssen sparen“, sagte {names[i % names.Length]}. \"We must cut {i % 500} jobs,\" said {names[(i + 3) % names.Length]}. ", "Zitate\n\n"));
        yield return new("claims-names", ".txt", ["claims", "{in}", "--to", "json", "-o", "{out}"],
            n => Fill(n, i => $"{names[i % names.Length]}, {names[(i + 2) % names.Length]} und {names[(i + 5) % names.Length]} sagten, die Kosten stiegen. " + (i % 20 == 19 ? "\n\n" : string.Empty), "Namen\n\n"));
        yield return new("check-html", ".html", ["check", "{in}", "--no-store", "--to", "json", "-o", "{out}"],
            n => Fill(n, i => $"<p>{names[i % names.Length]} said costs rose by {i % 90} percent.</p>\n", "<html><head><title>T</title></head><body><article><h1>T</h1>\n", "</article></body></html>\n"));
        yield return new("compare-self", ".txt", ["compare", "{in}", "{in}", "--to", "json", "-o", "{out}"],
            n => Fill(n / 2, i => paragraphs, "Harbour city votes to keep its night ferries\n\n"));
        yield return new("similarity", ".jsonl", ["similarity", "--pairs", "{in}", "-o", "{out}"],
            n => Fill(n, i => $"{{\"id\":\"{i}\",\"a\":\"Die Kosten stiegen um {i % 90} Prozent.\",\"b\":\"Costs rose by {i % 90} percent.\"}}\n"));
        yield return new("similarity-line", ".jsonl", ["similarity", "--pairs", "{in}", "-o", "{out}"],
            n => "{\"id\":\"1\",\"a\":\"" + Fill(n / 2, _ => "council spent money ") + "\",\"b\":\"" + Fill(n / 2, _ => "der Rat gab Geld aus ") + "\"}\n");
    }

    private static (int Exit, double Seconds, double Cpu, long PeakKb) Measure(string bin, string[] args, string dir)
    {
        string timeFile = Path.Combine(dir, "time.txt");
        string output = Path.Combine(dir, "out.txt");
        var psi = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in (string[])["-f", "%e %M %U %S", "-o", timeFile])
        {
            psi.ArgumentList.Add(a);
        }

        if (bin.EndsWith(".dll", StringComparison.Ordinal))
        {
            psi.ArgumentList.Add("dotnet");
        }

        psi.ArgumentList.Add(bin);
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a == "{out}" ? output : a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeoutSeconds * 1000))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            return (-1, TimeoutSeconds, double.NaN, 0);
        }

        _ = stdout.Result;
        string err = stderr.Result;
        if (p.ExitCode is not (0 or 1))
        {
            Console.WriteLine($"  exit {p.ExitCode}: {err.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.Ordinal))}");
        }

        File.Delete(output);
        string[] parts = File.ReadAllText(timeFile).Trim().Split('\n')[^1].Split(' ');
        return (p.ExitCode, double.Parse(parts[0], CultureInfo.InvariantCulture),
            double.Parse(parts[2], CultureInfo.InvariantCulture) + double.Parse(parts[3], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>Slope of log(y) against log(x) (1 = proportional).</summary>
    private static double Slope(IEnumerable<(double X, double Y)> values)
    {
        var points = values.Where(p => p.X > 0 && p.Y > 0).Select(p => (X: Math.Log(p.X), Y: Math.Log(p.Y))).ToList();
        if (points.Count < 2)
        {
            return double.NaN;
        }

        double mx = points.Average(p => p.X), my = points.Average(p => p.Y);
        double sxx = points.Sum(p => (p.X - mx) * (p.X - mx));
        return sxx == 0 ? double.NaN : points.Sum(p => (p.X - mx) * (p.Y - my)) / sxx;
    }

    private static string? FindCli(string root)
    {
        string? env = Environment.GetEnvironmentVariable("SOURCECHECK_BIN");
        if (!string.IsNullOrEmpty(env))
        {
            return env;
        }

        string dll = Path.Combine(root, "src", "SourceCheck.Cli", "bin", "Release", "net10.0", "SourceCheck.Cli.dll");
        return File.Exists(dll) ? dll : null;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SourceCheck.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Environment.CurrentDirectory;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
