using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SourceCheck.Csl;
using SourceCheck.References;
using SourceCheck.References.BibTex;
using SourceCheck.References.Ris;

namespace SourceCheck.Bench;

/// <summary>Section "parse": throughput of block detection + splitting + reference parsing end to end over
/// 10,000 generated (seeded) references in three block styles, of BibTeX and RIS reading, and the block-splitting
/// score on ../shared/refparse/blocks-dev.json when it is there (predictions written for score.py).</summary>
internal static class ParseBench
{
    private const int Count = 10_000;

    private static readonly string[] Families = ["Müller", "Okafor", "Lindqvist", "García", "Nguyen", "Smith", "Kowalski", "Rossi", "O'Neil", "van der Berg", "Dubois", "Kim", "Haddad", "Novak", "Ellison"];
    private static readonly string[] Given = ["Anna", "Peter", "Chidi", "Maja", "Luis", "Thanh", "Rita", "Jan", "Claire", "Sean", "Odile", "Wei", "Rami"];
    private static readonly string[] Outlets = ["The Northport Courier", "Coastal Business Weekly", "Harbour Radio News", "Die Zeit", "Tagesblatt Süd", "The Quay Gazette", "Valley Herald", "Rail Daily"];
    private static readonly string[] Corporate = ["The Tech Buzz Team", "Harbour Workers Union", "Port Authority of Northport", "Citizens Advice", "Bluewater Lines"];
    private static readonly string[] Journals = ["Journal of Coastal Logistics", "Maritime Policy Review", "Transport Letters", "Zeitschrift für Verkehrswissenschaft"];
    private static readonly string[] Words = ["ferry", "harbour", "strike", "budget", "council", "tide", "night", "workers", "subsidy", "fuel", "schedule", "bridge", "storm", "port", "review", "data", "city", "safety", "trains", "policy"];
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static void Run()
    {
        var rng = new Random(20251107);
        var refs = Enumerable.Range(0, Count).Select(_ => Reference(rng)).ToList();

        if (Environment.GetEnvironmentVariable("SC_DEBUG_SPLIT") is { } dumpPath)
        {
            var one = BibliographyDetector.Detect("References\n\n" + string.Join('\n', refs) + "\n").SelectMany(x => x.Entries).Select(e => e.Text);
            var inl = BibliographyDetector.Detect("The story ends here. Bibliography: - " + string.Join(" - ", refs) + "\n").SelectMany(x => x.Entries).Select(e => e.Text);
            var num = BibliographyDetector.Detect("Sources\n" + string.Join('\n', refs.Select((r, i) => $"[{i + 1}] {r}")) + "\n").SelectMany(x => x.Entries).Select(e => e.Text)
                .Where(e => e.IndexOf(" [", StringComparison.Ordinal) > 0 || !e.StartsWith('['));
            File.WriteAllLines(dumpPath, one.Except(refs).Concat(["-----"]).Concat(inl.Except(refs)).Concat(["-----"]).Concat(num));
        }

        // Warm up (JIT) on a small block.
        ReferenceReader.Read("References\n" + string.Join('\n', refs.Take(200)), InputFormat.Text);

        Measure("text block, one per line (detect+split+parse)", "References\n\n" + string.Join('\n', refs) + "\n");
        Measure("text block, numbered [n] (detect+split+parse)", "Sources\n" + string.Join('\n', refs.Select((r, i) => $"[{i + 1}] {r}")) + "\n");
        Measure("inline \" - \" list after prose (detect+split+parse)", "The story ends here. Bibliography: - " + string.Join(" - ", refs) + "\n");

        string block = "References\n\n" + string.Join('\n', refs) + "\n";
        Best("text block, detect+split only", () => BibliographyDetector.Detect(block).Sum(b => b.Entries.Length));

        // BibTeX and RIS: generated from CSL items, then read back; CSL-JSON reading as a baseline.
        var items = Enumerable.Range(0, Count).Select(i => Item(rng, i)).ToList();
        var diagnostics = new List<SourceCheck.Diagnostics.Diagnostic>();
        string bib = BibTexWriter.Write(items, diagnostics);
        string ris = RisWriter.Write(items, diagnostics);
        string json = CslJson.Serialize(items);
        Best($"BibTeX read ({bib.Length / 1024:N0} KiB)", () => BibTexReader.Read(bib).Value!.Count);
        Best($"RIS read ({ris.Length / 1024:N0} KiB)", () => RisReader.Read(ris).Value!.Count);
        Best($"CSL-JSON read, baseline ({json.Length / 1024:N0} KiB)", () => CslJson.Parse(json).Value!.Count);
        Best("BibTeX write", () => BibTexWriter.Write(items, diagnostics).Length > 0 ? items.Count : 0);
        Best("dedup", () => Deduplicator.Merge(items).Items.Count);

        ScoreBlocks();
    }

    private static void Measure(string label, string text) => Best(label, () => ReferenceReader.Read(text, InputFormat.Text).Items.Count);

