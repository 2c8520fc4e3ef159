using SourceCheck.References;

namespace SourceCheck.Tests.References.Parsing;

/// <summary>Issue 14, session 10: the rule passes that read a whole reference by its shape (MLA books, statutes,
/// books in footnotes) must fire after a citation number too. Their patterns are anchored at the start of the
/// reference, and a .NET regex's <c>^</c> does not match at a start offset given to <c>Match(text, offset)</c>, so a
/// numbered reference ("3. …", "8 …") never matched. Real works that are in no realrefs list.</summary>
public sealed class LayoutRuleSession10Tests
{
    [Theory]
    [InlineData("3. Ellison, Ralph. Juneteenth. Random House, 1999.", "Ellison", "Juneteenth", "Random House", 1999)]
    [InlineData("[12] Eliot, George. Middlemarch. William Blackwood and Sons, 1871.", "Eliot", "Middlemarch", "William Blackwood and Sons", 1871)]
    public void A_numbered_mla_book_with_a_one_word_title_keeps_title_and_publisher_apart(string text, string family, string title, string publisher, int year)
    {
        var item = ReferenceParser.Parse(text).Item;
        Assert.Equal(family, Assert.Single(item.Authors).Family);
        Assert.Equal(title, item.Title);
        Assert.Equal(publisher, item.GetString("publisher"));
        Assert.Equal(year, item.Issued!.Start!.Value.Year);
    }

    [Theory]
    [InlineData("8 Equality Act 2010, s 13.", "Equality Act 2010")]
    [InlineData("4. Data Protection Act 2018, s 170.", "Data Protection Act 2018")]
    public void A_numbered_statute_is_titled_by_the_act_with_its_year(string text, string title)
    {
        var item = ReferenceParser.Parse(text).Item;
        Assert.Equal(title, item.Title);
        Assert.Empty(item.Authors);
        Assert.Null(item.GetString("page"));
    }

    [Theory]
    [InlineData("Patrick Devlin, The Enforcement of Morals (Oxford University Press 1965).", "Devlin", "The Enforcement of Morals", "Oxford University Press", 1965)]
    [InlineData("6 Jeremy Waldron, Law and Disagreement (Clarendon Press 1999).", "Waldron", "Law and Disagreement", "Clarendon Press", 1999)]
    [InlineData("5. Cass R. Sunstein, Republic.com (2001).", "Sunstein", "Republic.com", null, 2001)]
    public void A_book_in_a_footnote_has_author_title_publisher_and_year(string text, string family, string title, string? publisher, int year)
    {
        var item = ReferenceParser.Parse(text).Item;
        Assert.Equal(family, Assert.Single(item.Authors).Family);
        Assert.Equal(title, item.Title);
        Assert.Equal(publisher, item.GetString("publisher"));
        Assert.Equal(year, item.Issued!.Start!.Value.Year);
    }
}
