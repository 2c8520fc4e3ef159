using Microsoft.Playwright;
using SourceCheck.Reports;
using SourceCheck.Tests.Storage;
using SourceCheck.Tests.Support;
using Xunit.Abstractions;

namespace SourceCheck.Tests.Reports;

/// <summary>The HTML report in a real headless browser: Microsoft.Playwright for .NET (its bundled driver, offline)
/// driving Debian's chromium through <see cref="ChromiumPath"/>. Every request the page makes is routed through the
/// test and any URL that is not the report file itself fails it. Skips when chromium is not installed.
/// Set SOURCECHECK_SCREENSHOTS=DIR to keep screenshots of each width.</summary>
public sealed class HtmlReportBrowserTests(ITestOutputHelper output)
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] LaunchArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private sealed record PageCheck(int ScrollWidth, int InnerWidth, int Scripts, bool Legend, string SummaryBackground, string SeriousText, List<string> ForeignRequests, List<string> Requests);

    private static async Task<PageCheck> OpenAsync(IBrowser browser, string file, int width, string? screenshot)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 }, JavaScriptEnabled = true });
        try
        {
            var foreign = new List<string>();
            var requests = new List<string>();
            await context.RouteAsync("**/*", async route =>
            {
                string url = route.Request.Url;
                lock (requests)
                {
                    requests.Add(url);
                }

                if (url.StartsWith("file://", StringComparison.Ordinal))
                {
                    await route.ContinueAsync();
                }
                else
                {
                    lock (foreign)
                    {
                        foreign.Add(url);
                    }

                    await route.AbortAsync();
                }
            });
            var page = await context.NewPageAsync();
            page.Request += (_, request) =>
            {
                if (!request.Url.StartsWith("file://", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
                {
                    lock (foreign)
                    {
                        foreign.Add(request.Url);
                    }
                }
            };
            await page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            int scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            int innerWidth = await page.EvaluateAsync<int>("() => window.innerWidth");
            int scripts = await page.EvaluateAsync<int>("() => document.querySelectorAll('script').length");
            bool legend = await page.EvaluateAsync<bool>("() => !!document.querySelector('#legend') && document.querySelector('#legend').textContent.includes('Scores')");
            string background = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.summary') || document.body).backgroundColor");
            string serious = await page.EvaluateAsync<string>("() => { const a = document.querySelector('.alert, .all-clear'); return a ? a.innerText : ''; }");
            if (screenshot is not null)
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.ChangeExtension(screenshot, ".top.png"), FullPage = false });
            }

            return new PageCheck(scrollWidth, innerWidth, scripts, legend, background, serious, foreign, requests);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static async Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = LaunchArgs, Timeout = 120_000 });

    private static string WriteReport(string folder, string name, string html)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, html);
        return path;
    }

    [SkippableFact]
    public async Task Should_fit_390_and_1280_px_without_requests_or_scripts_and_with_a_legend()
    {
        Skip.IfNot(File.Exists(ChromiumPath), $"chromium is not installed at {ChromiumPath} (apt-get install chromium)");
        using var tmp = new TempDb();
        // A report from the real pipeline over the repository's fixtures, and a hand-made one with everything that widens a page.
        var run = CliRunner.Run(null, "check", FixturePath("check/nordwind-de-1.txt"), FixturePath("check/nordwind-de-2.txt"), FixturePath("check/nordwind-en.txt"),
            "--no-store", "--to", "html", "-o", Path.Combine(tmp.Folder, "fixtures.html"));
        Assert.True(run.ExitCode == 0, run.Error);
        string[] files =
        [
            Path.Combine(tmp.Folder, "fixtures.html"),
            WriteReport(tmp.Folder, "wide.html", CheckReportRenderer.Html(ReportSamples.Wide())),
            WriteReport(tmp.Folder, "calm.html", CheckReportRenderer.Html(ReportSamples.Calm())),
        ];
        string? shots = Environment.GetEnvironmentVariable("SOURCECHECK_SCREENSHOTS");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        foreach (string file in files)
        {
            foreach (int width in new[] { 390, 1280 })
            {
                string? shot = string.IsNullOrEmpty(shots) ? null : Path.Combine(shots, $"{Path.GetFileNameWithoutExtension(file)}-{width}.png");
                var check = await OpenAsync(browser, file, width, shot);
                output.WriteLine($"{Path.GetFileName(file)} @ {width}px: scrollWidth {check.ScrollWidth}, innerWidth {check.InnerWidth}, requests {string.Join(", ", check.Requests)}");
                Assert.True(check.ScrollWidth <= check.InnerWidth, $"{Path.GetFileName(file)} overflows at {width}px: scrollWidth {check.ScrollWidth} > {check.InnerWidth}");
                Assert.Empty(check.ForeignRequests);
                Assert.Equal(0, check.Scripts);
                Assert.True(check.Legend, "legend missing");
                // The inline style is allowed by the CSP hash: the summary box has its background.
                Assert.NotEqual("rgba(0, 0, 0, 0)", check.SummaryBackground);
                Assert.NotEqual(string.Empty, check.SeriousText);
            }
        }
    }

    [SkippableFact]
    public async Task Should_catch_overflow_and_foreign_requests_in_a_page_built_to_fail()
    {
        // The checks themselves can fail: a page with a wide table and an external image trips both.
        Skip.IfNot(File.Exists(ChromiumPath), $"chromium is not installed at {ChromiumPath} (apt-get install chromium)");
        using var tmp = new TempDb();
        string bad = WriteReport(tmp.Folder, "bad.html",
            "<!DOCTYPE html><html><head><meta name=\"viewport\" content=\"width=device-width\"></head><body>" +
            "<table><tr><td style=\"white-space:nowrap\">" + new string('x', 400) + "</td></tr></table>" +
            "<img src=\"http://192.0.2.1/pixel.png\" alt=\"\"></body></html>");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var check = await OpenAsync(browser, bad, 390, null);
        Assert.True(check.ScrollWidth > check.InnerWidth);
        Assert.Contains("http://192.0.2.1/pixel.png", check.ForeignRequests);
        Assert.False(check.Legend);
    }

    [SkippableFact]
    public async Task Should_show_serious_findings_in_the_summary_and_german_content_marked_de()
    {
        Skip.IfNot(File.Exists(ChromiumPath), $"chromium is not installed at {ChromiumPath} (apt-get install chromium)");
        using var tmp = new TempDb();
        string file = WriteReport(tmp.Folder, "wide.html", CheckReportRenderer.Html(ReportSamples.Wide()));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(file).AbsoluteUri);
        string alert = await page.InnerTextAsync(".alert");
        Assert.Contains("3 serious finding(s)", alert, StringComparison.Ordinal);
        Assert.Contains("number_mismatch", alert, StringComparison.Ordinal);
        Assert.Contains("contradiction", alert, StringComparison.Ordinal);
        Assert.Contains("dead_link", alert, StringComparison.Ordinal);
        // The summary comes before every document section.
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('.summary').compareDocumentPosition(document.querySelector('section.document')) === Node.DOCUMENT_POSITION_FOLLOWING"));
        string? lang = await page.GetAttributeAsync("p.claim-text >> nth=0", "lang");
        Assert.Equal("de", lang);
        string? title = await page.GetAttributeAsync("section.document .file >> nth=0", "title");
        Assert.StartsWith("/home/redaktion/", title, StringComparison.Ordinal);
        var anchor = page.Locator("a[href^='https://www.example-zeitung.de/']").First;
        Assert.Equal("noopener noreferrer", await anchor.GetAttributeAsync("rel"));
        await context.CloseAsync();
    }

    private static string FixturePath(string relative) => Path.Combine(AppContext.BaseDirectory, "fixtures", relative);
}