    /// <summary>Best of three runs (the machine is shared; the best run is the least disturbed one).</summary>
    private static void Best(string label, Func<int> run)
    {
        int n = 0;
        var best = TimeSpan.MaxValue;
        for (int k = 0; k < 3; k++)
        {
            var sw = Stopwatch.StartNew();
            n = run();
            sw.Stop();
            best = sw.Elapsed < best ? sw.Elapsed : best;
        }

        Print(label, n, best);
    }

    private static void Print(string label, int n, TimeSpan elapsed) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-55} {n,6} refs  {elapsed.TotalMilliseconds,8:F1} ms  {n / Math.Max(elapsed.TotalSeconds, 1e-9),12:N0} refs/s"));

    private static void ScoreBlocks()
    {
        string? shared = FindShared();
        string? gold = shared is null ? null : Path.Combine(shared, "refparse", "blocks-dev.json");
        if (gold is null || !File.Exists(gold))
        {
            Console.WriteLine("blocks-dev.json not found (../shared absent): block score skipped");
            return;
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(gold));
        int exact = 0;
        int total = 0;
        var predictions = new List<object>();
        foreach (var block in doc.RootElement.EnumerateArray())
        {
            total++;
            string text = block.GetProperty("text").GetString()!;
            var expected = block.GetProperty("entries").EnumerateArray().Select(e => e.GetString()!).ToList();
            var actual = BibliographyDetector.Detect(text).SelectMany(x => x.Entries).Select(e => e.Text).ToList();
            if (expected.SequenceEqual(actual))
            {
                exact++;
            }

            predictions.Add(new { id = block.GetProperty("id").GetString(), entries = actual });
        }

        string pred = Path.Combine(Path.GetTempPath(), "sourcecheck-blocks-pred.json");
        File.WriteAllText(pred, JsonSerializer.Serialize(predictions), new UTF8Encoding(false));
        Console.WriteLine($"blocks-dev: {exact}/{total} blocks split exactly; predictions for score.py: {pred}");
    }

    private static string? FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SourceCheck.sln")))
            {
                string shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                return Directory.Exists(shared) ? shared : null;
            }
        }

        return null;
    }

    private static string Pick(Random rng, string[] from) => from[rng.Next(from.Length)];

    private static string Title(Random rng)
    {
        int n = rng.Next(3, 10);
        var words = Enumerable.Range(0, n).Select(_ => Pick(rng, Words)).ToList();
        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return string.Join(' ', words);
    }

    private static string Reference(Random rng)
    {
        string family = Pick(rng, Families);
        string given = Pick(rng, Given);
        int year = rng.Next(1995, 2026);
        int day = rng.Next(1, 29);
        string month = Pick(rng, Months);
        string title = Title(rng);
        string outlet = Pick(rng, Outlets);
        return rng.Next(8) switch
        {
            0 => $"{family}, {given[0]}. ({year}, {month} {day}). {title}. {outlet}.",
            1 => $"{family}, {given[0]}., & {Pick(rng, Families)}, {Pick(rng, Given)[0]}. ({year}, {month} {day}). {title}. {outlet}. https://news.example/{year}/{day}/{Pick(rng, Words)}",
            2 => $"{Pick(rng, Corporate)}. ({year}, {month} {day}). {title}. {outlet}.",
            3 => $"({year}, {month} {day}). {title}. {outlet}.",
            4 => $"{family}, {given}. \u201c{title}.\u201d {outlet}, {day} {month[..3]}. {year}, pp. {rng.Next(1, 20)}-{rng.Next(20, 40)}.",
            5 => $"{family} {given[0]}, {Pick(rng, Families)} {Pick(rng, Given)[0]}. {title}. {Pick(rng, Journals)}. {year};{rng.Next(1, 60)}({rng.Next(1, 12)}):{rng.Next(1, 200)}-{rng.Next(200, 400)}. doi:10.5555/x.{year}.{rng.Next(1000, 9999)}",
            6 => $"{family}, {given[0]}. ({year}): {title}. In: {outlet}, {day}.{rng.Next(1, 13)}.{year}, S. {rng.Next(1, 30)}.",
            _ => $"{given} {family}, \u201c{title},\u201d {outlet}, {month} {day}, {year}, https://{Pick(rng, Words)}.example/{Pick(rng, Words)}.",
        };
    }

    private static CslItem Item(Random rng, int i)
    {
        string[] types = ["article-journal", "article-newspaper", "book", "chapter", "webpage", "report", "paper-conference", "thesis"];
        var item = new CslItem($"item{i}", types[rng.Next(types.Length)]);
        item.SetNames("author", [CslName.Person(Pick(rng, Families), Pick(rng, Given)), CslName.Person(Pick(rng, Families), Pick(rng, Given))]);
        item.SetString("title", Title(rng));
        item.SetString("container-title", rng.Next(2) == 0 ? Pick(rng, Journals) : Pick(rng, Outlets));
        item.SetDate("issued", CslDate.Of(rng.Next(1990, 2026), rng.Next(1, 13), rng.Next(1, 29)));
        item.SetString("volume", rng.Next(1, 80).ToString(CultureInfo.InvariantCulture));
        item.SetString("page", $"{rng.Next(1, 100)}–{rng.Next(100, 300)}");
        item.SetString("DOI", $"10.5555/bench.{i}");
        item.SetString("publisher", "Quay Press & Sons");
        return item;
    }
}
