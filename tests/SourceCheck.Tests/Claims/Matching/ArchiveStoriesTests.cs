using System.Text.Json;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Claims.Matching;

/// <summary>The archive bench's story fixtures (fixtures/archive/stories.json): the splits are disjoint, every listed
/// story in the repository has its gold, every gold claim's offsets cut exactly its text out of its article, and every
/// gold link joins two claims of different articles. Reads only the gold, never runs the matcher on the stories.</summary>
public sealed class ArchiveStoriesTests
{
    private static IEnumerable<(string Split, string Path)> Entries()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.Fixture(Path.Combine("archive", "stories.json"))));
        var result = new List<(string, string)>();
        foreach (var split in doc.RootElement.GetProperty("splits").EnumerateObject())
        {
            foreach (var e in split.Value.EnumerateArray())
            {
                result.Add((split.Name, e.GetString()!));
            }
        }

        return result;
    }

    [Fact]
    public void Splits_are_disjoint_and_the_validation_split_holds_three_stories()
    {
        var entries = Entries().ToList();
        Assert.Equal(entries.Count, entries.Select(e => e.Path).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(3, entries.Count(e => e.Split == "val"));
    }

    [Fact]
    public void Gold_offsets_cut_the_claim_text_and_links_join_claims_of_different_articles()
    {
        foreach (var (_, path) in Entries().Where(e => !e.Path.StartsWith("shared:", StringComparison.Ordinal)))
        {
            string dir = Path.Combine(SharedData.RepoRoot, path);
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "gold.json")));
            var root = doc.RootElement;
            var texts = root.GetProperty("articles").EnumerateArray().ToDictionary(
                a => a.GetProperty("id").GetString()!, a => File.ReadAllText(Path.Combine(dir, a.GetProperty("file").GetString()!)), StringComparer.Ordinal);
            Assert.Equal(2, root.GetProperty("articles").EnumerateArray().Count(a => a.GetProperty("lang").GetString() == "de"));
            Assert.Equal(2, root.GetProperty("articles").EnumerateArray().Count(a => a.GetProperty("lang").GetString() == "en"));
            var articleOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var c in root.GetProperty("claims").EnumerateArray())
            {
                string article = c.GetProperty("article").GetString()!;
                int start = c.GetProperty("start").GetInt32(), end = c.GetProperty("end").GetInt32();
                Assert.Equal(c.GetProperty("text").GetString(), texts[article][start..end]);
                articleOf[c.GetProperty("id").GetString()!] = article;
            }

            foreach (var l in root.GetProperty("links").EnumerateArray())
            {
                string a = l.GetProperty("a").GetString()!, b = l.GetProperty("b").GetString()!;
                Assert.NotEqual(articleOf[a], articleOf[b]);
            }
        }
    }
}
