using SourceCheck.Csl;
using SourceCheck.Diagnostics;
using SourceCheck.References;

namespace SourceCheck.Tests.References;

public sealed class DeduplicatorTests
{
    private static CslItem Item(string id, string title, int? year, string? family, string? doi = null)
    {
        var item = new CslItem(id, "article-journal");
        item.SetString("title", title);
        if (year is { } y)
        {
            item.SetDate("issued", CslDate.Of(y));
        }

        if (family is not null)
        {
            item.SetNames("author", [CslName.Person(family, "A.")]);
        }

        if (doi is not null)
        {
            item.SetString("DOI", doi);
        }

        return item;
    }

    public sealed class Merge
    {
        [Fact]
        public void Should_merge_same_doi_in_any_spelling_and_keep_the_union_of_fields()
        {
            var a = Item("a", "Tides", 2020, "Marsh", "10.5555/ABC.1");
            var b = Item("b", "Tides and more", 2020, "Marsh", "https://doi.org/10.5555/abc.1.");
            b.SetString("volume", "7");
            var r = Deduplicator.Merge([a, b]);
            var kept = Assert.Single(r.Items);
            Assert.Equal("a", kept.Id);
            Assert.Equal("7", kept["volume"]);
            Assert.Equal("Tides", kept.Title);
            var merge = Assert.Single(r.Merges);
            Assert.Equal(("a", "b"), (merge.KeptId, merge.MergedId));
            Assert.Contains("DOI", merge.Reason, StringComparison.Ordinal);
            Assert.Contains("title", merge.Conflicts);
            Assert.Contains("DOI", merge.Conflicts);
            Assert.Contains("volume", merge.AddedFields);
            var d = Assert.Single(r.Diagnostics);
            Assert.Equal((DiagnosticCodes.DuplicateMerged, Severity.Info), (d.Code, d.Severity));
            Assert.Null(a["volume"]);
        }

        [Fact]
        public void Should_merge_same_title_year_and_first_author_ignoring_case_accents_and_punctuation()
        {
            var a = Item("a", "Café culture: a history", 2019, "Müller");
            var b = Item("b", "CAFE CULTURE — A HISTORY.", 2019, "Muller");
            b.SetString("publisher", "Quay Press");
            var r = Deduplicator.Merge([a, b]);
            Assert.Equal("Quay Press", Assert.Single(r.Items)["publisher"]);
            Assert.Equal("same title, year and first author", r.Merges[0].Reason);
        }

        [Theory]
        [InlineData(2019, "Marsh", 2020, "Marsh")]
        [InlineData(2019, "Marsh", 2019, "Lund")]
        [InlineData(2019, null, 2019, "Lund")]
        public void Should_keep_items_that_differ_in_year_or_author(int y1, string? f1, int y2, string? f2)
        {
            var r = Deduplicator.Merge([Item("a", "Same title", y1, f1), Item("b", "Same title", y2, f2)]);
            Assert.Equal(2, r.Items.Count);
            Assert.Empty(r.Merges);
        }

        [Fact]
        public void Should_merge_unsigned_news_items_with_the_same_title_and_date()
        {
            var r = Deduplicator.Merge([Item("a", "Storm ends", 2025, null), Item("b", "Storm ends", 2025, null), Item("c", "Other", 2025, null)]);
            Assert.Equal(["a", "c"], r.Items.Select(i => i.Id));
        }
    }
}
