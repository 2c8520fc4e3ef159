using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SourceCheck.Claims;
using SourceCheck.Claims.Matching;

namespace SourceCheck.Tests.Claims.Matching;

/// <summary>Session 8 (issue 13 part B): link rules for recall — a negation cue against a lexical negation is agreement,
/// a far-apart figure in a sentence holding several facts belongs to another fact, a figure changed in an otherwise
/// close sentence is a distortion — and a regex timeout inside the matcher never ends a command.</summary>
public sealed class LinkRecallTests
{
    private static readonly MatchOptions HandOnly = new() { Lexicon = BilingualLexicon.HandWrittenOnly() };

    private static AnalyzedText Analyze(string text, string lang = "en") =>
        AnalyzedText.Analyze(text, lang, BilingualLexicon.HandWrittenOnly());

    private static AnalyzedText Analyze(Claim c) =>
        AnalyzedText.Analyze(c.Text, c.Language, BilingualLexicon.HandWrittenOnly(), c.Figures);

    [Theory]
    [InlineData("unfilled", "en", true)]
    [InlineData("unpaid", "en", true)]
    [InlineData("harmless", "en", true)]
    [InlineData("cancelled", "en", true)]
    [InlineData("unclear", "en", true)]
    [InlineData("under", "en", false)]
    [InlineData("united", "en", false)]
    [InlineData("unveiled", "en", false)]
    [InlineData("unless", "en", false)]
    [InlineData("unprecedented", "en", false)]
    [InlineData("ungefahrlich", "de", true)]
    [InlineData("unbesetzt", "de", true)]
    [InlineData("erfolglos", "de", true)]
    [InlineData("abgesagt", "de", true)]
    [InlineData("unternehmen", "de", false)]
    [InlineData("ungefahr", "de", false)]
    [InlineData("unmittelbar", "de", false)]
    public void Lexical_negations_are_words_negated_by_their_form_or_meaning(string lower, string lang, bool expected) =>
        Assert.Equal(expected, LinkTyper.IsLexicalNegation(lower, false, lang));

    [Fact]
    public void A_capitalised_german_noun_with_un_is_no_negation() =>
        Assert.False(LinkTyper.IsLexicalNegation("unfall", true, "de"));

    [Fact]
    public void A_negation_cue_against_a_lexical_negation_is_agreement_not_contradiction()
    {
        var a = MatcherTests.MakeClaim("A-1", "A", "en", "The city intends not to fill around 300 vacant administrative posts next year.");
        var b = MatcherTests.MakeClaim("B-1", "B", "en", "The city intends to leave around 300 vacant administrative posts unfilled next year.");
        var ta = Analyze(a.Text);
        var tb = Analyze(b.Text);
        var link = LinkTyper.Type(a, b, ta, tb, 0.5, HandOnly);
        Assert.NotNull(link);
        Assert.Equal(LinkType.Paraphrase, link.Type);

        // without the lexical negation the same pair has opposite polarity: no paraphrase
        var c = MatcherTests.MakeClaim("C-1", "C", "en", "The city intends to fill around 300 vacant administrative posts next year.");
        var plain = LinkTyper.Type(a, c, ta, Analyze(c.Text), 0.5, HandOnly);
        Assert.True(plain is null || plain.Type == LinkType.Contradiction);
    }

    private static Claim WithFigures(string id, string doc, string text, params Figure[] figures) =>
        MatcherTests.MakeClaim(id, doc, "en", text, QuoteKind.None, null, null, figures);

    [Fact]
    public void A_figure_changed_tenfold_in_an_otherwise_close_sentence_is_a_number_mismatch_not_another_quantity()
    {
        var a = WithFigures("A-1", "A", "The minister spoke of an attack on the care of 300,000 people in the region.", new Figure("300,000", 300000, null, null, default));
        var b = WithFigures("B-1", "B", "The minister spoke of an attack on the care of 3 million people in the region.", new Figure("3 million", 3e6, null, null, default));
        var ta = Analyze(a);
        var tb = Analyze(b);
        Assert.Equal(LinkType.NumberMismatch, LinkTyper.Type(a, b, ta, tb, 0.7, HandOnly)?.Type);
        // a weak pair with figures 10x apart stays unlinked: different quantities
        Assert.Null(LinkTyper.Type(a, b, ta, tb, 0.32, HandOnly));
    }

