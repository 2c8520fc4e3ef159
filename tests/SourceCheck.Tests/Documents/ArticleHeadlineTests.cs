using SourceCheck.Claims;
using SourceCheck.Documents;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Documents;

public sealed class ArticleHeadlineTests
{
    private static Article ReadFixture(string file) =>
        ArticleReader.FromText(File.ReadAllText(SharedData.Fixture("headlines/" + file)).Replace("\r\n", "\n", StringComparison.Ordinal), file);

    private static string[] Kinds(Article article) => [.. article.Paragraphs.Select(p => p.Kind + ":" + article.Slice(p.Span)[..Math.Min(12, p.Span.Length)])];

    public sealed class Title
    {
        [Theory]
        [InlineData("de-rubrik-wiederholt.txt", "Hafenbetreiber verlangt Staatsgeld für neue Kaimauern")]
        [InlineData("en-cookie-banner.txt", "Harbour authority asks for public money to rebuild quay walls")]
        [InlineData("en-kicker-line.txt", "Grid operator warns of 12% price rise as undersea cables age")]
        [InlineData("en-headline-first.txt", "Harbour city keeps its night ferries for two more years")]
        [InlineData("de-angebot-ohne-titel.txt", null)]
        [InlineData("en-pricing-no-headline.txt", null)]
        public void Should_find_the_headline_past_page_furniture_or_none(string file, string? expected)
        {
            var article = ReadFixture(file);
            Assert.Equal(expected, article.Title);
            if (expected is null)
            {
                Assert.Null(article.TitleSpan);
                Assert.DoesNotContain(article.Paragraphs, p => p.Kind == ParagraphKind.Title);
            }
            else
            {
                Assert.Equal(expected, article.Slice(article.TitleSpan!.Value));
                Assert.Single(article.Paragraphs, p => p.Kind == ParagraphKind.Title);
            }
        }

        [Fact]
        public void Should_keep_the_first_line_rule_for_a_plain_article()
        {
            // a first line that ends in a full stop is still the headline when it is the first line of the file
            var article = ArticleReader.FromText("Acme cuts 500 jobs.\n\nAcme Corp. will cut about 500 jobs, its chief executive said on Monday.\n");
            Assert.Equal("Acme cuts 500 jobs.", article.Title);
            Assert.Equal([ParagraphKind.Title, ParagraphKind.Body], article.Paragraphs.Select(p => p.Kind));
        }

        [Fact]
        public void Should_not_take_a_sentence_after_a_banner_for_a_headline()
        {
            var article = ArticleReader.FromText("Wir verwenden Cookies, um unsere Website zu verbessern.\nAlle akzeptieren\n\n" +
                "Der Stadtrat hat am Dienstag beschlossen, die Nachtfähre zwei weitere Jahre zu betreiben.\n\nDie Betreiberin erhält 1,8 Millionen Euro im Jahr.\n");
            Assert.Null(article.Title);
            Assert.Equal([ParagraphKind.Boilerplate, ParagraphKind.Boilerplate, ParagraphKind.Body, ParagraphKind.Body], article.Paragraphs.Select(p => p.Kind));
        }

        [Fact]
        public void Should_drop_a_section_label_only_when_the_headline_is_repeated_without_it()
        {
            var repeated = ArticleReader.FromText("Tech Fähren fahren weiter\n\nFähren fahren weiter\n\nDer Rat hat entschieden, sagte die Sprecherin.\n");
            Assert.Equal("Fähren fahren weiter", repeated.Title);
            Assert.Equal(ParagraphKind.Boilerplate, repeated.Paragraphs[0].Kind);

            var single = ArticleReader.FromText("Tech Fähren fahren weiter\n\nDer Rat hat entschieden, sagte die Sprecherin.\n");
            Assert.Equal("Tech Fähren fahren weiter", single.Title);

            var duplicate = ArticleReader.FromText("Fähren fahren weiter\n\nFähren fahren weiter\n\nDer Rat hat entschieden, sagte die Sprecherin.\n");
            Assert.Equal("Fähren fahren weiter", duplicate.Title);
            Assert.Equal(duplicate.Paragraphs[0].Span, duplicate.TitleSpan);
        }

