using SourceCheck.Claims;
using SourceCheck.Claims.Matching;
using static SourceCheck.Tests.Claims.Matching.MatcherTests;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Claims.Matching;

public sealed class EventScopeTests
{
    private static readonly MatchOptions Options = new() { Lexicon = BilingualLexicon.HandWrittenOnly() };

    private static Claim[] Story(string doc, string year) =>
    [
        MakeClaim($"{doc}-1", doc, "en", $"On March 3, {year}, Veltrasse AG said the Brennwald tunnel will cost 3.4 billion euros."),
        MakeClaim($"{doc}-2", doc, "en", "Project director Marc Oberlin blamed the difficult geology inside the mountain for the delay."),
        MakeClaim($"{doc}-3", doc, "en", "The 27-kilometre Brennwald tunnel is meant to halve the journey between Arnau and Lindtal."),
    ];

    [Fact]
    public void Should_link_a_small_document_only_when_a_claim_names_the_other_documents_event()
    {
        var claims = Story("A", "2027").Concat(
        [
            MakeClaim("B-1", "B", "en", "The tunnel will cost 3.4 billion euros, the project company said."),
            MakeClaim("C-1", "C", "en", "Veltrasse says the tunnel will cost 3.4 billion euros."),
        ]).ToArray();
        var links = ClaimMatcher.Match(claims, Options);
        Assert.Contains(links, l => l.A.Id == "A-1" && l.B.Id == "C-1");
        // B names nothing of A's event: a one-sentence document is not compared with everything
        Assert.DoesNotContain(links, l => l.A.DocumentId == "B" || l.B.DocumentId == "B");

        // the same sentence is compared when no document has a profile (two sentences compared on purpose)
        var pair = ClaimMatcher.Match([claims[0], claims[3]], Options);
        Assert.Single(pair);
    }

    [SkippableTheory]
    [InlineData("en", "Nordwall chief executive Sabine Kranich said the bank would close branches.", null, "kranich")]
    [InlineData("de", "Die Bank schließt Filialen, sagte sie.", "Sabine Kranich", "kranich")]
    [InlineData("en", "The commissioner said account numbers had been taken.", "Ole Brandis", "brandis")]
    public void Should_take_a_surname_after_a_first_name_even_when_a_dictionary_knows_the_word(string lang, string text, string? speaker, string surname)
    {
        Dictionary.Require();
        // "Kranich" (crane) is a German dictionary word, "Brandis" stems like "brandy": alone neither is a name
        var claim = MakeClaim("A-1", "A", lang, text, speaker: speaker);
        var anchors = EventScope.Anchors(claim, AnalyzedText.Analyze(text, lang, BilingualLexicon.Default), BilingualLexicon.Default).ToList();
        Assert.Contains(AnalyzedText.EntityKey(surname), anchors);

        var alone = MakeClaim("A-2", "A", "de", "Der Kranich brütet am Ufer, die Marke Brandis wirbt.");
        Assert.DoesNotContain(AnalyzedText.EntityKey("kranich"), EventScope.Anchors(alone, AnalyzedText.Analyze(alone.Text, "de", BilingualLexicon.Default), BilingualLexicon.Default));
    }

    [Fact]
    public void Should_never_pair_two_unpaired_documents_and_keep_their_links_with_the_others()
    {
        // the check's cited headlines: each its own one-claim document, compared with every claim but (unpaired) never
        // with each other — 1,000 references were 500,000 headline pairs scored and dropped
        string headline = "Veltrasse AG says the Brennwald tunnel will cost 3.4 billion euros";
        var claims = Story("A", "2027").Concat(Enumerable.Range(1, 4).Select(k => MakeClaim($"H{k}", $"ref:A/{k}", "en", headline))).ToArray();
        var unscoped = Options with { UnscopedDocuments = id => id.StartsWith("ref:", StringComparison.Ordinal) };
        var paired = ClaimMatcher.Match(claims, unscoped);
        Assert.Contains(paired, l => l.A.DocumentId.StartsWith("ref:", StringComparison.Ordinal) && l.B.DocumentId.StartsWith("ref:", StringComparison.Ordinal));

        var unpaired = ClaimMatcher.Match(claims, unscoped with { UnpairedDocuments = id => id.StartsWith("ref:", StringComparison.Ordinal) });
        Assert.DoesNotContain(unpaired, l => l.A.DocumentId.StartsWith("ref:", StringComparison.Ordinal) && l.B.DocumentId.StartsWith("ref:", StringComparison.Ordinal));
        var withArticle = paired.Where(l => l.A.DocumentId == "A" || l.B.DocumentId == "A").Select(l => (l.A.Id, l.B.Id, l.Type, l.Score)).ToList();
        Assert.NotEmpty(withArticle);
        Assert.Equal(withArticle, unpaired.Select(l => (l.A.Id, l.B.Id, l.Type, l.Score)).ToList());
    }

    [Fact]
    public void Should_not_link_reports_dated_years_apart()
    {
        var sameYear = ClaimMatcher.Match([.. Story("A", "2027"), .. Story("B", "2027")], Options);
        Assert.Contains(sameYear, l => l.A.Id == "A-1" && l.B.Id == "B-1");
        var yearsApart = ClaimMatcher.Match([.. Story("A", "2019"), .. Story("B", "2027")], Options);
        Assert.Empty(yearsApart);
    }

    [Fact]
    public void Should_read_years_of_dates_not_bare_years()
    {
        Assert.Equal([2019], EventScope.Years("WASHINGTON, Nov. 5, 2019 (Wire) - The plan runs until 2030."));
        Assert.Equal([2024, 2023], EventScope.Years("Am 5. November 2024 und im März 2023, nicht 1999 oder 12024."));
        Assert.Equal([2026], EventScope.Years("Published 2026-05-11"));
        Assert.Empty(EventScope.Years("Revenue rose to $2019 million by 2030."));
    }

    [Fact]
    public void Should_link_a_stored_fragment_only_when_its_whole_document_shares_the_event()
    {
        var article = Story("A", "2027");
        // a stored document's single candidate claim, without a name, with the rest of its document as context
        var candidate = MakeClaim("db:1", "db:other#1", "en", "The tunnel will cost 3.4 billion euros, the company said.");
        var sameEvent = new[]
        {
            MakeClaim("db:2", "db:other#1", "en", "Veltrasse AG presented new figures for the Brennwald base tunnel."),
            MakeClaim("db:3", "db:other#1", "en", "Marc Oberlin said the geology of the mountain caused the delay."),
        };
        var otherEvent = new[]
        {
            MakeClaim("db:2", "db:other#1", "en", "Nordwind Energy presented new figures for its charging network."),
            MakeClaim("db:3", "db:other#1", "en", "Chief executive Lena Albers said demand in Hamburg was strong."),
        };
        Assert.Contains(ClaimMatcher.Match([.. article, candidate], Options, sameEvent), l => l.B.Id == "db:1" || l.A.Id == "db:1");
        Assert.Empty(ClaimMatcher.Match([.. article, candidate], Options, otherEvent));
        // context claims are never linked themselves
        Assert.All(ClaimMatcher.Match([.. article, candidate], Options, sameEvent), l => Assert.False(l.A.Id is "db:2" or "db:3" || l.B.Id is "db:2" or "db:3"));
    }
}
