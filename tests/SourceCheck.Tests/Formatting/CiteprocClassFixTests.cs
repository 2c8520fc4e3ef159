using SourceCheck.Csl;
using SourceCheck.Formatting;

namespace SourceCheck.Tests.Formatting;

/// <summary>Classes of difference from citeproc-js fixed in session 5 (found by the csl-diff bench).</summary>
public sealed class CiteprocClassFixTests
{
    private static IReadOnlyList<string> Bibliography(string bibliographyXml, string itemsJson, OutputFormat format = OutputFormat.Text)
    {
        string xml = $"""
            <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
              <citation><layout><text variable="title"/></layout></citation>
              {bibliographyXml}
            </style>
            """;
        var style = Style.Parse(xml).Value!;
        var items = CslJson.Parse(itemsJson).Value!;
        return new CslProcessor(style, style.ResolveLocale("en-US"), items).Process([], format).Bibliography;
    }

    public sealed class Text
    {
        [Fact]
        public void Should_put_a_space_between_the_number_and_the_entry_under_second_field_align()
        {
            var bib = Bibliography("""
                <bibliography second-field-align="flush"><layout>
                  <text variable="citation-number" prefix="[" suffix="]"/><text variable="title"/>
                </layout></bibliography>
                """, """[{"id":"a","type":"book","title":"Alpha"}]""");
            Assert.Equal("[1] Alpha", bib[0]);
        }

        [Fact]
        public void Should_print_one_year_for_a_month_range_within_that_year()
        {
            var bib = Bibliography("""
                <bibliography><layout><group delimiter=", ">
                  <date variable="issued"><date-part name="year"/></date>
                  <date variable="issued"><date-part name="month"/><date-part name="day" prefix=" "/></date>
                </group></layout></bibliography>
                """, """[{"id":"a","type":"book","title":"Alpha","issued":{"date-parts":[[2025,7,5],[2025,8,22]]}}]""");
            Assert.Equal("2025, July 5–August 22", bib[0]);
        }
    }
}
