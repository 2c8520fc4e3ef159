using System.Diagnostics;
using System.Text;
using SourceCheck.Documents.Web;
using SourceCheck.Text;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Documents.Web;

public sealed class PageReaderTests
{
    private static string Page(string head, string body) =>
        $"<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">{head}</head><body>{body}</body></html>";

    public sealed class Read
    {
        [Fact]
        public void Should_resolve_json_ld_author_references_in_the_graph()
        {
            string ld = """
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                  {"@type":"NewsArticle","headline":"Harbour plan approved","datePublished":"2025-09-18T21:30:00-04:00",
                   "author":[{"@type":"Person","name":"Ana Silva"},{"@id":"#p2"}],"publisher":{"@type":"Organization","name":"Coast Daily"}},
                  {"@type":"Person","@id":"#p2","name":"Ben Ode"}]}</script>
                """;
            var page = PageReader.Read(Page(ld + "<title>Harbour plan approved | Coast Daily</title>", "<h1>Harbour plan approved</h1><p>Text.</p>"));

            var m = page.Metadata;
            Assert.Equal(["Ana Silva", "Ben Ode"], m.Authors.Select(a => a.Value));
            Assert.All(m.Authors, a => Assert.Equal("json-ld:author", a.Source));
            Assert.Equal(new DateOnly(2025, 9, 18), m.Published!.Value);
            Assert.Equal("Coast Daily", m.Site!.Value);
            Assert.Equal("Harbour plan approved", m.Title!.Value);
        }

        [Fact]
        public void Should_read_a_german_byline_and_drop_agencies()
        {
            var page = PageReader.Read(Page("<title>Stadtrat tagt</title>",
                "<article><h1>Stadtrat tagt lange</h1><div class=\"autor-zeile\">Von Jana Wiesmüller und Tom Berg, dpa</div><p>Der Stadtrat hat lange getagt, und am Ende wurde beschlossen.</p></article>"));

            Assert.Equal(["Jana Wiesmüller", "Tom Berg"], page.Metadata.Authors.Select(a => a.Value));
        }

        [Fact]
        public void Should_find_the_byline_on_a_page_whose_body_class_names_a_sidebar()
        {
            string html = "<!DOCTYPE html><html><head><title>Plejaden im Winter</title></head><body class=\"single has-sidebar mh-widget-layout2\">"
                + "<article><h1>Plejaden im Winter</h1><span class=\"entry-meta-author vcard\"><a class=\"fn\" href=\"/author/hr/\">Helmut Rasch</a></span>"
                + "<p>Die Plejaden stehen im Winter hoch am Himmel, und man sieht sie gut.</p></article>"
                + "<div class=\"sidebar\"><span class=\"author\">Ola Nordmann</span></div></body></html>";

            Assert.Equal(["Helmut Rasch"], PageReader.Read(html).Metadata.Authors.Select(a => a.Value));
        }

        [Theory]
        [InlineData("Von Tomas Berger Fr", "Tomas Berger")]
        [InlineData("By Alex Bozar Thursday", "Alex Bozar")]
        [InlineData("Text von Christian Seidl Illustration von Markus Rot", "Christian Seidl")]
        public void Should_drop_weekdays_and_credits_after_a_visible_byline(string byline, string expected)
        {
            var page = PageReader.Read(Page("<title>Bericht vom Tag</title>", $"<article><h1>Bericht vom Tag</h1><p class=\"byline\">{byline}</p><p>Der Bericht ist lang genug, um ein Text zu sein.</p></article>"));

            Assert.Equal([expected], page.Metadata.Authors.Select(a => a.Value));
        }

        [Fact]
        public void Should_pass_over_a_byline_link_that_names_no_person()
        {
            string body = "<article><h1>Neue Brücke eröffnet</h1><div class=\"entry-meta\"><span class=\"author vcard\"><a class=\"url fn n\" href=\"/author/lk/\">Lena Kraus</a></span></div>"
                + "<p>Die neue Brücke über den Fluss ist seit heute für den Verkehr freigegeben.</p>"
                + "<div class=\"entry-author\"><a class=\"author-link\" href=\"/author/lk/\" rel=\"author\">Alle Beiträge von Lena Kraus anzeigen</a></div></article>";

            Assert.Equal(["Lena Kraus"], PageReader.Read(Page("<title>Neue Brücke</title>", body)).Metadata.Authors.Select(a => a.Value));
        }

