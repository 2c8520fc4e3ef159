using System.Text;
using SourceCheck.Claims;
using SourceCheck.Claims.Matching;
using SourceCheck.Claims.Text;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Robustness;

/// <summary>Issue 15: what a match keeps per claim is compacted (two 15 MB texts: 290,000 claims) without changing a link.</summary>
public sealed class CompareMemoryTests
{
    [Fact]
    public void Slicing_the_pair_list_and_letting_analyses_go_changes_no_link()
    {
        // the clauses and quoted words of a claim are let go after the last pair that needs them: any claim let go too
        // early would come back without its quoted words and score differently
        string a = File.ReadAllText(SharedData.Fixture("claims/de-veltrix.txt"));
        string b = File.ReadAllText(SharedData.Fixture("claims/en-veltrix.txt"));
        var sb = new StringBuilder();
        for (int i = 0; i < 40; i++)
        {
            sb.Append($"„Die Preise für Strom steigen im Jahr {2000 + i} deutlich“, sagte Anna Schulz der Zeitung Nr. {i}.\n\n");
            sb.Append($"\"Electricity prices will rise sharply in {2000 + i}\", Ben Carter told paper no. {i}.\n\n");
        }

        ArticleInput[] inputs = [new("a.txt", a + sb), new("b.txt", b + sb)];
        var whole = Articles.Compare(inputs);
        var sliced = Articles.Compare(inputs, MatchOptions.Default with { ScoringSlice = 3 });
        Assert.True(whole.Links.Length > 20, $"{whole.Links.Length} links: too few pairs for slices of 3 to matter");
        Assert.Equal(whole.ToJson(), sliced.ToJson());
    }

    [Theory]
    [InlineData("Die Regierung will die Strompreise senken, sagte der Minister am Dienstag.", "de", "The government wants to cut electricity prices, the minister said on Tuesday.", "en")]
    [InlineData("The council approved the budget, but the mayor said costs rose by 12 percent.", "en", "The mayor said costs rose 12 percent after the council approved the budget.", "en")]
    public void A_clause_kept_for_link_scores_scores_as_its_full_analysis(string a, string la, string b, string lb)
    {
        var scorer = new SimilarityScorer(BilingualLexicon.Default, new IdfTable());
        var full = (scorer.Analyze(a, la), scorer.Analyze(b, lb));
        scorer.AddToIdf(full.Item1);
        scorer.AddToIdf(full.Item2);
        var slim = (scorer.Analyze(a, la).ForLinkScore(), scorer.Analyze(b, lb).ForLinkScore());
        Assert.Empty(slim.Item1.Tokens);
        Assert.Equal(scorer.LinkScore(full.Item1, full.Item2), scorer.LinkScore(slim.Item1, slim.Item2));
        Assert.True(scorer.LinkScore(full.Item1, full.Item2) > 0.2);
    }

    [Fact]
    public void Analyses_share_word_strings_and_translation_arrays()
    {
        var first = AnalyzedText.Analyze("Die Regierung plant neue Regeln für den Markt.", "de", BilingualLexicon.Default);
        var second = AnalyzedText.Analyze("Neue Regeln: die Regierung plant sie für den Markt.", "de", BilingualLexicon.Default);
        var x = first.Tokens.Single(t => t.Surface == "Regierung");
        var y = second.Tokens.Single(t => t.Surface == "Regierung");
        Assert.Same(x.Surface, y.Surface);
        Assert.Same(x.Lower, y.Lower);
        var cx = first.Content.Single(c => c.Stem == x.Stem);
        var cy = second.Content.Single(c => c.Stem == y.Stem);
        Assert.NotEmpty(cx.Translations);
        Assert.Same(cx.Translations, cy.Translations);
        Assert.Same(Tokenizer.Intern("Markt".AsSpan()), Tokenizer.Intern(new string("Markt".AsSpan())));
    }
}
