using SourceCheck.References;

namespace SourceCheck.Tests.References.Parsing;

/// <summary>Issue 14, session 12: classes the session-11 held-out lists and news references missed, each on works
/// that are in no realrefs list or news file: a journal before its year that stays the container, AMA editors marked
/// "eds." without brackets, a quoted title with full stops inside (an outlet or organisation before the date, bracketed
/// or bare: cases of <see cref="LayoutRuleTests"/>' organisation theory).</summary>
public sealed class LayoutRuleSession12Tests
{
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
