using SourceCheck.Csl;
using SourceCheck.References;

namespace SourceCheck.Tests.References.Parsing;

/// <summary>The layout classes of issue 14, session 8: German Wikipedia details ("Band", "Nr.", "S."), names in natural
/// order or an organisation before a colon, editions, a later full date of the same year, ACM's "13, 6 (June 1970)",
/// Chicago's inverted author run, unclosed series brackets in a container, acronym organisations, the "↑" mark. Real
/// references that are in none of the realrefs lists, so these test the class, not a labelled record.</summary>
public sealed class LayoutRuleSession8Tests
{
    [Fact]
    public void German_wikipedia_band_nr_and_s_are_volume_issue_and_pages_and_names_before_the_colon_are_authors()
    {
        var item = ReferenceParser.Parse("Roger Revelle, Hans E. Suess: Carbon Dioxide Exchange Between Atmosphere and Ocean and the Question of an Increase of Atmospheric CO2 during the Past Decades. In: Tellus. Band 9, Nr. 1, 1957, S. 18–27, doi:10.1111/j.2153-3490.1957.tb01849.x.").Item;
        Assert.Equal(["Revelle", "Suess"], item.Authors.Select(a => a.Family));
        Assert.StartsWith("Carbon Dioxide Exchange", item.Title, StringComparison.Ordinal);
        Assert.Equal("Tellus", item.GetString("container-title"));
        Assert.Equal("9", item.GetString("volume"));
        Assert.Equal("1", item.GetString("issue"));
        Assert.Equal("18–27", item.GetString("page"));
        Assert.Equal(1957, item.Issued!.Start!.Value.Year);
    }

    [Fact]
    public void An_organisation_before_a_colon_is_the_literal_author()
    {
        var item = ReferenceParser.Parse("European Environment Agency: Air quality in Europe 2020 report. Publications Office of the European Union, Luxembourg 2020.").Item;
        Assert.Equal("European Environment Agency", Assert.Single(item.Authors).Literal);
        Assert.StartsWith("Air quality in Europe", item.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_capitalised_words_before_a_colon_stay_a_title_unless_they_read_as_names()
    {
        var item = ReferenceParser.Parse("Deep Learning: A Critical Appraisal. arXiv preprint arXiv:1801.00631, 2018.").Item;
        Assert.DoesNotContain(item.Authors, a => a.Family == "Learning");
    }

    [Theory]
    [InlineData("Sambrook, J. & Russell, D. W. Molecular Cloning: A Laboratory Manual 3rd edn (Cold Spring Harbor Laboratory Press, 2001).", "Molecular Cloning: A Laboratory Manual", "3rd")]
    [InlineData("Hermann Haken: Synergetik. Eine Einführung. 3. Auflage. Springer, Berlin 1990.", "Synergetik. Eine Einführung", "3")]
    public void An_edition_statement_is_the_edition_not_part_of_the_title_or_publisher(string text, string title, string edition)
    {
        var item = ReferenceParser.Parse(text).Item;
        Assert.Equal(title, item.Title);
        Assert.StartsWith(edition, item.GetString("edition"), StringComparison.Ordinal);
        Assert.DoesNotContain("Auflage", item.GetString("publisher") ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_full_date_of_the_same_year_is_the_publication_date()
    {
        var item = ReferenceParser.Parse("NOAA National Centers for Environmental Information (2024): Annual 2023 Global Climate Report, 12 January 2024. https://www.ncei.noaa.gov/access/monitoring/monthly-report/global/202313").Item;
        Assert.Equal(new DateParts(2024, 1, 12), item.Issued!.Start);
        Assert.Null(item.GetString("volume"));
        Assert.Null(item.GetDate("accessed"));
        Assert.StartsWith("Annual 2023 Global Climate Report", item.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_date_after_an_access_cue_stays_the_access_date()
    {
        var item = ReferenceParser.Parse("NASA Goddard Institute for Space Studies (2024): GISS Surface Temperature Analysis (GISTEMP v4), accessed 12 January 2024. https://data.giss.nasa.gov/gistemp/").Item;
        Assert.Equal(2024, item.Issued!.Start!.Value.Year);
        Assert.Null(item.Issued!.Start!.Value.Month);
    }

    [Fact]
    public void Acm_volume_issue_and_month_in_brackets()
    {
        var item = ReferenceParser.Parse("Butler W. Lampson. 1974. Protection. SIGOPS Oper. Syst. Rev. 8, 1 (January 1974), 18–24.").Item;
        Assert.Equal("8", item.GetString("volume"));
        Assert.Equal("1", item.GetString("issue"));
        Assert.Equal(new DateParts(1974, 1, null), item.Issued!.Start);
        Assert.Equal("18–24", item.GetString("page"));
    }

    [Fact]
    public void An_unclosed_series_bracket_leaves_the_container()
    {
        var item = ReferenceParser.Parse("Michael Stonebraker and Lawrence A. Rowe. 1986. The design of POSTGRES. In Proceedings of the 1986 ACM SIGMOD international conference on Management of data (SIGMOD '86). Association for Computing Machinery, New York, NY, USA, 340–355.").Item;
        Assert.DoesNotContain("'86", item.GetString("container-title") ?? string.Empty, StringComparison.Ordinal);
        Assert.StartsWith("Proceedings of the 1986 ACM SIGMOD", item.GetString("container-title"), StringComparison.Ordinal);
    }

    [Fact]
    public void Chicago_inverted_author_does_not_run_into_the_title()
    {
        var item = ReferenceParser.Parse("Habermas, Jürgen. The Structural Transformation of the Public Sphere: An Inquiry into a Category of Bourgeois Society. Cambridge, MA: MIT Press, 1989.").Item;
        Assert.Equal("Habermas", Assert.Single(item.Authors).Family);
        Assert.StartsWith("The Structural Transformation of the Public Sphere", item.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void An_acronym_before_a_bracketed_year_is_an_organisation_author()
    {
        var item = ReferenceParser.Parse("WHO. (2021). WHO global air quality guidelines: Particulate matter (PM2.5 and PM10), ozone, nitrogen dioxide, sulfur dioxide and carbon monoxide. World Health Organization.").Item;
        Assert.Equal("WHO", Assert.Single(item.Authors).Literal);
        Assert.Equal(2021, item.Issued!.Start!.Value.Year);
    }

    [Fact]
    public void German_wikipedia_arrow_marks_are_dropped()
    {
        var entries = BibliographyDetector.Split("Einzelnachweise\n↑ Roger Revelle, Hans E. Suess: Carbon Dioxide Exchange Between Atmosphere and Ocean. In: Tellus. Band 9, Nr. 1, 1957, S. 18–27.\n↑ a b Charles D. Keeling: Is Carbon Dioxide from Fossil Fuel Changing Man's Environment? In: Proceedings of the American Philosophical Society. Band 114, Nr. 1, 1970, S. 10–17.\n")
            .Entries.ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.DoesNotContain("↑", e.Text, StringComparison.Ordinal));
        Assert.StartsWith("Charles D. Keeling", entries[1].Text, StringComparison.Ordinal);
    }
}
