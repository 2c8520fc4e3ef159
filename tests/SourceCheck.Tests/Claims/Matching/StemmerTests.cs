using SourceCheck.Claims.Text;

namespace SourceCheck.Tests.Claims.Matching;

public sealed class StemmerTests
{
    public sealed class EnglishStem
    {
        [Theory]
        [InlineData("caresses", "caress")]
        [InlineData("ponies", "poni")]
        [InlineData("ties", "tie")]
        [InlineData("cries", "cri")]
        [InlineData("cats", "cat")]
        [InlineData("feed", "feed")]
        [InlineData("agreed", "agre")]
        [InlineData("plastered", "plaster")]
        [InlineData("motoring", "motor")]
        [InlineData("sing", "sing")]
        [InlineData("hopping", "hop")]
        [InlineData("tanned", "tan")]
        [InlineData("falling", "fall")]
        [InlineData("hissing", "hiss")]
        [InlineData("failing", "fail")]
        [InlineData("filing", "file")]
        [InlineData("happy", "happi")]
        [InlineData("happily", "happili")]
        [InlineData("relational", "relat")]
        [InlineData("conditional", "condit")]
        [InlineData("rational", "ration")]
        [InlineData("national", "nation")]
        [InlineData("generously", "generous")]
        [InlineData("generation", "generat")]
        [InlineData("hopeful", "hope")]
        [InlineData("goodness", "good")]
        [InlineData("adjustment", "adjust")]
        [InlineData("adjustable", "adjust")]
        [InlineData("replacement", "replac")]
        [InlineData("dependent", "depend")]
        [InlineData("adoption", "adopt")]
        [InlineData("consistency", "consist")]
        [InlineData("consistently", "consist")]
        [InlineData("consolidated", "consolid")]
        [InlineData("conspirators", "conspir")]
        [InlineData("knightly", "knight")]
        [InlineData("running", "run")]
        [InlineData("dying", "die")]
        [InlineData("skies", "sky")]
        [InlineData("news", "news")]
        [InlineData("guarantees", "guarante")]
        [InlineData("governments", "govern")]
        [InlineData("infrastructure", "infrastructur")]
        [InlineData("commitments", "commit")]
        [InlineData("a", "a")]
        public void Should_match_porter2_reference_stems(string word, string stem)
        {
            Assert.Equal(stem, EnglishStemmer.Stem(word));
        }

        [Fact]
        public void Should_give_inflections_one_stem()
        {
            string[] forms = ["connect", "connected", "connecting", "connection", "connections"];
            Assert.Single(forms.Select(EnglishStemmer.Stem).Distinct());
        }
    }

    public sealed class GermanStem
    {
        [Theory]
        [InlineData("aufeinanderfolgenden", "aufeinanderfolg")]
        [InlineData("aufeinanderfolgende", "aufeinanderfolg")]
        [InlineData("aufenthaltes", "aufenthalt")]
        [InlineData("aufenthalten", "aufenthalt")]
        [InlineData("kategorische", "kategor")]
        [InlineData("kategorischen", "kategor")]
        [InlineData("käuflich", "kauflich")]
        [InlineData("häuser", "haus")]
        [InlineData("häusern", "haus")]
        [InlineData("zeitungen", "zeitung")]
        [InlineData("jahren", "jahr")]
        [InlineData("regierungen", "regier")]
        [InlineData("rechenzentren", "rechenzentr")]
        [InlineData("straße", "strass")]
        [InlineData("ab", "ab")]
        public void Should_match_snowball_reference_stems(string word, string stem)
        {
            Assert.Equal(stem, GermanStemmer.Stem(word));
        }

        [Fact]
        public void Should_give_inflections_one_stem()
        {
            string[] forms = ["garantie", "garantien"];
            Assert.Single(forms.Select(GermanStemmer.Stem).Distinct());
            string[] adjectives = ["staatlich", "staatliche", "staatlichen", "staatlicher"];
            Assert.Single(adjectives.Select(GermanStemmer.Stem).Distinct());
        }
    }
}
