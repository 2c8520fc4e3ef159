using Microsoft.Data.Sqlite;
using SourceCheck.Claims;
using SourceCheck.Storage;

namespace SourceCheck.Tests.Storage;

/// <summary>The store keeps the attribution rules' speaker where the precision policy reported "unknown", so a claim read
/// back (candidates for a new article, links, trace) matches as it did when it was checked.</summary>
public sealed class SpeakerCandidateStoreTests
{
    private static StoreTestData.Doc Story()
    {
        var doc = StoreTestData.Make("https://kurier.example/altman", "Kurier", "2025-11-07", "de",
        [
            ("Altman sagte, der Staat solle OpenAI nicht retten, falls das Unternehmen scheitere.", null, null, null),
            ("Die Regierung prüfe keine Bürgschaften für Rechenzentren, sagte Sacks.", "David Sacks", null, null),
            ("Der Umsatz wachse schneller als erwartet.", null, null, null),
        ]);
        // the first claim: the rules found Altman, the policy reported unknown
        var claims = doc.Claims.ToList();
        claims[0] = claims[0] with { Quote = QuoteKind.Indirect, SpeakerCandidate = "Sam Altman" };
        return doc with { Claims = claims };
    }

    private static void AssertCandidates(IEnumerable<StoredClaim> stored)
    {
        var byText = stored.ToDictionary(c => c.Claim.Text[..12], c => c.Claim);
        Assert.Null(byText["Altman sagte"].Speaker);
        Assert.Equal("Sam Altman", byText["Altman sagte"].SpeakerCandidate);
        Assert.Equal("David Sacks", byText["Die Regierun"].Speaker);
        Assert.Equal("David Sacks", byText["Die Regierun"].SpeakerCandidate);
        Assert.Null(byText["Der Umsatz w"].SpeakerCandidate);
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void Should_read_back_the_rules_speaker_where_the_reported_one_is_unknown(string backend)
    {
        using var tmp = StoreBackends.Open(backend);
        StoreTestData.Ingest(tmp.Store, Story());
        var stored = tmp.Store.GetClaims();
        AssertCandidates(stored);
        AssertCandidates(stored.Select(c => tmp.Store.GetClaim(c.Id)!));

        // every other path that reads claims: links (both ends), search, trace
        long a = stored[0].Id, b = stored[1].Id;
        tmp.Store.AddLink(a, b, LinkType.Paraphrase, 0.7);
        var detail = Assert.Single(tmp.Store.ListLinks());
        AssertCandidates([detail.A, detail.B, stored[2]]);
        Assert.Equal("Sam Altman", Assert.Single(tmp.Store.Search("retten")).Claim.Claim.SpeakerCandidate);
        var traced = tmp.Store.Trace("OpenAI nicht retten");
        Assert.Contains(traced.Claims, c => c.Claim.Claim.SpeakerCandidate == "Sam Altman" && c.Claim.Claim.Speaker is null);
    }

    [Fact]
    public void Should_migrate_a_v5_database_and_let_its_claims_fall_back_to_their_speaker()
    {
        using var tmp = new TempDb();
        using (var raw = new SqliteConnection($"Data Source={tmp.FilePath};Pooling=False"))
        {
            raw.Open();
            using var cmd = raw.CreateCommand();
            cmd.CommandText = string.Concat(StoreSchema.Migrations.Where(m => m.Version <= 5).Select(m => m.Sql)) + "PRAGMA user_version = 5;" + """
                INSERT INTO documents (id, content_hash, source, text, claim_count, ingested_at) VALUES (1, 'h1', 'old.txt', 'Sacks sagte, es gebe keine Hilfe.', 1, '2025-01-01T00:00:00.000Z');
                INSERT INTO claims (id, document_id, ordinal, span_start, span_end, text, quote_kind, speaker) VALUES (1, 1, 0, 0, 33, 'Sacks sagte, es gebe keine Hilfe.', 'indirect', 'David Sacks');
                """;
            cmd.ExecuteNonQuery();
        }

        using var store = tmp.Open();
        Assert.Equal(6, store.SchemaVersion);
        var claim = Assert.Single(store.GetClaims()).Claim;
        Assert.Equal("David Sacks", claim.Speaker);
        Assert.Equal("David Sacks", claim.SpeakerCandidate);
    }
}
