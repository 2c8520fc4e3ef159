using SourceCheck.References;

namespace SourceCheck.Tests.References;

public sealed class HtmlBibliographyDetectorTests
{
    public sealed class Detect
    {
        [Fact]
        public void Should_read_list_items_under_a_heading()
        {
            const string html = """
                <html><body><article><p>Der Rat tagte am Montag.</p>
                <h2>Quellen</h2>
                <ul>
                  <li>Brandt, L. (2024, 2. Mai). Neue Wege im
                      Nahverkehr. Nordkurier.</li>
                  <li>(2024, 5. Mai). Streik beendet. Tagesblatt Süd.</li>
                </ul>
                <h2>Über die Autorin</h2><p>Sie schreibt seit 2010 für uns.</p>
                <script>document.write("<li>Evil, E. (2020). Injected. Bad.</li>")</script>
                </article></body></html>
                """;
            var block = Assert.Single(HtmlBibliographyDetector.Detect(html));
            Assert.Equal("Quellen", block.Heading);
            Assert.Equal(["Brandt, L. (2024, 2. Mai). Neue Wege im Nahverkehr. Nordkurier.", "(2024, 5. Mai). Streik beendet. Tagesblatt Süd."],
                block.Entries.Select(e => e.Text));
            Assert.Equal(4, block.Entries[0].Span.Line);
        }

        [Fact]
        public void Should_read_a_run_of_paragraphs_and_stop_at_prose()
        {
            const string html = """
                <div><p><strong>References:</strong></p>
                <p>Okoro, D. (2022). Lighthouses of the north. Harbor Press.</p>
                <p>Vance, E. (2021, July 4). Salt and signal. The Quay Gazette. https://quaygazette.example/salt</p>
                <p>Share this story with your friends and family if you liked reading it today.</p></div>
                """;
            var block = Assert.Single(HtmlBibliographyDetector.Detect(html));
            Assert.Equal(2, block.Entries.Length);
            Assert.EndsWith("salt", block.Entries[1].Text, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_use_a_references_list_without_heading_and_drop_backlinks()
        {
            const string html = """<ol class="references"><li>^ a b Marsh, I. (2020). Quiet rivers. Fen Books.</li><li>^ Lund, M. (2019). Harbour lights. Quay Press.</li></ol>""";
            var block = Assert.Single(HtmlBibliographyDetector.Detect(html));
            Assert.Equal(["Marsh, I. (2020). Quiet rivers. Fen Books.", "Lund, M. (2019). Harbour lights. Quay Press."], block.Entries.Select(e => e.Text));
        }

        [Fact]
        public void Should_climb_out_of_a_heading_wrapper()
        {
            const string html = "<main><div class=\"hd\"><h2>Einzelnachweise</h2></div><ol><li>Marsh, I. (2020). Quiet rivers. Fen Books.</li></ol></main>";
            var block = Assert.Single(HtmlBibliographyDetector.Detect(html));
            Assert.Equal("Einzelnachweise", block.Heading);
            Assert.Single(block.Entries);
        }

        [Fact]
        public void Should_split_br_separated_references_in_a_paragraph()
        {
            const string html = "<h3>Sources</h3><p>Marsh, I. (2020). Quiet rivers. Fen Books.<br>Lund, M. (2019). Harbour lights. Quay Press.<br/>https://quay.example/lights</p>";
            var block = Assert.Single(HtmlBibliographyDetector.Detect(html));
            Assert.Equal(["Marsh, I. (2020). Quiet rivers. Fen Books.", "Lund, M. (2019). Harbour lights. Quay Press. https://quay.example/lights"], block.Entries.Select(e => e.Text));
        }

        [Fact]
        public void Should_fall_back_to_the_page_text_for_an_inline_list()
        {
            const string html = "<p>Ende.</p><p>Bibliography: - Rowe, T. (2025, May 1). A title. Outlet One. - Zhou, L. (2025). Other title. Outlet Two.</p>";
            var block = Assert.Single(HtmlBibliographyDetector.Detect(html));
            Assert.Equal(2, block.Entries.Length);
        }
    }
}
