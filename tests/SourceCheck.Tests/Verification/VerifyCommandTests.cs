using System.Text.Json.Nodes;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Verification;

public sealed class VerifyCommandTests
{
    private static string PagesDir => SharedData.Fixture("pages");

    public sealed class Run
    {
        [Fact]
        public void Should_report_findings_as_json_from_a_page_dir()
        {
            var r = CliRunner.Run(null, "verify", Path.Combine(PagesDir, "references.json"), "--page-dir", PagesDir, "--json");

            Assert.Equal(0, r.ExitCode);
            var root = JsonNode.Parse(r.Out)!;
            Assert.Equal("sourcecheck-verify/2", (string)root["schema"]!);
            var refs = root["references"]!.AsArray();
            Assert.Equal(3, refs.Count);
            Assert.Empty(refs[0]!["findings"]!.AsArray());
            var types = refs[1]!["findings"]!.AsArray().Select(f => (string)f!["type"]!).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(["author_missing", "author_misspelled", "date_is_modified", "site_mismatch", "title_changed"], types);
            Assert.Equal("dead_link", (string)refs[2]!["findings"]![0]!["type"]!);
        }

        [Fact]
        public void Should_exit_1_with_fail_on_warning_and_print_a_table()
        {
            var r = CliRunner.Run(null, "verify", Path.Combine(PagesDir, "references.json"), "--page-dir", PagesDir, "--fail-on", "warning");

            Assert.Equal(1, r.ExitCode);
            Assert.Contains("date_is_modified", r.Out, StringComparison.Ordinal);
            Assert.Contains("3 references", r.Out, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_exit_2_without_a_page_source()
        {
            var r = CliRunner.Run(null, "verify", Path.Combine(PagesDir, "references.json"));

            Assert.Equal(2, r.ExitCode);
            Assert.Contains("--page-dir", r.Error, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_refuse_a_loopback_url_online_without_allow_private()
        {
            await using var server = await TestWebServer.StartAsync();
            server.Html("/story", File.ReadAllText(Path.Combine(PagesDir, "river-festival.html")));
            string refs = $$"""[{"id": "local", "type": "webpage", "title": "x", "URL": "{{server.Url("/story")}}"}]""";

            var r = CliRunner.Run(refs, "verify", "-", "--online", "--no-cache", "--json", "--timeout", "5");

            Assert.Equal(0, r.ExitCode);
            var finding = JsonNode.Parse(r.Out)!["references"]![0]!["findings"]![0]!;
            Assert.Equal("fetch_failed", (string)finding["type"]!);
            Assert.Contains("allow-private", (string)finding["evidence"]!, StringComparison.Ordinal);
            Assert.Equal(0, server.Hits("/story"));
        }

        [Fact]
        public async Task Should_fetch_a_loopback_url_with_allow_private()
        {
            await using var server = await TestWebServer.StartAsync();
            server.Html("/story", File.ReadAllText(Path.Combine(PagesDir, "river-festival.html")));
            string refs = $$"""[{"id": "local", "type": "webpage", "title": "River festival returns after three-year pause", "author": [{"family": "Castellano", "given": "Mira"}, {"family": "Okafor", "given": "Jonah"}], "container-title": "The Valley Gazette", "issued": {"date-parts": [[2024, 7, 12]]}, "URL": "{{server.Url("/story")}}"}]""";

            var r = CliRunner.Run(refs, "verify", "-", "--online", "--no-cache", "--allow-private", "--json");

            Assert.Equal(0, r.ExitCode);
            var findings = JsonNode.Parse(r.Out)!["references"]![0]!["findings"]!.AsArray();
            Assert.Equal(["canonical_mismatch"], findings.Select(f => (string)f!["type"]!));
            Assert.Equal(1, server.Hits("/story"));
        }
    }
}

public sealed class PageCommandTests
{
    public sealed class Run
    {
        [Fact]
        public void Should_show_metadata_with_provenance_as_json()
        {
            var r = CliRunner.Run(null, "page", SharedData.Fixture("pages/river-festival.html"), "--json");

            Assert.Equal(0, r.ExitCode);
            var root = JsonNode.Parse(r.Out)!;
            Assert.Equal("sourcecheck-page/1", (string)root["schema"]!);
            Assert.Equal("River festival returns after three-year pause", (string)root["title"]!["value"]!);
            Assert.Equal(["Mira Castellano", "Jonah Okafor"], root["authors"]!.AsArray().Select(a => (string)a!["value"]!));
            Assert.Equal("2024-07-12", (string)root["published"]!["value"]!);
            Assert.Equal("meta:article:published_time", (string)root["published"]!["source"]!);
            Assert.Equal("2024-07-14", (string)root["modified"]!["value"]!);
            Assert.Equal("The Valley Gazette", (string)root["site"]!["value"]!);
            string body = (string)root["body"]!["text"]!;
            Assert.Contains("New route", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Council approves footbridge", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Sports", body, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_print_a_table()
        {
            var r = CliRunner.Run(null, "page", SharedData.Fixture("pages/river-festival.html"));

            Assert.Equal(0, r.ExitCode);
            Assert.Contains("published", r.Out, StringComparison.Ordinal);
            Assert.Contains("meta:og:site_name", r.Out, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_exit_3_for_a_missing_file()
        {
            var r = CliRunner.Run(null, "page", "no-such-page.html");

            Assert.Equal(3, r.ExitCode);
        }
    }
}