    [Fact]
    public void Figures_far_apart_in_sentences_holding_several_figures_stay_different_quantities()
    {
        // "will in sechs Jahren 2,5 Milliarden investieren" vs "expects revenue of 400 million": an investment and a revenue
        var a = WithFigures("A-1", "A", "Nordwind Energy wants to invest about 2.5 billion euros in wind parks over the next six years.",
            new Figure("2.5 billion euros", 2.5e9, null, "EUR", default), new Figure("six", 6, null, null, default));
        var b = WithFigures("B-1", "B", "Nordwind Energy expects revenue of about 400 million euros this year from its wind parks.",
            new Figure("400 million euros", 4e8, null, "EUR", default));
        Assert.Null(LinkTyper.Type(a, b, Analyze(a), Analyze(b), 0.5, HandOnly));
    }

    [Fact]
    public void An_unnamed_spokesperson_differs_from_no_speaker_but_two_named_people_differ()
    {
        var en = MatcherTests.MakeClaim("A-1", "A", "en", "The debris posed no danger to shipping, a coast guard spokesman said.", QuoteKind.Indirect, null, "spokesman (unnamed)");
        var de = MatcherTests.MakeClaim("B-1", "B", "de", "Für die Schifffahrt seien die Trümmer ungefährlich gewesen, sagte ein Sprecher der Küstenwache.", QuoteKind.Indirect, null, "sprecher (Küstenwache)");
        Assert.False(LinkTyper.SpeakersDiffer(en, de));
        var named = MatcherTests.MakeClaim("C-1", "C", "en", "The debris posed no danger to shipping, Maja Lindqvist said.", QuoteKind.Indirect, null, "Maja Lindqvist");
        Assert.False(LinkTyper.SpeakersDiffer(en, named));
        var other = MatcherTests.MakeClaim("D-1", "D", "en", "The debris posed no danger to shipping, Erik Sand said.", QuoteKind.Indirect, null, "Erik Sand");
        Assert.True(LinkTyper.SpeakersDiffer(named, other));
    }

    [Fact]
    public void Role_titles_are_recognised_word_by_word_and_remembered()
    {
        Assert.True(LinkTyper.IsRoleTitle("Vorstandschefin"));
        Assert.True(LinkTyper.IsRoleTitle("CEO"));
        Assert.False(LinkTyper.IsRoleTitle("hospital"));
        Assert.True(LinkTyper.IsRoleTitle("Vorstandschefin"));
    }

    [Fact]
    public void A_regex_timeout_while_scoring_a_pair_skips_that_pair_and_is_reported_not_thrown()
    {
        var claims = new[]
        {
            MatcherTests.MakeClaim("TOA-1", "TOA", "en", "The city council approved a new budget for public libraries on Tuesday."),
            MatcherTests.MakeClaim("TOB-1", "TOB", "en", "On Tuesday the city council approved the new budget for public libraries."),
            MatcherTests.MakeClaim("TOC-1", "TOC", "en", "The city council approved a new budget for the public libraries on Tuesday evening."),
        };
        var unprobed = ClaimMatcher.Match(claims, HandOnly with { EventScope = false });
        Assert.Equal(3, unprobed.Count);

        int skipped = 0;
        ClaimMatcher.PairProbe = (a, b) =>
        {
            if (a.Id == "TOA-1" && b.Id == "TOB-1")
            {
                throw new RegexMatchTimeoutException("probe", "x", TimeSpan.FromSeconds(1));
            }
        };
        try
        {
            var links = ClaimMatcher.Match(claims, HandOnly with { EventScope = false, PairsSkipped = n => skipped += n });
            Assert.Equal(1, skipped);
            Assert.Equal(2, links.Count);
            Assert.DoesNotContain(links, l => l.A.Id == "TOA-1" && l.B.Id == "TOB-1");
        }
        finally
        {
            ClaimMatcher.PairProbe = null;
        }
    }

    [Fact]
    public void Compare_reports_skipped_pairs_as_a_warning()
    {
        const string a = "Budget\n\nThe city council approved a new budget for public libraries on Tuesday, the mayor said.\n";
        const string b = "Libraries\n\nOn Tuesday the city council approved the new budget for public libraries, the mayor said.\n";
        ClaimMatcher.PairProbe = (x, y) =>
        {
            if (x.DocumentId == "skip-a.txt" || y.DocumentId == "skip-a.txt")
            {
                throw new RegexMatchTimeoutException("probe", "x", TimeSpan.FromSeconds(1));
            }
        };
        try
        {
            var comparison = Articles.Compare([new ArticleInput("skip-a.txt", a), new ArticleInput("skip-b.txt", b)], HandOnly with { EventScope = false });
            var warning = Assert.Single(comparison.Warnings, w => w.Code == SourceCheck.Diagnostics.DiagnosticCodes.ClaimPairsSkipped);
            Assert.Contains("timed out", warning.Message, StringComparison.Ordinal);
            Assert.Empty(comparison.Links);
        }
        finally
        {
            ClaimMatcher.PairProbe = null;
        }
    }
}
