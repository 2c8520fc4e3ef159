using SourceCheck.Text;
using PageDates = SourceCheck.Documents.Web.WebText;
using ReferenceDates = SourceCheck.References.Parsing.DateText;

namespace SourceCheck.Tests.Text;

public sealed class MonthNamesTests
{
    [Fact]
    public void Should_give_no_form_two_months_across_all_languages()
    {
        var seen = new Dictionary<string, (int Month, string Language)>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in MonthNames.All)
        {
            Assert.Equal(12, table.Names.Length);
            Assert.All(table.Names, n => Assert.NotEmpty(n));
            foreach (var (form, month) in table.Forms())
            {
                Assert.Equal(form.ToLowerInvariant(), form);
                if (seen.TryGetValue(form, out var other))
                {
                    Assert.True(other.Month == month, $"'{form}' is month {other.Month} in {other.Language} and {month} in {table.Language}");
                }

                seen[form] = (month, table.Language);
            }
        }
    }

    [Theory]
    [InlineData("17 kwietnia 2020", 2020, 4, 17)]
    [InlineData("3. Jän. 2021", 2021, 1, 3)]
    [InlineData("12 juin 2019", 2019, 6, 12)]
    [InlineData("5 марта 2022", 2022, 3, 5)]
    [InlineData("April 3, 2020", 2020, 4, 3)]
    public void Should_read_page_dates_in_every_language_of_the_table(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), PageDates.ParseReaderDate(text, dayFirst: true));

    [Theory]
    [InlineData("2025, November 6", 11)]
    [InlineData("3 Oct. 2025", 10)]
    [InlineData("18 de julio de 2025", 7)]
    [InlineData("24 janvier 2024", 1)]
    [InlineData("12. Mär. 2024", 3)]
    [InlineData("1 ago 2023", 8)]
    public void Should_read_reference_dates_through_the_same_tables(string text, int month) =>
        Assert.Equal(month, ReferenceDates.Parse(text)!.Parts[0].Month);

    [Theory]
    [InlineData("nov", 11)]
    [InlineData("November", 11)]
    [InlineData("Mär.", 3)]
    [InlineData("Okt", 10)]
    [InlineData("Dezember", 12)]
    [InlineData("11", 11)]
    public void Should_read_bibtex_month_fields(string value, int month) =>
        Assert.Equal(month, SourceCheck.References.BibTex.Latex.Month(value));

    [Fact]
    public void Should_write_bibtex_macros_from_the_english_names()
    {
        Assert.Equal(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], SourceCheck.References.BibTex.Latex.MonthMacros);
        Assert.Equal("September", SourceCheck.References.BibTex.Latex.MonthNames[8]);
    }
}
