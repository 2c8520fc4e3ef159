using SourceCheck.Claims;
using SourceCheck.Claims.Matching;
using SourceCheck.Claims.Text;
using SourceCheck.Text;

namespace SourceCheck.Tests.Claims.Matching;

public sealed class TextTests
{
    public sealed class Tokenize
    {
        [Fact]
        public void Should_split_hyphenated_compounds_and_fold_umlauts()
        {
            var tokens = Tokenizer.Tokenize("Die KI-Infrastruktur für Äußerungen", "de");
            Assert.Equal(["die", "ki", "infrastruktur", "fur", "ausserungen"], tokens.Select(t => t.Lower));
            Assert.True(tokens[0].IsStop);
            Assert.True(tokens[1].Acronym);
            Assert.False(tokens[2].IsStop);
        }

        [Fact]
        public void Should_keep_numbers_with_language_decimal_convention()
        {
            Assert.Equal("1.4", Tokenizer.Tokenize("rund 1,4 Billionen", "de").Single(t => t.Kind == TokenKind.Number).Stem);
            Assert.Equal("1.2", Tokenizer.Tokenize("roughly 1.2 trillion", "en").Single(t => t.Kind == TokenKind.Number).Stem);
            Assert.Equal("1200", Tokenizer.Tokenize("1.200 Euro", "de").Single(t => t.Kind == TokenKind.Number).Stem);
            Assert.Equal("1200", Tokenizer.Tokenize("1,200 dollars", "en").Single(t => t.Kind == TokenKind.Number).Stem);
        }

        [Fact]
        public void Should_mark_negation_cues()
        {
            Assert.Contains(Tokenizer.Tokenize("OpenAI doesn't want a bailout", "en"), t => t.Negation);
            Assert.Contains(Tokenizer.Tokenize("Wir wollen keine Garantien", "de"), t => t.Negation);
            Assert.DoesNotContain(Tokenizer.Tokenize("Wir wollen Garantien", "de"), t => t.Negation);
        }
    }

    /// <summary>The matcher reads the figures of a claim that carries none through the extraction-side reader
    /// (one figure reader): written-out numbers and German ranges included, and years standing alone, which the
    /// extraction itself does not count as figures.</summary>
    public sealed class ReadFigures
    {
        private static AnalyzedText Analyze(string text, string language) =>
            AnalyzedText.Analyze(text, language, BilingualLexicon.HandWrittenOnly(), null);

        [Fact]
        public void Should_scale_and_type_figures_in_both_languages()
        {
            var de = Analyze("Verträge über 1,4 Billionen US-Dollar und 20 Milliarden Dollar Umsatz", "de").Figures;
            Assert.Equal([1.4e12, 2e10], de.Select(f => f.Value));
            Assert.All(de, f => Assert.Equal("USD", f.Unit));
            var en = Analyze("revenue of $15 billion, up 12% since 2024", "en").Figures;
            Assert.Equal(1.5e10, en[0].Value);
            Assert.Equal("USD", en[0].Unit);
            Assert.Equal("percent", en[1].Unit);
            Assert.Equal(("2024", "year"), (en[2].Text, en[2].Unit));
            Assert.Empty(FigureExtractor.Extract("up since 2024", "en"));
        }

        [Fact]
        public void Should_read_written_out_scaled_amounts()
        {
            var figure = Assert.Single(Analyze("OpenAI raised one billion dollars last year.", "en").Figures);
            Assert.Equal(1e9, figure.Value);
            Assert.Equal("USD", figure.Unit);
        }

        [Fact]
        public void Should_read_german_magnitude_ranges()
        {
            var figure = Assert.Single(Analyze("Das Projekt braucht zweistellige Milliardenbeträge.", "de").Figures);
            Assert.Equal(1e10, figure.Value);
            Assert.Equal(9.9e10, figure.ValueMax);
        }

        [Fact]
        public void Should_keep_the_figures_a_claim_already_carries()
        {
            var given = FigureExtractor.Extract("It costs 2,400 dollars.", "en");
            var analyzed = AnalyzedText.Analyze("Unrelated text with 7 percent.", "en", BilingualLexicon.HandWrittenOnly(), given);
            Assert.Equal(2400, Assert.Single(analyzed.Figures).Value);
        }
    }

    public sealed class GuessLanguage
    {
        [Theory]
        [InlineData("Sam Altman says he doesn't want the government to bail out OpenAI if it fails.", "en")]
        [InlineData("Wir haben keine staatlichen Garantien für die Rechenzentren und wollen auch keine.", "de")]
        public void Should_tell_german_from_english(string text, string expected)
        {
            Assert.Equal(expected, LanguageGuesser.Guess(text));
        }

        [Fact]
        public void Should_override_article_language_only_on_clear_evidence()
        {
            Assert.Equal("en", LanguageGuesser.Confirm("Sam Altman says OpenAI does not want a government bailout for AI.", "de"));
            Assert.Equal("de", LanguageGuesser.Confirm("OpenAI", "de"));
        }
    }
}