        [Theory]
        [InlineData("Künstliche Intelligenz\n\nWarum Rechenzentren so viel Strom brauchen\n\nDer Verbrauch steigt, sagte die Forscherin.\n", "Warum Rechenzentren so viel Strom brauchen")]
        [InlineData("Fähren fahren weiter\n\nDer Stadtrat stimmt für zwei weitere Jahre Nachtbetrieb\n\nDer Rat hat entschieden, sagte die Sprecherin.\n", "Fähren fahren weiter")]
        [InlineData("EXCLUSIVE\n\nAcme to cut 500 jobs\n\nBy Jane Roe\n\nAcme will cut 500 jobs, a spokesperson said.\n", "Acme to cut 500 jobs")]
        public void Should_let_a_kicker_line_give_way_to_the_headline_below_it(string text, string expected) =>
            Assert.Equal(expected, ArticleReader.FromText(text).Title);

        [Fact]
        public void Should_skip_bylines_date_lines_and_breadcrumbs_above_the_headline()
        {
            var article = ArticleReader.FromText("Startseite › Politik › Verkehr\n\nStand: 04.03.2026, 14:10 Uhr\n\nVon Jana Moll\n\n" +
                "Nachtfähre bleibt bis 2028 in Betrieb\n\nDer Rat stimmte am Dienstag zu, sagte Bürgermeisterin Ina Kahl.\n");
            Assert.Equal("Nachtfähre bleibt bis 2028 in Betrieb", article.Title);
            Assert.Equal("Jana Moll", article.Byline);
            Assert.Equal("04.03.2026", article.Date);
            Assert.Equal(ParagraphKind.Boilerplate, article.Paragraphs[0].Kind);
            Assert.Equal(ParagraphKind.Boilerplate, article.Paragraphs[1].Kind);
        }
    }

    public sealed class Furniture
    {
        [Theory]
        [InlineData("de-angebot-ohne-titel.txt")]
        [InlineData("en-pricing-no-headline.txt")]
        public void Should_mark_the_whole_marketing_block_as_boilerplate(string file)
        {
            var article = ReadFixture(file);
            int firstBody = article.Paragraphs.ToList().FindIndex(p => p.Kind == ParagraphKind.Body);
            Assert.True(firstBody >= 6, string.Join(" | ", Kinds(article)));
            Assert.All(article.Paragraphs.Take(firstBody), p => Assert.Equal(ParagraphKind.Boilerplate, p.Kind));
        }

        [Theory]
        [InlineData("de-rubrik-wiederholt.txt")]
        [InlineData("de-angebot-ohne-titel.txt")]
        [InlineData("en-cookie-banner.txt")]
        [InlineData("en-kicker-line.txt")]
        [InlineData("en-pricing-no-headline.txt")]
        public void Should_keep_furniture_and_headlines_out_of_claim_extraction(string file)
        {
            var article = ReadFixture(file);
            var claims = ClaimExtractor.Extract(article, "t");
            Assert.NotEmpty(claims);
            var skipped = article.Paragraphs.Where(p => p.Kind is not (ParagraphKind.Body or ParagraphKind.ListItem)).ToList();
            Assert.All(claims, c => Assert.DoesNotContain(skipped, p => c.Span.Start < p.Span.End && p.Span.Start < c.Span.End));
            // the product blurbs carry figures ("120 risks", "98%") but are not claims
            Assert.DoesNotContain(claims, c => c.Text.Contains("120", StringComparison.Ordinal) || c.Text.Contains("98", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("Home | World | Business | Energy", true)]
        [InlineData("Alle akzeptieren", true)]
        [InlineData("Skip to content", true)]
        [InlineData("This website uses cookies to give you the best experience.", true)]
        [InlineData("Choose your plan:", true)]
        [InlineData("Home prices rose 4% in March, the agency said.", false)]
        [InlineData("Search teams found the missing hikers on Sunday.", false)]
        [InlineData("Profit / loss: why Acme's margin fell", false)]
        public void Should_tell_navigation_and_consent_lines_from_text(string line, bool boilerplate) =>
            Assert.Equal(boilerplate, ArticleReader.IsBoilerplate(line));

        [Fact]
        public void Should_read_a_dateline_after_a_teaser()
        {
            var article = ReadFixture("en-cookie-banner.txt");
            Assert.Equal("The Coastline Courier", article.Outlet);
            Assert.NotNull(article.Dateline);
            Assert.StartsWith("PORTMERE, March 4", article.Slice(article.Dateline!.Value), StringComparison.Ordinal);
        }
    }
}
