using SourceCheck.Claims.Matching;
using SourceCheck.Tests.Support;
using SourceCheck.Verification;

namespace SourceCheck.Tests.Verification;

/// <summary>Passages in the other language: a German claim restating part of an English page is found through the
/// coverage of its words, names and figures (the pair model rates such partial translations low), and a claim whose
/// figure the page lacks is not.</summary>
public sealed class CrossLanguagePassageTests
{
    private const string Abstract = "We followed 2,416 adolescents over three school years. "
        + "Students who slept less than seven hours on school nights had lower grades in mathematics and language than those who slept eight hours or more. "
        + "The association remained after adjusting for socioeconomic status. "
        + "Later school start times may improve academic outcomes.";

    [Theory]
    [InlineData("Kommission", "commission", true)]
    [InlineData("Exporte", "exports", true)]
    [InlineData("Mikroplastik", "microplastics", true)]
    [InlineData("Produktivität", "productivity", true)]
    [InlineData("Regierung", "region", false)]
    [InlineData("Rente", "rent", false)]
    [InlineData("Haushalt", "household", false)]
    public void Cognates_are_words_spelt_alike_after_the_usual_shifts(string german, string english, bool expected) =>
        Assert.Equal(expected, SimilarityScorer.Cognate(german, english));

    [SkippableFact]
    public void A_german_claim_restating_part_of_an_english_sentence_is_supported_through_coverage()
    {
        Dictionary.Require();
        var claim = new CitingClaim("c1", "Jugendliche, die weniger als sieben Stunden schliefen, hatten schlechtere Noten.", "de");

        var found = Assert.Single(new PassageFinder().Check([claim], Abstract, "en"));
        var without = Assert.Single(new PassageFinder { CrossThreshold = 1.01 }.Check([claim], Abstract, "en"));

        Assert.Equal(PassageFinder.Supported, found.Status);
        Assert.Contains("slept less than seven hours", found.Passage, StringComparison.Ordinal);
        Assert.Equal(found.Passage, Abstract.Substring(found.Start, found.Length));
        Assert.Equal(PassageFinder.NotInPage, without.Status);
    }

    [Fact]
    public void A_claim_with_a_figure_the_page_lacks_gets_no_passage()
    {
        var claim = new CitingClaim("c2", "Die Studie begleitete 10.000 Jugendliche über fünf Schuljahre.", "de");

        var result = Assert.Single(new PassageFinder().Check([claim], Abstract, "en"));

        Assert.NotEqual(PassageFinder.Supported, result.Status);
    }
}
