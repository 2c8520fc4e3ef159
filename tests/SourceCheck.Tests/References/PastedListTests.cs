using SourceCheck.Csl;
using SourceCheck.References;

namespace SourceCheck.Tests.References;

/// <summary>Issue 14: HTML lists keep each entry's link, double-spaced and hyphenated PDF pastes, and the name/volume
/// forms met in the session-6 real lists (examples written here, not copied from the labelled files).</summary>
public sealed class PastedListTests
{
    private static IReadOnlyList<CslItem> Html(string html) => ReferenceReader.Read(html, InputFormat.Html, "page.html").Items;

    [Fact]
    public void Html_entries_keep_their_doi_link_as_doi_and_drop_link_bars_from_the_text()
    {
        const string html = """
            <h2>References</h2>
            <ol>
            <li><p>Smith, A. &amp; Jones, B. Ocean heat uptake. <i>Nature</i> <b>500</b>, 10–14 (2013).</p>
            <p><a href="https://doi.org/10.1038%2Fnature00001">Article</a> <a href="https://scholar.google.com/scholar_lookup?title=Ocean">Google Scholar</a></p></li>
            <li><p>Brown, C. Rivers in flood. <i>Science</i> <b>12</b>, 1–5 (2014).</p>
            <p><a href="http://www.ncbi.nlm.nih.gov/entrez/query.fcgi?cmd=Retrieve&amp;db=PubMed">PubMed</a> <a href="https://scholar.google.com/x">Google Scholar</a></p></li>
            </ol>
            """;
        var blocks = HtmlBibliographyDetector.Detect(html);
        var entries = blocks.SelectMany(b => b.Entries).ToList();
        Assert.Equal(2, entries.Count);
        Assert.DoesNotContain("Google Scholar", entries[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Article", entries[0].Text, StringComparison.Ordinal);
        var items = Html(html);
        Assert.Equal("10.1038/nature00001", items[0].GetString("DOI"));
        Assert.Null(items[0].GetString("URL")); // a DOI is enough; Google Scholar is a search, not the work
        Assert.Null(items[1].GetString("URL")); // look-up services only
        Assert.Null(items[1].GetString("DOI"));
    }

    [Fact]
    public void Wikipedia_references_keep_the_title_link_not_the_archive_copy()
    {
        const string html = """
            <div class="reflist"><ol class="references">
            <li id="cite_note-1"><span class="mw-cite-backlink">^ <a href="#cite_ref-1-0"><sup><i><b>a</b></i></sup></a> <a href="#cite_ref-1-1"><sup><i><b>b</b></i></sup></a></span> <span class="reference-text"><cite class="citation web cs1">Doe, Jane (3 May 2010). <a class="external text" href="https://example.org/story/42">"A story about bridges"</a>. <i>Example Times</i>. <a class="external text" href="https://web.archive.org/web/20110101000000/https://example.org/story/42">Archived</a> from the original on 1 January 2011<span class="reference-accessdate">. Retrieved <span class="nowrap">4 June</span> 2012</span>.</cite></span></li>
            <li id="cite_note-2"><span class="mw-cite-backlink"><b><a href="#cite_ref-2">^</a></b></span> <span class="reference-text"><cite class="citation web cs1">Roe, Max (2015). "Only archived". <i>Gone Daily</i>. <a class="external text" href="https://web.archive.org/web/20160101000000/http://gone.example.com/a">Archived</a> from the original on 1 January 2016.</cite></span></li>
            </ol></div>
            """;
        var items = Html(html);
        Assert.Equal(2, items.Count);
        Assert.Equal("https://example.org/story/42", items[0].GetString("URL"));
        Assert.Equal(2010, items[0].GetDate("issued")?.Start?.Year);
        Assert.Equal(2012, items[0].GetDate("accessed")?.Start?.Year);
        Assert.StartsWith("Doe", items[0].GetNames("author")[0].Family, StringComparison.Ordinal);
        Assert.Equal("http://gone.example.com/a", items[1].GetString("URL")); // the archive's original, when nothing else
    }

    [Fact]
    public void Links_choose_doi_then_source_and_skip_lookups()
    {
        var (doi, url, archived) = EntryLinks.Choose(["#cite_ref-3", "https://www.worldcat.org/issn/0899-7667", "https://dx.doi.org/10.1162/neco.1997.9.8.1735",
            "https://pubmed.ncbi.nlm.nih.gov/9377276", "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC123/", "https://web.archive.org/web/2020/https://a.example/x"]);
        Assert.Equal("10.1162/neco.1997.9.8.1735", doi);
        Assert.Equal("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC123/", url);
        Assert.Equal("https://a.example/x", archived);
    }

    [Fact]
    public void Text_urls_win_over_links()
    {
        var item = new CslItem("x", "webpage");
        item.SetString("URL", "https://text.example/a");
        EntryLinks.Apply(item, ["https://link.example/b", "https://doi.org/10.1000/xyz"]);
        Assert.Equal("https://text.example/a", item.GetString("URL"));
        Assert.Equal("10.1000/xyz", item.GetString("DOI"));
    }

    [Fact]
    public void Double_spaced_numbered_paste_gives_one_entry_per_number_with_words_rejoined()
    {
        const string text = "References\n\n[1] Ana Lima and Rui Costa. Fast pro-\n\ncessing of sparse graphs. In Proceedings of the\n\nWorkshop on Graphs, pages 1–9, 2019.\n\n"
            + "[2] Eva Roth. Verkehr in Baden-\n\nWürttemberg. Journal of Trans-\n\nport, 4(2):10–20, 2020.\n\n[3] Li Wu. A short note. arXiv preprint arXiv:2001.00001, 2020.\n";
        var entries = BibliographyDetector.Detect(text).SelectMany(b => b.Entries).Select(e => e.Text).ToList();
        Assert.Equal(3, entries.Count);
        Assert.Contains("Fast processing of sparse graphs. In Proceedings of the Workshop on Graphs", entries[0], StringComparison.Ordinal);
        Assert.Contains("Verkehr in Baden-Württemberg. Journal of Transport,", entries[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Double_spaced_apa_paste_keeps_dois_cut_across_lines_whole()
    {
        const string text = "References\n\nAdams, K. (2011). A study of deci-\n\nsion making. Journal of Choice, 3(1), 1–9. https://doi.org/10.1000/\n\n12345\n\n"
            + "Baker, L. (2012). Self-\n\nreport and non-\n\nresponse. Survey Methods, 5, 2–8. https://doi.org/10.1038/s41586-\n\n021-03819-2\n\n"
            + "Clark, M. (2013). Notes on science. Review of Things, 7(2), 3–4. https://doi.org/10.1126/science.185.\n\n4157.1124\n";
        var read = ReferenceReader.Read(text, InputFormat.Text, "paste.txt");
        Assert.Equal(3, read.Items.Count);
        Assert.Equal("10.1000/12345", read.Items[0].GetString("DOI"));
        Assert.Contains("decision making", read.Items[0].GetString("title"), StringComparison.Ordinal);
        Assert.Equal("10.1038/s41586-021-03819-2", read.Items[1].GetString("DOI"));
        Assert.Contains("Self-report and non-response", read.Items[1].GetString("title"), StringComparison.Ordinal);
        Assert.Equal("10.1126/science.185.4157.1124", read.Items[2].GetString("DOI"));
    }

    [Fact]
    public void One_reference_per_paragraph_is_not_taken_for_a_double_spaced_paste()
    {
        const string text = "Sources\n\nWile, R. (2025, November 6). Title one. NBC News.\n\nBort, J. (2025). Title two. TechCrunch.\n\nLee, K. (2024). Title three. Wired.\n\nKim, S. (2023). Title four. The Verge.\n";
        var entries = BibliographyDetector.Detect(text).SelectMany(b => b.Entries).ToList();
        Assert.Equal(4, entries.Count);
    }

    [Theory]
    [InlineData("Vaswani, Ashish; Shazeer, Noam; Parmar, Niki (2017). \"Attention is all you need\". Advances in Neural Information Processing Systems. 30.", new[] { "Vaswani", "Shazeer", "Parmar" })]
    [InlineData("Diederik Kingma and Jimmy Ba. Adam: A method for stochastic optimization. In ICLR, 2015.", new[] { "Kingma", "Ba" })]
    public void Name_lists_of_the_real_world(string reference, string[] families)
    {
        var names = ReferenceParser.Parse(reference).Item.GetNames("author");
        Assert.Equal(families, names.Select(n => n.Family ?? n.Literal).ToArray());
    }

    [Fact]
    public void Volume_issue_and_pages_written_together_are_three_fields()
    {
        var item = ReferenceParser.Parse("Sepp Hochreiter and Jürgen Schmidhuber. Long short-term memory. Neural computation, 9(8):1735–1780, 1997.").Item;
        Assert.Equal("9", item.GetString("volume"));
        Assert.Equal("8", item.GetString("issue"));
        Assert.Equal("1735–1780", item.GetString("page"));
    }
}
