using System.Text.Json.Nodes;
using SourceCheck.Bench;
using SourceCheck.Csl;
using SourceCheck.References;
using SourceCheck.References.BibTex;
using SourceCheck.References.Ris;
using SourceCheck.Tests.Support;
using Xunit.Abstractions;

namespace SourceCheck.Tests.References;

/// <summary>Real reference lists and exports nobody on the team wrote (fixtures/realrefs, hand-labelled). The tests
/// run on the dev part only and print the figures; the validation part is scored by the bench section "realrefs".</summary>
public sealed class RealRefsTests(ITestOutputHelper output)
{
    private static JsonObject Labels(string name) => (JsonObject)JsonNode.Parse(File.ReadAllText(SharedData.Fixture(Path.Combine("realrefs", name))))!;

    [Fact]
    public void Real_bibtex_fields_are_read_as_biblatex_means_them()
    {
        string path = SharedData.Fixture(Path.Combine("realrefs", "biblatex-examples-excerpt.bib"));
        var items = BibTexReader.Read(File.ReadAllText(path), path).Value!;
        var t = RealRefsScore.ScoreStructured(items, Labels("biblatex-examples-excerpt.labels.json"), "dev", byOrder: false);
        output.WriteLine($"BibTeX dev: {t.Right}/{t.Gold + t.Extra} fields right ({t.Accuracy:P1})");
        t.Misses.ForEach(output.WriteLine);
        Assert.True(t.Accuracy >= 0.95, string.Join("\n", t.Misses));
    }

    [Fact]
    public void Real_ris_exports_give_bare_dois_persons_and_series()
    {
        string path = SharedData.Fixture(Path.Combine("realrefs", "publisher-exports.ris"));
        var items = RisReader.Read(File.ReadAllText(path), path).Value!;
        var t = RealRefsScore.ScoreStructured(items, Labels("publisher-exports.labels.json"), "dev", byOrder: true);
        output.WriteLine($"RIS dev: {t.Right}/{t.Gold + t.Extra} fields right ({t.Accuracy:P1})");
        t.Misses.ForEach(output.WriteLine);
        Assert.True(t.Accuracy >= 0.95, string.Join("\n", t.Misses));
    }

    [Fact]
    public void Real_text_lists_split_right_and_never_end_in_an_error()
    {
        var labels = Labels("text.labels.json");
        var fields = new RealRefsScore.Tally();
        foreach (var list in ((JsonArray)labels["lists"]!).Select(x => (JsonObject)x!).Where(x => x["split"]!.GetValue<string>() == "dev"))
        {
            string file = list["file"]!.GetValue<string>();
            var r = RealRefsScore.ScoreTextList(file, File.ReadAllText(SharedData.Fixture(Path.Combine("realrefs", file))), list);
            output.WriteLine($"{file}: split {(r.SplitRight ? "right" : "wrong")} ({r.Found}/{r.Expected}), fields {r.Fields.Right}/{r.Fields.Gold + r.Fields.Extra}");
            fields.Add(r.Fields);
            Assert.True(r.SplitRight, $"{file}: {r.Found} entries, want {r.Expected}");
            Assert.False(r.Error, $"{file} ends in an error");
        }

        output.WriteLine($"text dev fields right {fields.Accuracy:P1}");
        fields.Misses.ForEach(output.WriteLine);
        Assert.True(fields.Accuracy >= 0.75, string.Join("\n", fields.Misses));
    }

