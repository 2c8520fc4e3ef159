using SourceCheck.References;

namespace SourceCheck.Tests.References.Parsing;

/// <summary>Issue 14, session 12: classes the session-11 held-out lists and news references missed, each on works
/// that are in no realrefs list or news file: an outlet or organisation before the date (bracketed or, Australian
/// Harvard, bare), AMA editors marked "eds." without brackets, a quoted title with full stops inside.</summary>
public sealed class LayoutRuleSession12Tests
{
    [Theory]
    [InlineData("Sky News (2019) Boris Johnson wins Conservative leadership race and will become prime minister. 23 July.", "Sky News", 2019)]
    [InlineData("Department of Health 2019, Australia's long term national health plan, Department of Health, Canberra.", "Department of Health", 2019)]
    [InlineData("Australian Institute of Health and Welfare 2020, Australia's health 2020, AIHW, Canberra.", "Australian Institute of Health and Welfare", 2020)]
    public void An_organisation_before_the_date_is_the_author(string text, string literal, int year)
    {
        var item = ReferenceParser.Parse(text).Item;
        Assert.Equal(literal, Assert.Single(item.Authors).Literal);
        Assert.Equal(year, item.Issued!.Start!.Value.Year);
        Assert.NotNull(item.Title);
        Assert.DoesNotContain(literal, item.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_journal_before_its_year_stays_the_container()
    {
        var item = ReferenceParser.Parse("Journal of Hepatology (2001), 34, 112–118").Item;
        Assert.Empty(item.Authors);
        Assert.Equal("Journal of Hepatology", item.GetString("container-title"));
    }

    [Theory]
    [InlineData("Goldman L, Schafer AI, eds. Goldman-Cecil Medicine. 26th ed. Elsevier; 2020.", new[] { "Goldman", "Schafer" })]
    [InlineData("Jameson JL, Fauci AS, Kasper DL, Hauser SL, Longo DL, Loscalzo J, eds. Harrison's Principles of Internal Medicine. 20th ed. McGraw-Hill Education; 2018.", new[] { "Jameson", "Fauci", "Kasper", "Hauser", "Longo", "Loscalzo" })]
    public void Names_before_a_bare_eds_are_editors(string text, string[] families)
    {
        var item = ReferenceParser.Parse(text).Item;
        Assert.Empty(item.Authors);
        Assert.Equal(families, item.GetNames("editor").Select(n => n.Family).ToArray());
    }

    [Theory]
    [InlineData("[4] B. Gellman and E. Nakashima, “U.S. spy agencies mounted 231 offensive cyber-operations in 2011, documents show,” The Washington Post, Aug. 30, 2013.", "U.S. spy agencies mounted 231 offensive cyber-operations in 2011, documents show")]
    [InlineData("[6] E. Nakashima, “U.S., Britain blame Russia for global cyber-espionage campaign,” The Washington Post, Apr. 16, 2018.", "U.S., Britain blame Russia for global cyber-espionage campaign")]
    public void A_quoted_title_with_full_stops_inside_is_whole(string text, string title)
    {
        var item = ReferenceParser.Parse(text).Item;
        Assert.Equal(title, item.Title);
        Assert.Equal("The Washington Post", item.GetString("container-title"));
    }
}
