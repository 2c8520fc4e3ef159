using SourceCheck.References;

namespace SourceCheck.Tests.References.Parsing;

/// <summary>Issue 14, session 11: the classes the session-10 held-out lists and news references missed, each on real
/// works that are in no realrefs list or news file: a PDF line wrapped right after a full stop, a page range wrapped
/// after its dash, "Family, Given: Title" in German notes, access dates in Dutch and Spanish, "(Red.)"
/// editors, quoted titles with a comma inside, "In: Zeitung vom DATE", an outlet as the author.</summary>
public sealed class LayoutRuleSession11Tests
{
    [Fact]
    public void A_pdf_line_wrapped_after_a_full_stop_continues_its_entry()
    {
        const string text = "References\n"
            + "Festinger, L., & Carlsmith, J. M. (1959). Cognitive consequences of forced compliance.\n"
            + "The Journal of Abnormal and Social Psychology, 58(2), 203–210.\n"
            + "Tversky, A., & Kahneman, D. (1974). Judgment under uncertainty: Heuristics and biases.\n"
            + "Science, 185(4157), 1124–1131.\n"
            + "Arrow, K.J., 1962. The economic implications of learning by doing. Rev. Econ.\n"
            + "Stud. 29, 155–173.\n";
        var entries = Assert.Single(BibliographyDetector.Detect(text)).Entries;
        Assert.Equal(3, entries.Length);
        Assert.EndsWith("58(2), 203–210.", entries[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("185(4157), 1124–1131.", entries[1].Text, StringComparison.Ordinal);
        Assert.EndsWith("Stud. 29, 155–173.", entries[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finished_entry_is_not_continued_by_an_organisation_entry()
    {
        // the first entry already has its volume, issue and pages: the next line is a new entry
        const string text = "References\n"
            + "Ioannidis JPA. Why most published research findings are false. PLoS Med. 2005;2(8):e124.\n"
            + "World Health Organization. Global tuberculosis report 2020. Geneva: WHO; 2020.\n";
        var entries = Assert.Single(BibliographyDetector.Detect(text)).Entries;
        Assert.Equal(2, entries.Length);
        Assert.StartsWith("World Health Organization.", entries[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_range_wrapped_after_its_dash_is_joined()
    {
        const string text = "References\n"
            + "[1] Claude E. Shannon. A mathematical theory of communication. Bell System Technical Journal, 27(3):379–\n"
            + "423, 1948.\n"
            + "[2] Richard M. Karp. Reducibility among combinatorial problems. In Complexity of Computer Computations, pages 85–\n"
            + "103. Plenum Press, 1972.\n";
        var entries = Assert.Single(BibliographyDetector.Detect(text)).Entries;
        Assert.Contains("27(3):379–423, 1948.", entries[0].Text, StringComparison.Ordinal);
        Assert.Contains("pages 85–103.", entries[1].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2 Vgl. Luhmann, Niklas: Die Gesellschaft der Gesellschaft, Frankfurt am Main 1997, S. 45.", "Luhmann", "Niklas", "Die Gesellschaft der Gesellschaft")]
    [InlineData("Habermas, Jürgen: Strukturwandel der Öffentlichkeit, Neuwied 1962.", "Habermas", "Jürgen", "Strukturwandel der Öffentlichkeit")]
    [InlineData("5 Vgl. Beck, Ulrich: Risikogesellschaft. Auf dem Weg in eine andere Moderne, Frankfurt am Main 1986, S. 25.", "Beck", "Ulrich", "Risikogesellschaft")]
    public void Family_given_colon_title_keeps_the_given_name_out_of_the_title(string text, string family, string given, string titleStart)
    {
        var item = ReferenceParser.Parse(text).Item;
        var author = Assert.Single(item.Authors);
        Assert.Equal(family, author.Family);
        Assert.Equal(given, author.Given);
        Assert.StartsWith(titleStart, item.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_colon_after_a_sentence_end_is_no_family_given_name()
    {
        var item = ReferenceParser.Parse("Tintner, Gerhard. Econometrics. New York: Wiley, 1952.").Item;
        var author = Assert.Single(item.Authors);
        Assert.Equal("Tintner", author.Family);
        Assert.DoesNotContain("Econometrics", author.Given ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Rijksoverheid. (2023). Coronavirus tijdlijn. Geraadpleegd op 5 april 2023, van https://www.rijksoverheid.nl/onderwerpen/coronavirus-tijdlijn", 2023, 4, 5)]
    [InlineData("REAL ACADEMIA ESPAÑOLA. Diccionario panhispánico de dudas [en línea]. Madrid: RAE, 2005 [consulta: 2 mayo 2023]. Disponible en: https://www.rae.es/dpd/", 2023, 5, 2)]
    public void Access_dates_in_dutch_and_spanish_are_accessed_not_issued(string text, int year, int month, int day)
    {
        var item = ReferenceParser.Parse(text).Item;
        var accessed = item.GetDate("accessed")?.Start;
        Assert.Equal((SourceCheck.Csl.DateParts?)new SourceCheck.Csl.DateParts(year, month, day), accessed);
        Assert.NotEqual(accessed, item.Issued?.Start);
    }

    [Fact]
    public void Dutch_red_marks_the_opening_names_as_editors()
    {
        var item = ReferenceParser.Parse("Blom, J. C. H., & Lamberts, E. (Red.). (1993). Geschiedenis van de Nederlanden. Nijgh & Van Ditmar.").Item;
        Assert.Empty(item.Authors);
        Assert.Equal(new[] { "Blom", "Lamberts" }, item.GetNames("editor").Select(n => n.Family).ToArray());
        Assert.Equal("Geschiedenis van de Nederlanden", item.Title);
    }

    [Fact]
    public void A_quoted_title_with_a_comma_inside_is_whole()
    {
        var item = ReferenceParser.Parse("[4] J. Markoff, “Computer wins on ‘Jeopardy!’: Trivial, it’s not,” The New York Times, Feb. 16, 2011.").Item;
        Assert.Equal("Computer wins on ‘Jeopardy!’: Trivial, it’s not", item.Title);
        Assert.Equal("The New York Times", item.GetString("container-title"));
    }

    [Fact]
    public void Vom_between_the_newspaper_and_its_date_belongs_to_neither()
    {
        var item = ReferenceParser.Parse("Walser, Martin: Erfahrungen beim Verfassen einer Sonntagsrede. In: Frankfurter Allgemeine Zeitung vom 12.10.1998.").Item;
        Assert.Equal("Frankfurter Allgemeine Zeitung", item.GetString("container-title"));
        Assert.Equal((SourceCheck.Csl.DateParts?)new SourceCheck.Csl.DateParts(1998, 10, 12), item.Issued?.Start);
    }

    [Fact]
    public void A_news_outlet_as_the_author_is_one_organisation()
    {
        var item = ReferenceParser.Parse("BBC News (2014) Scottish referendum: Scotland votes 'No' to independence. 19 September.").Item;
        var author = Assert.Single(item.Authors);
        Assert.Equal("BBC News", author.Literal ?? author.Family);
        Assert.Null(author.Given);
    }
}