        [Fact]
        public void Should_read_a_user_name_in_author_markup_and_the_byline_in_the_article_footer()
        {
            string body = "<div class=\"widget Blog\"><div class=\"post hentry\"><h3 class=\"post-title\">Tag am See</h3><div class=\"post-body\"><p>Heute waren wir am See, es war warm und ruhig.</p></div>"
                + "<footer class=\"post-footer\">Eingestellt von <a rel=\"author\" href=\"/profile/7\">seefahrer77</a></footer></div></div>";

            Assert.Equal(["seefahrer77"], PageReader.Read(Page("<title>Tag am See</title>", body)).Metadata.Authors.Select(a => a.Value));
        }

        [Theory]
        [InlineData("<h5>Autor: </h5>Karla Fenn/SP-X", "Karla Fenn")]
        [InlineData("<b>Von:</b><br><br>Piet Oswald", "Piet Oswald")]
        [InlineData("<h4>Autorin</h4><p><a href=\"/profil/rv\">Rita Vogt</a>, </p>", "Rita Vogt")]
        public void Should_read_a_name_after_an_author_label(string meta, string expected)
        {
            string body = $"<article><h1>Bericht aus dem Kreis</h1><div class=\"info\">{meta}</div><p>Der Bericht aus dem Kreis ist lang genug, um ein Text zu sein.</p></article>";

            Assert.Equal([expected], PageReader.Read(Page("<title>Bericht aus dem Kreis</title>", body)).Metadata.Authors.Select(a => a.Value));
        }

        [Fact]
        public void Should_not_take_a_place_after_a_dash_for_an_author()
        {
            var page = PageReader.Read(Page("<meta name=\"author\" content=\"Landesamt für Wald und Forsten - LWF\">",
                "<article><h1>Holz im Winter</h1><span class=\"byline\">Von Jonas Eibl</span><p>Im Winter wird Holz geschlagen, wenn der Boden gefroren ist.</p></article>"));

            Assert.Equal(["Jonas Eibl"], page.Metadata.Authors.Select(a => a.Value));
        }

        [Fact]
        public void Should_give_the_outlet_as_group_author_when_the_page_names_no_author()
        {
            var m = PageReader.Read(Page("<meta property=\"og:site_name\" content=\"Talverein Nord\">", "<h1>Sommerfest am Fluss</h1><p>Das Sommerfest findet am Samstag statt.</p>")).Metadata;

            var author = Assert.Single(m.Authors);
            Assert.Equal(("Talverein Nord", "site-as-author"), (author.Value, author.Source));
        }

        [Fact]
        public void Should_cut_the_outlet_name_run_on_after_the_author()
        {
            var m = PageReader.Read(Page("<meta property=\"og:site_name\" content=\"HarbourVoice\">",
                "<article><h1>Ferry timetable changes</h1><div class=\"byline\">By Adam Keller HarbourVoice</div><p>The ferry timetable changes next week, the operator said.</p></article>")).Metadata;

            Assert.Equal(["Adam Keller"], m.Authors.Select(a => a.Value));
        }

        [Fact]
        public void Should_read_a_utc_local_midnight_stamp_as_the_next_day_on_a_german_page()
        {
            var m = PageReader.Read(Page("<meta property=\"article:published_time\" content=\"2022-11-06T23:00:00.000Z\">", "<h1>Herbst im Tal</h1><p>Text.</p>")).Metadata;

            Assert.Equal(new DateOnly(2022, 11, 7), m.Published!.Value);
        }

        [Fact]
        public void Should_take_the_outlet_named_as_json_ld_author_when_no_person_is_given()
        {
            string ld = """<script type="application/ld+json">{"@type":"NewsArticle","headline":"Waldbrand gelöscht","author":{"@type":"Organization","name":"Kreisblatt"},"publisher":{"@type":"Organization","name":"Kreisblatt"}}</script>""";
            var m = PageReader.Read(Page(ld + "<meta property=\"og:site_name\" content=\"Kreisblatt\">", "<h1>Waldbrand gelöscht</h1><p>Text.</p>")).Metadata;

            Assert.Equal(["Kreisblatt"], m.Authors.Select(a => a.Value));
        }

