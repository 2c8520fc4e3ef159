using SourceCheck.Csl;
using SourceCheck.Formatting;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Formatting;

/// <summary>Citation numbers follow the first citation (the registry as citeproc-js builds it) when citations are
/// given: IEEE and Vancouver number the first-cited work [1]. The official-style expectations are what citeproc-js
/// 2.4.63 under node prints for fixtures/sample.json with the same citations (bench/citeproc-oracle/render.js with a
/// "citations" list: each citation through processCitationCluster, uncited items added after).</summary>
public sealed class FirstCitationNumberingTests
{
    private const string NumericStyle = """
        <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
          <citation><layout prefix="[" suffix="]" delimiter=", "><text variable="citation-number"/></layout></citation>
          <bibliography><sort><key variable="citation-number"/></sort>
            <layout><text variable="citation-number" suffix=". "/><text variable="title"/></layout></bibliography>
        </style>
        """;

    private const string Items = """
        [{"id":"a","type":"book","title":"Alpha"},{"id":"b","type":"book","title":"Beta"},
         {"id":"c","type":"book","title":"Gamma"},{"id":"d","type":"book","title":"Delta"}]
        """;

    private static FormatResult Process(string styleXml, params string[][] citations)
    {
        var style = Style.Parse(styleXml).Value!;
        var items = CslJson.Parse(Items).Value!;
        return new CslProcessor(style, style.ResolveLocale("en-US"), items)
            .Process([.. citations.Select(c => new Citation([.. c.Select(id => new CiteItem(id))]))], OutputFormat.Text);
    }

    public sealed class Library
    {
        [Fact]
        public void Should_number_the_first_cited_work_one_and_the_uncited_ones_after_the_cited()
        {
            var r = Process(NumericStyle, ["c"], ["b", "c"], ["c"]);
            Assert.Equal(["[1]", "[2, 1]", "[1]"], r.Citations);
            Assert.Equal(["1. Gamma", "2. Beta", "3. Alpha", "4. Delta"], r.Bibliography);
        }

        [Fact]
        public void Should_keep_the_input_order_without_citations()
        {
            var r = Process(NumericStyle);
            Assert.Equal(["1. Alpha", "2. Beta", "3. Gamma", "4. Delta"], r.Bibliography);
        }

        [Fact]
        public void Should_list_an_unsorted_bibliography_in_first_citation_order()
        {
            var r = Process(NumericStyle.Replace("<sort><key variable=\"citation-number\"/></sort>", string.Empty, StringComparison.Ordinal), ["d"], ["a"]);
            Assert.Equal(["1. Delta", "2. Alpha", "3. Beta", "4. Gamma"], r.Bibliography);
        }

        [Fact]
        public void Should_not_renumber_a_style_that_sorts_by_author()
        {
            var r = Process(NumericStyle.Replace("variable=\"citation-number\"/></sort>", "variable=\"title\"/></sort>", StringComparison.Ordinal), ["d"], ["a"]);
            Assert.Equal(["[3]", "[1]"], r.Citations);
            Assert.Equal(["1. Alpha", "2. Beta", "3. Delta", "4. Gamma"], r.Bibliography);
        }
    }

    public sealed class OfficialStyles
    {
        private static readonly string[] Cites = ["--cite", "okonkwo2024", "--cite", "vanderberg2023,ellison2025", "--cite", "okonkwo2024"];

        private static CliRunner.Result Format(string style)
        {
            // the official file itself: the bare name "ieee" means the project's own IEEE style
            string path = Path.Combine(StyleCatalog.DebianStyles, style + ".csl");
            Skip.IfNot(File.Exists(path), $"{path} absent (apt-get install citation-style-language-styles)");
            var r = CliRunner.Run(null, ["format", Path.Combine(SharedData.RepoRoot, "fixtures", "sample.json"), "--style", path, .. Cites]);
            Assert.True(r.ExitCode == 0, r.Error);
            return r;
        }

        [SkippableFact]
        public void Should_number_ieee_by_first_citation_as_citeproc_js_does()
        {
            var r = Format("ieee");
            Assert.Equal(
                """
                [1]
                [2], [3]
                [1]

                [1] P. Okonkwo, “Who rides at night? Shift work and public transport in port cities,” Journal of Coastal Logistics, vol. 11, no. 2, pp. 45–61, 2024, doi: 10.5555/jcl.2024.045.
                [2] A. van der Berg, Ports after dark, 2nd ed. Bremen: Dune Books, 2023.
                [3] M. Ellison and T. Varga, “Night ferry saved after council vote,” The Northport Courier, Nov. 04, 2025. Accessed: Nov. 08, 2025. [Online]. Available: https://northportcourier.example/night-ferry-saved
                [4] Harbour Workers Union, “Petition: Keep the night ferry running,” Oct. 28, 2025. https://harbourworkers.example/petition-night-ferry
                """,
                r.Out.TrimEnd().ReplaceLineEndings("\n"));
        }

        [SkippableFact]
        public void Should_number_vancouver_by_first_citation_as_citeproc_js_does()
        {
            var r = Format("vancouver");
            Assert.Equal(
                """
                (1)
                (2,3)
                (1)

                1. Okonkwo P. Who rides at night? Shift work and public transport in port cities. Journal of Coastal Logistics. 2024;11(2):45–61.
                2. van der Berg A. Ports after dark. 2nd ed. Bremen: Dune Books; 2023.
                3. Ellison M, Varga T. Night ferry saved after council vote. The Northport Courier [Internet]. 2025 Nov 4 [cited 2025 Nov 8]; Available from: https://northportcourier.example/night-ferry-saved
                4. Harbour Workers Union. Petition: Keep the night ferry running [Internet]. 2025. Available from: https://harbourworkers.example/petition-night-ferry
                """,
                string.Join('\n', r.Out.ReplaceLineEndings("\n").TrimEnd().Split('\n').Select(l => l.TrimEnd())));
        }
    }
}
