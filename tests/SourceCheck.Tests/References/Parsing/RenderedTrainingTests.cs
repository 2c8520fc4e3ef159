using SourceCheck.Formatting;
using SourceCheck.References;
using SourceCheck.References.Parsing;
using SourceCheck.References.Parsing.Training;

namespace SourceCheck.Tests.References.Parsing;

/// <summary>Session 9: the training side (CSL-rendered references) and the leading-editor decode fix.</summary>
public class RenderedTrainingTests
{
    private static readonly LabelledReference Record = new("t-1", "anystyle-core",
        "Solon, G. (1999). Intergenerational mobility in the labor market. In O. Ashenfelter and D. Card (Eds.), Handbook of labor economics (pp. 1761–1800). London: Elsevier.",
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["author"] = ["Solon, G."],
            ["editor"] = ["O. Ashenfelter", "D. Card"],
            ["date"] = ["1999"],
            ["title"] = ["Intergenerational mobility in the labor market"],
            ["container-title"] = ["Handbook of labor economics"],
            ["pages"] = ["1761–1800"],
            ["location"] = ["London"],
            ["publisher"] = ["Elsevier"],
        });

    [SkippableFact]
    public void A_record_rendered_through_official_styles_keeps_every_field_it_prints_and_aligns()
    {
        string? styles = new StyleCatalog().OfficialStylesFolder;
        string? locales = new StyleCatalog().OfficialLocalesFolder;
        Skip.If(styles is null || locales is null || !File.Exists(Path.Combine(styles, "apa.csl")), "official CSL styles/locales not installed");
        var chosen = new List<(string, Style)>();
        foreach (string name in (string[])["apa", "ieee", "chicago-author-date"])
        {
            var style = Style.Parse(File.ReadAllText(Path.Combine(styles!, name + ".csl")), name).Value;
            Assert.NotNull(style);
            chosen.Add((name, style!));
        }

        var rendered = RenderedReferences.Render([Record], chosen, locales!, copies: 6, seed: 3);
        Assert.NotEmpty(rendered);
        foreach (var (text, fields) in rendered)
        {
            // the printed text differs from the record's, the fields are the item's as printed, and they align
            Assert.NotEqual(Record.Text, text);
            Assert.Equal("Intergenerational mobility in the labor market", fields["title"][0]);
            Assert.Contains("Solon", fields["author"][0], StringComparison.Ordinal);
            Assert.Contains(fields["author"][0], text, StringComparison.Ordinal);
            Assert.Equal(2, fields["editor"].Count);
            Assert.StartsWith("1761", fields["pages"][0], StringComparison.Ordinal);
            Assert.True(Aligner.TryAlign(text, fields, out var labels, out string? failed), failed + ": " + text);
            Assert.Equal(TagLabels.AuthorB, labels[text.StartsWith('[') ? 3 : 0]);
        }
    }

    [Fact]
    public void An_opening_editor_run_without_an_editor_word_becomes_the_authors()
    {
        int[] labels = [TagLabels.EditorB, TagLabels.Editor, TagLabels.Editor, TagLabels.O, TagLabels.Date, TagLabels.O, TagLabels.Title];
        var classes = new WordClass[labels.Length];
        LeadingEditors.Relabel(classes, labels, labels.Length);
        Assert.Equal([TagLabels.AuthorB, TagLabels.Author, TagLabels.Author, TagLabels.O, TagLabels.Date, TagLabels.O, TagLabels.Title], labels);

        int[] edited = [TagLabels.EditorB, TagLabels.Editor, TagLabels.O, TagLabels.O, TagLabels.Title];
        var cue = new WordClass[edited.Length];
        cue[2] = WordClass.EditorLabel; // "Doe, J. (Ed.). Title"
        LeadingEditors.Relabel(cue, edited, edited.Length);
        Assert.Equal(TagLabels.EditorB, edited[0]);
    }

    [Fact]
    public void A_name_before_a_bracketed_date_is_the_author()
    {
        var item = ReferenceParser.Parse("Doe, Jane (3 May 2010). \"A story about bridges\". Example Times.").Item;
        Assert.Equal("Doe", item.Authors[0].Family);
        Assert.Empty(item.GetNames("editor"));
    }
}