    [Theory]
    [InlineData("[1] Alvarez, J. (2025). Port congestion eases. Global Shipping Times.\n[2] Brennan, K. (2024). Fuel costs. Journal of Maritime Economics, 12(3), 45-67.\n")]
    [InlineData("[BAD10] Bad, A. (2010). A title. Journal, 1(2), 3-4.\n[KEY11] Key, B. (2011). Another title. Press.\n")]
    [InlineData("{Smith, J. (2020). Braces first. Journal.}\n")]
    public void Reference_lists_are_never_taken_for_structured_data(string text)
    {
        var (format, reason) = ReferenceReader.Sniff(text);
        Assert.Equal(InputFormat.Text, format);
        Assert.Contains("text", reason, StringComparison.Ordinal);
        if (!text.StartsWith('{'))
        {
            var read = ReferenceReader.Read(text);
            Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics));
            Assert.Equal(2, read.Items.Count);
        }
    }

    [Theory]
    [InlineData("[{\"id\":\"a\",\"type\":\"book\"}]", InputFormat.CslJson)]
    [InlineData("@article{k, title={T}}", InputFormat.BibTex)]
    [InlineData("% comment\n@book{k, title={T}}", InputFormat.BibTex)]
    [InlineData("TY  - JOUR\nTI  - T\nER  - \n", InputFormat.Ris)]
    [InlineData("references:\n- id: a\n", InputFormat.Yaml)]
    public void Structured_data_is_still_recognised(string text, InputFormat want) => Assert.Equal(want, ReferenceReader.Sniff(text).Format);

    [Fact]
    public void Run_on_numbered_list_and_german_dash_list_split_right()
    {
        var runOn = BibliographyDetector.Detect("References: [1] J. Alvarez, \u201cPort congestion eases,\u201d Global Shipping Times, Aug. 21, 2025. [2] K. Brennan et al., \u201cFuel costs,\u201d J. Mar. Econ., vol. 12, pp. 45\u201367, 2024. [3] L. Chen, \u201cQuiet ports,\u201d Harbour Review, 2023.");
        Assert.Equal(3, runOn.SelectMany(b => b.Entries).Count());
        var german = BibliographyDetector.Detect("Quellen:\n\u2013 Schneider, Lena: Bahn k\u00fcndigt neue Sanierungswelle an \u2013 Pendler m\u00fcssen umplanen, in: S\u00fcddeutsche Rundschau vom 14.03.2025, online unter: https://sz.example/bahn (Abruf am 15.03.2025).\n\u2013 Krause, Tim: Streik legt Nahverkehr lahm, in: Berliner Blatt vom 02.02.2025 (Zugriff: 03.02.2025).\n");
        var entries = german.SelectMany(b => b.Entries).ToList();
        Assert.Equal(2, entries.Count);
        Assert.Contains("Pendler m\u00fcssen umplanen", entries[0].Text, StringComparison.Ordinal);
        var item = ReferenceParser.Parse(entries[0].Text).Item;
        Assert.Equal("Schneider", item.Authors[0].Family);
        Assert.Equal(new DateParts(2025, 3, 15), item.GetDate("accessed")!.Start);
    }

    [Theory]
    [InlineData("American Forest and Paper Association (AFPA). (2012). Paper recycling report. Retrieved 2012-08-18, from http://www.afandpa.org/recycling", "American Forest and Paper Association", 2012)]
    [InlineData("Bluewater Lines. (2024, May 3). Fleet renewal programme announced. Bluewater Lines Newsroom.", "Bluewater Lines", 2024)]
    public void Organisations_stay_one_literal_author_and_access_dates_are_not_issued(string text, string literal, int year)
    {
        var item = ReferenceParser.Parse(text).Item;
        Assert.Equal(literal, Assert.Single(item.Authors).Literal);
        Assert.Equal(year, item.Issued!.Start!.Value.Year);
        if (text.Contains("Retrieved", StringComparison.Ordinal))
        {
            Assert.Equal(new DateParts(2012, 8, 18), item.GetDate("accessed")!.Start);
        }
    }

    [Fact]
    public void Long_name_lists_without_a_colon_do_not_make_the_din_rule_backtrack()
    {
        // Many "Family, Given Given" names and no closing colon: the DIN author rule must give up quickly (it once
        // timed out on such input); the parser neither throws nor reports a failure.
        string text = string.Concat(Enumerable.Repeat("Müller, Hans Peter Karl ; Meier, Anna Lena Marie / ", 60)) + "Title without colon 2020";
        var parsed = ReferenceParser.Parse(text);
        Assert.DoesNotContain(parsed.Diagnostics, d => d.Severity == SourceCheck.Diagnostics.Severity.Error);
    }

    [Fact]
    public void Abgerufen_am_is_the_access_date_not_a_page_or_doi()
    {
        var item = ReferenceParser.Parse("Stobitzer, Christian: Symmetrische Verschl\u00fcsselung. Karlsruhe. URL: http://www.kryptowissen.de/symmetrische-verschluesselung.html (abgerufen am 27.04.2018)").Item;
        Assert.Equal(new DateParts(2018, 4, 27), item.GetDate("accessed")!.Start);
        Assert.Null(item.GetString("page"));
        Assert.Null(item.GetString("DOI"));
        Assert.Null(item.Issued);
        Assert.Equal("Stobitzer", item.Authors[0].Family);
    }

    [Fact]
    public void Bibtex_comments_math_accents_eprint_and_organisations()
    {
        const string bib = """
            % @article{old, title={Commented out},
            @misc{real,
              title = {Energy at $T \approx 10^{3}$ K: the $\alpha$-phase},
              author = {Pe\~na, Jos\'e and {Harbour Watch}},
              organization = {Harbour Watch},
              eprint = {2101.00001}, archivePrefix = {arXiv},
              year = 2021,
            }
            @book{series1, title = {Tides}, subtitle = {A primer}, series = {Coastal Notes}, number = 4, publisher = {Quay}, year = 2020}
            """;
        var items = BibTexReader.Read(bib).Value!;
        Assert.Equal(["real", "series1"], items.Select(i => i.Id));
        var real = items[0];
        Assert.Equal("Energy at T ≈ 10<sup>3</sup> K: the α-phase", real.Title);
        Assert.Equal("Peña", real.Authors[0].Family);
        Assert.Equal("José", real.Authors[0].Given);
        Assert.Equal("https://arxiv.org/abs/2101.00001", real.GetString("URL"));
        Assert.Equal("Harbour Watch", real.GetString("publisher"));
        Assert.Equal("Tides: A primer", items[1].Title);
        Assert.Equal("4", items[1].GetString("collection-number"));

        // Written back, the separate BibTeX fields return (not a joined title or a derived publisher field).
        var diagnostics = new List<SourceCheck.Diagnostics.Diagnostic>();
        string written = BibTexWriter.Write(items, diagnostics);
        Assert.Contains("subtitle = {A primer}", written, StringComparison.Ordinal);
        Assert.Contains("organization = {Harbour Watch}", written, StringComparison.Ordinal);
        Assert.DoesNotContain("Tides: A primer", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Ris_dois_names_and_series()
    {
        const string ris = "TY  - CHAP\nAU  - John R. Kitchin\nAU  - World Health Organization\nT1  - A chapter\nBT  - Methods in Enzymology\nT2  - Methods in Protein Design\nVL  - Volume 523\nDO  - http://dx.doi.org/10.1016/B978-0-12-394292-0.00004-7\nER  - \nTY  - JOUR\nTI  - T\nM3  - doi: 10.1021/j100308a038\nER  - \n";
        var items = RisReader.Read(ris).Value!;
        Assert.Equal("Kitchin", items[0].Authors[0].Family);
        Assert.Equal("John R.", items[0].Authors[0].Given);
        Assert.Equal("World Health Organization", items[0].Authors[1].Literal);
        Assert.Equal("Methods in Protein Design", items[0].GetString("container-title"));
        Assert.Equal("Methods in Enzymology", items[0].GetString("collection-title"));
        Assert.Equal("523", items[0].GetString("volume"));
        Assert.Equal("10.1016/B978-0-12-394292-0.00004-7", items[0].GetString("DOI"));
        Assert.Equal("10.1021/j100308a038", items[1].GetString("DOI"));
        Assert.Null(items[1].GetString("genre"));
    }
}