        [Fact]
        public void Should_read_the_trackback_rdf_date_of_a_blog_post()
        {
            string body = "<h1>Wanderung zum Gipfel</h1><!-- <rdf:RDF><rdf:Description dc:title=\"x\" dc:date=\"2020-07-03T17:16:22+09:00\" /></rdf:RDF> --><p>Ein Bericht.</p>";
            var m = PageReader.Read(Page("<title>Wanderung</title>", body), "https://blog.example/e/abc").Metadata;

            Assert.Equal(new DateOnly(2020, 7, 3), m.Published!.Value);
        }

        [Fact]
        public void Should_take_an_agency_when_it_is_the_only_author()
        {
            var page = PageReader.Read(Page("<meta name=\"author\" content=\"dpa\">", "<h1>Kurz gemeldet heute</h1><p>Text der Meldung, kurz.</p>"));

            Assert.Equal(["dpa"], page.Metadata.Authors.Select(a => a.Value));
        }

        [Fact]
        public void Should_reorder_highwire_author_names_and_keep_dates_apart()
        {
            string head = """
                <meta name="citation_title" content="Heat and Health">
                <meta name="citation_author" content="Lindqvist, Henrik">
                <meta name="citation_author" content="Osei, Abena">
                <meta name="citation_publication_date" content="2024/03/14">
                <meta name="citation_online_date" content="2024/03/12">
                <meta name="citation_doi" content="10.5555/mpr.2024.0031">
                <meta property="article:modified_time" content="2024-04-02T10:00:00Z">
                """;
            var m = PageReader.Read(Page(head, "<h1>Heat and Health</h1>")).Metadata;

            Assert.Equal(["Henrik Lindqvist", "Abena Osei"], m.Authors.Select(a => a.Value));
            Assert.Equal(new DateOnly(2024, 3, 14), m.Published!.Value);
            Assert.Equal("meta:citation_publication_date", m.Published.Source);
            Assert.Equal(new DateOnly(2024, 4, 2), m.Modified!.Value);
            Assert.Equal("10.5555/mpr.2024.0031", m.Doi!.Value);
        }

        [Theory]
        [InlineData("Budget passes after long night | The Courier", "The Courier", "Budget passes after long night")]
        [InlineData("Budget passes after long night - The Courier", "The Courier", "Budget passes after long night")]
        [InlineData("The Courier: Budget passes after long night", "The Courier", "Budget passes after long night")]
        [InlineData("Budget passes after long night", "The Courier", "Budget passes after long night")]
        public void Should_strip_the_site_name_from_the_title(string htmlTitle, string site, string expected)
        {
            var m = PageReader.Read(Page($"<title>{htmlTitle}</title><meta property=\"og:site_name\" content=\"{site}\">", "<p>x</p>")).Metadata;

            Assert.Equal(expected, m.Title!.Value);
        }

        [Theory]
        [InlineData("Budget passes after long night | Politics | Forum | The Courier", "Budget passes after long night", "The Courier")]
        [InlineData("Courier Blog » Blog Archive » Budget passes after long night", "Budget passes after long night", "Courier Blog")]
        [InlineData("courier.example: Politics / Council / Budget passes after long night", "Budget passes after long night", "courier")]
        [InlineData("Budget passes after long night - courier.example - Home - Politics", "Budget passes after long night", "courier.example")]
        [InlineData("Budget passes - after a long night - in the harbour town | The Courier", "Budget passes - after a long night - in the harbour town", null)]
        public void Should_take_the_headline_out_of_a_section_or_breadcrumb_trail(string htmlTitle, string expected, string? site)
        {
            var m = PageReader.Read(Page($"<title>{htmlTitle}</title>", "<p>x</p>"), "https://courier.example/2025/budget").Metadata;

            Assert.Equal(expected, m.Title!.Value);
            if (site is not null)
            {
                Assert.Equal(site, m.Site!.Value);
            }
        }

