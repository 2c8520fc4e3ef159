using System.Reflection;
using System.Runtime.CompilerServices;
using SourceCheck.Diagnostics;
using SourceCheck.Formatting;
using SourceCheck.References;
using SourceCheck.Storage;
using SourceCheck.Tests.Support;
using SourceCheck.Verification;

namespace SourceCheck.Tests.FrontDoor;

/// <summary>Each command is one front-door call plus rendering: the front door gives what the command prints, and the
/// CLI sees no internals of the runtime library.</summary>
public sealed class CommandFrontDoorTests
{
    private const string Pasted =
        "Bort, J. (2025, November 6). Sam Altman says OpenAI does not want a government bailout. TechCrunch.\n"
        + "Alvarez, M., & Chen, L. (2021). Cities under water: Flood risk in coastal Europe. Journal of Climate Risk, 12(3), 45-67. https://doi.org/10.1000/jcr.2021.3\n";

    [Theory]
    [InlineData("csl-json", ReferenceOutputFormat.CslJson)]
    [InlineData("yaml", ReferenceOutputFormat.Yaml)]
    [InlineData("bibtex", ReferenceOutputFormat.BibTex)]
    [InlineData("ris", ReferenceOutputFormat.Ris)]
    public void Should_convert_references_as_parse_prints_them(string to, ReferenceOutputFormat format)
    {
        var converted = Bibliography.Convert(Pasted, new ConvertOptions { To = format, From = InputFormat.Text });
        Assert.Equal(2, converted.Items.Count);
        Assert.False(converted.HasErrors);
        var cli = CliRunner.Run(Pasted, "parse", "--from", "text", "--to", to);
        Assert.Equal(0, cli.ExitCode);
        Assert.Equal(converted.Text, cli.Out);
    }

    [Fact]
    public void Should_merge_duplicates_unless_told_not_to()
    {
        string twice = Pasted + Pasted;
        Assert.Equal(2, Bibliography.Convert(twice).Items.Count);
        Assert.Equal(4, Bibliography.Convert(twice, new ConvertOptions { Deduplicate = false }).Items.Count);
    }

