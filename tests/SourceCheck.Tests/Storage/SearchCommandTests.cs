using System.Text.Json;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Storage;

public sealed class SearchCommandTests
{
    private static TempDb Seeded()
    {
        var tmp = new TempDb();
        using var store = tmp.Open();
        var (early, late, english) = StoreTestData.Story();
        StoreTestData.Ingest(store, early);
        StoreTestData.Ingest(store, late);
        StoreTestData.Ingest(store, english);
        return tmp;
    }

    public sealed class Run
    {
        [Fact]
        public void Should_write_the_matching_claims_as_versioned_json()
        {
            using var tmp = Seeded();
            var r = CliRunner.Run(null, "search", "Bürgschaften", "--db", tmp.FilePath, "--json");
            Assert.Equal(0, r.ExitCode);
            using var json = JsonDocument.Parse(r.Out);
            var root = json.RootElement;
            Assert.Equal("sourcecheck-search/1", root.GetProperty("schema").GetString());
            var claims = root.GetProperty("claims");
            Assert.Equal(2, claims.GetArrayLength());
            var outlets = claims.EnumerateArray().Select(c => c.GetProperty("document").GetProperty("outlet").GetString() ?? string.Empty).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(["Abendpost", "Morgenblatt"], outlets);
            Assert.All(claims.EnumerateArray(), c => Assert.Contains("Bürgschaften", c.GetProperty("text").GetString(), StringComparison.Ordinal));
        }

        [Fact]
        public void Should_print_a_table_and_say_when_nothing_matches()
        {
            using var tmp = Seeded();
            var r = CliRunner.Run(null, "search", "kühl Berlin", "--db", tmp.FilePath);
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("Das Wetter in Berlin", r.Out, StringComparison.Ordinal);
            var none = CliRunner.Run(null, "search", "kühl Hamburg", "--db", tmp.FilePath);
            Assert.Equal(0, none.ExitCode);
            Assert.Contains("no stored claim contains", none.Error, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_refuse_a_query_of_stop_words_with_a_usage_error()
        {
            using var tmp = Seeded();
            var r = CliRunner.Run(null, "search", "und oder der", "--db", tmp.FilePath);
            Assert.Equal(2, r.ExitCode);
        }
    }
}
