using SourceCheck.Storage;

namespace SourceCheck.Tests.Storage;

/// <summary>The candidate query of a new claim (<see cref="SourceCheckStore.SearchAny(string, int)"/>): asks for the
/// rarest salient terms within a budget of index entries, so a common word cannot make it rank most of the store.</summary>
public sealed class CandidateSearchTests
{
    private static SourceCheckStore Fill(TempDb tmp)
    {
        var store = tmp.Open();
        // 12 claims share the common word "Regierung"; one of them also holds the rare "Brückensanierung"
        // (the others differ in their lower-case words, so no two have one sentence shape)
        for (int i = 0; i < 12; i++)
        {
            string sentence = i == 0
                ? "Die Regierung stoppt die Brückensanierung in Hainfeld."
                : $"Die Regierung plant {string.Join(' ', Enumerable.Repeat("neue", i))} Ausgaben.";
            var doc = StoreTestData.Make($"doc{i}.txt", "Kurier", "2025-11-06", "de", [(sentence, null, null, null)]);
            store.Ingest(doc.Input, doc.References, doc.Claims);
        }

        return store;
    }

    [Fact]
    public void A_small_store_asks_for_every_term()
    {
        using var tmp = new TempDb();
        using var store = Fill(tmp);
        var hits = store.SearchAny("Regierung verschiebt Brückensanierung", 50);
        Assert.Equal(12, hits.Count);
        Assert.Contains("Brückensanierung", hits[0].Claim.Claim.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Over_the_budget_only_the_rarest_terms_are_asked_for()
    {
        using var tmp = new TempDb();
        using var store = Fill(tmp);
        // budget 5: "brucken…" (1 claim) fits, "regierung" (12 claims) does not
        var hits = store.SearchAny("Regierung verschiebt Brückensanierung", 50, budget: 5);
        var hit = Assert.Single(hits);
        Assert.Contains("Brückensanierung", hit.Claim.Claim.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rarest_term_is_asked_for_even_over_the_budget()
    {
        using var tmp = new TempDb();
        using var store = Fill(tmp);
        Assert.Equal(12, store.SearchAny("Regierung", 50, budget: 5).Count);
        Assert.Empty(store.SearchAny("Unbekanntwort", 50, budget: 5));
    }

    [Fact]
    public void Claims_of_one_document_are_read_without_the_others()
    {
        using var tmp = new TempDb();
        using var store = Fill(tmp);
        var first = store.ListDocuments()[0];
        var claims = store.GetClaims(first.Id);
        var claim = Assert.Single(claims);
        Assert.Equal(first.Id, claim.DocumentId);
        Assert.Equal(12, store.GetClaims().Count);
    }

    [Fact]
    public void One_sentence_repeated_in_many_documents_does_not_fill_the_candidates()
    {
        using var tmp = new TempDb();
        using var store = tmp.Open();
        // 600 unrelated claims make the copies' words rare enough to outrank a document that shares only names
        var filler = StoreTestData.Make("filler.txt", "Blatt", "2025-11-01", "de",
            Enumerable.Range(0, 600).Select(i => ($"Der Stadtrat diskutiert den Haushalt Nummer {i}.", (string?)null, (string?)null, (string?)null)));
        store.Ingest(filler.Input, filler.References, filler.Claims);
        // 60 documents repeat one sentence with other names (a template, a wire text): each copy shares more words with
        // the query than the one document on the same event, which shares only its two names
        for (int i = 0; i < 60; i++)
        {
            string sentence = $"Die Firma Nordwerk{i} hat am Montag die Produktion im Werk Süderfeld{i} wegen eines Brandes gestoppt.";
            var copy = StoreTestData.Make($"copy{i}.txt", "Kurier", "2025-11-06", "de", [(sentence, null, null, null)]);
            store.Ingest(copy.Input, copy.References, copy.Claims);
        }

        var same = StoreTestData.Make("event.txt", "Anzeiger", "2025-11-07", "de", [("Halvorsen beziffert den Schaden in Osterbrück auf Millionen.", null, null, null)]);
        store.Ingest(same.Input, same.References, same.Claims);

        var hits = store.SearchAny("Die Firma Halvorsen hat am Montag die Produktion im Werk Osterbrück wegen eines Brandes gestoppt.", 10);
        Assert.Contains(hits, h => h.Document.Source == "event.txt");
        Assert.True(hits.Count(h => h.Document.Source.StartsWith("copy", StringComparison.Ordinal)) <= SearchTerms.CandidatesPerDocument,
            "at most two copies of one sentence shape");
    }

    [Fact]
    public void One_long_document_gives_at_most_two_candidates()
    {
        using var tmp = new TempDb();
        using var store = tmp.Open();
        var sentences = Enumerable.Range(1, 30).Select(i => ($"Die Talbrücke Hennersbach bleibt {string.Join(' ', Enumerable.Repeat("noch", i))} gesperrt.", (string?)null, (string?)null, (string?)null));
        var big = StoreTestData.Make("big.txt", "Kurier", "2025-11-06", "de", sentences);
        store.Ingest(big.Input, big.References, big.Claims);
        var other = StoreTestData.Make("other.txt", "Anzeiger", "2025-11-07", "de", [("Die Talbrücke Hennersbach wird abgerissen.", null, null, null)]);
        store.Ingest(other.Input, other.References, other.Claims);

        var hits = store.SearchAny("Die Talbrücke Hennersbach bleibt gesperrt.", 10);
        Assert.Equal(SearchTerms.CandidatesPerDocument, hits.Count(h => h.Document.Source == "big.txt"));
        Assert.Contains(hits, h => h.Document.Source == "other.txt");
    }

    [Fact]
    public void Diverse_asks_for_no_text_of_a_hit_whose_document_is_already_full()
    {
        // ten hits of document 1 first, then one each of documents 2 and 3: only the first two of document 1 and the
        // two others need a text; the shape cap still applies to those asked for (documents 2 and 3 share a shape)
        List<(long Doc, string Text)> hits = [.. Enumerable.Range(0, 10).Select(i => (1L, $"Acme baut {i} Werke.")), (2L, "Acme baut 5 Werke."), (3L, "Bolt baut 7 Werke.")];
        var asked = new List<int>();
        var picked = SearchTerms.Diverse(Enumerable.Range(0, hits.Count), i => hits[i].Doc, i => { asked.Add(i); return hits[i].Text; }, 10);
        Assert.Equal([0, 1, 10, 11], asked);
        Assert.Equal([0, 1], picked); // every hit asked for has the one shape "# baut # Werke": two of it are kept
    }

    [Theory]
    [InlineData("Die Regierung plant Ausgaben im Bereich Bildung.", "Der Senat plant Kürzungen im Bereich Verkehr.", true)]
    [InlineData("Acme said profits rose 5 percent in 2024.", "Bolt said profits rose 19 percent in 2023.", true)]
    [InlineData("Acme said profits rose 5 percent.", "Acme said profits fell 5 percent.", false)]
    [InlineData("Die Produktion ruht.", "Die Produktion ruht bis Montag.", false)]
    public void Sentences_that_differ_only_in_capitalised_words_and_figures_have_one_shape(string a, string b, bool same) =>
        Assert.Equal(same, SearchTerms.Shape(a) == SearchTerms.Shape(b));
}