    [Fact]
    public void Should_write_one_json_line_per_input_line()
    {
        string input = "Bort, J. (2025, November 6). Sam Altman says OpenAI does not want a government bailout. TechCrunch.\n\n"
            + new string('x', 10_001) + "\n";
        var converted = Bibliography.ConvertLines(input, "list.txt");
        var lines = converted.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal(["{}", "{}"], lines[1..]);
        Assert.Single(converted.Items);
        var error = Assert.Single(converted.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal((DiagnosticCodes.InputTooLarge, 3), (error.Code, error.Span.Line));
        Assert.Equal(converted.Text, CliRunner.Run(input, "parse", "--one-per-line").Out);
    }

    [Fact]
    public void Should_say_why_the_format_was_chosen_only_when_the_content_decided()
    {
        Assert.Equal(new FormatDetection(InputFormat.BibTex, null), Bibliography.Detect("anything", "refs.bib"));
        var byContent = Bibliography.Detect("@article{a, title={T}}\n");
        Assert.Equal(InputFormat.BibTex, byContent.Format);
        Assert.NotNull(byContent.ContentReason);
    }

    [Fact]
    public void Should_explain_each_entry_token_by_token()
    {
        var explained = Bibliography.Explain(Pasted, InputFormat.Text, "list.txt");
        Assert.Equal(2, explained.EntryCount);
        Assert.Equal([1, 2], explained.Entries.Select(e => e.Number));
        Assert.Contains(explained.Entries[0].Tokens, t => t.Token.StartsWith("Bort", StringComparison.Ordinal) && t.Label.Length > 0);
        Assert.All(explained.Entries.SelectMany(e => e.Tokens), t => Assert.InRange(t.Confidence, 0, 1));
        Assert.Throws<ArgumentException>(() => Bibliography.Explain("{}", InputFormat.CslJson));
    }

    [Fact]
    public void Should_load_a_style_once_and_format_citations_and_bibliography_as_format_prints_them()
    {
        var refs = Bibliography.Parse(Pasted);
        var style = BibliographyStyle.Load("apa", "en-US");
        string id = refs.Items[0].Id;
        var formatted = style.Format(refs.Items, [[id]], OutputFormat.Text);
        Assert.StartsWith("(Bort, 2025)\n\n", formatted.Text, StringComparison.Ordinal);
        Assert.Equal(formatted.Text, CliRunner.Run(Pasted, "format", "--style", "apa", "--locale", "en-US", "--cite", id).Out);
        Assert.Equal(Bibliography.Format(refs.Items, "apa", "en-US"), style.Format(refs.Items).Text);
    }

    [Fact]
    public void Should_throw_positioned_style_errors_and_name_the_missing_style()
    {
        var missing = Assert.Throws<DiagnosticException>(() => BibliographyStyle.Load("no-such-style"));
        Assert.Equal(DiagnosticCodes.CslStyleNotFound, Assert.Single(missing.Diagnostics).Code);
        var locale = Assert.Throws<DiagnosticException>(() => BibliographyStyle.Load("apa", "xx-YY"));
        Assert.Equal(DiagnosticCodes.CslLocaleNotFound, Assert.Single(locale.Diagnostics).Code);
        var tmp = Directory.CreateTempSubdirectory("sc-frontdoor-");
        try
        {
            string broken = Path.Combine(tmp.FullName, "broken.csl");
            File.WriteAllText(broken, "<style xmlns=\"http://purl.org/net/xbiblio/csl\" version=\"1.0\"><info><title>x</title>");
            var errors = Assert.Throws<DiagnosticException>(() => BibliographyStyle.Load(broken));
            Assert.NotEmpty(errors.Diagnostics);
            Assert.All(errors.Diagnostics, d => Assert.NotNull(d.Source));
        }
        finally
        {
            tmp.Delete(recursive: true);
        }
    }

    [Fact]
    public void Should_verify_offline_without_a_request_and_say_what_it_would_search()
    {
        var refs = Bibliography.Parse(Pasted);
        var report = Bibliography.Verify(refs.Items, new VerifyOptions { UseCache = false });
        Assert.Equal(2, report.Verdicts.Count);
        Assert.All(report.Verdicts, v => Assert.Equal(Verdicts.Unchecked, v.Verdict));
        Assert.All(report.Results, r => Assert.Null(r.Fetch));
        Assert.Contains("\"schema\": \"sourcecheck-verify/2\"", report.ToJson(), StringComparison.Ordinal);
        Assert.Equal(2, report.AllFindings().Count(f => f.Type == FindingKind.Verdict));
    }

    [Fact]
    public void Should_give_the_page_json_page_prints()
    {
        const string html = "<html lang=\"en\"><head><title>Flood risk rises</title><meta name=\"author\" content=\"Jane Roe\"></head><body><article><p>Rivers rose across the region on Monday, officials said.</p></article></body></html>";
        // the command reads the input as bytes (charset from BOM or meta): the same call, the same reading
        var page = Pages.Read(System.Text.Encoding.UTF8.GetBytes(html), "https://example.org/news/flood");
        var cli = CliRunner.Run(html, "page", "-", "--url", "https://example.org/news/flood", "--json");
        Assert.Equal(0, cli.ExitCode);
        Assert.Equal(Pages.ToJson(page), cli.Out);
        Assert.Contains("Flood risk rises", cli.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_private_address_when_fetching_a_page()
    {
        var fetched = Pages.Fetch("http://127.0.0.1:9/page", new FetchOptions { TotalTimeout = TimeSpan.FromSeconds(5) });
        Assert.Null(fetched.Page);
        Assert.NotEqual(FetchErrorKind.None, fetched.Fetch.Error);
    }

    [Fact]
    public void Should_resolve_the_store_location_as_the_commands_do()
    {
        Assert.Equal(Path.GetFullPath("x.db", "/tmp"), StoreLocation.Resolve("x.db", _ => null, "/tmp"));
        Assert.Equal("/data/s.db", StoreLocation.Resolve(null, n => n == "SOURCECHECK_DB" ? "/data/s.db" : null, "/tmp"));
        Assert.Equal("postgresql://u@h/db", StoreLocation.Resolve("postgresql://u@h/db", _ => null, "/tmp"));
        Assert.NotEmpty(StoreLocation.SearchTerms("Rechenzentren Milliarden"));
    }

    [Theory]
    [InlineData(typeof(Bibliography))]
    [InlineData(typeof(StoreLocation))]
    public void Should_not_open_the_runtime_library_internals_to_the_cli(Type frontDoor)
    {
        var friends = frontDoor.Assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToList();
        Assert.Contains("SourceCheck.Tests", friends);
        Assert.DoesNotContain("SourceCheck.Cli", friends);
    }
}
