using SourceCheck.Text;

namespace SourceCheck.Tests.Text;

public sealed class QuoteScannerTests
{
    private static string[] Quoted(string text) => [.. QuoteScanner.FindTopLevel(text, 0, text.Length).Select(q => text[q.InnerStart..q.InnerEnd])];

    public sealed class FindTopLevel
    {
        [Theory]
        [InlineData("Sie sagte: „Ich habe das Wort ‚Backstop‘ benutzt“, schrieb sie.", "Ich habe das Wort ‚Backstop‘ benutzt")]
        [InlineData("\"We're looking for banks,\" Kessler said.", "We're looking for banks,")]
        [InlineData("Er nannte es »nicht zur Debatte« und «ausgeschlossen».", "nicht zur Debatte|ausgeschlossen")]
        [InlineData("She said it was 'not on the cards' for now.", "not on the cards")]
        [InlineData("The companies' plans can't work, Osei's aide said.", "")]
        [InlineData("“Corvane is not seeking a backstop,” she wrote.", "Corvane is not seeking a backstop,")]
        public void Should_find_quotations_in_all_common_marks(string text, string expected)
        {
            string[] want = expected.Length == 0 ? [] : expected.Split('|');
            Assert.Equal(want, Quoted(text));
        }
    }
}
