using SourceCheck.Csl;
using SourceCheck.Documents.Web;
using SourceCheck.Verification;

namespace SourceCheck.Tests.Verification;

/// <summary>Rules of <see cref="ReferenceComparer"/> that the fixtures in fixtures/webmeta-val exercise, each on a
/// small invented page.</summary>
public sealed class ReferenceComparerTests
{
    private const string Site = "https://www.northbank-echo.example";

    private static string Article(string headline, string byline, string published, string canonical, string extraHead = "") => $$"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
        <title>{{headline}} | Northbank Echo</title>
        <meta property="og:site_name" content="Northbank Echo"><meta property="og:type" content="article">
        <meta property="article:published_time" content="{{published}}T08:00:00Z">
        <link rel="canonical" href="{{canonical}}">{{extraHead}}
        </head><body><main><article><h1>{{headline}}</h1><p class="byline">By {{byline}}</p>
        <p>The ferry company said on Monday that the new timetable would add two crossings in the morning and one in the evening from next month.</p>
        <p>Commuters had asked for earlier departures for several years, and the town council supported the request in a letter last spring.</p>
        </article></main></body></html>
        """;

    private const string HomePage = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Northbank Echo | News for the north bank</title>
        <meta property="og:site_name" content="Northbank Echo"><meta property="og:type" content="website">
        <link rel="canonical" href="https://www.northbank-echo.example/"></head>
        <body><main><article class="teaser"><h2><a href="/a">Ferry adds morning crossings</a></h2><p>By Lena Marsh · May 2, 2025</p></article>
        <article class="teaser"><h2><a href="/b">School fair returns</a></h2><p>By Omar Stein · May 1, 2025</p></article></main></body></html>
        """;

    private static CslItem Item(string title, string? family, string? given, string outlet, string url, int year = 2025, int month = 5, int day = 2)
    {
        var item = new CslItem("t", "article-newspaper");
        if (family is not null)
        {
            item.SetNames("author", [CslName.Person(family, given)]);
        }

        item.SetString("title", title);
        item.SetString("container-title", outlet);
        item.SetString("URL", url);
        item.SetDate("issued", CslDate.Of(year, month, day));
        return item;
    }

    private static FetchResult Fetch(string requested, string final, params int[] chain)
    {
        var hops = chain.Select((status, i) => new FetchHop(i == 0 ? requested : final, status, i == chain.Length - 1 ? null : final)).ToList();
        return new FetchResult { RequestedUrl = requested, FinalUrl = final, Status = chain[^1], Chain = hops, ContentType = "text/html" };
    }

    private static string[] Types(CslItem item, FetchResult fetch, string html) =>
        ReferenceComparer.Compare(item, fetch, PageReader.Read(html, fetch.FinalUrl)).Select(f => $"{f.Field}/{f.Type.ToName()}").Order(StringComparer.Ordinal).ToArray();

    public sealed class Compare
    {
        private const string Story = Site + "/news/2025/05/02/ferry-adds-morning-crossings-4410";

        [Fact]
        public void Should_report_one_redirect_when_a_deep_link_redirects_to_a_real_home_page()
        {
            var item = Item("Ferry adds morning crossings", "Marsh", "L.", "Northbank Echo", Story);

            Assert.Equal(["url/redirect"], Types(item, Fetch(Story, Site + "/", 301, 200), HomePage));
        }

        [Fact]
        public void Should_report_a_dead_link_when_the_redirect_lands_on_an_error_page()
        {
            var item = Item("Ferry adds morning crossings", "Marsh", "L.", "Northbank Echo", Story);
            string error = HomePage.Replace("<title>Northbank Echo | News for the north bank</title>", "<title>Page not found | Northbank Echo</title>", StringComparison.Ordinal);

            Assert.Equal(["url/dead_link"], Types(item, Fetch(Story, Site + "/", 301, 200), error));
        }

        [Fact]
        public void Should_report_only_a_redirect_when_it_lands_on_another_work_of_the_site()
        {
            var item = Item("Ferry adds morning crossings", "Marsh", "L.", "Northbank Echo", Story, 2023, 4, 18);
            string other = Site + "/news/2025/06/20/school-fair-returns-4702";

            Assert.Equal(["url/redirect"], Types(item, Fetch(Story, other, 301, 200), Article("School fair returns to the harbour green", "Omar Stein", "2025-06-20", other)));
        }

        [Fact]
        public void Should_not_report_a_redirect_or_canonical_when_the_same_article_moved_to_a_new_slug()
        {
            var item = Item("Ferry adds morning crossings", "Marsh", "L.", "Northbank Echo", Story);
            string moved = Site + "/news/2025/05/02/ferry-timetable-adds-three-crossings-4410";

            Assert.Equal(["title/title_changed"], Types(item, Fetch(Story, moved, 301, 200), Article("Ferry timetable adds three crossings", "Lena Marsh", "2025-05-02", moved)));
        }

        [Fact]
        public void Should_report_only_the_redirect_when_the_same_article_moved_to_another_outlets_site()
        {
            string old = "https://www.eastbank-post.example/news/ferry-adds-morning-crossings";
            var item = Item("Ferry adds morning crossings", "Marsh", "L.", "Eastbank Post", old);

            Assert.Equal(["url/redirect"], Types(item, Fetch(old, Story, 301, 200), Article("Ferry adds morning crossings", "Lena Marsh", "2025-05-02", Story)));
            item.SetString("container-title", "Daily Sprocket");
            Assert.Equal(["site/site_mismatch", "url/redirect"], Types(item, Fetch(old, Story, 301, 200), Article("Ferry adds morning crossings", "Lena Marsh", "2025-05-02", Story)));
        }

