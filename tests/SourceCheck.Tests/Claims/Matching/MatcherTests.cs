using System.Collections.Immutable;
using SourceCheck.Claims;
using SourceCheck.Claims.Matching;
using SourceCheck.Text;

namespace SourceCheck.Tests.Claims.Matching;

public sealed class MatcherTests
{
    internal static Claim MakeClaim(string id, string doc, string lang, string text, QuoteKind quote = QuoteKind.None, string? quoted = null, string? speaker = null, params Figure[] figures) =>
        new(id, doc, lang, text, new TextSpan(0, text.Length), quote, quoted, speaker, null, null, null, [.. figures]);

    public sealed class Match
    {
        [Fact]
        public void Should_link_paraphrases_across_documents_only()
        {
            var claims = new[]
            {
                MakeClaim("A-1", "A", "en", "The city council approved a new budget for public libraries on Tuesday."),
                MakeClaim("A-2", "A", "en", "The city council approved the new budget for public libraries on Tuesday evening."),
                MakeClaim("B-1", "B", "en", "On Tuesday the city council approved a new public libraries budget."),
                MakeClaim("B-2", "B", "en", "Heavy rain flooded several streets near the harbour."),
            };
            var links = ClaimMatcher.Match(claims, new MatchOptions { Lexicon = BilingualLexicon.HandWrittenOnly() });
            Assert.All(links, l => Assert.NotEqual(l.A.DocumentId, l.B.DocumentId));
            Assert.Contains(links, l => l.A.Id == "A-1" && l.B.Id == "B-1" && l.Type == LinkType.Paraphrase);
            Assert.DoesNotContain(links, l => l.A.Id == "B-2" || l.B.Id == "B-2");
            Assert.All(links, l => Assert.Contains(l.Evidence, e => e.StartsWith("aligned:", StringComparison.Ordinal)));
        }

        [Fact]
        public void Should_flag_number_mismatch_with_the_differing_figures()
        {
            var claims = new[]
            {
                MakeClaim("A-1", "A", "en", "The carmaker expects revenue of about $15 billion this year, the finance chief said."),
                MakeClaim("B-1", "B", "en", "The carmaker expects revenue of about $25 billion this year, the finance chief said."),
            };
            var link = Assert.Single(ClaimMatcher.Match(claims, new MatchOptions { Lexicon = BilingualLexicon.HandWrittenOnly() }));
            Assert.Equal(LinkType.NumberMismatch, link.Type);
            Assert.Contains(link.Evidence, e => e.Contains("$15 billion", StringComparison.Ordinal) && e.Contains("$25 billion", StringComparison.Ordinal));
        }

        [Fact]
        public void Should_flag_misattribution_and_exact_quote()
        {
            string quote = "We will not raise prices for our customers next year";
            var claims = new[]
            {
                MakeClaim("A-1", "A", "en", $"\"{quote},\" chief executive Anna Berg said.", QuoteKind.Direct, quote, "Anna Berg"),
                MakeClaim("B-1", "B", "en", $"\"{quote},\" finance chief Tom Reed said.", QuoteKind.Direct, quote, "Tom Reed"),
                MakeClaim("C-1", "C", "en", $"Anna Berg told reporters: \"{quote}.\"", QuoteKind.Direct, quote, "Anna Berg"),
            };
            var links = ClaimMatcher.Match(claims, new MatchOptions { Lexicon = BilingualLexicon.HandWrittenOnly() });
            Assert.Equal(LinkType.Misattribution, links.Single(l => l.A.Id == "A-1" && l.B.Id == "B-1").Type);
            Assert.Equal(LinkType.ExactQuote, links.Single(l => l.A.Id == "A-1" && l.B.Id == "C-1").Type);
            Assert.Contains(links.Single(l => l.A.Id == "A-1" && l.B.Id == "B-1").Evidence, e => e.Contains("Tom Reed", StringComparison.Ordinal));
        }

        [Fact]
        public void Should_flag_contradiction_on_opposite_polarity()
        {
            var claims = new[]
            {
                MakeClaim("A-1", "A", "en", "The company is seeking government guarantees for its new data centers."),
                MakeClaim("B-1", "B", "en", "The company is not seeking government guarantees for its new data centers."),
            };
            var link = Assert.Single(ClaimMatcher.Match(claims, new MatchOptions { Lexicon = BilingualLexicon.HandWrittenOnly() }));
            Assert.Equal(LinkType.Contradiction, link.Type);
        }

        [Fact]
        public void Should_not_flag_contradiction_when_the_negation_is_about_something_else()
        {
            var claims = new[]
            {
                MakeClaim("A-1", "A", "en", "The mayor argues for public investment in city bus lanes, but she rejects any subsidies for her own firm."),
                MakeClaim("B-1", "B", "en", "The mayor said the city should build more public bus lanes with its own investment."),
            };
            var links = ClaimMatcher.Match(claims, new MatchOptions { Lexicon = BilingualLexicon.HandWrittenOnly() });
            Assert.DoesNotContain(links, l => l.Type == LinkType.Contradiction);
        }

