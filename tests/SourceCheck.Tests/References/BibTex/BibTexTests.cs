using System.Globalization;
using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.References.BibTex;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.References.BibTex;

public sealed class BibTexTests
{
    private static string Sample => File.ReadAllText(SharedData.Fixture("sample.bib"));

    private static CslItem Item(IReadOnlyList<CslItem> items, string id) => items.Single(i => i.Id == id);

    public sealed class Read
    {
        [Fact]
        public void Should_read_every_entry_of_the_sample_without_errors()
        {
            var r = BibTexReader.Read(Sample, "sample.bib");
            Assert.DoesNotContain(r.Diagnostics, d => d.Severity == Severity.Error);
            Assert.Equal(
                ["ostrander2021", "lindqvist2019", "harbor2020", "chen2020", "dubois2018", "kiel2022", "harbourwatch2025", "anon2023", "vonhagen2017"],
                r.Value!.Select(i => i.Id));
        }

        [Fact]
        public void Should_map_an_article_with_names_macros_accents_and_dates()
        {
            var a = Item(BibTexReader.Read(Sample).Value!, "ostrander2021");
            Assert.Equal("article-journal", a.Type);
            var names = a.GetNames("author");
            Assert.Equal(4, names.Count);
            Assert.Equal(("Ostrander", "Maja"), (names[0].Family, names[0].Given));
            Assert.Equal(("Velde", "Jan", "van der"), (names[1].Family, names[1].Given, names[1].NonDroppingParticle));
            Assert.Equal(("Nuñez", "Pablo", "Jr."), (names[2].Family, names[2].Given, names[2].Suffix));
            Assert.Equal("Coastal Research Collective", names[3].Literal);
            Assert.Equal("Tidal <span class=\"nocase\">GPS</span> drift in the Öresund strait", a.Title);
            Assert.Equal("Journal of Coastal Studies", a["container-title"]);
            Assert.Equal(new DateParts(2021, 3), a.Issued!.Start);
            Assert.Equal("3", a["issue"]);
            Assert.Equal("101–118", a["page"]);
            Assert.Equal("10.5555/jcs.2021.0143", a["DOI"]);
            Assert.Equal(new DateParts(2024, 2, 1), a.GetDate("accessed")!.Start);
            Assert.Equal("We measure drift & bias at 50% tide over two <i>seasons</i>.", a["abstract"]);
        }

        [Fact]
        public void Should_concatenate_strings_and_convert_special_letters()
        {
            var b = Item(BibTexReader.Read(Sample).Value!, "lindqvist2019");
            Assert.Equal("Harbour Books Ltd.", b["publisher"]);
            Assert.Equal("Malmö", b["publisher-place"]);
            Assert.Equal("Straßen am Meer — eine Geschichte", b.Title);
            Assert.Equal("Åsa", b.Authors[0].Given);
            Assert.Equal("Müller", b.GetNames("editor")[0].Family);
        }

        [Fact]
        public void Should_inherit_from_the_crossref_parent()
        {
            var c = Item(BibTexReader.Read(Sample).Value!, "chen2020");
            Assert.Equal("paper-conference", c.Type);
            Assert.Equal("Proceedings of the Harbour Symposium", c["container-title"]);
            Assert.Equal("Quay Press", c["publisher"]);
            Assert.Equal(2020, c.Issued!.Start!.Value.Year);
            Assert.Equal("Kowalski", c.GetNames("editor")[0].Family);
            Assert.Equal("O'Neil", c.Authors[1].Family);
        }

        [Fact]
        public void Should_map_theses_reports_and_web_pages()
        {
            var items = BibTexReader.Read(Sample).Value!;
            var t = Item(items, "dubois2018");
            Assert.Equal(("thesis", "Université de Nantes", "Thèse de doctorat"), (t.Type, t["publisher"], t["genre"]));
            Assert.Equal("Françoise", t.Authors[0].Given);
            var r = Item(items, "kiel2022");
            Assert.Equal(("report", "IfM-22-1"), (r.Type, r["number"]));
            var w = Item(items, "harbourwatch2025");
            Assert.Equal("webpage", w.Type);
            Assert.Equal(new DateParts(2025, 11, 7), w.Issued!.Start);
            var v = Item(items, "vonhagen2017");
            Assert.Equal(("Hagen", "von"), (v.Authors[0].Family, v.Authors[0].NonDroppingParticle));
            Assert.Equal(("Cruz", "de la", "María"), (v.Authors[1].Family, v.Authors[1].NonDroppingParticle, v.Authors[1].Given));
            Assert.Equal("chapter", v.Type);
            Assert.Equal("4", v["chapter-number"]);
        }

        [Theory]
        [InlineData("\\\"o", "ö")]
        [InlineData("{\\\"o}", "ö")]
        [InlineData("\\\"{o}", "ö")]
        [InlineData("\\'e", "é")]
        [InlineData("\\c{c}", "ç")]
        [InlineData("{\\ss}", "ß")]
        [InlineData("\\&", "&")]
        [InlineData("1--2", "1–2")]
        [InlineData("a---b", "a—b")]
        [InlineData("{\\o}", "ø")]
        [InlineData("\\v{s}", "š")]
        [InlineData("\\H{o}", "ő")]
        [InlineData("Fig.~3", "Fig.\u00A03")]
        [InlineData("\\`a la", "à la")]
        [InlineData("{\\aa}", "å")]
        [InlineData("\\url{https://x.example/a_b}", "https://x.example/a_b")]
        public void Should_convert_latex_to_unicode(string latex, string expected) =>
            Assert.Equal(expected, Latex.ToUnicode(latex, protectCase: false));
    }

