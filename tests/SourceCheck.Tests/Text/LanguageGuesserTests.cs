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
    }
}
