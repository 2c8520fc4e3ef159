using SourceCheck.Text;

namespace SourceCheck.Tests.Text;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("Müller", "Muller")]
    [InlineData("Ærøskøbing Café", "Ærøskøbing Cafe")]
    [InlineData("Straße", "Straße")]
    public void Should_remove_only_diacritics(string text, string expected) =>
        Assert.Equal(expected, TextFolding.WithoutDiacritics(text));

    [Theory]
    [InlineData("straße", "strasse")]
    [InlineData("bürgschaften", "burgschaften")]
    [InlineData("plain", "plain")]
    public void Should_fold_lower_case_words_for_matching(string text, string expected) =>
        Assert.Equal(expected, TextFolding.ForMatching(text));

    [Theory]
    [InlineData("  The ﬁrst  Report: Ｖol. 2 ", "the first report vol 2")]
    [InlineData("Müller-Lüdenscheidt", "muller ludenscheidt")]
    public void Should_make_a_comparison_key(string text, string expected) =>
        Assert.Equal(expected, TextFolding.Key(text));

    [Theory]
    [InlineData("Søren Groß-Æbelø", "sorengrossaebelo")]
    [InlineData("Łukasz", "ukasz")]
    public void Should_keep_only_ascii_letters_and_digits_for_ids(string text, string expected) =>
        Assert.Equal(expected, TextFolding.AsciiKey(text));

    [Theory]
    [InlineData("Bürgschaften", "burgschaften")]
    [InlineData("Straße", "straße")]
    [InlineData("ABC", "abc")]
    public void Should_fold_as_the_search_index_does(string text, string expected) =>
        Assert.Equal(expected, TextFolding.ForSearchIndex(text));

    [Theory]
    [InlineData("  „Die Zeit“ — Politik:\u200B Müller ", "die zeit politik müller")]
    [InlineData("ＡＢＣ & Co.", "abc co")]
    [InlineData(null, "")]
    public void Should_make_a_page_text_key_that_keeps_accents(string? text, string expected) =>
        Assert.Equal(expected, TextFolding.PageTextKey(text));

    [Theory]
    [InlineData("Verbände Österreich", "Verbaende Oesterreich")]
    [InlineData("Straße Übersee", "Strasse Uebersee")]
    [InlineData("plain", "plain")]
    public void Should_spell_umlauts_and_sharp_s_without_them(string text, string expected) =>
        Assert.Equal(expected, TextFolding.GermanAsciiSpelling(text));

    [Theory]
    [InlineData("„Wir  sind – bereit“, sagte er.", " Wir sind bereit sagte er ")]
    [InlineData("Klima-Ziel 2030", "Klima Ziel 2030")]
    [InlineData("Ünter\tden\u00a0Linden", "Ünter den Linden")]
    [InlineData("", "")]
    public void Should_keep_letter_and_digit_runs_with_one_space_between(string text, string expected) =>
        Assert.Equal(expected, TextFolding.AlphanumericRuns(text));

    [Theory]
    [InlineData("„Wir sind bereit“", "wir sind bereit")]
    [InlineData("  Straße -- Über  ", "strasse uber")]
    public void Should_normalise_a_quote_to_folded_words(string text, string expected) =>
        Assert.Equal(expected, SourceCheck.Claims.Matching.LinkTyper.NormalizeQuote(text));
}
