using SourceCheck.References;
using SourceCheck.Storage;
using Xunit;

namespace SourceCheck.Tests.References;

/// <summary>Issue 16: one reading of a DOI inside text, used by the parser, the RIS reader, the de-duplicator, the store's
/// key and the work locator.</summary>
public sealed class DoiTextTests
{
    [Theory]
    [InlineData("10.1038/s41586-024-07123-4", "10.1038/s41586-024-07123-4")]
    [InlineData("https://doi.org/10.1093/QJE/qjad031", "10.1093/QJE/qjad031")]
    [InlineData("doi:10.1000/xyz.", "10.1000/xyz")]
    [InlineData("(doi: 10.1000/xyz), p. 3", "10.1000/xyz")]
    [InlineData("10.1000/xyz; 10.2000/abc", "10.1000/xyz")]
    [InlineData("10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O", "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O")]
    [InlineData("[10.1000/xyz]", "10.1000/xyz")]
    [InlineData("10.1146/annurev.nucl.55.090704.151502,arXiv:hep-ph/0601186", "10.1146/annurev.nucl.55.090704.151502")]
    [InlineData("10.1130/2010.2465(22).", "10.1130/2010.2465(22)")]
    [InlineData("doi: 10.1038/nrn2947[doi]", "10.1038/nrn2947")]
    [InlineData("10.1000", null)]
    [InlineData("10.1000/", null)]
    [InlineData("no doi here", null)]
    [InlineData("", null)]
    public void A_bare_doi_is_cut_out_of_text(string text, string? doi) => Assert.Equal(doi, DoiText.Find(text));

    [Fact]
    public void The_parser_the_ris_reader_the_deduplicator_and_the_store_read_one_doi_alike()
    {
        const string written = "https://dx.doi.org/10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O.";
        const string bare = "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O";
        Assert.Equal(bare, SourceCheck.References.Parsing.FieldAssembler.NormaliseDoi(written));
        Assert.Equal(bare.ToLowerInvariant(), Deduplicator.NormaliseDoi(written));
        Assert.Equal(bare, SourceCheck.Verification.WorkLocator.NormalizeDoi(written));

        var a = new SourceCheck.Csl.CslItem("a", "article-journal").SetString("DOI", "doi:10.1000/ABC");
        var b = new SourceCheck.Csl.CslItem("b", "article-journal").SetString("DOI", "https://dx.doi.org/10.1000/abc");
        Assert.Equal(Deduplicator.NormaliseDoi(a.GetString("DOI")), Deduplicator.NormaliseDoi(b.GetString("DOI")));
        Assert.Equal(ReferenceKey.For(a), ReferenceKey.For(b));
    }
}
