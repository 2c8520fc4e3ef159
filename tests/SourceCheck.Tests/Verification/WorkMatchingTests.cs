using SourceCheck.Csl;
using SourceCheck.Verification;

namespace SourceCheck.Tests.Verification;

public sealed class WorkMatchingTests
{
    [Theory]
    [InlineData("Proc. Natl. Acad. Sci.", "Proceedings of the National Academy of Sciences", true)]
    [InlineData("J. Clin. Virol.", "Journal of Clinical Virology", true)]
    [InlineData("The Quarterly Journal of Economics", "Quarterly Journal of Economics", true)]
    [InlineData("American Economic Review", "European Journal of Political Economy", false)]
    [InlineData("Nature", "Science", false)]
    public void Journal_names_agree_with_abbreviations(string cited, string record, bool same) =>
        Assert.Equal(same, WorkMatching.SameContainer(cited, record));

    [Theory]
    [InlineData("https://www.spiegel.de/wirtschaft/bahn-will-bis-2027-rund-2000-kilometer-gleise-erneuern-a-5b1c7e02-1d2f-4a3b", "Bahn will bis 2027 rund 2000 Kilometer Gleise erneuern", true)]
    [InlineData("https://techcrunch.com/2025/11/06/sam-altman-says-he-doesnt-want-the-government-to-bail-out-openai-if-it-fails/", "Sam Altman says he doesn't want the government to bail out OpenAI if it fails", true)]
    [InlineData("https://www.tagesschau.de/wirtschaft/inflation-januar-steigt-100.html", "Inflation in Deutschland steigt im Januar auf 2,3 Prozent", true)]
    [InlineData("https://techcrunch.com/2025/11/06/openai-launches-new-shopping-assistant-in-chatgpt/", "OpenAI asks Congress for 500 billion dollar loan guarantee", false)]
    [InlineData("https://www.bbc.com/news/articles/cz5r6c54e50d50", "Record heat kills coral across the Great Barrier Reef", false)]
    public void Slugs_spell_titles(string url, string title, bool match) =>
        Assert.Equal(match, WorkMatching.SlugAgreement(url, title) >= 0.5);

    [Theory]
    [InlineData("https://www.laborjournal.de/news/2024/news_240502_sfb.php", true)]
    [InlineData("https://www.koreaherald.com/view.php?ud=20240502050345", true)]
    [InlineData("https://example.org/2024/05/02/", true)]
    [InlineData("https://example.org/archiv/02.05.2024/index.html", true)]
    [InlineData("https://example.org/news/2024/news_240503_sfb.php", false)]
    [InlineData("https://example.org/artikel/9924050211", false)]
    [InlineData("https://example.org/2024/05/12/", false)]
    public void Addresses_carry_the_cited_day(string url, bool carries) =>
        Assert.Equal(carries, WorkMatching.AddressCarriesDay(url, (2024, 5, 2)));

    /// <summary>Every caller builds a DateOnly from the cited date (the archive's search span, "near the cited day",
    /// the address's day): a day past the month's end or a year out of range must not reach it.</summary>
    [Theory]
    [InlineData(2024, 5, 2, "2024-5-2")]
    [InlineData(2024, 2, 31, "2024-2-0")]
    [InlineData(2023, 2, 29, "2023-2-0")]
    [InlineData(2024, 13, 5, "2024-0-0")]
    [InlineData(10000, 1, 1, null)]
    [InlineData(-44, 3, 15, null)]
    public void The_cited_date_names_a_real_day_or_less(int year, int month, int day, string? expected)
    {
        var item = new CslItem("r1", "article-newspaper").SetDate("issued", new CslDate { Parts = [new DateParts(year, month, day)] });
        var cited = WorkMatching.CitedDate(item);
        Assert.Equal(expected, cited is { } c ? $"{c.Year}-{c.Month}-{c.Day}" : null);
        if (cited is { Day: > 0 } real)
        {
            Assert.True(WorkMatching.AddressCarriesDay("https://example.org/2024/05/02/", real));
        }
    }

    [Theory]
    [InlineData("https://www.laborjournal.de/news/2024/news_240502_sfb.php", false)]
    [InlineData("https://www.koreaherald.com/view.php?ud=20240812050345", false)]
    [InlineData("https://www.thelocal.se/20240912/stockholm-commuter-trains-cancelled-after-signal-fault", true)]
    public void Headline_slugs_are_told_from_section_words(string url, bool headline) =>
        Assert.Equal(headline, WorkMatching.SlugIsHeadline(url));

    [Fact]
    public void Titles_agree_across_case_quotes_and_subtitles()
    {
        Assert.Equal(1, WorkMatching.TitleAgreement("OpenAI’s Sam Altman backtracks", "OpenAI's sam altman Backtracks"));
        Assert.Equal(0.95, WorkMatching.TitleAgreement("Remote work and productivity", "Remote work and productivity: evidence from a call centre"));
        Assert.True(WorkMatching.TitleAgreement("Air pollution and test scores", "Heat exposure and cognitive performance in schoolchildren") < WorkMatching.SameTitle);
    }

    [Theory]
    [InlineData("10.1038/s41586-024-07123-4", "10.1038/s41586-024-07123-4")]
    [InlineData("https://doi.org/10.1093/qje/qjad031", "10.1093/qje/qjad031")]
    [InlineData("doi:10.1000/xyz.", "10.1000/xyz")]
    [InlineData("https://example.com/10.5/abc", null)]
    public void Dois_are_read_from_addresses(string text, string? doi) => Assert.Equal(doi, WorkLocator.NormalizeDoi(text));
}
