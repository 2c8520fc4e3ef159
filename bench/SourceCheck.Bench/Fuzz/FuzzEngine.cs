using System.Diagnostics;
using System.Text;
using System.Text.Json;
using SourceCheck.Bench;
using SourceCheck.Claims;
using SourceCheck.Claims.Matching;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.Documents;
using SourceCheck.Documents.Web;
using SourceCheck.Formatting;
using SourceCheck.References;
using SourceCheck.References.BibTex;
using SourceCheck.References.Ris;
using SourceCheck.Storage;
using SourceCheck.Verification;

namespace SourceCheck.Fuzzing;

/// <summary>One input path under test: how to run it, seeds to mutate, and crafted hostile shapes by size.</summary>
public sealed record FuzzReader(string Name, Action<string> Run, IReadOnlyList<string> Seeds, IReadOnlyList<(string Name, Func<int, string> Make)> Shapes);

/// <summary>One case: which reader, how the input was made, its size, CPU seconds of the thread that ran it (wall-clock
/// seconds where no thread clock exists), bytes allocated, the failure if any, and the wall-clock seconds.</summary>
public sealed record FuzzCase(string Reader, string Kind, int Size, double Seconds, long Allocated, string? Failure, string Input, double WallSeconds = 0);

/// <summary>A seeded generator and mutator for every reader (shared by the bounded test in the normal suite and the
/// long bench run, <c>bench -- fuzz</c>). A case fails when the reader throws anything but the documented input
/// error of its kind, or uses more CPU than <see cref="Budget"/> for its size. The budget is held against the CPU time
/// of the thread that runs the reader (Linux thread clock), not wall time: at load 45-60 on two cores the wall clock of a
/// linear 200,000-character case passed the 7 s budget while its CPU time stayed near 1 s; a quadratic reader burns CPU
/// on its own thread and still fails. (Matching runs part of its pairs on pool threads, whose CPU is not counted; the
/// calling thread takes its share of them, so a quadratic compare still grows quadratically on it.) A case that
/// takes more than <see cref="WallCeiling"/> of wall time fails whatever its CPU (a hang that does not spin).</summary>
public static class FuzzEngine
{
    /// <summary>Time allowed for an input of <paramref name="chars"/> characters: 3 s plus 20 µs a character (the
    /// reference tagger reads about 14 µs a character on a loaded two-core machine; anything quadratic passes this
    /// by far at 16,000 characters and more). Seeds are not timed: their first run loads models.</summary>
    public static double Budget(int chars) => 3.0 + chars * 20e-6;

    /// <summary>Wall-clock seconds after which a case fails however little CPU it used.</summary>
    public const double WallCeiling = 120;