    public sealed class Errors
    {
        [Fact]
        public void Should_report_unbalanced_braces_with_position_and_continue()
        {
            const string bib = "@article{broken,\n  title = {Unclosed {brace},\n  year = 2020,\n}\n\n@book{good, title = {Fine}, year = 2021}\n";
            var r = BibTexReader.Read(bib, "x.bib");
            var d = Assert.Single(r.Diagnostics, d => d.Code == DiagnosticCodes.BibTexUnbalanced);
            Assert.Equal(2, d.Span.Line);
            Assert.Contains("entry 1 (broken)", d.Message, StringComparison.Ordinal);
            Assert.Contains(r.Value!, i => i.Id == "good" && i.Title == "Fine");
        }

        [Fact]
        public void Should_report_a_missing_equals_sign_and_read_the_next_entry()
        {
            const string bib = "@misc{a, title {X}}\n@misc{b, title = {Y}}\n";
            var r = BibTexReader.Read(bib);
            var d = Assert.Single(r.Diagnostics, d => d.Code == DiagnosticCodes.BibTexSyntax);
            Assert.Equal((1, 16), (d.Span.Line, d.Span.Column));
            Assert.Equal("Y", Assert.Single(r.Value!, i => i.Id == "b").Title);
        }

        [Fact]
        public void Should_warn_about_unknown_macros_and_missing_crossref_parents()
        {
            const string bib = "@inproceedings{x, title = {T}, booktitle = nowhere, crossref = {ghost}}";
            var r = BibTexReader.Read(bib);
            Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.BibTexUnknownMacro && d.Message.Contains("nowhere", StringComparison.Ordinal));
            Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.BibTexMissingCrossref && d.Message.Contains("ghost", StringComparison.Ordinal));
            Assert.Single(r.Value!);
        }

        [Fact]
        public void Should_report_an_entry_left_open_at_the_end()
        {
            var r = BibTexReader.Read("@article{open, title = {T}");
            Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.BibTexUnbalanced);
        }
    }

    public sealed class RoundTrip
    {
        private static string Norm(BibTexField f) => Norm(f.Name, f.Value);

        private static string Norm(string name, string value)
        {
            if (name == "month" && Latex.Month(value) is { } m)
            {
                return m.ToString(CultureInfo.InvariantCulture);
            }

            string u = Latex.ToUnicode(value, protectCase: true);
            return string.Join(' ', u.Split((char[])[' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
        }

        [Fact]
        public void Should_keep_every_field_bibtex_to_csl_json_to_bibtex()
        {
            var first = BibTexParser.Parse(Sample);
            var read = BibTexReader.Read(Sample);
            // Through CSL-JSON text, so that only what CSL-JSON can hold survives.
            var json = CslJson.Serialize(read.Value!);
            var back = CslJson.Parse(json).Value!;
            var diagnostics = new List<Diagnostic>();
            string written = BibTexWriter.Write(back, diagnostics);
            Assert.Empty(diagnostics);
            var second = BibTexParser.Parse(written);
            Assert.Empty(second.Diagnostics);
            Assert.Equal(first.Entries.Count, second.Entries.Count);
            for (int i = 0; i < first.Entries.Count; i++)
            {
                var a = first.Entries[i];
                var b = second.Entries[i];
                Assert.Equal(a.Key, b.Key);
                Assert.Equal(a.Type, b.Type);
                foreach (var f in a.Fields)
                {
                    var g = b.Fields.FirstOrDefault(x => x.Name == f.Name);
                    Assert.True(g is not null, $"{a.Key}: field '{f.Name}' lost in:\n{written}");
                    Assert.Equal(Norm(f), Norm(g!));
                }
            }
        }

        [Fact]
        public void Should_carry_csl_variables_without_a_bibtex_field()
        {
            var item = new CslItem("blog1", "post-weblog");
            item.SetString("title", "Caf\u00e9 & 50% – notes");
            item.SetString("archive_location", "Box 7");
            item.SetNames("interviewer", [CslName.Person("Ray", "Ann")]);
            item.SetDate("original-date", CslDate.Of(1999, 5));
            var diagnostics = new List<Diagnostic>();
            string bib = BibTexWriter.Write([item], diagnostics);
            Assert.Contains("Caf{\\'e} \\& 50\\% -- notes", bib, StringComparison.Ordinal);
            var back = Assert.Single(BibTexReader.Read(bib).Value!);
            Assert.Equal("post-weblog", back.Type);
            Assert.Equal("Box 7", back["archive_location"]);
            Assert.Equal("Ray", back.GetNames("interviewer")[0].Family);
            Assert.Equal(new DateParts(1999, 5), back.GetDate("original-date")!.Start);
            Assert.Equal(item.Title, back.Title);
        }

        [Fact]
        public void Should_report_data_bibtex_cannot_hold()
        {
            var item = CslJson.Parse("""[{"id":"a","type":"book","title":"T","custom":{"ris-fields":{"C1":["x"]}},"zz-unknown":{"a":1}}]""").Value![0];
            var diagnostics = new List<Diagnostic>();
            BibTexWriter.Write([item], diagnostics);
            Assert.Equal(2, diagnostics.Count(d => d.Code == DiagnosticCodes.FieldNotRepresentable));
        }
    }
}
