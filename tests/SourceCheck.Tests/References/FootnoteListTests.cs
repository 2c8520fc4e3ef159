using SourceCheck.Diagnostics;
using SourceCheck.References;

namespace SourceCheck.Tests.References;

/// <summary>Issue 14, session 10: footnotes pasted without a heading ("1 Text", "¹ Text") are a list of references,
/// and notes that only point back ("Ibid.", "Ebd.", "a.a.O.", "op. cit.") are left out with a note saying where they
/// point, never parsed into a made-up reference. Real works that are in no realrefs list.</summary>
public sealed class FootnoteListTests
{
    private const string GermanNotes =
        "1 BVerfG, Urt. v. 16.1.1957 – 1 BvR 253/56, BVerfGE 6, 32 (36) – Elfes.\n" +
        "2 Ebd., 37.\n" +
        "3 Hesse, Grundzüge des Verfassungsrechts der Bundesrepublik Deutschland, 20. Aufl. 1995, Rn. 72.\n" +
        "4 Hesse, a.a.O., Rn. 75.\n";

    [Fact]
    public void Notes_numbered_without_a_full_stop_are_a_list_and_back_references_point_where_they_should()
    {
        var block = Assert.Single(BibliographyDetector.Detect(GermanNotes));
        Assert.Equal(4, block.Entries.Length); // the split keeps every note, as the shared block format does
        Assert.StartsWith("1 BVerfG", block.Entries[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("3 Hesse", block.Entries[2].Text, StringComparison.Ordinal);
        var back = BibliographyDetector.BackReferences(block.Entries);
        Assert.Equal(2, back.Count);
        Assert.Same(block.Entries[1], back[0].Note);
        Assert.Same(block.Entries[0], back[0].RefersTo); // "Ebd." → the note before
        Assert.Same(block.Entries[3], back[1].Note);
        Assert.Same(block.Entries[2], back[1].RefersTo); // "Hesse, a.a.O." → Hesse's note
    }

    [Fact]
    public void Reading_footnotes_gives_no_error_and_one_info_per_back_reference()
    {
        var read = ReferenceReader.Read(GermanNotes, InputFormat.Auto, "notes.txt");
        Assert.False(read.HasErrors);
        Assert.Equal(2, read.Items.Count);
        Assert.Equal("Elfes", read.Items[0].Title);
        var infos = read.Diagnostics.Where(d => d.Code == DiagnosticCodes.BackReferenceNote).ToList();
        Assert.Equal(2, infos.Count);
        Assert.All(infos, d => Assert.Equal(Severity.Info, d.Severity));
        Assert.Contains("Ebd., 37.", infos[0].Message, StringComparison.Ordinal);
        Assert.Contains("1 BVerfG", infos[0].Message, StringComparison.Ordinal);
        Assert.Equal(GermanNotes.IndexOf("2 Ebd.", StringComparison.Ordinal), infos[0].Span.Start);
    }

    [Fact]
    public void Superscript_endnotes_are_a_list_and_their_books_are_read_by_the_note_shape()
    {
        const string text =
            "¹ Walter Benjamin, Illuminations, trans. Harry Zohn (New York: Harcourt, Brace & World, 1968), 217.\n" +
            "² Ibid., 221.\n" +
            "³ Susan Sontag, On Photography (New York: Farrar, Straus and Giroux, 1977), 3.\n";
        var read = ReferenceReader.Read(text, InputFormat.Auto, "notes.txt");
        Assert.False(read.HasErrors);
        Assert.Equal(2, read.Items.Count);
        var benjamin = read.Items[0];
        Assert.Equal("Benjamin", Assert.Single(benjamin.Authors).Family);
        Assert.Equal("Illuminations", benjamin.Title);
        Assert.Equal("Harcourt, Brace & World", benjamin.GetString("publisher"));
        Assert.Equal("New York", benjamin.GetString("publisher-place"));
        Assert.Equal(1968, benjamin.Issued!.Start!.Value.Year);
        Assert.Null(benjamin.GetString("page"));
        Assert.Equal("On Photography", read.Items[1].Title);
        Assert.Equal("Farrar, Straus and Giroux", read.Items[1].GetString("publisher"));
    }

    [Fact]
    public void Numbered_lines_of_prose_are_no_list()
    {
        const string text = "1 Preheat the oven and grease a tin.\n2 Mix the flour, sugar and butter.\n3 Bake until golden, then cool.\n";
        Assert.Empty(BibliographyDetector.Detect(text));
    }

    [Fact]
    public void A_year_at_the_start_of_a_line_is_no_note_number()
    {
        Assert.Equal(0, BibliographyDetector.FootnoteNumber("2019 was the warmest year."));
        Assert.Equal(12, BibliographyDetector.FootnoteNumber("12 Vgl. Luhmann, Niklas: Soziale Systeme."));
        Assert.Equal(3, BibliographyDetector.FootnoteNumber("³Susan Sontag, On Photography."));
        Assert.Equal(0, BibliographyDetector.FootnoteNumber("3. Sontag"));
    }

    [Theory]
    [InlineData("7. Clifford Geertz, Negara: The Theatre State in Nineteenth-Century Bali (Princeton: Princeton University Press, 1980), 13.", "Geertz", "Negara: The Theatre State in Nineteenth-Century Bali", "Princeton University Press", "Princeton", 1980)]
    [InlineData("Michel Foucault, The Order of Things: An Archaeology of the Human Sciences (New York: Pantheon Books, 1970), 387.", "Foucault", "The Order of Things: An Archaeology of the Human Sciences", "Pantheon Books", "New York", 1970)]
    public void A_chicago_note_book_keeps_its_subtitle_in_the_title(string text, string family, string title, string publisher, string place, int year)
    {
        var item = ReferenceParser.Parse(text).Item;
        Assert.Equal(family, Assert.Single(item.Authors).Family);
        Assert.Equal(title, item.Title);
        Assert.Equal(publisher, item.GetString("publisher"));
        Assert.Equal(place, item.GetString("publisher-place"));
        Assert.Equal(year, item.Issued!.Start!.Value.Year);
        Assert.Null(item.GetString("page"));
    }

    [Theory]
    [InlineData("Pierre Bourdieu, Le Sens pratique, Paris, Éditions de Minuit, 1980, p. 88.", 1980)]
    [InlineData("Habermas, Faktizität und Geltung, 1992, S. 135.", 1992)]
    public void One_page_after_the_year_of_a_note_is_a_pinpoint(string text, int year)
    {
        var item = ReferenceParser.Parse(text).Item;
        Assert.Null(item.GetString("page"));
        Assert.Equal(year, item.Issued!.Start!.Value.Year);
    }

    [Fact]
    public void A_signal_word_after_the_note_number_is_not_part_of_the_author()
    {
        var item = ReferenceParser.Parse("1 Vgl. Luhmann, Niklas: Soziale Systeme. Grundriß einer allgemeinen Theorie, Frankfurt am Main 1984, S. 30.").Item;
        Assert.Equal("Luhmann", Assert.Single(item.Authors).Family);
        Assert.DoesNotContain("Vgl", item.Title ?? string.Empty, StringComparison.Ordinal);
    }
}