        [Fact]
        public void Should_not_report_an_http_to_https_upgrade()
        {
            string http = "http://www.northbank-echo.example/news/2025/05/02/ferry-adds-morning-crossings-4410";
            var item = Item("Ferry adds morning crossings", "Marsh", "L.", "Northbank Echo", http);

            Assert.Empty(Types(item, Fetch(http, Story, 301, 200), Article("Ferry adds morning crossings", "Lena Marsh", "2025-05-02", Story)));
        }

        [Fact]
        public void Should_not_report_a_canonical_on_the_desktop_host_of_a_mobile_page_or_without_tracking_parameters()
        {
            string mobile = "https://m.northbank-echo.example/news/2025/05/02/ferry-adds-morning-crossings-4410?utm_source=app";
            var item = Item("Ferry adds morning crossings", "Marsh", "L.", "Northbank Echo", mobile);

            Assert.Empty(Types(item, Fetch(mobile, mobile, 200), Article("Ferry adds morning crossings", "Lena Marsh", "2025-05-02", Story)));
        }

        [Fact]
        public void Should_not_report_a_canonical_with_another_slug_for_the_same_article_id()
        {
            string oldSlug = Site + "/news/ferry-crossings-44102";
            string canonical = Site + "/news/ferry-adds-morning-crossings-44102";
            var item = Item("Ferry adds morning crossings", "Marsh", "L.", "Northbank Echo", oldSlug);

            Assert.Empty(Types(item, Fetch(oldSlug, oldSlug, 200), Article("Ferry adds morning crossings", "Lena Marsh", "2025-05-02", canonical)));
            string amp = Site + "/news/ferry-crossings-44102.amp.html";
            item.SetString("URL", amp);
            Assert.Equal(["url/canonical_mismatch"], Types(item, Fetch(amp, amp, 200), Article("Ferry adds morning crossings", "Lena Marsh", "2025-05-02", canonical)));
            string other = Site + "/news/ferry-crossings-44577";
            item.SetString("URL", other);
            Assert.Equal(["url/canonical_mismatch"], Types(item, Fetch(other, other, 200), Article("Ferry adds morning crossings", "Lena Marsh", "2025-05-02", canonical)));
        }

        [Fact]
        public void Should_report_a_canonical_mismatch_for_an_amp_copy()
        {
            string amp = Story + "/amp/";
            var item = Item("Ferry adds morning crossings", "Marsh", "L.", "Northbank Echo", amp);

            Assert.Equal(["url/canonical_mismatch"], Types(item, Fetch(amp, amp, 200), Article("Ferry adds morning crossings", "Lena Marsh", "2025-05-02", Story)));
        }

        [Fact]
        public void Should_accept_the_original_outlet_of_a_syndicated_copy_but_report_the_canonical()
        {
            string copy = "https://www.newsroll.example/story/ferry-adds-morning-crossings-9c1";
            var item = Item("Ferry adds morning crossings", "Marsh", "L.", "Northbank Echo", copy);
            string html = Article("Ferry adds morning crossings", "Lena Marsh", "2025-05-02", Story).Replace("content=\"Northbank Echo\"", "content=\"Newsroll\"", StringComparison.Ordinal);

            Assert.Equal(["url/canonical_mismatch"], Types(item, Fetch(copy, copy, 200), html));
            item.SetString("container-title", "Daily Sprocket");
            Assert.Equal(["site/site_mismatch", "url/canonical_mismatch"], Types(item, Fetch(copy, copy, 200), html));
        }

        [Fact]
        public void Should_treat_ampersand_and_and_as_the_same_title()
        {
            var item = Item("Ferries and buses on the north bank: Morning crossings added", "Marsh", "L.", "Northbank Echo", Story);

            Assert.Empty(Types(item, Fetch(Story, Story, 200), Article("Ferries &amp; Buses on the North Bank", "Lena Marsh", "2025-05-02", Story)));
            item.SetString("title", "Ferries or buses");
            Assert.Equal(["title/title_changed"], Types(item, Fetch(Story, Story, 200), Article("Ferries &amp; Buses on the North Bank", "Lena Marsh", "2025-05-02", Story)));
        }

        [Fact]
        public void Should_ignore_an_apa_bracketed_description_after_the_title()
        {
            var item = Item("Ferry adds morning crossings [Press release]", "Marsh", "L.", "Northbank Echo", Story);

            Assert.Empty(Types(item, Fetch(Story, Story, 200), Article("Ferry adds morning crossings", "Lena Marsh", "2025-05-02", Story)));
            item.SetString("title", "Ferry adds evening crossings [Press release]");
            Assert.Equal(["title/title_changed"], Types(item, Fetch(Story, Story, 200), Article("Ferry adds morning crossings", "Lena Marsh", "2025-05-02", Story)));
        }

        [Fact]
        public void Should_report_every_page_author_as_missing_when_the_reference_names_no_author()
        {
            var item = Item("Ferry adds morning crossings", null, null, "Northbank Echo", Story);

            var findings = ReferenceComparer.Compare(item, Fetch(Story, Story, 200), PageReader.Read(Article("Ferry adds morning crossings", "Lena Marsh and Omar Stein", "2025-05-02", Story), Story));

            Assert.Equal(["Lena Marsh", "Omar Stein"], findings.Where(f => f.Type == FindingKind.AuthorMissing).Select(f => f.Page));
            Assert.All(findings, f => Assert.Null(f.Cited));
        }

        [Fact]
        public void Should_not_take_an_outlet_after_the_byline_name_for_a_missing_author()
        {
            var item = Item("Ferry adds morning crossings", "Marsh", "L.", "Northbank Echo", Story);

            Assert.Empty(Types(item, Fetch(Story, Story, 200), Article("Ferry adds morning crossings", "Lena Marsh, The Harbour Ledger", "2025-05-02", Story)));
        }
    }
}
