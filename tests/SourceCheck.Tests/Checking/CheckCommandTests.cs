using System.Text.Json;
using SourceCheck.Storage;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Checking;

public sealed class CheckCommandTests
{
    private static string TempDb() => Path.Combine(Path.GetTempPath(), "sc-check-" + Guid.NewGuid().ToString("N")[..8] + ".db");

    private static string[] FixtureArticles() =>
    [
        SharedData.Fixture("check/nordwind-de-1.txt"),
        SharedData.Fixture("check/nordwind-de-2.txt"),
        SharedData.Fixture("check/nordwind-en.txt"),
    ];

    public sealed class Json
    {
        [Fact]
        public void Should_report_references_claims_and_links_with_offsets_into_each_file()
        {
            string db = TempDb();
            var r = CliRunner.Run(null, ["check", .. FixtureArticles(), "--db", db, "--to", "json"]);
            Assert.True(r.ExitCode == 0, r.Error);
            using var doc = JsonDocument.Parse(r.Out);
            var root = doc.RootElement;
            Assert.Equal("sourcecheck-check/1", root.GetProperty("schema").GetString());
            var documents = root.GetProperty("documents").EnumerateArray().ToList();
            Assert.Equal(3, documents.Count);
            // "Quellen: „Tagesbote“" names a source; it is not a reference.
            Assert.Equal(0, documents[0].GetProperty("references").GetArrayLength());
            var withBib = documents[1];
            Assert.Equal(4, withBib.GetProperty("references").GetArrayLength());
            Assert.Contains(withBib.GetProperty("bibliography").EnumerateArray(),
                e => e.GetString()!.StartsWith("Okafor, N., & Lindqvist, E. (2025, March 4).", StringComparison.Ordinal));

            // Every link end names its file and the exact text at its offsets.
            var links = root.GetProperty("links").EnumerateArray().ToList();
            Assert.NotEmpty(links);
            foreach (var link in links)
            {
                foreach (var end in new[] { link.GetProperty("a"), link.GetProperty("b") })
                {
                    string text = File.ReadAllText(end.GetProperty("file").GetString()!).Replace("\r\n", "\n", StringComparison.Ordinal);
                    Assert.Equal(end.GetProperty("text").GetString(), text[end.GetProperty("start").GetInt32()..end.GetProperty("end").GetInt32()]);
                }
            }

            // The German "no guarantees" claim is linked to the English report of it as a translation.
            Assert.Contains(links, l => l.GetProperty("type").GetString() == "translation"
                && l.GetProperty("a").GetProperty("text").GetString()!.Contains("keine staatlichen Garantien", StringComparison.Ordinal)
                && l.GetProperty("b").GetProperty("text").GetString()!.Contains("does not want state guarantees", StringComparison.Ordinal));

            // ... and to the English headline that says it, in the second article's bibliography.
            Assert.Contains(root.GetProperty("support").EnumerateArray(), s => s.GetProperty("reference").GetString() == "okafor2025"
                && s.GetProperty("document").GetString() == "nordwind-de-1.txt");
        }
    }

