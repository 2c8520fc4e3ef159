using SourceCheck.Text;

namespace SourceCheck.Tests.Text;

public sealed class LanguageGuesserTests
{
    public sealed class Guess
    {
        [Theory]
        [InlineData("Die Finanzchefin sagte am Mittwoch, das Unternehmen suche keine Garantie.", "de")]
        [InlineData("Für dieses Jahr erwartet das Unternehmen einen Umsatz von etwa 15 Milliarden Dollar.", "de")]
        [InlineData("The finance chief said on Wednesday that the company was not seeking a guarantee.", "en")]
        [InlineData("Critics have questioned how a company that is still losing money can pay.", "en")]
        public void Should_tell_german_from_english(string text, string expected)
        {
            Assert.Equal(expected, LanguageGuesser.Guess(text));
        }

        [Fact]
        public void Should_count_words_in_both_lists_for_neither_language()
        {
            // "in", "so", "was" are function words in both languages: no evidence, so the default (English) stands.
            Assert.Equal((0, 0), LanguageGuesser.Votes("In so was"));
            Assert.Equal("en", LanguageGuesser.Guess("In so was"));
        }

        [Fact]
        public void Should_weigh_german_letters()
        {
            Assert.Equal((4, 0), LanguageGuesser.Votes("Größe"));
        }
    }

    public sealed class GuessPage
    {
        [Theory]
        [InlineData("Le maire de la ville a annoncé que les travaux sur le pont commenceront dans une semaine pour durer tout l'été, et que la circulation sera déviée par le centre.", "fr")]
        [InlineData("De gemeente heeft besloten dat het nieuwe zwembad niet voor de zomer open gaat, want de bouw van het dak is vertraagd en ook de kosten zijn gestegen volgens de wethouder.", "nl")]
        [InlineData("Die Stadt hat beschlossen, dass das neue Schwimmbad nicht vor dem Sommer öffnet, weil sich der Bau des Daches verzögert und auch die Kosten mit der Zeit gestiegen sind.", "de")]
        public void Should_name_the_page_language(string text, string expected)
        {
            Assert.Equal(expected, LanguageGuesser.GuessPage(text));
        }

        [Fact]
        public void Should_give_no_language_for_a_short_text()
        {
            Assert.Null(LanguageGuesser.GuessPage("The mayor said the bridge will open in May."));
        }
    }
}
