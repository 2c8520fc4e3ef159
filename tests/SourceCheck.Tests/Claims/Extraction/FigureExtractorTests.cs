using SourceCheck.Claims;

namespace SourceCheck.Tests.Claims.Extraction;

public sealed class FigureExtractorTests
{
    public sealed class Extract
    {
        [Theory]
        [InlineData("de", "Verträge über rund 1,4 Billionen US-Dollar abgeschlossen.", "1,4 Billionen US-Dollar", 1.4e12, null, "USD")]
        [InlineData("de", "Umsatz von 20 Milliarden in diesem Jahr.", "20 Milliarden", 2e10, null, null)]
        [InlineData("en", "It committed to roughly $1.2 trillion in computing.", "$1.2 trillion", 1.2e12, null, "USD")]
        [InlineData("de", "Ein Umsatz von etwa 15 Milliarden Dollar.", "15 Milliarden Dollar", 1.5e10, null, "USD")]
        [InlineData("en", "Sales fell to €3 bn in Europe.", "€3 bn", 3e9, null, "EUR")]
        [InlineData("en", "Margins shrank by 3.5 % last year.", "3.5 %", 3.5, null, "percent")]
        [InlineData("en", "Margins shrank by 3.5% last year.", "3.5%", 3.5, null, "percent")]
        [InlineData("de", "Die Marge sank um 3,5 Prozent.", "3,5 Prozent", 3.5, null, "percent")]
        [InlineData("en", "Over the next eight years it will grow.", "eight years", 8, null, "years")]
        [InlineData("de", "In den nächsten acht Jahren wächst es.", "acht Jahren", 8, null, "years")]
        [InlineData("de", "Es benötigt zweistellige Milliardenbeträge.", "zweistellige Milliardenbeträge", 1e10, 9.9e10, null)]
        [InlineData("de", "Eine Steigerung auf Hunderte von Milliarden bis 2030.", "Hunderte von Milliarden", 1e11, 9.99e11, null)]
        [InlineData("en", "It wants to reach hundreds of billions by 2030.", "hundreds of billions", 1e11, 9.99e11, null)]
        [InlineData("de", "Es kostet 1.000.000 Euro.", "1.000.000 Euro", 1e6, null, "EUR")]
        [InlineData("de", "Es kostet 2.400 Euro.", "2.400 Euro", 2400, null, "EUR")]
        [InlineData("en", "It costs 1,000,000 dollars.", "1,000,000 dollars", 1e6, null, "USD")]
        [InlineData("en", "It costs 2,400 dollars.", "2,400 dollars", 2400, null, "USD")]
        [InlineData("de", "Etwa ein Drittel der Werke steht still.", "ein Drittel", 1.0 / 3, null, "fraction")]
        [InlineData("de", "Das dauert zwölf Monate.", "zwölf Monate", 12, null, "months")]
        [InlineData("en", "Results in 4-6 weeks.", "4-6 weeks", 4, 6.0, "weeks")]
        [InlineData("en", "It raised one billion dollars.", "one billion dollars", 1e9, null, "USD")]
        [InlineData("de", "Sie nahm eine Milliarde Euro auf.", "eine Milliarde Euro", 1e9, null, "EUR")]
        [InlineData("de", "Der Konzern zahlt 3 Mrd. Euro.", "3 Mrd. Euro", 3e9, null, "EUR")]
        [InlineData("en", "Annualized revenue above $20 billion.", "$20 billion", 2e10, null, "USD (annualized run-rate)")]
        [InlineData("de", "Der Wert stieg um 2 Prozentpunkte.", "2 Prozentpunkte", 2, null, "percentage points")]
        [InlineData("en", "The rocket exploded 72 seconds after lift-off.", "72 seconds", 72, null, "seconds")]
        [InlineData("de", "Die Rakete explodierte 27 Sekunden nach dem Start.", "27 Sekunden", 27, null, "seconds")]
        public void Should_normalise_value_scale_and_unit(string lang, string text, string figureText, double value, double? max, string? unit)
        {
            var figure = Assert.Single(FigureExtractor.Extract(text, lang));
            Assert.Equal(figureText, figure.Text);
            Assert.Equal(value, figure.Value, 6);
            if (max is null)
            {
                Assert.Null(figure.ValueMax);
            }
            else
            {
                Assert.Equal(max.Value, figure.ValueMax!.Value, 6);
            }

            Assert.Equal(unit, figure.Unit);
            Assert.Equal(figureText, text.Substring(figure.Span.Start, figure.Span.Length));
        }

        [Theory]
        [InlineData("de", "Bis 2030 soll es so weit sein.")]
        [InlineData("en", "Revenue rose in 2024.")]
        [InlineData("de", "Am 6. November war es so weit.")]
        [InlineData("en", "SAN FRANCISCO, Nov 5 - It happened.")]
        [InlineData("en", "Two companies and one rival said so.")]
        [InlineData("de", "Er belegte den 3. Platz.")]
        public void Should_not_take_years_dates_ordinals_or_bare_counting_words(string lang, string text)
        {
            Assert.Empty(FigureExtractor.Extract(text, lang));
        }

        [Fact]
        public void Should_find_several_figures_in_order()
        {
            var figures = FigureExtractor.Extract("Revenue of about $15 billion this year, up from $4 billion in 2024.", "en");
            Assert.Equal(["$15 billion", "$4 billion"], figures.Select(f => f.Text));
            Assert.Equal([1.5e10, 4e9], figures.Select(f => f.Value));
        }

        [Theory]
        [InlineData("1,4", true, 1.4)]
        [InlineData("1.4", false, 1.4)]
        [InlineData("1.234,5", true, 1234.5)]
        [InlineData("1,234.5", false, 1234.5)]
        [InlineData("3.5", true, 3.5)]
        public void Should_parse_numbers_by_language(string s, bool german, double expected)
        {
            Assert.True(FigureExtractor.TryParseNumber(s, german, out double v));
            Assert.Equal(expected, v, 9);
        }
    }
}
