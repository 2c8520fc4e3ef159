using System.Text.Json;
using SourceCheck.Claims;
using SourceCheck.Claims.Matching;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Claims.Matching;

/// <summary>Link rules that hold across stories (session 3) and the own validation stories in fixtures/claims-val.</summary>
public sealed class GeneralisationTests
{
    private static readonly MatchOptions HandOnly = new() { Lexicon = BilingualLexicon.HandWrittenOnly() };

    public sealed class Typing
    {
        [Fact]
        public void Should_not_link_claims_that_share_only_the_speaker()
        {
            var claims = new[]
            {
                MatcherTests.MakeClaim("A-1", "A", "en", "\"The factory opens in spring,\" said Helen Marsh, chief executive of Veridane Therapeutics.", QuoteKind.Direct, "The factory opens in spring", "Helen Marsh"),
                MatcherTests.MakeClaim("B-1", "B", "en", "\"Prices stay flat,\" said Helen Marsh, chief executive of Veridane Therapeutics.", QuoteKind.Direct, "Prices stay flat", "Helen Marsh"),
            };
            Assert.Empty(ClaimMatcher.Match(claims, HandOnly));
        }

        [Fact]
        public void Should_not_flag_number_mismatch_for_figures_of_different_quantities()
        {
            var claims = new[]
            {
                MatcherTests.MakeClaim("A-1", "A", "en", "The draft budget foresees spending of 2.4 billion euros next year, the treasurer told the council."),
                MatcherTests.MakeClaim("B-1", "B", "en", "Without corrective action the debt would climb to 1.1 billion euros by 2030, the mayor warned."),
            };
            Assert.DoesNotContain(ClaimMatcher.Match(claims, HandOnly), l => l.Type == LinkType.NumberMismatch);
        }

        [Fact]
        public void Should_flag_differing_counts_of_the_same_thing()
        {
            var a = ClaimExtractor.Extract("Trial\n\nThe study enrolled 4,200 patients in 19 countries, the company said.\n", "A", "en");
            var b = ClaimExtractor.Extract("Trial\n\nThe study, which enrolled 2,400 patients in 19 countries, cut hospital stays, the company said.\n", "B", "en");
            var link = Assert.Single(ClaimMatcher.Match([.. a, .. b], HandOnly));
            Assert.Equal(LinkType.NumberMismatch, link.Type);
            Assert.Contains(link.Evidence, e => e.Contains("4,200", StringComparison.Ordinal) && e.Contains("2,400", StringComparison.Ordinal));
        }

        [Fact]
        public void Should_not_read_a_conditional_without_as_a_contradiction()
        {
            var claims = new[]
            {
                MatcherTests.MakeClaim("A-1", "A", "en", "The treasurer warned that without corrective action the city's debt would climb to 1.1 billion euros by 2030."),
                MatcherTests.MakeClaim("B-1", "B", "en", "The treasurer warned that the city's debt would climb to 1.1 billion euros by 2030."),
            };
            var link = Assert.Single(ClaimMatcher.Match(claims, HandOnly));
            Assert.NotEqual(LinkType.Contradiction, link.Type);
        }

        [Fact]
        public void Should_scope_a_clause_final_german_negation_backwards()
        {
            var scorer = new SimilarityScorer(BilingualLexicon.HandWrittenOnly(), new IdfTable());
            var negated = scorer.Analyze("Die Bürgermeisterin hat die Schließung der Bäder abgelehnt.", "de");
            var plain = scorer.Analyze("Die Stadt will die Bäder schließen, sagte der Kämmerer.", "de");
            var (scope, _, _) = LinkTyper.PolaritySupport(negated, plain);
            Assert.True(scope > 0, $"scope {scope}");
        }
    }

