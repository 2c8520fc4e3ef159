using SourceCheck.Storage;

namespace SourceCheck.Tests.Storage;

public sealed class SearchScoringTests
{
    public sealed class Bm25
    {
        private static readonly SearchTerm[] Terms = [SearchTerms.Stem("haushalt"), SearchTerms.Stem("berlin")];

        [Fact]
        public void Should_score_a_repeated_term_higher_than_a_single_occurrence_of_the_same_length()
        {
            var scores = SearchScoring.Bm25([["Haushalt Berlin Haushalt", null], ["Haushalt Berlin heute", null]], Terms);
            Assert.True(scores[0] > scores[1]);
        }

        [Fact]
        public void Should_score_a_shorter_field_higher_and_add_matches_in_other_fields()
        {
            var scores = SearchScoring.Bm25(
                [["Haushalt in Berlin", null], ["Haushalt in Berlin nach langer Debatte beschlossen", null], ["Haushalt in Berlin", "Berliner Senat"]],
                Terms);
            Assert.True(scores[0] > scores[1]);
            Assert.True(scores[2] > scores[0]);
        }

        [Fact]
        public void Should_match_terms_as_prefixes_and_fold_diacritics()
        {
            var scores = SearchScoring.Bm25([["Haushälte BERLINER"], ["Hamburg"]], Terms);
            Assert.True(scores[0] > 0);
            Assert.Equal(0, scores[1]);
        }
    }
}
