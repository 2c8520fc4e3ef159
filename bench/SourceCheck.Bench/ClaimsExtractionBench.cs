using System.Diagnostics;
using SourceCheck.Claims;
using SourceCheck.Text;

namespace SourceCheck.Bench;

/// <summary>Sentence splitting and claim extraction throughput on generated German and English news text
/// (10,000 and 100,000 sentences), printed as sentences per second.</summary>
internal static class ClaimsExtractionBench
{
    private static readonly string[] German =
    [
        "Konzernchefin Petra Lind sagte am 6. November, der Umsatz steige um 3,5 Prozent auf 1,2 Milliarden Euro.",
        "„Wir wachsen weiter, z. B. in Asien“, betonte sie laut „Handelsblatt“.",
        "Der Aufsichtsrat tagte in Berlin, wo Dr. Udo Brand die Pläne vorstellte.",
        "Beobachter erwarten, dass die Aktie unter Druck gerät.",
        "Die Debatte dürfte noch Wochen dauern.",
    ];

    private static readonly string[] English =
    [
        "Chief Executive Jane Doe said on Monday that revenue would reach $1.2 billion this year.",
        "\"We are growing, e.g. in Asia,\" she told Reuters.",
        "Mr. Baker, the company's finance chief, wrote in a LinkedIn post that costs fell 12%.",
        "Critics have questioned how the U.S. unit can pay for eight years of losses.",
        "The debate is likely to continue for weeks.",
    ];

    public static void Run()
    {
        foreach (var (lang, lines) in new[] { ("de", German), ("en", English) })
        {
            foreach (int sentences in new[] { 10_000, 100_000 })
            {
                string text = Build(lines, sentences);
                for (int warm = 0; warm < 3; warm++)
                {
                    ClaimExtractor.Extract(text[..Math.Min(text.Length, 200_000)], "warm", lang);
                }

                var process = Process.GetCurrentProcess();
                var cpu = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                int split = SentenceSplitter.Split(text).Count;
                double splitMs = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                int claims = ClaimExtractor.Extract(text, "bench", lang).Count;
                double extractMs = watch.Elapsed.TotalMilliseconds;
                process.Refresh();
                double cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
                Console.WriteLine($"{lang} {sentences,7:N0} sentences ({text.Length / 1024.0:F0} KiB): split {splitMs,8:F1} ms ({split} sentences), " +
                    $"extract {extractMs,8:F1} ms ({claims} claims, {sentences / (extractMs / 1000):N0} sentences/s); split+extract CPU {cpuMs:F0} ms");
            }
        }
    }

    private static string Build(string[] lines, int sentences)
    {
        var sb = new System.Text.StringBuilder("Title line\n\n");
        for (int i = 0; i < sentences; i++)
        {
            sb.Append(lines[i % lines.Length]).Append(i % 5 == 4 ? "\n\n" : " ");
        }

        return sb.ToString();
    }
}