    public sealed class ExtractorRules
    {
        [Fact]
        public void Should_continue_german_reported_speech_in_konjunktiv()
        {
            string text = "Haushalt\n\n„Dieser Haushalt ist ein Fehler“, sagte Henrik Solberg, Fraktionschef der Bürgerliste. Die Stadt habe jahrelang teure Projekte finanziert.\n";
            var claims = ClaimExtractor.Extract(text, "A", "de");
            var continued = Assert.Single(claims, c => c.Text.StartsWith("Die Stadt habe", StringComparison.Ordinal));
            Assert.Equal("Henrik Solberg", continued.Speaker);
            Assert.Equal(QuoteKind.Indirect, continued.Quote);
        }

        [Fact]
        public void Should_not_take_the_listener_after_told_as_the_speaker()
        {
            string text = "Trial\n\nChief Medical Officer Rajiv Menon defended the drug on Tuesday, saying the trial had met its goal. \"There is no safety signal here,\" he told Bioscope Daily.\n";
            var claims = ClaimExtractor.Extract(text, "A", "en");
            var quote = Assert.Single(claims, c => c.Text.StartsWith("\"There is", StringComparison.Ordinal));
            Assert.Equal("Rajiv Menon", quote.Speaker);
        }

        [Fact]
        public void Should_extract_a_dated_plan()
        {
            var claims = ClaimExtractor.Extract("Plan\n\nThe company plans to file for approval in the United States in the first half of 2027.\n", "A", "en");
            Assert.Single(claims);
        }
    }

    public sealed class ValidationStories
    {
        [SkippableFact]
        public void Should_link_claims_of_unseen_stories()
        {
            Skip.IfNot(BilingualLexicon.Default.CrossLanguageAvailable, "trans-de-en is not installed");
            int detected = 0, predicted = 0, goldLinks = 0;
            foreach (string dir in Directory.GetDirectories(SharedData.Fixture("claims-val")).Order(StringComparer.Ordinal))
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "gold.json")));
                var gold = doc.RootElement.GetProperty("claims").EnumerateArray()
                    .Select(c => (Id: c.GetProperty("id").GetString()!, Article: c.GetProperty("article").GetString()!, Start: c.GetProperty("start").GetInt32(), End: c.GetProperty("end").GetInt32()))
                    .ToList();
                var links = doc.RootElement.GetProperty("links").EnumerateArray()
                    .Select(l => Key(l.GetProperty("a").GetString()!, l.GetProperty("b").GetString()!)).ToHashSet();
                var own = new List<Claim>();
                foreach (var art in doc.RootElement.GetProperty("articles").EnumerateArray())
                {
                    string text = File.ReadAllText(Path.Combine(dir, art.GetProperty("file").GetString()!));
                    own.AddRange(ClaimExtractor.Extract(text, art.GetProperty("id").GetString()!, art.GetProperty("lang").GetString()));
                }

                string Map(Claim c) => gold
                    .Where(g => g.Article == c.DocumentId)
                    .Select(g => (g.Id, Iou: Iou(g.Start, g.End, c.Span.Start, c.Span.End)))
                    .Where(x => x.Iou >= 0.5).OrderByDescending(x => x.Iou).Select(x => x.Id).FirstOrDefault() ?? "?" + c.Id;
                var found = ClaimMatcher.Match(own).Select(l => Key(Map(l.A), Map(l.B))).ToHashSet();
                detected += found.Count(links.Contains);
                predicted += found.Count;
                goldLinks += links.Count;
            }

            double f1 = 2.0 * detected / (predicted + goldLinks);
            Assert.True(f1 >= 0.68, $"pooled detection F1 {f1:F3} ({detected} of {goldLinks} gold links, {predicted} predicted)");
        }

        private static double Iou(int s1, int e1, int s2, int e2)
        {
            int inter = Math.Min(e1, e2) - Math.Max(s1, s2);
            int union = Math.Max(e1, e2) - Math.Min(s1, s2);
            return inter <= 0 || union <= 0 ? 0 : (double)inter / union;
        }

        private static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
    }
}
