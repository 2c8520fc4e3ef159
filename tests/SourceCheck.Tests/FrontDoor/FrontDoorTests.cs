using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.Formatting;
using SourceCheck.References;
using SourceCheck.Storage;
using SourceCheck.Tests.Storage;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.FrontDoor;

/// <summary>The library's static entry points and the <see cref="Checker"/>.</summary>
public sealed class FrontDoorTests
{
    private const string Pasted = "Bort, J. (2025, November 6). Sam Altman says OpenAI does not want a government bailout. TechCrunch.\n";

    [Fact]
    public void Should_format_a_pasted_reference_in_apa_and_mla()
    {
        var refs = Bibliography.Parse(Pasted);
        Assert.Single(refs.Items);
        string apa = Bibliography.Format(refs.Items, "apa", "en-US");
        Assert.Equal("Bort, J. (2025, November 6). Sam Altman says OpenAI does not want a government bailout. TechCrunch.\n", apa);
        string mla = Bibliography.Format(refs.Items, "mla", "en-US", OutputFormat.Html);
        Assert.Contains("csl-bib-body", mla, StringComparison.Ordinal);
        Assert.NotEqual(apa, mla);
    }

    [Fact]
    public void Should_score_sentence_pairs_as_the_similarity_command_prints_them()
    {
        const string pairs = "{\"id\": \"same\", \"a\": \"Prices rose sharply in March.\", \"b\": \"In March prices rose sharply.\"}\n\n"
            + "{\"id\": 7, \"a\": \"Prices rose sharply in March.\", \"b\": \"The river flooded three villages.\"}\n";
        var scored = Articles.ScorePairs(pairs);
        Assert.Equal(["same", "7"], scored.Pairs.Select(p => p.Id));
        Assert.True(scored.Pairs[0].Score > scored.Pairs[1].Score, $"{scored.Pairs[0].Score} vs {scored.Pairs[1].Score}");
        Assert.Equal((1, 0), (scored.Pairs[0].Label, scored.Pairs[1].Label));
        Assert.Equal(scored.ToJsonLines(), CliRunner.Run(pairs, "similarity").Out);
        Assert.All(Articles.ScorePairs(pairs, threshold: 0).Pairs, p => Assert.Equal(1, p.Label));
        var bad = Assert.Throws<InputException>(() => Articles.ScorePairs("{\"id\": 1}\nnot json\n", "pairs.jsonl"));
        Assert.StartsWith("pairs.jsonl:2:", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_throw_one_diagnostic_exception_for_an_unknown_style()
    {
        var ex = Assert.Throws<DiagnosticException>(() => Bibliography.Format([], "no-such-style"));
        Assert.Contains(ex.Diagnostics, d => d.Code == DiagnosticCodes.CslStyleNotFound);
        Assert.Contains("apa", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_an_unknown_locale_instead_of_falling_back_to_english()
    {
        var ex = Assert.Throws<DiagnosticException>(() => Bibliography.Format([], "apa", "xx-YY"));
        Assert.Contains(ex.Diagnostics, d => d.Code == DiagnosticCodes.CslLocaleNotFound && d.Message.Contains("en-US", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_refuse_a_directory_and_a_missing_file_with_input_exceptions()
    {
        Assert.Equal(DiagnosticCodes.InputIsDirectory, Assert.Throws<InputException>(() => Bibliography.ParseFile(SharedData.Fixture("check"))).Code);
        Assert.Equal(DiagnosticCodes.InputNotFound, Assert.Throws<InputException>(() => Bibliography.ParseFile(SharedData.Fixture("none.bib"))).Code);
    }

    [Fact]
    public void Should_extract_claims_with_the_ids_check_prints()
    {
        string text = File.ReadAllText(SharedData.Fixture("check/nordwind-en.txt"));
        var claims = Articles.ExtractClaims(text, name: "nordwind-en.txt");
        Assert.NotEmpty(claims);
        Assert.Equal("nordwind-en.txt-c1", claims[0].Id);
    }

    [Fact]
    public void Should_read_a_page()
    {
        var page = Pages.Read(File.ReadAllText(SharedData.Fixture("pages/river-festival.html")), "https://example.org/river");
        Assert.False(string.IsNullOrWhiteSpace(page.Metadata.Title?.Value));
    }

    [Fact]
    public void Should_run_the_whole_check_job_and_save_it_in_the_store()
    {
        string db = Path.Combine(Path.GetTempPath(), "sc-frontdoor-" + Guid.NewGuid().ToString("N")[..8] + ".db");
        var checker = new Checker(new CheckerOptions { OpenStore = () => StoreLocation.Open(db), RunArguments = ["test"] });
        var report = checker.CheckFiles(SharedData.Fixture("check/nordwind-de-2.txt"), SharedData.Fixture("check/nordwind-en.txt"));
        Assert.Equal(2, report.Documents.Length);
        Assert.Equal(4, report.Documents[0].References.Length);
        Assert.Equal(report.Documents[0].References.Length, report.Documents[0].FormattedBibliography.Length);
        Assert.NotEmpty(report.Links);
        using var store = SourceCheckStore.Open(db);
        Assert.Equal(2, store.ListDocuments().Count);
        Assert.Equal(report.ClaimCount, store.GetClaims().Count);
    }
}

/// <summary>One reference identity: the store's key and the de-duplicator agree on DOIs.</summary>
public sealed class ReferenceIdentityTests
{
    [Theory]
    [InlineData("doi:10.1000/ABC", "https://dx.doi.org/10.1000/abc")]
    [InlineData("10.1000/abc.", "https://doi.org/10.1000/ABC")]
    public void Should_give_one_key_to_one_doi_written_two_ways(string a, string b)
    {
        var first = new CslItem("a", "article-journal");
        first.SetString("DOI", a);
        var second = new CslItem("b", "article-journal");
        second.SetString("DOI", b);
        Assert.Equal(ReferenceKey.For(first), ReferenceKey.For(second));
        Assert.Single(Deduplicator.Merge([first, second]).Items);
    }

    [Fact]
    public void Should_store_one_doi_written_two_ways_as_one_work()
    {
        using var tmp = new TempDb();
        using var store = SourceCheckStore.Open(tmp.FilePath);
        long[] ids = [.. new[] { "doi:10.1000/ABC", "https://dx.doi.org/10.1000/abc" }.Select((doi, i) =>
        {
            var item = new CslItem("r" + i, "article-journal");
            item.SetString("title", i == 0 ? "A study" : "A Study (preprint)");
            item.SetString("DOI", doi);
            return store.Ingest(new DocumentInput($"d{i}.txt", $"Article {i} cites a study."), [new ReferenceInput(item, 1)], []).DocumentId;
        })];
        var keys = ids.Select(id => Assert.Single(store.GetReferences(id)).DedupKey).ToList();
        Assert.Equal(keys[0], keys[1]);
        Assert.Equal("doi:10.1000/abc", keys[0]);
    }

    [Theory]
    [InlineData("Groß", "gross2020")]
    [InlineData("Søndergaard", "sondergaard2020")]
    [InlineData("Ærø", "aero2020")]
    [InlineData("Müller", "muller2020")]
    public void Should_fold_names_into_parsed_ids_as_the_citation_ids_do(string family, string expected)
    {
        var parsed = ReferenceParser.Parse($"{family}, A. (2020). Klimawandel und Küste. Verlag.").Item;
        Assert.StartsWith(expected, parsed.Id, StringComparison.Ordinal);
        Assert.Equal(expected, ReferenceIds.KeyFor(parsed));
    }
}