    public sealed class Headlines
    {
        [Fact]
        public void Should_report_no_headline_with_the_opening_sentence_for_a_page_that_has_none()
        {
            var r = CliRunner.Run(null, ["check", SharedData.Fixture("headlines/en-pricing-no-headline.txt"), SharedData.Fixture("headlines/en-cookie-banner.txt"), "--no-store", "--to", "json"]);
            Assert.True(r.ExitCode == 0, r.Error);
            using var doc = JsonDocument.Parse(r.Out);
            var documents = doc.RootElement.GetProperty("documents");
            Assert.Equal(JsonValueKind.Null, documents[0].GetProperty("title").ValueKind);
            Assert.StartsWith("Court filings in the county rose sharply last year", documents[0].GetProperty("opening").GetString(), StringComparison.Ordinal);
            Assert.EndsWith("…", documents[0].GetProperty("opening").GetString(), StringComparison.Ordinal);
            Assert.Equal("Harbour authority asks for public money to rebuild quay walls", documents[1].GetProperty("title").GetString());
            // the pricing blurbs ("120 common risks", "98% hit rate") are not claims
            Assert.DoesNotContain(documents[0].GetProperty("claims").EnumerateArray(), c => c.GetProperty("text").GetString()!.Contains("risks", StringComparison.Ordinal));

            var text = CliRunner.Run(null, ["check", SharedData.Fixture("headlines/en-pricing-no-headline.txt"), "--no-store"]);
            Assert.Contains("title: (no headline found; opens: \"Court filings in the county", text.Out, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_keep_the_detected_bibliography_blocks_on_the_article()
        {
            string text = File.ReadAllText(SharedData.Fixture("check/nordwind-de-2.txt"));
            var article = SourceCheck.Documents.ArticleReader.Read(text, "x");
            static string Flat(IEnumerable<SourceCheck.References.BibliographyBlock> blocks) =>
                string.Join("\n", blocks.Select(b => $"{b.Heading} {b.Span}: " + string.Join(" | ", b.Entries.Select(e => $"{e.Span} {e.Text}"))));
            Assert.Equal(Flat(SourceCheck.References.BibliographyDetector.Detect(text)), Flat(article.BibliographyBlocks));
            Assert.NotEmpty(article.BibliographyBlocks);
        }
    }

    public sealed class BareNames
    {
        [Theory]
        [InlineData("„Zeit“", true)]
        [InlineData("dpa", true)]
        [InlineData("NBC News.", true)]
        [InlineData("Grid Report Staff. (2025, March 5). Why charging networks may need public money. The Grid Report.", false)]
        [InlineData("Ein Titel aus vier Wörtern", false)]
        [InlineData("https://example.org", false)]
        [InlineData("Report 2024", false)]
        public void Should_tell_a_bare_source_name_from_a_reference(string entry, bool bare) =>
            Assert.Equal(bare, SourceCheck.Checking.CheckPipeline.IsBareName(entry));
    }

    public sealed class Store
    {
        [Fact]
        public void Should_ingest_idempotently_and_keep_links()
        {
            string db = TempDb();
            Assert.Equal(0, CliRunner.Run(null, ["check", .. FixtureArticles(), "--db", db]).ExitCode);
            StoreStats first;
            using (var store = SourceCheckStore.Open(db))
            {
                first = store.Stats();
            }

            var again = CliRunner.Run(null, ["check", .. FixtureArticles(), "--db", db]);
            Assert.Equal(0, again.ExitCode);
            using var reopened = SourceCheckStore.Open(db);
            var second = reopened.Stats();
            Assert.Equal(3, second.Documents);
            Assert.Equal(first.Claims, second.Claims);
            Assert.Equal(first.Links, second.Links);
            Assert.True(second.Links > 0);
            Assert.Equal(2, second.Runs);
        }
    }

    public sealed class Review
    {
        [Fact]
        public void Should_export_the_references_of_accepted_links_in_a_style()
        {
            string db = TempDb();
            Assert.Equal(0, CliRunner.Run(null, ["check", .. FixtureArticles(), "--db", db]).ExitCode);
            using (var store = SourceCheckStore.Open(db))
            {
                foreach (var detail in store.ListLinks())
                {
                    store.SetReview(detail.Link.Id, ReviewStatus.Accepted);
                }
            }

            string file = Path.Combine(Path.GetTempPath(), "sc-export-" + Guid.NewGuid().ToString("N")[..8] + ".txt");
            var r = CliRunner.Run(null, "review", "--db", db, "--export-accepted", file, "--style", "apa");
            Assert.True(r.ExitCode == 0, r.Error);
            Assert.Contains("Okafor, N., & Lindqvist, E. (2025, March 4).", File.ReadAllText(file), StringComparison.Ordinal);
        }
    }

    public sealed class Formats
    {
        [Fact]
        public void Should_write_one_self_contained_html_file()
        {
            string dir = Path.Combine(Path.GetTempPath(), "sc-check-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(dir);
            var r = CliRunner.RunIn(dir, null, ["check", .. FixtureArticles(), "--no-store", "--to", "html", "-o", "report.html"]);
            Assert.Equal(0, r.ExitCode);
            string html = File.ReadAllText(Path.Combine(dir, "report.html"));
            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("<i>Coastal Business Daily</i>", html, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_exit_3_for_a_missing_article_and_2_without_articles()
        {
            Assert.Equal(3, CliRunner.Run(null, "check", "no-such-article.txt", "--no-store").ExitCode);
            Assert.Equal(2, CliRunner.Run(null, "check").ExitCode);
        }

        [Fact]
        public void Should_exit_1_with_fail_on_unsourced_when_a_claim_has_no_source()
        {
            var r = CliRunner.Run(null, ["check", SharedData.Fixture("check/nordwind-de-2.txt"), "--no-store", "--fail-on", "unsourced"]);
            Assert.Equal(1, r.ExitCode);
        }
    }

    public sealed class Seeds
    {
        [SkippableFact]
        public void Should_link_the_shared_Altman_claims_across_both_seed_articles_and_to_the_cited_headlines()
        {
            string seeds = SharedData.Require("seeds");
            var files = Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).ToArray();
            string db = TempDb();
            var r = CliRunner.Run(null, ["check", .. files, "--db", db, "--to", "json"]);
            Assert.True(r.ExitCode == 0, r.Error);
            using var doc = JsonDocument.Parse(r.Out);
            var root = doc.RootElement;
            var second = root.GetProperty("documents")[1];
            Assert.Equal(10, second.GetProperty("references").GetArrayLength());
            Assert.Contains(second.GetProperty("bibliography").EnumerateArray(),
                e => e.GetString() == "Wile, R., & Kopack, S. (2025, November 6). OpenAI’s Sam Altman backtracks on CFO’s government “backstop” talk. NBC News.");

            var links = root.GetProperty("links").EnumerateArray().ToList();
            bool Linked(string a, string b) => links.Any(l =>
                l.GetProperty("type").GetString() != "contradiction"
                && l.GetProperty("a").GetProperty("text").GetString()!.Contains(a, StringComparison.Ordinal)
                && l.GetProperty("b").GetProperty("text").GetString()!.Contains(b, StringComparison.Ordinal));
            Assert.True(Linked("eigene KI-Infrastruktur aufbauen", "eigene KI-Infrastrukturen"), "own AI infrastructure claim not linked");
            Assert.True(Linked("keine staatlichen Garantien", "keine staatlichen Garantien"), "no guarantees claim not linked");

            var support = root.GetProperty("support").EnumerateArray().ToList();
            Assert.Contains(support, s => s.GetProperty("document").GetString() == Path.GetFileName(files[0])
                && s.GetProperty("reference_title").GetString()!.Contains("does not want a government bailout", StringComparison.Ordinal));

            // compare (no store, no formatting) links the German claims to the cited English headlines too,
            // with offsets that point at the headline inside the second article.
            var compare = CliRunner.Run(null, ["compare", .. files, "--json"]);
            Assert.True(compare.ExitCode == 0, compare.Error);
            using var cmp = JsonDocument.Parse(compare.Out);
            var headlineLinks = cmp.RootElement.GetProperty("links").EnumerateArray()
                .Where(l => l.GetProperty("b").GetProperty("text").GetString() == "Sam Altman says OpenAI does not want a government bailout for AI").ToList();
            Assert.NotEmpty(headlineLinks);
            string secondText = File.ReadAllText(files[1]);
            var b = headlineLinks[0].GetProperty("b");
            Assert.Equal(b.GetProperty("text").GetString(), secondText[b.GetProperty("start").GetInt32()..b.GetProperty("end").GetInt32()]);

            // trace finds the claim in both articles with the outlet each credits.
            var trace = CliRunner.Run(null, "trace", "Regierungen sollten eigene KI-Infrastruktur aufbauen", "--db", db, "--json");
            Assert.True(trace.ExitCode == 0, trace.Error);
            Assert.Contains(Path.GetFileName(files[0]), trace.Out, StringComparison.Ordinal);
            Assert.Contains(Path.GetFileName(files[1]), trace.Out, StringComparison.Ordinal);
            Assert.Contains("Zeit", trace.Out, StringComparison.Ordinal);
        }
    }
}
