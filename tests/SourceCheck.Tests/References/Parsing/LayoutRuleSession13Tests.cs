using SourceCheck.Csl;
using SourceCheck.References;

namespace SourceCheck.Tests.References.Parsing;

/// <summary>Issue 14, session 13: classes the session-12 held-out blocks and news references missed, each on works
/// that are in no realrefs list or news file: a German day after "vom" kept with the date, organisation words the
/// organisation test did not know (German compounds ending in "-amt", "-institut"; "Programme", "Panel"), an outlet
/// before a bracketed year that is no organisation by its words, and an author written in lower case.</summary>
public sealed class LayoutRuleSession13Tests
{
    [Theory]
    [InlineData("Meier, Anna: Neue Regeln für E-Scooter, in: Berliner Zeitung vom 05.07.2021.", 2021, 7, 5)]
    [InlineData("Hoffmann, Jonas: Der lange Weg zur Wärmewende – Was Mieter jetzt wissen müssen, in: Kölner Stadt-Anzeiger vom 14.11.2023, S. 6.", 2023, 11, 14)]
    [InlineData("Schuster, Lea: Warum die Mieten steigen, in: Leipziger Volkszeitung vom 3.2.2022.", 2022, 2, 3)]
    public void A_day_after_vom_is_the_whole_issued_date(string text, int year, int month, int day)
    {
        var issued = ReferenceParser.Parse(text).Item.GetDate("issued");
        Assert.NotNull(issued);
        Assert.Equal(new DateParts(year, month, day), issued!.Start);
    }

    [Theory]
    [InlineData("United Nations Environment Programme. (2021). Making peace with nature: A scientific blueprint to tackle the climate, biodiversity and pollution emergencies. UNEP.", "United Nations Environment Programme")]
    [InlineData("Robert Koch-Institut: Epidemiologisches Bulletin 12/2021, Berlin 2021.", "Robert Koch-Institut")]
    public void An_organisation_by_its_words_is_one_literal_author(string text, string literal)
    {
        var item = ReferenceParser.Parse(text).Item;
        var author = Assert.Single(item.Authors);
        Assert.Equal(literal, author.Literal);
    }

    [Theory]
    [InlineData("The Economist (2017) 'The world's most valuable resource is no longer oil, but data', 6 May.", "The Economist", "The world's most valuable resource is no longer oil, but data")]
    [InlineData("Der Spiegel (2020) 'Wie Corona die Arbeitswelt verändert', 3 April.", "Der Spiegel", "Wie Corona die Arbeitswelt verändert")]
    public void An_outlet_before_a_bracketed_year_and_a_title_is_the_author(string text, string outlet, string title)
    {
        var item = ReferenceParser.Parse(text).Item;
        Assert.Equal(outlet, Assert.Single(item.Authors).Literal);
        Assert.Equal(title, item.Title);
    }

    [Fact]
    public void An_author_in_lower_case_is_still_the_author()
    {
        var item = ReferenceParser.Parse("cummings, e. e. (1923). Tulips and chimneys. Thomas Seltzer.").Item;
        Assert.Equal("cummings", Assert.Single(item.Authors).Family);
        Assert.Equal("Tulips and chimneys", item.Title);
    }
}
