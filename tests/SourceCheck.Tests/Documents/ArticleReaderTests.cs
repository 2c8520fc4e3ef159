using SourceCheck.Documents;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Documents;

public sealed class ArticleReaderTests
{
    public sealed class FromText
    {
        private const string Wire =
            "Acme cuts jobs\n\n" +
            "By Jane Roe\n\n" +
            "LONDON, May 3 (Harbour Wire) - Acme Corp. will cut about 500 jobs, its chief executive said.\n\n" +
            "Analysts were surprised, according to CNN. The chief executive told Reuters the plan was final.\n";

        [Fact]
        public void Should_read_title_byline_dateline_and_language()
        {
            var article = ArticleReader.FromText(Wire, "wire.txt");
            Assert.Equal("Acme cuts jobs", article.Title);
            Assert.Equal("Jane Roe", article.Byline);
            Assert.Equal("Harbour Wire", article.Outlet);
            Assert.Equal("May 3", article.Date);
            Assert.Equal("en", article.Language);
            Assert.NotNull(article.Dateline);
            Assert.Equal("LONDON, May 3 (Harbour Wire) - ", article.Slice(article.Dateline!.Value));
        }

        [Fact]
        public void Should_give_paragraphs_with_exact_offsets_and_kinds()
        {
            var article = ArticleReader.FromText(Wire);
            Assert.Equal([ParagraphKind.Title, ParagraphKind.Heading, ParagraphKind.Body, ParagraphKind.Body], article.Paragraphs.Select(p => p.Kind));
            Assert.Equal("By Jane Roe", article.Slice(article.Paragraphs[1].Span));
            Assert.StartsWith("Analysts were surprised", article.Slice(article.Paragraphs[3].Span), StringComparison.Ordinal);
        }

        [Fact]
        public void Should_find_inline_source_mentions()
        {
            string text = "Titel\n\nDer Umsatz sinkt, wie „Zeit“ berichtet. Laut Reuters fällt die Aktie. " +
                "Analysts agree, according to CNN. He told Reuters so.\n\nQuellen: „Zeit“, dpa\n";
            var article = ArticleReader.FromText(text);
            var mentions = article.SourceMentions.Select(m => (m.Name, m.Cue)).ToList();
            Assert.Contains(("Zeit", "wie-berichtet"), mentions);
            Assert.Contains(("Reuters", "laut"), mentions);
            Assert.Contains(("CNN", "according-to"), mentions);
            Assert.Contains(("Reuters", "told"), mentions);
            Assert.Contains(("Zeit", "sources"), mentions);
            Assert.Contains(("dpa", "sources"), mentions);
            Assert.All(article.SourceMentions, m => Assert.Equal(m.Name, article.Slice(m.Span)));
            Assert.Equal("de", article.Language);
        }

        [Fact]
        public void Should_detect_a_bibliography_heading_mid_line()
        {
            string text = "Titel\n\nDie Debatte geht weiter. Bibliography: - Roe, J. (2025, May 3). Acme cuts jobs. Harbour Wire. - Doe, J. (2025). Other. CNN.\n";
            var article = ArticleReader.FromText(text);
            var bib = Assert.IsType<BibliographySection>(article.Bibliography);
            Assert.Equal("Bibliography", bib.Heading);
            Assert.StartsWith("Roe, J.", bib.EntriesText, StringComparison.Ordinal);
            Assert.Equal(bib.EntriesText, article.Slice(bib.EntriesSpan));
            Assert.Contains(article.Paragraphs, p => p.Kind == ParagraphKind.Body && article.Slice(p.Span) == "Die Debatte geht weiter.");
            Assert.Contains(article.Paragraphs, p => p.Kind == ParagraphKind.Bibliography);
        }

        [Fact]
        public void Should_detect_a_references_heading_on_its_own_line()
        {
            string text = "Title\n\nSome text here.\n\nReferences\nRoe, J. (2025). Acme cuts jobs. Harbour Wire.\nDoe, J. (2024). Other. CNN.\n";
            var bib = ArticleReader.FromText(text).Bibliography;
            Assert.NotNull(bib);
            Assert.Equal("References", bib.Heading);
            Assert.EndsWith("Other. CNN.", bib.EntriesText, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_not_take_a_sentence_starting_with_quellen_for_a_heading()
        {
            Assert.Null(ArticleReader.FromText("Titel\n\nQuellen der Kritik sind unklar.\n").Bibliography);
        }

        [Fact]
        public void Should_mark_marketing_lines_as_boilerplate()
        {
            var article = ArticleReader.FromText("Titel\n\n✓ 100% DSGVO-konform\nDas könnte dich auch interessieren\nEin echter Satz steht hier.\n");
            Assert.Equal([ParagraphKind.Title, ParagraphKind.Boilerplate, ParagraphKind.Boilerplate, ParagraphKind.Body], article.Paragraphs.Select(p => p.Kind));
        }
    }

    public sealed class ReadHtml
    {
        [Fact]
        public void Should_take_metadata_main_text_and_links_without_running_scripts()
        {
            string html = File.ReadAllText(SharedData.Fixture("claims/en-veltrix.html"));
            var article = ArticleReader.Read(html, "en-veltrix.html");
            Assert.Equal("Veltrix to cut 2,400 jobs as margins shrink", article.Title);
            Assert.Equal("Meridian Wire", article.Outlet);
            Assert.Equal("Tess Albright", article.Byline);
            Assert.Equal("2026-03-12", article.Date); // the page reader's publication day
            Assert.Equal("en", article.Language);
            Assert.DoesNotContain("Injected", article.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("tracking", article.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Subscribe", article.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Most read", article.Text, StringComparison.Ordinal);
            Assert.Contains("Chief Executive Laura Brennan said on Tuesday.", article.Text, StringComparison.Ordinal);
            var link = Assert.Single(article.Links);
            Assert.Equal("https://example.org/reuters", link.Url);
            Assert.Equal("Reuters", article.Slice(link.Span));
            Assert.Equal(1, article.Text.Split("Veltrix to cut 2,400 jobs").Length - 1);
        }
    }
}