    public static IReadOnlyList<FuzzReader> Readers(string fixtures)
    {
        string Fx(string name) => File.Exists(Path.Combine(fixtures, name)) ? File.ReadAllText(Path.Combine(fixtures, name)) : string.Empty;
        string bib = Fx("sample.bib"), ris = Fx("sample.ris"), json = Fx("sample.json"), article = Fx("sample-article.txt");
        string page = Fx(Path.Combine("pages", "river-festival.html"));
        string veltrixEn = Fx(Path.Combine("claims", "en-veltrix.txt")), veltrixDe = Fx(Path.Combine("claims", "de-veltrix.txt"));
        string apa = EmbeddedLocales.GetStyle("apa") ?? string.Empty;
        string localeXml = EmbeddedLocales.Get("en-US") ?? string.Empty;
        var items = CslJson.Parse(json).Value ?? [];
        var locale = new Locale("en-US", [LocaleData.Parse(localeXml).Value!]);
        string yaml = items.Count > 0 ? CslYaml.Serialize(items) : "- id: a\n  title: t\n";
        string pairs = "{\"id\":\"1\",\"a\":\"Die Kosten stiegen um 40 Prozent.\",\"b\":\"Costs rose by 40 percent.\",\"lang_a\":\"de\",\"lang_b\":\"en\"}\n"
            + "{\"id\":\"2\",\"a\":\"The mayor said 12 people were hurt.\",\"b\":\"Twelve people were injured, the mayor said.\"}\n";

        return
        [
            new("text-blocks", t => ReferenceReader.Read(t, InputFormat.Text, "fuzz"),
                ["Smith, J. (2020). A title. Journal of Things, 3(2), 1-10.\nDoe, A. (2019). Another. Publisher.\n", article],
                [("long-line", n => new string('a', n)), ("many-lines", n => Repeat("Smith, J. (2020). T. J, 1, 2.\n", n / 30)), ("digits", n => new string('9', n))]),
            new("html", t => ReferenceReader.Read(t, InputFormat.Html, "fuzz"), [page, "<h2>References</h2><ol><li>Smith, J. (2020). T.</li></ol>"],
                [("deep-div", n => Repeat("<div>", n / 5)), ("paragraphs", n => "<article>" + Repeat("<p>Some text, with a comma, here.</p>", n / 36)),
                 ("open-tags", n => Repeat("<a", n / 2))]),
            new("bibtex", t => BibTexReader.Read(t, "fuzz"), [bib],
                [("nested-braces", n => "@article{a, title={" + new string('{', n / 2) + new string('}', n / 2) + "}}"),
                 ("nested-accents", n => "@article{a, title={" + Repeat("\\\"{", n / 3) + "o" + new string('}', n / 3) + "}}"),
                 ("duplicate-keys", n => Repeat("@misc{k, title={T}}\n", n / 20)), ("unclosed", n => "@article{a, title={" + Repeat("\\textit{", n / 8))]),
            new("ris", t => RisReader.Read(t, "fuzz"), [ris],
                [("many-records", n => Repeat("TY  - JOUR\nTI  - T\nER  - \n", n / 28)), ("long-field", n => "TY  - JOUR\nTI  - " + new string('x', n) + "\nER  - \n")]),
            new("csl-json", t => CslJson.Parse(t, "fuzz"), [json],
                [("deep-arrays", n => new string('[', n / 2) + new string(']', n / 2)), ("huge-number", n => "[{\"id\":\"a\",\"type\":\"book\",\"page\":" + new string('9', n) + "}]"),
                 ("lone-surrogates", n => "[{\"id\":\"a\",\"title\":\"" + Repeat("\\ud800", n / 6) + "\"}]")]),
            new("csl-yaml", t => CslYaml.Parse(t, "fuzz"), [yaml],
                [("self-anchor", _ => "- &a {id: x, title: t, note: *a}\n"), ("alias-bomb", n => AliasBomb(Math.Clamp(n / 40, 2, 12))),
                 ("deep-flow", n => new string('[', n / 2) + new string(']', n / 2)), ("mapping-key", _ => "- {[a]: 1}\n")]),
            new("csl-style", t => RunStyle(t, locale, items), [apa],
                [("macro-laughs", n => MacroLaughs(Math.Clamp(n / 100, 2, 40))), ("macro-chain", n => MacroChain(Math.Max(2, n / 60))),
                 ("nested-groups", n => StyleWith(Repeat("<group>", n / 7) + "<text value=\"x\"/>" + Repeat("</group>", n / 7))),
                 ("huge-affix", n => StyleWith($"<text variable=\"title\" prefix=\"{new string('p', n)}\" suffix=\"{new string('s', n)}\"/>")),
                 ("repeated-title", n => StyleWith($"<group delimiter=\"{new string('d', n / 50)}\">{Repeat("<text variable=\"title\"/>", Math.Min(n / 24, 8_000))}</group>"))]),
            new("csl-locale", t => LocaleData.Parse(t, "fuzz"), [localeXml],
                [("deep-terms", n => "<locale xmlns=\"http://purl.org/net/xbiblio/csl\" xml:lang=\"en-US\">" + Repeat("<terms>", n / 7) + "</locale>")]),
            new("article", t => ClaimExtractor.Extract(ArticleReader.Read(t, "fuzz"), "fuzz"), [article],
                [("huge-number", n => "The council said it spent " + new string('9', Math.Min(n, 4000)) + " euros last year.\n"),
                 ("one-line", n => Repeat("The minister said costs rose by 40 percent, ", n / 45)), ("deep-html", n => "<html><body>" + Repeat("<div>", n / 5)),
                 ("quotes-paragraph", n => "„" + Repeat("Wir müssen sparen“, sagte Meier. \"We cut jobs,\" said Rossi. „", n / 60)),
                 ("names-paragraph", n => Repeat("Die Sprecherin sagte die Rossi, Anna Meier und Peter Schulz hätten gespart. ", n / 76))]),
            new("compare", RunCompare, [veltrixDe + "\n\u0000\n" + veltrixEn],
                // 1/32 of the size: below 500 x 500 claims every pair of two articles on one event is scored, so the time
                // grows with the square of the size up to that budget (49,000 chars: 4.8 s under load, over this linear
                // budget); the bench's 1-2 MB sizes reach the index path, and so does the suite's CpuBoundTests
                [("same-event", n => Repeat(veltrixEn + "\n\n", n / 64 / Math.Max(1, veltrixEn.Length)) + "\n\u0000\n" + Repeat(veltrixDe + "\n\n", n / 64 / Math.Max(1, veltrixDe.Length)))]),
            new("page", t => PageReader.Read(t, "https://example.org/a"), [page],
                [("paragraphs", n => "<html><body><article>" + Repeat("<p>The council spent money on roads, it said.</p>", n / 48)),
                 ("deep", n => "<html><body>" + Repeat("<span>", n / 6))]),
            new("pairs", RunPairs, [pairs],
                [("long-sentence", n => "{\"id\":\"1\",\"a\":\"" + Repeat("word ", n / 5) + "\",\"b\":\"" + Repeat("wort ", n / 5) + "\"}\n")]),
        ];
    }

    private static void RunStyle(string xml, Locale locale, IReadOnlyList<CslItem> items)
    {
        var parsed = Style.Parse(xml, "fuzz");
        if (parsed.Value is { } style)
        {
            try
            {
                new CslProcessor(style, locale, items).Process([]);
            }
            catch (DiagnosticException ex) when (ex.Diagnostics.Count == 1 && ex.Diagnostics[0].Code == DiagnosticCodes.CslOutputBudget
                && ex.Diagnostics[0].ToString().StartsWith("fuzz:", StringComparison.Ordinal))
            {
                // the documented, positioned error of a style that multiplies its output
            }
        }
    }

    /// <summary>Two articles (the input split at its first NUL, else in the middle) compared claim by claim.</summary>
    private static void RunCompare(string text)
    {
        int cut = text.IndexOf('\0', StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = text.Length / 2;
        }

        Articles.Compare([new ArticleInput("a.txt", text[..cut]), new ArticleInput("b.txt", text[Math.Min(text.Length, cut + 1)..])]);
    }

    private static void RunPairs(string text)
    {
        IReadOnlyList<SentencePair> pairs;
        try
        {
            pairs = SentencePairs.ReadJsonl(text);
        }
        catch (InputException ex) when (ex.Message.Contains(": error SC", StringComparison.Ordinal))
        {
            return; // the documented input error, with its line
        }

        foreach (var p in pairs.Take(4))
        {
            SimilarityScorer.Score(p.A, p.B, p.LangA, p.LangB);
        }
    }

    public static string Repeat(string s, int times)
    {
        var sb = new StringBuilder(s.Length * Math.Max(0, times));
        for (int i = 0; i < times; i++)
        {
            sb.Append(s);
        }

        return sb.ToString();
    }

    public static string AliasBomb(int levels)
    {
        var sb = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i < levels; i++)
        {
            sb.Append($"a{i}: &a{i} [").Append(string.Join(",", Enumerable.Repeat($"*a{i - 1}", 9))).Append("]\n");
        }

        return sb.ToString();
    }

    public static string StyleWith(string bibLayout, string macros = "") =>
        "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\">" + macros
        + "<citation><layout><text variable=\"title\"/></layout></citation><bibliography><layout>" + bibLayout + "</layout></bibliography></style>";

    /// <summary>"Billion laughs" through macros: each macro calls the next twice (2^levels expansions, no cycle).</summary>
    public static string MacroLaughs(int levels)
    {
        var sb = new StringBuilder("<macro name=\"m0\"><text variable=\"title\"/></macro>");
        for (int i = 1; i < levels; i++)
        {
            sb.Append($"<macro name=\"m{i}\"><text macro=\"m{i - 1}\"/><text macro=\"m{i - 1}\"/></macro>");
        }

        return StyleWith($"<text macro=\"m{levels - 1}\"/>", sb.ToString());
    }

    /// <summary>Macros that each call the next once, <paramref name="length"/> long.</summary>
    public static string MacroChain(int length)
    {
        var sb = new StringBuilder("<macro name=\"m0\"><text variable=\"title\"/></macro>");
        for (int i = 1; i < length; i++)
        {
            sb.Append($"<macro name=\"m{i}\"><text macro=\"m{i - 1}\"/></macro>");
        }

        return StyleWith($"<text macro=\"m{length - 1}\"/>", sb.ToString());
    }

    /// <summary>A random edit of a seed: flip, insert hostile characters, duplicate or delete a slice, nest brackets, truncate.</summary>
    public static string Mutate(Random rng, string seed)
    {
        var sb = new StringBuilder(seed.Length == 0 ? "x" : seed);
        int edits = 1 + rng.Next(8);
        string[] hostile = ["{", "}", "[", "]", "<", ">", "\"", "\\", "&", "*", "@", "\n", "\r", "\t", "\0", "\u001b[2J", "\u001b]0;t\u0007",
            "\ud800", "\uffff", "\u202e", "%", "$", "'", ":", "- ", "&a ", "*a", "TY  - ", "ER  - ", "<p>", "</div>", "\\\"{", "9999999999999999999999"];
        for (int e = 0; e < edits; e++)
        {
            int at = rng.Next(sb.Length + 1);
            switch (rng.Next(6))
            {
                case 0 when sb.Length > 0:
                    sb[Math.Min(at, sb.Length - 1)] = (char)rng.Next(0, 0x2FF);
                    break;
                case 1:
                    sb.Insert(at, hostile[rng.Next(hostile.Length)]);
                    break;
                case 2 when sb.Length > 1:
                {
                    int len = rng.Next(1, Math.Min(sb.Length - Math.Min(at, sb.Length - 1), 4096) + 1);
                    int from = Math.Min(at, sb.Length - 1);
                    string slice = sb.ToString(from, Math.Min(len, sb.Length - from));
                    sb.Insert(from, slice);
                    break;
                }

                case 3 when sb.Length > 1:
                {
                    int from = Math.Min(at, sb.Length - 1);
                    sb.Remove(from, Math.Min(rng.Next(1, 64), sb.Length - from));
                    break;
                }

                case 4:
                {
                    string open = hostile[rng.Next(8)];
                    sb.Insert(at, Repeat(open, rng.Next(1, 200)));
                    break;
                }

                default:
                    if (sb.Length > 1)
                    {
                        sb.Length = rng.Next(1, sb.Length);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Runs one input through a reader, timing it; any exception is a failure.</summary>
    public static FuzzCase RunOne(FuzzReader reader, string kind, string input)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        double cpu0 = ThreadCpu.NowMs();
        var watch = Stopwatch.StartNew();
        string? failure = null;
        try
        {
            reader.Run(input);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            failure = $"{ex.GetType().Name}: {ex.Message}";
        }

        watch.Stop();
        double seconds = (ThreadCpu.NowMs() - cpu0) / 1000.0, wall = watch.Elapsed.TotalSeconds;
        if (failure is null && kind != "seed" && seconds > Budget(input.Length))
        {
            failure = $"took {seconds:0.00} s CPU ({wall:0.00} s wall), budget {Budget(input.Length):0.00} s for {input.Length:N0} characters";
        }
        else if (failure is null && kind != "seed" && wall > WallCeiling)
        {
            failure = $"took {wall:0.00} s wall ({seconds:0.00} s CPU), ceiling {WallCeiling:0} s";
        }

        return new FuzzCase(reader.Name, kind, input.Length, seconds, GC.GetAllocatedBytesForCurrentThread() - before, failure, input, wall);
    }

    /// <summary>Seeded cases for one reader: each seed as is, <paramref name="mutations"/> mutants, and each crafted shape at
    /// each of <paramref name="sizes"/> characters.</summary>
    public static IEnumerable<FuzzCase> Run(FuzzReader reader, int seed, int mutations, IReadOnlyList<int> sizes)
    {
        var rng = new Random(seed);
        foreach (var s in reader.Seeds)
        {
            yield return RunOne(reader, "seed", s);
        }

        for (int i = 0; i < mutations; i++)
        {
            string input = reader.Seeds[rng.Next(reader.Seeds.Count)];
            for (int k = rng.Next(1, 4); k > 0; k--)
            {
                input = Mutate(rng, input);
            }

            yield return RunOne(reader, "mutant", input);
        }

        foreach (var (name, make) in reader.Shapes)
        {
            foreach (int size in sizes)
            {
                yield return RunOne(reader, name, make(size));
            }
        }
    }

    /// <summary>Slope of log(time) against log(size) over the crafted shapes (1 = linear, 2 = quadratic).</summary>
    public static double Slope(IEnumerable<FuzzCase> cases)
    {
        var points = cases.Where(c => c.Kind is not ("seed" or "mutant") && c.Size > 1000 && c.Seconds > 0)
            .Select(c => (X: Math.Log(c.Size), Y: Math.Log(c.Seconds))).ToList();
        if (points.Count < 2)
        {
            return double.NaN;
        }

        double mx = points.Average(p => p.X), my = points.Average(p => p.Y);
        double sxx = points.Sum(p => (p.X - mx) * (p.X - mx));
        return sxx == 0 ? double.NaN : points.Sum(p => (p.X - mx) * (p.Y - my)) / sxx;
    }

    /// <summary>Page folders and stores: files on disk. A mutated manifest and a store with flipped bytes.</summary>
    public static IEnumerable<FuzzCase> RunFiles(string workDir, int seed, int cases)
    {
        var rng = new Random(seed);
        var pageDir = new FuzzReader("page-folder", manifest =>
        {
            string dir = Path.Combine(workDir, "pages");
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "a.html"), "<html><head><title>T</title></head><body><p>x</p></body></html>");
            File.WriteAllBytes(Path.Combine(dir, "pages.json"), Encoding.UTF8.GetBytes(manifest)); // lone surrogates become U+FFFD, as on disk
            var source = new DirectoryPageSource(dir);
            source.GetAsync("https://example.org/a").GetAwaiter().GetResult();
            source.GetAsync("https://example.org/b").GetAwaiter().GetResult();
        }, ["{\"https://example.org/a\": {\"file\": \"a.html\", \"status\": 200, \"status_chain\": [301, 200]}, \"https://example.org/b\": \"../b.html\"}"], []);
        for (int i = 0; i < cases; i++)
        {
            yield return RunOne(pageDir, "mutant", Mutate(rng, pageDir.Seeds[0]));
        }

        var store = new FuzzReader("store", flips =>
        {
            string path = Path.Combine(workDir, "store.db");
            if (!File.Exists(path + ".orig"))
            {
                using (SourceCheckStore.Open(path + ".orig"))
                {
                }

                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            }

            byte[] bytes = File.ReadAllBytes(path + ".orig");
            var r = new Random(flips.Length);
            for (int k = 0; k < flips.Length % 32 + 1; k++)
            {
                bytes[r.Next(bytes.Length)] ^= (byte)r.Next(1, 256);
            }

            File.WriteAllBytes(path, bytes);
            try
            {
                using var s = SourceCheckStore.Open(path);
            }
            catch (StoreException)
            {
                // the documented error for a store that cannot be used
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            }
        }, ["x"], []);
        for (int i = 0; i < Math.Max(1, cases / 4); i++)
        {
            yield return RunOne(store, "flipped", new string('x', rng.Next(1, 200)));
        }
    }
}
