using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.References.Ris;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.References.Ris;

public sealed class RisTests
{
    private static string Sample => File.ReadAllText(SharedData.Fixture("sample.ris"));

    public sealed class Read
    {
        [Fact]
        public void Should_map_types_names_dates_and_pages()
        {
            var r = RisReader.Read(Sample, "sample.ris");
            Assert.Empty(r.Diagnostics);
            var items = r.Value!;
            Assert.Equal(["article-newspaper", "article-journal", "book", "chapter", "post-weblog", "report", "paper-conference", "thesis"],
                items.Select(i => i.Type));
            var news = items[0];
            Assert.Equal(("Vries", "de", "Marten"), (news.Authors[1].Family, news.Authors[1].NonDroppingParticle, news.Authors[1].Given));
            Assert.Equal(new DateParts(2025, 11, 7), news.Issued!.Start);
            Assert.Equal(new DateParts(2025, 11, 8), news.GetDate("accessed")!.Start);
            Assert.Equal("A1–A3", news["page"]);
            Assert.Equal("labour, ports", news["keyword"]);
            Assert.Equal("The Northport Courier", news["container-title"]);
            var jour = items[1];
            Assert.Equal(("12", "4", "10.5555/jcl.2023.201", "2345-6789"), (jour["volume"], jour["issue"], jour["DOI"], jour["ISSN"]));
            Assert.Equal("Jr.", jour.Authors[1].Suffix);
            Assert.Equal("Journal of Coastal Logistics", jour["container-title"]);
            var book = items[2];
            Assert.Equal(("978-0-00-000001-9", "Bremen", "3", "Maritime Library"), (book["ISBN"], book["publisher-place"], book["edition"], book["collection-title"]));
            Assert.Equal("Stein", book.GetNames("editor")[0].Family);
            Assert.Equal("Harbour Watch Team", items[4].Authors[0].Literal);
        }

        [Fact]
        public void Should_report_bad_lines_with_their_line_number()
        {
            const string ris = "garbage line\nTY  - JOUR\nTI  - A\nER  - \nAU  - Lost, Tag\nTY  - BOOK\nTI  - B\n";
            var r = RisReader.Read(ris);
            Assert.Equal(2, r.Value!.Count);
            Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.RisSyntax && d.Span.Line == 1);
            Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.RisSyntax && d.Span.Line == 5 && d.Message.Contains("outside", StringComparison.Ordinal));
            Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.RisSyntax && d.Message.Contains("no ER", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("2025/11/07", 2025, 11, 7)]
        [InlineData("2025/11//", 2025, 11, null)]
        [InlineData("2025///Fall", 2025, null, null)]
        [InlineData("2025-03-04", 2025, 3, 4)]
        public void Should_read_ris_dates(string text, int year, int? month, int? day) =>
            Assert.Equal(new DateParts(year, month, day), RisReader.Date(text).Start);
    }

    public sealed class RoundTrip
    {
        private static string Norm(RisLine l) => l.Tag is "PY" or "Y1" ? l.Value[..Math.Min(4, l.Value.Length)] : l.Value.Trim().TrimEnd('/');

        [Fact]
        public void Should_keep_every_tag_ris_to_csl_json_to_ris()
        {
            var diagnostics = new List<Diagnostic>();
            var first = RisReader.Records(Sample, diagnostics);
            var items = CslJson.Parse(CslJson.Serialize(RisReader.Read(Sample).Value!)).Value!;
            string written = RisWriter.Write(items, diagnostics);
            Assert.Empty(diagnostics);
            var second = RisReader.Records(written, diagnostics);
            Assert.Empty(diagnostics);
            Assert.Equal(first.Count, second.Count);
            for (int i = 0; i < first.Count; i++)
            {
                var a = first[i].Select(Key).Order(StringComparer.Ordinal).ToList();
                var b = second[i].Select(Key).Order(StringComparer.Ordinal).ToList();
                Assert.True(a.All(b.Contains), $"record {i + 1}: lost {string.Join(", ", a.Except(b))}\n{written}");
            }

            static string Key(RisLine l) => l.Tag + "=" + Norm(l);
        }

        [Fact]
        public void Should_report_what_ris_cannot_hold()
        {
            var item = new CslItem("x", "book");
            item.SetString("title", "T");
            item.SetNames("interviewer", [CslName.Person("Ray", "Ann")]);
            item.SetDate("original-date", CslDate.Of(1999));
            item.SetString("archive-place", "Kiel");
            var diagnostics = new List<Diagnostic>();
            string ris = RisWriter.Write([item], diagnostics);
            Assert.Equal(3, diagnostics.Count(d => d.Code == DiagnosticCodes.FieldNotRepresentable));
            Assert.StartsWith("TY  - BOOK\nID  - x\nTI  - T\n", ris, StringComparison.Ordinal);
            Assert.EndsWith("ER  - \n\n", ris, StringComparison.Ordinal);
        }
    }
}
