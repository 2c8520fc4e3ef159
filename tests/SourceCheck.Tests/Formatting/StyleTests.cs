using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.Formatting;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Formatting;

public sealed class StyleTests
{
    private const string Minimal = """
        <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
          <macro name="author"><names variable="author"><name and="symbol" initialize-with=". " name-as-sort-order="all" delimiter-precedes-last="always"/></names></macro>
          <citation><layout prefix="(" suffix=")" delimiter="; "><group delimiter=", "><names variable="author"><name form="short" and="symbol"/></names><date variable="issued"><date-part name="year"/></date></group></layout></citation>
          <bibliography><layout suffix="."><group delimiter=". "><text macro="author"/><text variable="title" font-style="italic"/></group></layout></bibliography>
        </style>
        """;

    internal static Locale EnUs(Style style)
    {
        string dir = SharedData.Require("csl-locales");
        return style.ResolveLocale("en-US", StyleCatalog.FolderLocales(dir));
    }

    private static CslItem Item() => new CslItem("wile", "article-journal")
        .SetNames("author", [CslName.Person("Wile", "Anna"), CslName.Person("Kopack", "Ben")])
        .SetString("title", "Vision of the <i>future</i>")
        .SetDate("issued", CslDate.Of(2025));

    public sealed class Parse
    {
        [Fact]
        public void Should_report_every_problem_with_line_and_column()
        {
            const string bad = """
                <style xmlns="http://purl.org/net/xbiblio/csl" class="bogus" version="1.0">
                  <citation><layout><text macro="missing"/><frobnicate/></layout></citation>
                  <bibliography><layout><names variable="author"><name form="huge"/></names><text/></layout></bibliography>
                </style>
                """;
            var result = Style.Parse(bad, "bad.csl");
            Assert.Null(result.Value);
            Assert.False(result.Success);
            var codes = result.Diagnostics.Select(d => d.Code).ToList();
            Assert.Contains(DiagnosticCodes.CslBadAttributeValue, codes);
            Assert.Contains(DiagnosticCodes.CslUnknownElement, codes);
            Assert.Contains(DiagnosticCodes.CslMissingMacro, codes);
            Assert.Contains(DiagnosticCodes.CslMissingAttribute, codes);
            Assert.True(result.Diagnostics.Count >= 5);
            var unknown = result.Diagnostics.Single(d => d.Code == DiagnosticCodes.CslUnknownElement);
            Assert.Equal(2, unknown.Span.Line);
            Assert.True(unknown.Span.Column > 1);
            Assert.All(result.Diagnostics, d => Assert.True(d.Span.Line > 0));
        }

        [Fact]
        public void Should_refuse_a_document_type_definition()
        {
            const string dtd = "<!DOCTYPE style [<!ENTITY x \"boom\">]><style xmlns=\"http://purl.org/net/xbiblio/csl\"><citation><layout><text value=\"&x;\"/></layout></citation></style>";
            var result = Style.Parse(dtd);
            Assert.Null(result.Value);
            Assert.Equal(DiagnosticCodes.CslXmlSyntax, Assert.Single(result.Diagnostics).Code);
        }

        [Fact]
        public void Should_resolve_a_dependent_style_through_the_resolver()
        {
            const string dependent = """
                <style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="en-GB">
                  <info><link rel="independent-parent" href="http://www.zotero.org/styles/minimal"/></info>
                </style>
                """;
            var result = Style.Parse(dependent, null, href => href.EndsWith("/minimal", StringComparison.Ordinal) ? Minimal : null);
            Assert.NotNull(result.Value);
            Assert.Equal("en-GB", result.Value!.DefaultLocale);
            Assert.NotNull(result.Value.Bibliography);
            var missing = Style.Parse(dependent, null, _ => null);
            Assert.Equal(DiagnosticCodes.CslMissingParent, Assert.Single(missing.Diagnostics).Code);
        }
    }

    public sealed class Render
    {
        [SkippableFact]
        public void Should_render_citation_and_bibliography_in_every_output_format()
        {
            var style = Style.Parse(Minimal).Value!;
            var locale = EnUs(style);
            string Bib(OutputFormat f) => new CslProcessor(style, locale, [Item()]).Process([], f).Bibliography[0];
            Assert.Equal("Wile, A., & Kopack, B. <i>Vision of the <span style=\"font-style:normal;\">future</span></i>.", Bib(OutputFormat.Html).Replace("&#38;", "&", StringComparison.Ordinal));
            Assert.Equal("Wile, A., & Kopack, B. Vision of the future.", Bib(OutputFormat.Text));
            Assert.Equal("Wile, A., & Kopack, B. *Vision of the future*.", Bib(OutputFormat.Markdown));
            Assert.StartsWith("Wile, A., & Kopack, B. {\\i Vision of the {\\i0 future}}", Bib(OutputFormat.Rtf), StringComparison.Ordinal);
            var cite = new CslProcessor(style, locale, [Item()]).Process([new Citation([new CiteItem("wile")])], OutputFormat.Text, bibliography: false);
            Assert.Equal("(Wile & Kopack, 2025)", Assert.Single(cite.Citations));
        }

        [SkippableFact]
        public void Should_fall_back_from_a_regional_locale_to_its_language_and_en_US()
        {
            var style = Style.Parse(Minimal).Value!;
            string dir = SharedData.Require("csl-locales");
            var deAt = style.ResolveLocale("de-AT", StyleCatalog.FolderLocales(dir));
            Assert.Equal("und", deAt.Term("and"));
            var unknown = style.ResolveLocale("xx-YY", StyleCatalog.FolderLocales(dir));
            Assert.Equal("and", unknown.Term("and"));
        }

        [SkippableFact]
        public void Should_be_usable_from_many_threads()
        {
            var style = Style.Parse(Minimal).Value!;
            var locale = EnUs(style);
            var results = new string[16];
            Parallel.For(0, results.Length, i =>
                results[i] = new CslProcessor(style, locale, [Item()]).Process([], OutputFormat.Text).Bibliography[0]);
            Assert.All(results, r => Assert.Equal(results[0], r));
        }
    }
}
