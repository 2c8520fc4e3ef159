using SourceCheck.Documents.Web;

namespace SourceCheck.Tests.Documents.Web;

public sealed class PageDatesTests
{
    private static string Page(string lang, string head, string body) =>
        $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">{head}</head><body>{body}</body></html>";

    public sealed class Published
    {
        [Fact]
        public void Should_keep_a_stamp_with_its_own_offset_when_the_visible_date_is_one_day_off()
        {
            string head = "<meta property=\"article:published_time\" content=\"2024-03-14T07:10:00+01:00\">";
            string body = "<article><h1>Brückenbau beginnt</h1><time class=\"updated\">13.03.2024</time><p>Text.</p></article>";

            var m = PageReader.Read(Page("de", head, body)).Metadata;

            Assert.Equal(new DateOnly(2024, 3, 14), m.Published!.Value);
            Assert.Equal("meta:article:published_time", m.Published.Source);
        }

        [Fact]
        public void Should_still_move_a_utc_stamp_to_the_local_day_the_page_shows()
        {
            string head = "<meta property=\"article:published_time\" content=\"2024-03-15T02:10:00Z\">";
            string body = "<article><h1>Harbour lights switched on</h1><span class=\"date\">March 14, 2024</span><p>Text.</p></article>";

            var m = PageReader.Read(Page("en", head, body)).Metadata;

            Assert.Equal(new DateOnly(2024, 3, 14), m.Published!.Value);
        }

        [Fact]
        public void Should_not_move_a_utc_stamp_to_a_day_no_time_zone_can_reach()
        {
            // 10:04 UTC is the same day everywhere from UTC-10 to UTC+13: the URL's earlier day is another date.
            string head = "<meta property=\"article:published_time\" content=\"2020-07-09T10:04:00Z\">";

            var m = PageReader.Read(Page("en", head, "<h1>Council returns to the office</h1><p>Text.</p>"), "https://news.example/2020/07/08/council-office").Metadata;

            Assert.Equal(new DateOnly(2020, 7, 9), m.Published!.Value);
        }

        [Fact]
        public void Should_move_a_compact_utc_stamp_written_after_local_midnight_back_to_the_url_day()
        {
            string ld = """<script type="application/ld+json">{"@type":"NewsArticle","headline":"Suspect surrenders","datePublished":"20200414T00:38:07Z"}</script>""";

            var m = PageReader.Read(Page("en", ld, "<h1>Suspect surrenders</h1><p>Text.</p>"), "https://news.example/news/20200413/suspect-surrenders").Metadata;

            Assert.Equal(new DateOnly(2020, 4, 13), m.Published!.Value);
        }

        [Theory]
        [InlineData("de", "<div class=\"info\"><h5>Datum:</h5>03.11.2021</div><div class=\"x\"><a href=\"/\">Start</a><a href=\"/a\">A</a><a href=\"/b\">B</a><a href=\"/c\">C</a></div>", 2021, 11, 3)]
        [InlineData("de", "<p>Veröffentlicht am 16.08.2019<br>Dauer: 64 Minuten<br>Lizenz: <a href=\"/l\">CC</a><br><a href=\"/d\">Download</a></p>", 2019, 8, 16)]
        [InlineData("de", "<p>Letzte Änderung: 31.10.2023<br>Erschienen am: 01.11.2023<br>Lesungen: 61<br><a href=\"/x\">x</a><br></p>", 2023, 11, 1)]
        [InlineData("fr", "<ul><li><p>Mise en ligne</p><p>23 mai 2019</p></li></ul>", 2019, 5, 23)]
        [InlineData("de", "<div class=\"post-footer\">Dieser Beitrag wurde am 14. Dezember 2015 um 14:48 von <a href=\"/autor\">Heiner</a> geschrieben und unter <a href=\"/a\">A</a>, <a href=\"/b\">B</a> und <a href=\"/c\">C</a> abgelegt.</div>", 2015, 12, 14)]
        public void Should_read_the_date_after_a_publication_label(string lang, string block, int y, int mo, int d)
        {
            var m = PageReader.Read(Page(lang, "<title>t</title>", "<h1>Ein Titel der Seite</h1>" + block + "<p>Text des Beitrags.</p>")).Metadata;

            Assert.Equal(new DateOnly(y, mo, d), m.Published!.Value);
            Assert.Equal("html:labelled-date", m.Published.Source);
        }

        [Fact]
        public void Should_read_a_dateline_that_opens_the_first_paragraph()
        {
            string para = "<p>27.1.2022 - Bei der Gedenkfeier im Rathaus sprachen drei Zeitzeuginnen über ihre Erinnerungen, und der Chor der Musikschule sang "
                + "Lieder aus den Jahren vor dem Krieg. Die Veranstalter zählten mehr Gäste als im Vorjahr, die Stühle reichten kaum aus.</p>";

            var m = PageReader.Read(Page("de", "<title>t</title>", "<h1>Gedenken im Rathaus</h1>" + para)).Metadata;

            Assert.Equal(new DateOnly(2022, 1, 27), m.Published!.Value);
            Assert.Equal("html:dateline", m.Published.Source);
        }

        [Theory]
        [InlineData("en-GB", "10/2/2020", 2020, 2, 10)]
        [InlineData("en-US", "10/2/2020", 2020, 10, 2)]
        [InlineData("de", "<span>Kultur,</span> 23.09.22", 2022, 9, 23)]
        [InlineData("ru", "15 августа 2016, 13:43", 2016, 8, 15)]
        public void Should_read_a_visible_date_by_the_page_language(string lang, string date, int y, int mo, int d)
        {
            var m = PageReader.Read(Page(lang, "<title>t</title>", $"<h1>Headline of the story</h1><div class=\"date\">{date}</div><p>Body text.</p>")).Metadata;

            Assert.Equal(new DateOnly(y, mo, d), m.Published!.Value);
        }
    }

    public sealed class Parse
    {
        [Theory]
        [InlineData("5 maja 2021 r.", 2021, 5, 5)]
        [InlineData("12. února 2019", 2019, 2, 12)]
        [InlineData("3 октября 2020", 2020, 10, 3)]
        [InlineData("2020年4月17日 01:43", 2020, 4, 17)]
        [InlineData("2020년 4월 17일", 2020, 4, 17)]
        [InlineData("14 augusti 2018", 2018, 8, 14)]
        public void Should_read_month_names_and_forms_of_more_languages(string text, int y, int mo, int d)
        {
            Assert.Equal(new DateOnly(y, mo, d), WebText.ParseReaderDate(text, dayFirst: true));
        }

        [Fact]
        public void Should_read_a_short_year_only_when_allowed()
        {
            Assert.Null(WebText.ParseReaderDate("Version 1.10.22", dayFirst: true));
            Assert.Equal(new DateOnly(2022, 10, 1), WebText.ParseReaderDate("1.10.22", dayFirst: true, shortYear: true));
            Assert.Null(WebText.ParseReaderDate("192.168.10.22", dayFirst: true, shortYear: true));
        }

        [Fact]
        public void Should_read_an_unambiguous_slash_date_the_same_way_in_either_order()
        {
            Assert.Equal(new DateOnly(2020, 5, 25), WebText.ParseReaderDate("25/05/2020", dayFirst: false));
            Assert.Equal(new DateOnly(2020, 5, 25), WebText.ParseReaderDate("05/25/2020", dayFirst: true));
        }
    }
}
