using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SourceCheck.Csl;
using SourceCheck.Documents.Web;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Verification;

/// <summary>Loads the webmeta fixtures (../shared/webmeta/fixtures) and builds the cited reference of each from its
/// APA citation string with a small test-only splitter (authors, date, title, outlet, URL). The real reference
/// parser replaces this at merge (see <c>FixtureTests.Through_the_reference_parser</c>).</summary>
internal static class WebFixtures
{
    public static readonly string[] Ids =
    [
        "en-jsonld-author-array", "de-og-only-visible-byline", "en-highwire-report-doi", "de-conflicting-dates", "en-paywall-stub", "en-404-soft",
    ];

    /// <summary>Prefix of the ids of the repository's own invented fixtures (fixtures/webmeta-val), written blind
    /// against the shared format to check finding types no shared fixture exercises. They never skip.</summary>
    public const string ValPrefix = "val/";

    /// <summary>The ids of fixtures/webmeta-val (file names of its <c>*.json</c> rows), prefixed with <see cref="ValPrefix"/>.</summary>
    public static string[] ValIds =>
        Directory.GetFiles(SharedData.Fixture("webmeta-val"), "*.json").Select(f => ValPrefix + Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToArray();

    public sealed record Fixture(string Id, JsonObject Gold, string Html)
    {
        public string Citation => (string)Gold["citation"]!;

        public string RequestedUrl => (string)Gold["http"]!["requested_url"]!;

        public string FinalUrl => (string)Gold["http"]!["final_url"]!;

        public int[] StatusChain => Gold["http"]!["status_chain"]!.AsArray().Select(n => (int)n!).ToArray();

        public IEnumerable<(string Field, string Type)> Expected =>
            Gold["expected_mismatches"]!.AsArray().Select(m => ((string)m!["field"]!, (string)m["type"]!)).OrderBy(x => x.Item1).ThenBy(x => x.Item2);
    }

    public static Fixture Load(string id)
    {
        if (id.StartsWith(ValPrefix, StringComparison.Ordinal))
        {
            string own = SharedData.Fixture("webmeta-val");
            string name = id[ValPrefix.Length..];
            var row = JsonNode.Parse(File.ReadAllText(Path.Combine(own, name + ".json")))!.AsObject();
            return new Fixture(id, row, File.ReadAllText(Path.Combine(own, name + ".html")));
        }

        string dir = SharedData.Require("webmeta/fixtures");
        var gold = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, id + ".json")))!.AsObject();
        return new Fixture(id, gold, File.ReadAllText(Path.Combine(dir, id + ".html")));
    }

    private static readonly Regex Apa = new(@"^(?<authors>.+?) \((?<date>[^)]*)\)\. (?<rest>.+)$", RegexOptions.CultureInvariant);

    private static readonly Regex Name = new(@"(?<family>[^,&]+?),\s*(?<given>(?:\p{Lu}[\p{L}]*\.[\s-]?)+)", RegexOptions.CultureInvariant);

    /// <summary>Test-only split of an APA-7 reference "Authors (Date). Title. Outlet. URL", or of the no-author
    /// form "Title. (Date). Outlet. URL".</summary>
    public static CslItem CitedItem(Fixture f)
    {
        var m = Apa.Match(f.Citation);
        Assert.True(m.Success, f.Citation);
        var item = new CslItem(f.Id, "article-newspaper");
        var names = Name.Matches(m.Groups["authors"].Value);
        item.SetNames("author", names.Select(n => CslName.Person(n.Groups["family"].Value.Trim(' ', '&'), n.Groups["given"].Value.Trim())));
        string[] date = m.Groups["date"].Value.Split(',', 2, StringSplitOptions.TrimEntries);
        int year = int.Parse(date[0], CultureInfo.InvariantCulture);
        if (date.Length > 1 && WebText.ParseDate($"{date[1]} {year}") is { } d)
        {
            item.SetDate("issued", CslDate.Of(d.Year, d.Month, d.Day));
        }
        else
        {
            item.SetDate("issued", CslDate.Of(year));
        }

        string rest = m.Groups["rest"].Value;
        int urlAt = rest.LastIndexOf(" http", StringComparison.Ordinal);
        string url = rest[(urlAt + 1)..].Trim();
        var parts = rest[..urlAt].TrimEnd('.').Split(". ");
        item.SetString("container-title", parts[^1]);
        bool noAuthor = names.Count == 0 && m.Groups["authors"].Value.EndsWith('.');
        item.SetString("title", noAuthor ? m.Groups["authors"].Value.TrimEnd('.') : string.Join(". ", parts[..^1]));
        if (url.Contains("doi.org/", StringComparison.Ordinal))
        {
            item.SetString("DOI", url[(url.IndexOf("doi.org/", StringComparison.Ordinal) + 8)..]);
        }

        item.SetString("URL", url);
        return item;
    }
}
