using SourceCheck.References;

namespace SourceCheck.Tests.References.Parsing;

/// <summary>Issue 14, session 10: the rule passes after decoding run only on the layout they were written for. Scholarly
/// references whose shape only resembles a legal citation, a footnote book or a DIN author list keep the tagger's
/// reading (real works in common scholarly styles, none of them in the shared corpora's splits or in realrefs).</summary>
public sealed class RulePassGateTests
{
    [Theory]
    [InlineData("P. W. Anderson, Phys. Rev. 109, 1492 (1958).", "Anderson", "109", "1492")]
    [InlineData("J. Bardeen, L. N. Cooper, and J. R. Schrieffer, Phys. Rev. 108, 1175 (1957).", "Bardeen", "108", "1175")]
    public void A_physics_article_is_no_footnote_book(string text, string firstFamily, string volume, string page)
    {
        var item = ReferenceParser.Parse(text).Item;
        Assert.Equal(firstFamily, item.Authors[0].Family);
        Assert.StartsWith("Phys. Rev", item.GetString("container-title"), StringComparison.Ordinal);
        Assert.Equal(volume, item.GetString("volume"));
        Assert.Equal(page, item.GetString("page"));
        Assert.DoesNotContain("Phys", item.Title ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void An_acs_article_in_pnas_is_no_german_journal_citation()
    {
        var item = ReferenceParser.Parse("Hopfield, J. J. Neural networks and physical systems with emergent collective computational abilities. Proc. Natl. Acad. Sci. USA 1982, 79, 2554–2558.").Item;
        Assert.Equal("Hopfield", Assert.Single(item.Authors).Family);
        Assert.StartsWith("Neural networks and physical systems", item.Title, StringComparison.Ordinal);
        Assert.Equal("79", item.GetString("volume"));
        Assert.Equal("2554–2558", item.GetString("page"));
    }

    [Fact]
    public void A_chicago_book_whose_title_has_a_colon_keeps_its_title()
    {
        var item = ReferenceParser.Parse("Gleick, James. Chaos: Making a New Science. New York: Viking, 1987.").Item;
        Assert.Equal("Gleick", Assert.Single(item.Authors).Family);
        Assert.StartsWith("Chaos", item.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_natural_order_author_before_a_title_with_a_colon_stays_one_author()
    {
        var item = ReferenceParser.Parse("Stephen Jay Gould, Wonderful Life: The Burgess Shale and the Nature of History, New York: Norton, 1989.").Item;
        Assert.Equal("Gould", Assert.Single(item.Authors).Family);
        Assert.StartsWith("Wonderful Life", item.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Din_author_lists_and_legal_citations_still_take_their_layout()
    {
        var din = ReferenceParser.Parse("Baumann, Ulrike ; Franz, Elke ; Pfitzmann, Andreas: Kryptographische Systeme. Berlin : Springer, 2014").Item;
        Assert.Equal(["Baumann", "Franz", "Pfitzmann"], din.Authors.Select(a => a.Family));
        Assert.Equal("Kryptographische Systeme", din.Title);

        var njw = ReferenceParser.Parse("Simitis, Die informationelle Selbstbestimmung, NJW 1984, 398 (400).").Item;
        Assert.Equal("NJW", njw.GetString("container-title"));
        Assert.Equal("398", njw.GetString("page"));
    }

    [Fact]
    public void A_vancouver_list_ending_in_an_initial_keeps_the_title_after_it()
    {
        // session 11: "Romeo D. Cathelicidins:" is a Vancouver name ended by its full stop, then the title — not a
        // natural-order name before a DIN colon
        var item = ReferenceParser.Parse("Hanahan D, Weinberg RA. Hallmarks of cancer: the next generation. Cell 2011; 144: 646-674.").Item;
        Assert.Equal(["Hanahan", "Weinberg"], item.Authors.Select(a => a.Family));
        Assert.StartsWith("Hallmarks", item.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_note_book_with_an_edition_keeps_the_edition_out_of_the_title()
    {
        var item = ReferenceParser.Parse("Eric Hobsbawm, The Age of Extremes: A History of the World, 1914-1991, 2nd edn (London: Michael Joseph, 1995).").Item;
        Assert.Equal("Hobsbawm", Assert.Single(item.Authors).Family);
        Assert.DoesNotContain("edn", item.Title ?? "", StringComparison.Ordinal);
    }
}