        [Theory]
        [InlineData("<div class=\"kicker\">Harbour works</div> Budget passes after long night", "Budget passes after long night")]
        [InlineData("<span>Patch Notes</span> - Budget passes after long night", "Budget passes after long night")]
        [InlineData("Harbour works: Budget passes after long night", "Harbour works: Budget passes after long night")]
        public void Should_drop_a_kicker_run_on_before_the_metadata_headline_unless_joined_by_a_colon(string h1, string expected)
        {
            string head = "<title>Budget passes after long night | The Courier</title><meta property=\"og:title\" content=\"Budget passes after long night\">";
            var m = PageReader.Read(Page(head, $"<article><h1>{h1}</h1><p>x</p></article>")).Metadata;

            Assert.Equal(expected, m.Title!.Value);
        }

        [Theory]
        [InlineData("/")]
        [InlineData("https://courier-blog.example/")]
        [InlineData("https://web.archive.org/web/20140226054445/http://courier-blog.example/")]
        public void Should_pass_over_an_h1_that_only_links_to_the_home_page(string href)
        {
            string body = $"<h1><a href=\"{href}\">Courier Blog</a></h1><div class=\"post\"><h1>Budget passes after long night</h1><p>x</p></div>";
            var m = PageReader.Read(Page("<title>Budget passes after long night | Courier Blog</title>", body)).Metadata;

            Assert.Equal("Budget passes after long night", m.Title!.Value);
            Assert.Equal("Budget passes after long night", m.Heading);
        }

        [Fact]
        public void Should_take_the_heading_inside_a_wrapper_classed_as_the_post_title()
        {
            string body = "<div class=\"post\"><div class=\"post-title\"><h2><a href=\"/2008/budget\">Budget passes</a></h2><span class=\"post-cat\"><a href=\"/cat/politics\">Politics</a></span></div><p>x</p></div>";
            var m = PageReader.Read(Page("<title>Courier Blog</title>", "<h1>Courier Blog</h1>" + body), "https://courier.example/2008/budget").Metadata;

            Assert.Equal("Budget passes", m.Title!.Value);
            Assert.Equal("html:entry-title", m.Title.Source);
        }

        [Fact]
        public void Should_decode_html_entities_in_a_json_ld_headline()
        {
            string ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Harbour&#8217;s &quot;new&quot; quay\"}</script>";
            var m = PageReader.Read(Page(ld + "<title>Harbour&#8217;s \"new\" quay</title>", "<p>x</p>")).Metadata;

            Assert.Contains(m.TitleCandidates, c => c.Source == "json-ld:headline" && c.Value == "Harbour\u2019s \"new\" quay");
        }

        [Fact]
        public void Should_keep_the_json_ld_alternative_headline_as_a_candidate_without_a_say_in_the_choice()
        {
            string ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Budget passes after long night\",\"alternativeHeadline\":\"Council vote - Harbour budget through at dawn\"}</script>";
            var m = PageReader.Read(Page(ld + "<title>Budget passes after long night</title>", "<h1>Budget passes after long night</h1><p>x</p>")).Metadata;

            Assert.Equal("Budget passes after long night", m.Title!.Value);
            Assert.Contains(m.TitleCandidates, c => c.Source == "json-ld:alternativeHeadline" && c.Value == "Council vote - Harbour budget through at dawn");
        }

        [Fact]
        public void Should_take_the_post_title_when_the_title_element_joins_blog_name_and_post()
        {
            string head = "<title>Courier Blog: Budget passes after long night</title><meta property=\"og:title\" content=\"Budget passes after long night\">";
            var m = PageReader.Read(Page(head, "<h1 class=\"title\">Courier Blog</h1><p>x</p>")).Metadata;

            Assert.Equal("Budget passes after long night", m.Title!.Value);
        }

        [Theory]
        [InlineData("<span class=\"date\">6. November 2025</span>", 2025, 11, 6)]
        [InlineData("<span class=\"date\">November 6, 2025</span>", 2025, 11, 6)]
        [InlineData("<span class=\"datum\">06.11.2025, 14:30 Uhr</span>", 2025, 11, 6)]
        public void Should_read_visible_dates_in_english_and_german(string html, int y, int mo, int d)
        {
            var m = PageReader.Read(Page("<title>t</title>", "<h1>Headline of the story</h1>" + html + "<p>Body text.</p>")).Metadata;

            Assert.Equal(new DateOnly(y, mo, d), m.Published!.Value);
        }

