using SourceCheck.Checking;
using SourceCheck.Reports;
using SourceCheck.Verification;

namespace SourceCheck.Tests.Verification;

/// <summary><c>check</c> ties an article's claims to its references by the article's own citation signals and shows,
/// per claim, the passage of the cited work that supports it (or that it says nothing of the kind), in every format.</summary>
public sealed class CheckPassagesTests
{
    private const string Article = """
        OpenAI says no to a bailout

        Altman said taxpayers should not rescue companies that make bad business decisions [1].

        NBC News reported that OpenAI had already received a government loan of 30 billion dollars.

        References

        1. Bort, J. (2025, November 6). Sam Altman says he doesn't want the government to bail out OpenAI if it fails. TechCrunch.
        2. Wile, R., & Kopack, S. (2025, November 6). OpenAI's Sam Altman backtracks on CFO's government 'backstop' talk. NBC News.
        """;

    [Fact]
    public async Task Claims_cited_by_marker_or_outlet_get_the_passage_of_the_cited_page_in_every_format()
    {
        await using var world = await VerifyWorld.StartAsync();
        var checker = new Checker(new CheckerOptions { Online = true, AllowPrivate = true, Services = world.Endpoints });

        var report = checker.Check([new CheckInput("article.txt", Article)]);

        var passages = report.Findings.Where(f => f.Type == FindingKind.ClaimSupport).ToList();
        var supported = Assert.Single(passages, f => f.Cited!.StartsWith("Altman said taxpayers", StringComparison.Ordinal));
        Assert.Equal(FindingSeverity.Info, supported.Severity);
        Assert.Contains("marker: [1]", supported.Evidence, StringComparison.Ordinal);
        Assert.Contains("taxpayers should not bail out companies", supported.Page, StringComparison.Ordinal);
        var unsupported = Assert.Single(passages, f => f.Cited!.Contains("government loan", StringComparison.Ordinal));
        Assert.Equal(FindingSeverity.Warning, unsupported.Severity);
        Assert.Contains("outlet: NBC News", unsupported.Evidence, StringComparison.Ordinal);
        Assert.Contains("nothing of the kind", unsupported.Evidence, StringComparison.Ordinal);
        foreach (var format in new[] { ReportFormat.Text, ReportFormat.Json, ReportFormat.Markdown, ReportFormat.Html })
        {
            // Markdown escapes "_" and "[": compare without its backslashes
            string rendered = CheckReportRenderer.Render(report, format).Replace("\\", string.Empty, StringComparison.Ordinal);
            Assert.Contains("claim_support", rendered, StringComparison.Ordinal);
            Assert.Contains("marker: [1]", rendered, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_claim_the_article_cites_is_not_unsourced_even_without_verification()
    {
        const string text = """
            OpenAI and the bailout

            Altman said taxpayers should not rescue companies that make bad business decisions [1].

            Altman also said OpenAI expects annual revenue of more than 20 billion dollars this year.

            References

            1. Briegleb, V. (2025, March 18). Bundesnetzagentur verhängt Bußgeld gegen Mobilfunkanbieter. heise online.
            """;
        var report = new Checker(new CheckerOptions()).Check([new CheckInput("article.txt", text)]);

        var doc = Assert.Single(report.Documents);
        var cited = Assert.Single(doc.Claims, c => c.Text.Contains("taxpayers", StringComparison.Ordinal));
        var uncited = Assert.Single(doc.Claims, c => c.Text.Contains("20 billion", StringComparison.Ordinal));
        Assert.False(doc.IsUnsourced(cited.Id));
        Assert.True(doc.IsUnsourced(uncited.Id));
    }
}
