using SourceCheck.Csl;
using SourceCheck.References;

namespace SourceCheck.Tests.References.Parsing;

/// <summary>The rule passes after decoding (issue 14, session 7): compact NLM/Vancouver journal details, organisations
/// opening a reference, article numbers, "Retrieved from" without a date, site names. Real references that are in
/// none of the realrefs lists, so these test the layout class, not a labelled record.</summary>
public sealed class LayoutRuleTests
{
    [Theory]
    [InlineData("Huang C, Wang Y, Li X, Ren L, Zhao J, Hu Y, et al. Clinical features of patients infected with 2019 novel coronavirus in Wuhan, China. Lancet. 2020;395(10223):497-506.",
        "Lancet", 2020, null, "395", "10223", "497-506")]
    [InlineData("Sterne JAC, Savović J, Page MJ, Elbers RG, Blencowe NS, Boutron I, et al. RoB 2: a revised tool for assessing risk of bias in randomised trials. BMJ. 2019;366:l4898.",
        "BMJ", 2019, null, "366", null, "l4898")]
    [InlineData("Davey Smith G, Ebrahim S. Data dredging, bias, or confounding. BMJ. 2002 Dec 21;325(7378):1437-8.",
        "BMJ", 2002, 12, "325", "7378", "1437-8")]
    public void Compact_vancouver_journal_details_are_year_volume_issue_and_page(string text, string journal, int year, int? month, string volume, string? issue, string page)
    {
        var item = ReferenceParser.Parse(text).Item;
        Assert.Equal(journal, item.GetString("container-title"));
        Assert.Equal(year, item.Issued!.Start!.Value.Year);
        Assert.Equal(month, item.Issued!.Start!.Value.Month);
        Assert.Equal(volume, item.GetString("volume"));
        Assert.Equal(issue, item.GetString("issue"));
        Assert.Equal(page, item.GetString("page"));
        Assert.Null(item.GetString("publisher"));
    }

    [Fact]
    public void A_year_followed_by_a_semicolon_in_prose_is_no_journal_block()
    {
        var item = ReferenceParser.Parse("Smith, J. (2019). Trends seen in 2018; 3 causes discussed. Journal of Things, 4(2), 10–20.").Item;
        Assert.Equal("4", item.GetString("volume"));
        Assert.Equal("2", item.GetString("issue"));
        Assert.Equal(2019, item.Issued!.Start!.Value.Year);
    }

    [Theory]
    [InlineData("Centers for Disease Control and Prevention. (2020). Social distancing: Keep a safe distance to slow the spread. https://www.cdc.gov/coronavirus/2019-ncov/prevent-getting-sick/social-distancing.html",
        "Centers for Disease Control and Prevention", 2020)]
    [InlineData("Department of Health (2001) The Expert Patient: A New Approach to Chronic Disease Management for the 21st Century. London: Department of Health.",
        "Department of Health", 2001)]
    [InlineData("1. ENCODE Project Consortium. An integrated encyclopedia of DNA elements in the human genome. Nature. 2012;489(7414):57-74.",
        "ENCODE Project Consortium", 2012)]
    // session 12 (issue 14): an outlet before a bracketed year with a title after it, and Australian Harvard bare years
    [InlineData("Sky News (2019) Boris Johnson wins Conservative leadership race and will become prime minister. 23 July.", "Sky News", 2019)]
    [InlineData("Department of Health 2019, Australia's long term national health plan, Department of Health, Canberra.", "Department of Health", 2019)]
    [InlineData("Australian Institute of Health and Welfare 2020, Australia's health 2020, AIHW, Canberra.", "Australian Institute of Health and Welfare", 2020)]
    public void An_organisation_opening_the_reference_is_its_literal_author(string text, string literal, int year)
    {
        var item = ReferenceParser.Parse(text).Item;
        Assert.Equal(literal, Assert.Single(item.Authors).Literal);
        Assert.Equal(year, item.Issued!.Start!.Value.Year);
        Assert.NotNull(item.Title);
        Assert.DoesNotContain(literal, item.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_that_does_not_read_as_an_organisation_stays_the_title()
    {
        var item = ReferenceParser.Parse("Inside the black box. (2019, March 3). The Economist.").Item;
        Assert.Empty(item.Authors);
        Assert.StartsWith("Inside the black box", item.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void An_article_number_after_the_issue_is_the_page()
    {
        var item = ReferenceParser.Parse("Fanelli, D. (2009). How many scientists fabricate and falsify research? A systematic review and meta-analysis of survey data. PLoS ONE, 4(5), e5738. https://doi.org/10.1371/journal.pone.0005738").Item;
        Assert.Equal("4", item.GetString("volume"));
        Assert.Equal("5", item.GetString("issue"));
        Assert.Equal("e5738", item.GetString("page"));
    }

    [Fact]
    public void Retrieved_from_without_a_date_is_no_field_and_a_site_name_is_the_container()
    {
        var item = ReferenceParser.Parse("Python lists. (n.d.). www.w3schools.com. Retrieved March 3, 2023, from https://www.w3schools.com/python/python_lists.asp").Item;
        Assert.Equal("www.w3schools.com", item.GetString("container-title"));
        Assert.Equal("https://www.w3schools.com/python/python_lists.asp", item.GetString("URL"));
        Assert.Equal(new DateParts(2023, 3, 3), item.GetDate("accessed")!.Start);

        var pew = ReferenceParser.Parse("Pew Research Center. (2021, April 7). Internet/broadband fact sheet. Retrieved from https://www.pewresearch.org/internet/fact-sheet/internet-broadband/").Item;
        Assert.Null(pew.GetString("container-title"));
        Assert.Null(pew.GetDate("accessed"));
        Assert.Equal("Pew Research Center", Assert.Single(pew.Authors).Literal);
    }
}
