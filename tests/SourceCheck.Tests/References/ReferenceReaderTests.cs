using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.References;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.References;

public sealed class ReferenceReaderTests
{
    public sealed class Read
    {
        [SkippableFact]
        public void Should_parse_the_ten_seed_references_with_unique_ids()
        {
            string text = File.ReadAllText(SharedData.Require("seeds/001_24f15e50664b9831.txt"));
            var result = ReferenceReader.Read(text, InputFormat.Auto, "seed.txt");
            Assert.Equal(InputFormat.Text, result.Format);
            Assert.Equal(10, result.Items.Count);
            Assert.Equal(10, result.Items.Select(i => i.Id).Distinct().Count());
            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
        }

        [Fact]
        public void Should_treat_a_plain_list_without_heading_as_references()
        {
            const string text = "Marsh, I. (2020). Quiet rivers. Fen Books.\nOduya, K. (2021, May 2). Fishing rights debated. Lake Times.\n";
            var result = ReferenceReader.Read(text, InputFormat.Text);
            Assert.Equal(2, result.Items.Count);
        }

        [Fact]
        public void Should_warn_when_no_bibliography_is_found()
        {
            var result = ReferenceReader.Read("Just a sentence about the weather.", InputFormat.Text);
            Assert.Empty(result.Items);
            Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.NoBibliographyFound);
        }

        [Fact]
        public void Should_read_html_blocks()
        {
            const string html = "<html><body><h3>References</h3><ol><li>Marsh, I. (2020). Quiet rivers. Fen Books.</li><li>Lund, M. (2019). Harbour lights. Quay Press.</li></ol></body></html>";
            var result = ReferenceReader.Read(html);
            Assert.Equal(InputFormat.Html, result.Format);
            Assert.Equal(2, result.Items.Count);
        }

        [Fact]
        public void Should_name_the_entry_and_position_in_parser_diagnostics()
        {
            const string text = "References\nMarsh, I. (2020). Quiet rivers. Fen Books.\n";
            var diagnostics = new List<Diagnostic>();
            var entry = BibliographyDetector.Detect(text)[0].Entries[0];
            var parsed = ReferenceReader.ParseOne(entry, 7, diagnostics, "x.txt");
            Assert.NotNull(parsed.Item);
            Assert.All(diagnostics, d =>
            {
                Assert.StartsWith("entry 7: ", d.Message, StringComparison.Ordinal);
                Assert.True(d.Span.Line >= 2);
            });
        }
    }

    public sealed class AssignIds
    {
        [Fact]
        public void Should_derive_author_year_ids_and_letter_clashes()
        {
            var a = new CslItem("x").SetNames("author", [CslName.Person("Wile", "R.")]).SetDate("issued", CslDate.Of(2025, 11, 6));
            var b = new CslItem("y").SetNames("author", [CslName.Person("Wile", "Rob")]).SetDate("issued", CslDate.Of(2025));
            var c = new CslItem("z").SetNames("author", [CslName.Institution("The Tech Buzz Team")]).SetDate("issued", CslDate.Of(2025));
            var d = new CslItem("w");
            d.SetString("title", "Über Brücken");
            var e = new CslItem("v");
            ReferenceIds.Assign([a, b, c, d, e]);
            Assert.Equal(["wile2025", "wile2025a", "tech2025", "uber", "ref-5"], new[] { a.Id, b.Id, c.Id, d.Id, e.Id });
        }
    }
}