        [Fact]
        public void Should_read_the_date_from_the_url_when_the_page_has_none()
        {
            var m = PageReader.Read(Page("<title>t</title>", "<p>Body.</p>"), "https://example.com/news/2025/11/06/story").Metadata;

            Assert.Equal(new DateOnly(2025, 11, 6), m.Published!.Value);
            Assert.Equal("url", m.Published.Source);
        }

        [Fact]
        public void Should_read_json_ld_wrapped_in_a_cdata_section()
        {
            string ld = """
                <script type="application/ld+json">
                <![CDATA[
                {"@context":"https://schema.org","@type":"Article","name":"Lake Ferns","author":{"@type":"Person","name":"Ida Brandt"},"datePublished":"2003-02-28T10:00:00Z"}
                ]]>
                </script>
                """;
            var m = PageReader.Read(Page(ld + "<title>Lake Ferns</title>", "<h1>Lake Ferns</h1><p>Text.</p>")).Metadata;

            Assert.Equal(["Ida Brandt"], m.Authors.Select(a => a.Value));
            Assert.Equal("json-ld:author", m.Authors[0].Source);
            Assert.Equal(new DateOnly(2003, 2, 28), m.Published!.Value);
        }

        [Fact]
        public void Should_take_text_written_straight_into_a_container_between_headings()
        {
            string body = """
                <div class="post-body">The ferry to the island runs again from Monday, after the pier was repaired, the operator said on Friday.<br>
                Tickets cost the same as last year, and the first boat leaves at seven, with a second one at nine.
                <h2>Timetable</h2>
                In winter the ferry runs twice a day, except on holidays, when only the morning boat sails to the island.<br></div>
                <div class="box"><p>Sign up for our weekly letter about local events.</p></div>
                """;
            var page = PageReader.Read(Page("<title>Ferry</title>", body));

            Assert.Contains("the pier was repaired", page.Body, StringComparison.Ordinal);
            Assert.Contains("In winter the ferry runs twice a day", page.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Sign up", page.Body, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_keep_the_article_text_without_navigation_comments_and_related_links()
        {
            string body = """
                <nav><a href="/">Home</a> <a href="/world">World</a></nav>
                <div id="content"><article class="story">
                  <h1>River plan</h1>
                  <p>The council approved the river plan on Tuesday, after a debate that lasted four hours, with seven votes in favour.</p>
                  <h2>What happens next</h2>
                  <p>Work on the embankment starts in spring, and the first section, near the old mill, should be finished by autumn.</p>
                </article>
                <div class="related-links"><ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul></div>
                <div id="comments"><p>Great article, thanks for writing it, I have a lot of thoughts about it.</p></div></div>
                """;
            var page = PageReader.Read(Page("<title>River plan</title>", body));

            Assert.Contains("What happens next", page.Body, StringComparison.Ordinal);
            Assert.Contains("first section, near the old mill", page.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Other story", page.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Great article", page.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Home", page.Body, StringComparison.Ordinal);
            Assert.Equal(3, page.Body.Split("\n\n").Length);
        }

        [Fact]
        public void Should_read_a_deeply_nested_page_without_exhausting_the_stack()
        {
            var sb = new StringBuilder("<html><head><title>Deep page here</title></head><body>");
            const int depth = 100_000;
            for (int i = 0; i < depth; i++)
            {
                sb.Append("<div>");
            }

            sb.Append("<p>The innermost paragraph holds the text, which is long enough to be found, with commas, and more.</p>");
            for (int i = 0; i < depth; i++)
            {
                sb.Append("</div>");
            }

            sb.Append("</body></html>");
            var sw = Stopwatch.StartNew();

            var page = PageReader.Read(sb.ToString());

            Assert.Equal("Deep page here", page.Metadata.Title!.Value);
            Assert.True(page.TooDeep);
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10), $"took {sw.Elapsed}");
        }
    }

