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
        for (int i = 0; i < 12; i++)
        {
            string sentence = i == 0
                ? "Die Regierung stoppt die Brückensanierung in Hainfeld."
                : $"Die Regierung plant Ausgaben im Bereich {i}.";
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
}
