using SourceCheck.Checking;
using SourceCheck.Claims;
using SourceCheck.Csl;
using SourceCheck.Documents;
using SourceCheck.Text;
using SourceCheck.Verification;

namespace SourceCheck.Tests.Checking;

public sealed class CitationSignalsTests
{
    private static readonly CslItem[] References =
    [
        new CslItem("bort", "article-newspaper").SetString("title", "Sam Altman says he doesn't want a bailout").SetString("container-title", "TechCrunch")
            .SetNames("author", [CslName.Person("Bort", "Julie")]).SetDate("issued", new CslDate { Parts = [new DateParts(2025, 11, 6)] }),
        new CslItem("welt", "article-newspaper").SetString("title", "Rentenbeiträge steigen").SetString("container-title", "Die Welt")
            .SetNames("author", [CslName.Person("Siems", "Dorothea")]).SetDate("issued", new CslDate { Parts = [new DateParts(2025, 5, 8)] })
            .SetString("URL", "https://www.welt.de/wirtschaft/article1/rente.html"),
        new CslItem("paper", "article-journal").SetString("title", "Sleep and grades").SetString("container-title", "Sleep Health")
            .SetNames("author", [CslName.Person("Gonzalez", "Maria"), CslName.Person("Lindqvist", "Peter")]).SetDate("issued", new CslDate { Parts = [new DateParts(2024)] }),
    ];

    private static IReadOnlyList<ClaimTie> Ties(string text)
    {
        var article = ArticleReader.Read("Title\n\n" + text + "\n", "a");
        var claims = ClaimExtractor.Extract(article, "a");
        Assert.NotEmpty(claims);
        return CitationSignals.Tie(article, claims, References, new OutletDirectory());
    }

    [Theory]
    [InlineData("OpenAI does not want government guarantees for its data centers [1].", "bort", "marker")]
    [InlineData("Die Beiträge zur Rentenversicherung sollen bis 2028 auf 20 Prozent steigen [2].", "welt", "marker")]
    [InlineData("Pupils who slept less than seven hours had lower grades (Gonzalez & Lindqvist, 2024).", "paper", "author-year")]
    [InlineData("Gonzalez (2024) found that pupils who slept less than seven hours had 12 percent lower grades.", "paper", "author-year")]
    [InlineData("Laut Welt sollen die Rentenbeiträge bis 2028 auf 20 Prozent steigen.", "welt", "outlet")]
    [InlineData("OpenAI does not want government guarantees for its data centers, TechCrunch reported.", "bort", "outlet")]
    [InlineData("According to a study in Sleep Health, pupils who slept less than seven hours had 12 percent lower grades.", "paper", "outlet")]
    public void A_claim_is_tied_to_the_reference_its_sentence_cites(string sentence, string reference, string signal)
    {
        var ties = Ties(sentence);

        var tie = Assert.Single(ties);
        Assert.Equal(reference, tie.ReferenceId);
        Assert.Equal(signal, tie.Signal);
    }

    /// <summary>Ties for one hand-made claim spanning the first sentence (independent of what the extractor takes as a claim).</summary>
    private static IReadOnlyList<ClaimTie> TiesOfSentence(string text)
    {
        var article = ArticleReader.Read("Title\n\n" + text + "\n", "a");
        string first = text.Split(". ")[0];
        int start = article.Text.IndexOf(first, StringComparison.Ordinal);
        var claim = new Claim("a-c1", "a", "en", first, new TextSpan(start, first.Length), QuoteKind.None, null, null, null, null, null, []);
        return CitationSignals.Tie(article, [claim], References, new OutletDirectory());
    }

    [Fact]
    public void A_marker_after_the_full_stop_still_belongs_to_the_sentence_and_ranges_are_expanded()
    {
        Assert.Equal(["bort", "welt", "paper"], TiesOfSentence("OpenAI's finance chief floated a federal backstop for chip financing [1–3].").Select(t => t.ReferenceId));
        Assert.Equal("bort", Assert.Single(TiesOfSentence("OpenAI's finance chief floated a federal backstop for chip financing. [1] Then more.")).ReferenceId);
    }

    [Fact]
    public void An_explicit_citation_wins_over_a_name_and_a_number_outside_the_list_ties_nothing()
    {
        Assert.Equal("paper", Assert.Single(Ties("TechCrunch reported that pupils who slept less had lower grades [3].")).ReferenceId);
        Assert.Empty(Ties("OpenAI does not want government guarantees for its data centers [7]."));
    }

    [Fact]
    public void A_sentence_naming_nothing_of_the_bibliography_is_tied_to_nothing()
    {
        Assert.Empty(Ties("OpenAI does not want government guarantees for its data centers, the Financial Times reported."));
        Assert.Empty(Ties("Bortolotti said OpenAI does not want government guarantees for its data centers in 2025."));
    }

    [Fact]
    public void A_link_in_an_html_sentence_ties_the_claim_to_the_reference_with_that_address()
    {
        string html = "<html><body><article><h1>Rente</h1><p>Die Rentenbeiträge sollen bis 2028 auf 20 Prozent steigen, "
            + "<a href=\"https://welt.de/wirtschaft/article1/rente.html\">wie berichtet wird</a>.</p></article></body></html>";
        var article = ArticleReader.Read(html, "h");
        var claims = ClaimExtractor.Extract(article, "h");

        var ties = CitationSignals.Tie(article, claims, References, new OutletDirectory());

        var tie = Assert.Single(ties);
        Assert.Equal("welt", tie.ReferenceId);
        Assert.Equal("link", tie.Signal);
    }
}