        [Fact]
        public void Should_not_link_an_annualised_figure_to_a_plain_one()
        {
            var claims = new[]
            {
                MakeClaim("A-1", "A", "en", "The carmaker expects revenue of about $15 billion this year, the finance chief said."),
                MakeClaim("B-1", "B", "en", "The carmaker expects annualized revenue of about $18 billion this year, the finance chief said."),
            };
            Assert.Empty(ClaimMatcher.Match(claims, new MatchOptions { Lexicon = BilingualLexicon.HandWrittenOnly() }));
        }

        [SkippableFact]
        public void Should_not_read_german_will_as_a_contradicted_want()
        {
            Skip.IfNot(BilingualLexicon.Default.CrossLanguageAvailable, "trans-de-en is not installed");
            var claims = new[]
            {
                MakeClaim("A-1", "A", "de", "Nordwind Energy will in den nächsten sechs Jahren rund 2,5 Milliarden Euro in neue Ladeparks investieren."),
                MakeClaim("B-1", "B", "en", "Nordwind Energy does not want state guarantees for its charging parks, CEO says"),
            };
            Assert.DoesNotContain(ClaimMatcher.Match(claims), l => l.Type == LinkType.Contradiction);
        }

        [SkippableFact]
        public void Should_still_flag_a_negated_proposition_as_contradiction()
        {
            Skip.IfNot(BilingualLexicon.Default.CrossLanguageAvailable, "trans-de-en is not installed");
            var claims = new[]
            {
                MakeClaim("A-1", "A", "de", "Die Regierung will die Steuern für kleine Unternehmen im nächsten Jahr senken."),
                MakeClaim("B-1", "B", "en", "The government will not cut taxes for small companies next year."),
            };
            var link = Assert.Single(ClaimMatcher.Match(claims));
            Assert.Equal(LinkType.Contradiction, link.Type);
        }

        [SkippableFact]
        public void Should_link_translations_through_the_dictionary()
        {
            Skip.IfNot(BilingualLexicon.Default.CrossLanguageAvailable, "trans-de-en is not installed");
            var claims = new[]
            {
                MakeClaim("A-1", "A", "de", "Die Regierung will die Steuern für kleine Unternehmen im nächsten Jahr senken."),
                MakeClaim("B-1", "B", "en", "The government wants to cut taxes for small companies next year."),
                MakeClaim("B-2", "B", "en", "A storm damaged the old bridge over the river."),
            };
            var links = ClaimMatcher.Match(claims);
            var link = Assert.Single(links);
            Assert.Equal("B-1", link.B.Id);
            Assert.Equal(LinkType.Translation, link.Type);
        }

        [Fact]
        public void Should_find_planted_pairs_through_the_index_when_the_collection_is_large()
        {
            var claims = new List<Claim>();
            var random = new Random(7);
            string[] words = ["market", "council", "river", "school", "budget", "energy", "police", "train", "hospital", "museum", "festival", "harbour"];
            for (int i = 0; i < 600; i++)
            {
                string text = string.Join(' ', Enumerable.Range(0, 8).Select(_ => words[random.Next(words.Length)])) + $" item{i}";
                claims.Add(MakeClaim($"D{i % 5}-{i}", $"D{i % 5}", "en", text));
            }

            claims.Add(MakeClaim("X-1", "X", "en", "Zorblat Industries reported record quarterly profits from quantum batteries."));
            claims.Add(MakeClaim("Y-1", "Y", "en", "Record quarterly profits from quantum batteries were reported by Zorblat Industries."));
            var options = new MatchOptions { Lexicon = BilingualLexicon.HandWrittenOnly(), ExhaustiveBelow = 10 };
            var links = ClaimMatcher.Match(claims, options);
            Assert.Contains(links, l => l.A.Id == "X-1" && l.B.Id == "Y-1");
        }
    }

    public sealed class Score
    {
        [Fact]
        public void Should_rank_paraphrase_above_unrelated_sentence()
        {
            var scorer = new SimilarityScorer(BilingualLexicon.HandWrittenOnly());
            double para = scorer.ScoreText("The bank raised interest rates by half a point on Thursday.", "On Thursday the bank raised its interest rates by half a point.", "en", "en");
            double other = scorer.ScoreText("The bank raised interest rates by half a point on Thursday.", "Children played football in the park after school.", "en", "en");
            Assert.InRange(para, 0, 1);
            Assert.True(para > other + 0.3, $"{para} vs {other}");
        }
    }
}
