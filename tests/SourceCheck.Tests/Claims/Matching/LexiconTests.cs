using SourceCheck.Claims.Matching;
using SourceCheck.Claims.Text;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Claims.Matching;

public sealed class LexiconTests
{
    public sealed class ParseLine
    {
        [Fact]
        public void Should_map_german_stems_to_english_stems_per_part()
        {
            var acc = new Dictionary<string, Dictionary<string, float>>(StringComparer.Ordinal);
            BilingualLexicon.ParseLine("Wolke {f}; Gewölk {n} [poet.] | Wolken {pl} :: cloud; cloudlet (small) | clouds", acc);
            BilingualLexicon.ParseLine("# comment line :: ignored", acc);
            Assert.Contains(EnglishStemmer.Stem("cloud"), acc[GermanStemmer.Stem("wolke")].Keys);
            Assert.Contains(EnglishStemmer.Stem("cloudlet"), acc[GermanStemmer.Stem("gewölk")].Keys);
            Assert.Contains(EnglishStemmer.Stem("clouds"), acc[GermanStemmer.Stem("wolken")].Keys);
            Assert.DoesNotContain("comment", acc.Keys);
        }

        [Fact]
        public void Should_drop_filler_words_and_skip_multiword_german_phrases()
        {
            var acc = new Dictionary<string, Dictionary<string, float>>(StringComparer.Ordinal);
            BilingualLexicon.ParseLine("etw. beschleunigen | schneller laufen als jd. :: to speed up sth. | to outrun sb.", acc);
            Assert.Contains(EnglishStemmer.Stem("speed"), acc[GermanStemmer.Stem("beschleunigen")].Keys);
            Assert.DoesNotContain(GermanStemmer.Stem("laufen"), acc.Keys);
        }
    }

    public sealed class Load
    {
        [Fact]
        public void Should_say_cross_language_is_off_without_dictionary()
        {
            var lexicon = BilingualLexicon.Load(Path.Combine(Path.GetTempPath(), "no-such-dictionary-" + Guid.NewGuid().ToString("N")));
            Assert.False(lexicon.CrossLanguageAvailable);
            Assert.Contains("cross-language matching is off", lexicon.Warning, StringComparison.Ordinal);
            Assert.NotEmpty(lexicon.Translate(GermanStemmer.Stem("umsatz")).ToArray());
        }

        [SkippableFact]
        public void Should_load_the_installed_dictionary_and_split_compounds()
        {
            Skip.IfNot(File.Exists(BilingualLexicon.DefaultPath), "trans-de-en is not installed");
            Skip.If(Environment.GetEnvironmentVariable("SOURCECHECK_DICT") is { Length: > 0 }, "SOURCECHECK_DICT points the default dictionary elsewhere");
            var lexicon = BilingualLexicon.Default;
            Assert.True(lexicon.CrossLanguageAvailable);
            Assert.Contains(lexicon.Translate(GermanStemmer.Stem("garantie")).ToArray(), t => t.Stem == EnglishStemmer.Stem("guarantee"));
            var parts = lexicon.SplitCompound("rechenzentrumsverträge");
            Assert.NotNull(parts);
            Assert.Equal(GermanStemmer.Stem("verträge"), parts[^1]);
        }
    }

    /// <summary>Session 9 (issue 17): compounds the cross-language passage path reads by their parts.</summary>
    public sealed class Gaps
    {
        [SkippableFact]
        public void Compounds_split_into_known_parts()
        {
            Dictionary.Require();
            var lexicon = BilingualLexicon.Default;

            var parts = lexicon.SplitCompound("milliardenbetrag");

            Assert.NotNull(parts);
            Assert.Equal(2, parts.Length);
            Assert.Contains(EnglishStemmer.Stem("billion"), lexicon.Translate(parts[0]).ToArray().Select(t => t.Stem));
            Assert.Contains(EnglishStemmer.Stem("amount"), lexicon.Translate(parts[1]).ToArray().Select(t => t.Stem));
        }
    }
}
