using System.Collections.Immutable;
using SourceCheck.Claims;
using SourceCheck.Csl;
using SourceCheck.Reports;
using SourceCheck.Text;
using SourceCheck.Verification;

namespace SourceCheck.Tests.Reports;

/// <summary>Reports built by hand for the renderer and browser tests: a German and an English article, every link type,
/// serious and harmless verification findings, and the things that widen a page (absolute paths, long URLs, long ids).</summary>
internal static class ReportSamples
{
    public static readonly DateTimeOffset Time = new(2026, 11, 21, 9, 30, 0, TimeSpan.Zero);

    public const string LongUrl = "https://www.example-zeitung.de/wirtschaft/kuenstliche-intelligenz/altman-fordert-staatliche-ki-infrastruktur-und-rechenzentren-in-europa-2025-11-07-a1b2c3d4e5f6a7b8c9d0?utm_source=newsletter&utm_medium=email";

    public static CheckReport Wide()
    {
        string pathA = "/home/redaktion/projekte/faktencheck/2026/november/altman-infrastruktur/quellen/artikel-morgenblatt-wirtschaft-2025-11-07.txt";
        string pathB = "/home/redaktion/projekte/faktencheck/2026/november/altman-infrastruktur/quellen/article-coastline-courier-business-2025-11-08.txt";
        var a1 = new Claim("artikel-morgenblatt-wirtschaft-2025-11-07.txt-c1", "a", "de",
            "Regierungen sollten ihre eigene KI-Infrastruktur aufbauen, sagte Altman, und 20 Milliarden Dollar investieren.", new TextSpan(10, 110),
            QuoteKind.Indirect, null, "Sam Altman", "Altman", "X (post)", "Zeit", [new Figure("20 Milliarden Dollar", 2e10, null, "USD", new TextSpan(90, 20))]);
        var a2 = new Claim("artikel-morgenblatt-wirtschaft-2025-11-07.txt-c2", "a", "de",
            "OpenAI verlangt keine staatlichen Garantien für Rechenzentren, siehe " + LongUrl, new TextSpan(130, 90),
            QuoteKind.None, null, null, null, null, null, []);
        var b1 = new Claim("article-coastline-courier-business-2025-11-08.txt-c4", "b", "en",
            "Governments should build their own AI infrastructure and invest 30 billion dollars, Altman said.", new TextSpan(200, 96),
            QuoteKind.Indirect, null, "Sam Altman", "Altman", null, null, [new Figure("30 billion dollars", 3e10, null, "USD", new TextSpan(60, 18))]);
        var b2 = new Claim("article-coastline-courier-business-2025-11-08.txt-c5", "b", "en",
            "OpenAI asked for federal loan guarantees for its data centres.", new TextSpan(300, 62),
            QuoteKind.None, null, null, null, null, null, []);
        var item = new CslItem("wile2025", "article-newspaper").SetString("title", "OpenAI's Sam Altman backtracks <on> & more").SetString("URL", LongUrl);
        var docA = new DocumentReport(pathA, "a", "KI ohne Netz und doppelten Boden: Altman ruft EU zu Infrastruktur-Offensive auf", "Morgenblatt", "2025-11-07", "de",
            [item], ["Wile, R. (2025, November 6). <i>OpenAI’s Sam Altman backtracks &amp; more</i>. Example News. " + LongUrl.Replace("&", "&amp;", StringComparison.Ordinal)],
            [a1, a2], [a2.Id], ["sources named in the text: Zeit"]);
        var docB = new DocumentReport(pathB, "b", null, "The Coastline Courier", null, "en", [], [], [b1, b2], [b2.Id], ["no bibliography found"])
        {
            Opening = "Governments should build their own AI infrastructure and invest 30 billion dollars, Altman said.",
        };
        ImmutableArray<ClaimLink> links =
        [
            new ClaimLink(a1, b1, LinkType.NumberMismatch, 0.7712, ["aligned: Regierungen~governments, eigene~own, KI-Infrastruktur~infrastructure", "20 Milliarden Dollar ≠ 30 billion dollars"]),
            new ClaimLink(a2, b2, LinkType.Contradiction, 0.5501, ["negation: keine", "aligned: Garantien~guarantees, Rechenzentren~centres"]),
            new ClaimLink(a1, b1 with { Id = "stored-c9", DocumentId = "stored" }, LinkType.Translation, 0.8123, ["aligned: Regierungen~governments"]),
        ];
        ImmutableArray<ReportFinding> findings =
        [
            new ReportFinding("a", "wile2025", "url", FindingKind.DeadLink, FindingSeverity.Error, LongUrl, null, "HTTP 404 Not Found"),
            new ReportFinding("a", "wile2025", "title", FindingKind.TitleChanged, FindingSeverity.Warning, "OpenAI's Sam Altman backtracks", "Altman backtracks on federal backstop", null),
        ];
        return new CheckReport(Time, "apa", [docA, docB], links,
            [new ReferenceSupport(a1.Id, "a", "wile2025", "OpenAI's Sam Altman backtracks", "translation", 0.7) { ReferenceDocumentId = "a" }],
            findings, ["bilingual dictionary not found at /usr/share/trans/de-en: cross-language matching is off"]);
    }

    /// <summary>A report with nothing serious in it.</summary>
    public static CheckReport Calm()
    {
        var wide = Wide();
        return wide with
        {
            Links = [.. wide.Links.Where(l => !ReportEmphasis.IsSerious(l.Type))],
            Findings = [.. wide.Findings.Where(f => !ReportEmphasis.IsSerious(f))],
        };
    }
}