    public sealed class Decode
    {
        [Fact]
        public void Should_use_the_meta_charset()
        {
            byte[] bytes = Encoding.Latin1.GetBytes("<html><head><meta charset=\"iso-8859-1\"><title>Gr\u00fc\u00dfe aus M\u00fcnchen</title></head><body></body></html>");

            var (text, encoding) = HtmlDecoder.Decode(bytes);

            Assert.Contains("Grüße aus München", text, StringComparison.Ordinal);
            Assert.Equal("windows-1252", encoding);
        }

        [Fact]
        public void Should_prefer_valid_utf8_over_a_wrong_single_byte_declaration()
        {
            byte[] bytes = Encoding.UTF8.GetBytes("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><title>Grüße</title></head></html>");

            var (text, _) = HtmlDecoder.Decode(bytes);

            Assert.Contains("Grüße", text, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_prefer_a_page_of_valid_utf8_over_a_wrong_multi_byte_declaration()
        {
            byte[] bytes = Encoding.UTF8.GetBytes("<html><head><meta http-equiv=\"content-type\" content=\"text/html;charset=GB2312\"/><title>航天合作论坛致贺信为中拉深化航天合作指明方向</title></head></html>");

            var (text, encoding) = HtmlDecoder.Decode(bytes);

            Assert.Contains("航天合作论坛", text, StringComparison.Ordinal);
            Assert.Equal("utf-8", encoding);
        }

        [Fact]
        public void Should_keep_a_multi_byte_declaration_when_only_a_few_bytes_happen_to_be_valid_utf8()
        {
            // "隆垄" in GB2312 is C2 A1 C2 A2, which is also valid UTF-8 ("¡¢").
            var gb2312 = Encoding.GetEncoding("GB2312");
            byte[] bytes = [.. Encoding.ASCII.GetBytes("<html><head><meta charset=\"GB2312\"><title>"), .. gb2312.GetBytes("隆垄"), .. Encoding.ASCII.GetBytes("</title></head></html>")];
            Assert.True(System.Text.Unicode.Utf8.IsValid(bytes));

            var (text, encoding) = HtmlDecoder.Decode(bytes);

            Assert.Contains("隆垄", text, StringComparison.Ordinal);
            Assert.Equal("gb2312", encoding);
        }

        [Fact]
        public void Should_honour_a_byte_order_mark()
        {
            byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("<title>Ünïcödé</title>")];

            Assert.Contains("Ünïcödé", HtmlDecoder.Decode(bytes).Text, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_fall_back_to_windows_1252_for_undeclared_invalid_utf8()
        {
            byte[] bytes = [.. Encoding.ASCII.GetBytes("<p>caf"), 0xE9, .. Encoding.ASCII.GetBytes(" \u0080</p>")];

            Assert.Contains("café", HtmlDecoder.Decode(bytes).Text, StringComparison.Ordinal);
        }
    }

    public sealed class Dev
    {
        /// <summary>Floor check on the shared dev pages (skips without ../shared): the reader must beat the stdlib
        /// meta-tag floor on a sample of fundus pages (title and date).</summary>
        [SkippableFact]
        public void Should_beat_the_floor_on_fundus_titles_and_dates()
        {
            string dev = SharedData.Require("webmeta/dev.jsonl");
            string root = Path.GetDirectoryName(dev)!;
            int n = 0, title = 0, date = 0;
            foreach (var line in File.ReadLines(dev).Where(l => l.Contains("\"source\": \"fundus\"", StringComparison.Ordinal)).Take(40))
            {
                var row = System.Text.Json.Nodes.JsonNode.Parse(line)!;
                using var gz = new System.IO.Compression.GZipStream(File.OpenRead(Path.Combine(root, (string)row["file"]!)), System.IO.Compression.CompressionMode.Decompress);
                using var ms = new MemoryStream();
                gz.CopyTo(ms);
                var m = PageReader.Read(ms.ToArray(), (string?)row["url"]).Metadata;
                n++;
                title += TextFolding.PageTextKey(m.Title?.Value) == TextFolding.PageTextKey((string?)row["title"]) ? 1 : 0;
                date += m.Published?.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) == (string?)row["date"] ? 1 : 0;
            }

            Assert.True(title >= n * 0.7, $"title {title}/{n}");
            Assert.True(date >= n * 0.85, $"date {date}/{n}");
        }
    }
}
