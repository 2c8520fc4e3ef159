using SourceCheck.Documents.Web;

namespace SourceCheck.Tests.Documents.Web;

public sealed class PageAuthorsTests
{
    private static string Page(string head, string body) =>
        $"<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">{head}</head><body>{body}</body></html>";

    private static string[] AuthorsOf(string head, string body) =>
        [.. PageReader.Read(Page(head, body)).Metadata.Authors.Select(a => a.Value)];

    public sealed class CompleteOneWordNames
    {
        [Fact]
        public void Should_take_the_visible_byline_for_a_json_ld_user_name_of_the_same_letters()
        {
            string ld = """
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                  {"@type":"Article","headline":"Neue Halle am See","author":{"@id":"#u1"}},
                  {"@type":"Person","@id":"#u1","name":"marenholtkamp"}]}</script>
                """;

            string[] authors = AuthorsOf(ld, "<article><h1>Neue Halle am See</h1><div class=\"post-header_author\"><span>von</span> <a href=\"/creator/maren-holtkamp/\">Maren Holtkamp</a></div><p>Die neue Halle am See ist fertig.</p></article>");

            Assert.Equal(["Maren Holtkamp"], authors);
        }

        [Fact]
        public void Should_complete_a_first_name_from_the_author_bio_of_the_person_node()
        {
            string ld = """
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                  {"@type":"Article","headline":"Wheels for winter","author":{"@id":"#p"}},
                  {"@type":"Person","@id":"#p","name":"Tobias","description":"Tobias Wendel - engineer and rider since 2004."}]}</script>
                """;

            Assert.Equal(["Tobias Wendel"], AuthorsOf(ld, "<article><h1>Wheels for winter</h1><p>Winter wheels need care.</p></article>"));
        }

        [Fact]
        public void Should_keep_a_one_word_name_when_the_bio_goes_on_in_lower_case()
        {
            string ld = """
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                  {"@type":"Article","headline":"Wheels for winter","author":{"@id":"#p"}},
                  {"@type":"Person","@id":"#p","name":"Tobias","description":"Tobias writes about bikes."}]}</script>
                """;

            Assert.Equal(["Tobias"], AuthorsOf(ld, "<article><h1>Wheels for winter</h1><p>Winter wheels need care.</p></article>"));
        }

        [Fact]
        public void Should_not_replace_a_user_name_by_an_unrelated_byline_name()
        {
            string ld = """
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                  {"@type":"Article","headline":"Neue Halle am See","author":{"@id":"#u1"}},
                  {"@type":"Person","@id":"#u1","name":"seewolf"}]}</script>
                """;

            string[] authors = AuthorsOf(ld, "<article><h1>Neue Halle am See</h1><div class=\"byline\">Von Maren Holtkamp</div><p>Die neue Halle am See ist fertig.</p></article>");

            Assert.Equal(["seewolf"], authors);
        }
    }

    public sealed class CopyrightHolder
    {
        private const string Head = "<meta property=\"og:site_name\" content=\"Gartenfunk\">";

        [Theory]
        [InlineData("<p>© 2021 Lotte Brandauer</p>")]
        [InlineData("<p class=\"copy\">(c) Lotte Brandauer • Weitere Rechte siehe Impressum</p>")]
        public void Should_take_the_person_named_in_the_copyright_notice_of_a_page_without_author(string notice)
        {
            var m = PageReader.Read(Page(Head, "<article><h1>Tomaten im Herbst</h1><p>Im Herbst reifen die letzten Tomaten.</p></article><footer>" + notice + "</footer>")).Metadata;

            var author = Assert.Single(m.Authors);
            Assert.Equal(("Lotte Brandauer", "copyright"), (author.Value, author.Source));
        }

        [Theory]
        [InlineData("<figure><img src=\"t.jpg\"><figcaption>© Lotte Brandauer</figcaption></figure>")]
        [InlineData("<div class=\"image-credit\">© Lotte Brandauer</div>")]
        [InlineData("<p>© 2021 Lotte Brandauer</p><p>© 2020 Jens Ahlborn</p>")]
        [InlineData("<p>© 2021 Gartenfunk Verlag GmbH</p>")]
        [InlineData("<p>© 2021 Gartenfunk Nordheide</p>")]
        [InlineData("<p>© 2021 Brandauer Productions</p>")]
        [InlineData("<p>© Riproduzione Riservata</p>")]
        [InlineData("<p>© Copyright Brandauer Newspapers</p>")]
        [InlineData("<p>© 2021 GFN Nordheide</p>")]
        public void Should_keep_the_outlet_for_image_credits_two_holders_or_an_organisation(string notice)
        {
            var m = PageReader.Read(Page(Head, "<article><h1>Tomaten im Herbst</h1>" + notice + "<p>Im Herbst reifen die letzten Tomaten.</p></article>")).Metadata;

            var author = Assert.Single(m.Authors);
            Assert.Equal(("Gartenfunk", "site-as-author"), (author.Value, author.Source));
        }

        [Fact]
        public void Should_prefer_a_byline_to_the_copyright_notice()
        {
            Assert.Equal(["Jens Ahlborn"], AuthorsOf(Head, "<article><h1>Tomaten im Herbst</h1><p class=\"byline\">Von Jens Ahlborn</p><p>Im Herbst reifen die letzten Tomaten.</p></article><footer><p>© 2021 Lotte Brandauer</p></footer>"));
        }
    }

    public sealed class VisibleBylines
    {
        [Fact]
        public void Should_read_a_name_after_a_screen_reader_by_label_with_a_separator()
        {
            string body = "<article><h1>Dog waits at the station</h1><div class=\"meta\"><span class=\"kicker\">Trending</span> <span class=\"screen-reader-text\">| By </span> <span>Rhea Colton</span> | <time>May 2, 2021</time></div><p>The dog waited at the station for an hour.</p></article>";

            Assert.Equal(["Rhea Colton"], AuthorsOf("<title>Dog waits at the station</title>", body));
        }
    }
}
