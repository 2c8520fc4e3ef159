using System.Collections.Immutable;
using System.Text.Json.Nodes;
using SourceCheck.Claims;
using SourceCheck.Csl;
using SourceCheck.Reports;
using SourceCheck.Text;
using SourceCheck.Verification;

namespace SourceCheck.Tests.Reports;

public sealed class CheckReportRendererTests
{
    private static CheckReport Sample()
    {
        var a = new Claim("a-c1", "a", "de", "Regierungen sollten eigene KI-Infrastruktur aufbauen.", new TextSpan(10, 53), QuoteKind.Indirect,
            null, "Sam Altman", "Altman", "X (post)", "Zeit", [new Figure("20 Milliarden", 2e10, null, "USD", new TextSpan(12, 13))]);
        var b = new Claim("b-c4", "b", "en", "Governments should build their own AI infrastructure, Altman said.", new TextSpan(200, 66), QuoteKind.Indirect,
            null, "Sam Altman", "Altman", null, null, []);
        var item = new CslItem("wile2025", "article-newspaper").SetString("title", "OpenAI's Sam Altman backtracks <on> & more");
        var docA = new DocumentReport("a.txt", "a", "Titel", "Outlet A", "2025-11-07", "de", [item], ["Wile, R. (2025). <i>T</i>."], [a], ["a-c1"], []);
        var docB = new DocumentReport("b.txt", "b", null, null, null, "en", [], [], [b], [], ["no bibliography found"]);
        var link = new ClaimLink(a, b, LinkType.Translation, 0.8123, ["infrastruktur~infrastructure"]);
        return new CheckReport(new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero), "apa", [docA, docB], [link],
            [new ReferenceSupport("a-c1", "a", "wile2025", "OpenAI's Sam Altman backtracks", "translation", 0.7)],
            [new ReportFinding("a", "wile2025", "title", FindingKind.TitleChanged, FindingSeverity.Warning, "x", "y", null)], []);
    }

    /// <summary>The sample with an article that has no headline and a claim supported by a headline cited in the other article.</summary>
    private static CheckReport WithoutHeadline()
    {
        var sample = Sample();
        var docB = sample.Documents[1] with { Opening = "Governments should build their own AI infrastructure, Altman said." };
        var support = new ReferenceSupport("b-c4", "b", "wile2025", "OpenAI's Sam Altman backtracks", "translation", 0.6) { ReferenceDocumentId = "a" };
        return sample with { Documents = [sample.Documents[0], docB], Support = [.. sample.Support, support] };
    }

    public sealed class Json
    {
        [Fact]
        public void Should_add_opening_supported_claims_and_claim_text_within_schema_1()
        {
            var root = JsonNode.Parse(CheckReportRenderer.Json(WithoutHeadline()))!;
            Assert.Equal("sourcecheck-check/1", (string?)root["schema"]);
            Assert.Equal(2, (int)root["summary"]!["supported_claims"]!);
            var docB = root["documents"]![1]!;
            Assert.Null((string?)docB["title"]);
            Assert.Equal("Governments should build their own AI infrastructure, Altman said.", (string?)docB["opening"]);
            var support = root["support"]!.AsArray();
            Assert.Equal("Regierungen sollten eigene KI-Infrastruktur aufbauen.", (string?)support[0]!["claim_text"]);
            Assert.Equal("a", (string?)support[0]!["reference_document"]);
            Assert.Equal("a", (string?)support[1]!["reference_document"]);
        }

        [Fact]
        public void Should_write_versioned_schema_with_documents_and_links_naming_file_and_offsets()
        {
            var root = JsonNode.Parse(CheckReportRenderer.Json(Sample()))!;
            Assert.Equal(CheckReport.Schema, (string?)root["schema"]);
            var doc = root["documents"]![0]!;
            Assert.Equal("a.txt", (string?)doc["file"]);
            Assert.Equal("wile2025", (string?)doc["references"]![0]!["id"]);
            Assert.Equal(10, (int)doc["claims"]![0]!["start"]!);
            Assert.Equal(63, (int)doc["claims"]![0]!["end"]!);
            Assert.True((bool)doc["claims"]![0]!["unsourced"]!);
            var link = root["links"]![0]!;
            Assert.Equal("b.txt", (string?)link["b"]!["file"]);
            Assert.Equal(200, (int)link["b"]!["start"]!);
            Assert.Equal(266, (int)link["b"]!["end"]!);
            Assert.Equal("translation", (string?)link["type"]);
            Assert.Equal(0.8123, (double)link["score"]!, 4);
        }
    }

    public sealed class Html
    {
        [Fact]
        public void Should_be_self_contained_and_escape_text()
        {
            string html = CheckReportRenderer.Html(Sample());
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
            Assert.Contains("<style>", html, StringComparison.Ordinal);
            Assert.Contains("Regierungen sollten eigene KI-Infrastruktur aufbauen.", html, StringComparison.Ordinal);
            Assert.Contains("<i>T</i>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<on>", html, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_have_a_viewport_and_a_csp_that_allows_exactly_its_own_style()
        {
            string html = CheckReportRenderer.Html(ReportSamples.Wide(), "9.8.7");
            Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
            var csp = System.Text.RegularExpressions.Regex.Match(html, "http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"");
            Assert.True(csp.Success);
            Assert.StartsWith("default-src 'none'", csp.Groups[1].Value, StringComparison.Ordinal);
            Assert.Contains("script-src 'none'", csp.Groups[1].Value, StringComparison.Ordinal);
            int open = html.IndexOf("<style>", StringComparison.Ordinal) + "<style>".Length;
            string style = html[open..html.IndexOf("</style>", open, StringComparison.Ordinal)];
            string hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(style)));
            Assert.Contains($"style-src 'sha256-{hash}'", csp.Groups[1].Value, StringComparison.Ordinal);
            Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_name_the_tool_version_and_the_time_of_the_report()
        {
            string html = CheckReportRenderer.Html(ReportSamples.Wide(), "9.8.7");
            Assert.Contains("SourceCheck 9.8.7 · generated 2026-11-21 09:30 UTC · style apa", html, StringComparison.Ordinal);
            Assert.Contains($"SourceCheck {ReportEmphasis.ToolVersion} ", CheckReportRenderer.Html(ReportSamples.Wide()), StringComparison.Ordinal);
            Assert.DoesNotContain("+", ReportEmphasis.ToolVersion, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_put_serious_findings_in_the_summary_with_text_not_colour_alone()
        {
            string html = CheckReportRenderer.Html(ReportSamples.Wide(), "1");
            int alert = html.IndexOf("<div class=\"alert\"", StringComparison.Ordinal);
            int firstDocument = html.IndexOf("<section class=\"document\"", StringComparison.Ordinal);
            Assert.InRange(alert, 0, firstDocument);
            string box = html[alert..html.IndexOf("</div>", alert, StringComparison.Ordinal)];
            Assert.Contains("3 serious finding(s)", box, StringComparison.Ordinal);
            Assert.Contains("⚠ number_mismatch", box, StringComparison.Ordinal);
            Assert.Contains("⚠ contradiction", box, StringComparison.Ordinal);
            Assert.Contains("⚠ error dead_link", box, StringComparison.Ordinal);
            Assert.DoesNotContain("translation", box, StringComparison.Ordinal);
            Assert.DoesNotContain("title_changed", box, StringComparison.Ordinal);
            Assert.Contains("<a href=\"#link-1\">", box, StringComparison.Ordinal);
            Assert.Contains("id=\"link-1\"", html, StringComparison.Ordinal);

            string calm = CheckReportRenderer.Html(ReportSamples.Calm(), "1");
            Assert.DoesNotContain("class=\"alert\"", calm, StringComparison.Ordinal);
            Assert.Contains("No serious findings", calm, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_mark_german_content_with_its_language_and_show_base_names_with_the_path_in_a_title()
        {
            string html = CheckReportRenderer.Html(ReportSamples.Wide(), "1");
            Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
            Assert.Contains("<h2 lang=\"de\">KI ohne Netz", html, StringComparison.Ordinal);
            Assert.Contains("<p class=\"claim-text\" lang=\"de\">Regierungen sollten", html, StringComparison.Ordinal);
            Assert.Contains("<p class=\"claim-text\" lang=\"en\">Governments should", html, StringComparison.Ordinal);
            Assert.Contains("<span class=\"file\" title=\"/home/redaktion/projekte/faktencheck/2026/november/altman-infrastruktur/quellen/artikel-morgenblatt-wirtschaft-2025-11-07.txt\">artikel-morgenblatt-wirtschaft-2025-11-07.txt</span>", html, StringComparison.Ordinal);
            Assert.DoesNotContain(">/home/redaktion", html, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_make_urls_links_that_send_no_referrer_and_keep_markup_intact()
        {
            string html = CheckReportRenderer.Html(ReportSamples.Wide(), "1");
            string href = ReportSamples.LongUrl.Replace("&", "&amp;", StringComparison.Ordinal);
            // in a claim, in a bibliography entry (inside the CSL markup) and in a finding
            Assert.True(System.Text.RegularExpressions.Regex.Count(html, "<a href=\"" + System.Text.RegularExpressions.Regex.Escape(href) + "\" rel=\"noopener noreferrer\">") >= 3);
            Assert.Contains("<i>OpenAI’s Sam Altman backtracks &amp; more</i>", html, StringComparison.Ordinal);
            Assert.Equal([("see ", false), ("https://a.example/x?y=1", true), (".", false)], CheckReportRenderer.SplitUrls("see https://a.example/x?y=1.").ToArray());
            Assert.Equal("javascript:alert(1) &lt;b&gt;", CheckReportRenderer.Linkify("javascript:alert(1) <b>"));
        }

        [Fact]
        public void Should_explain_link_types_verdicts_and_scores_in_a_legend()
        {
            string html = CheckReportRenderer.Html(Sample(), "1");
            int legend = html.IndexOf("id=\"legend\"", StringComparison.Ordinal);
            Assert.True(legend > 0);
            string text = html[legend..html.IndexOf("</details>", legend, StringComparison.Ordinal)];
            foreach (var type in Enum.GetValues<LinkType>())
            {
                Assert.Contains(type.ToName(), text, StringComparison.Ordinal);
            }

            Assert.Contains("dead_link", text, StringComparison.Ordinal);
            Assert.Contains("Scores run from 0 to 1", text, StringComparison.Ordinal);
        }
    }

    public sealed class Verdicts
    {
        [Fact]
        public void Should_link_the_archived_copy_and_show_the_reason_in_html_and_markdown()
        {
            var sample = Sample();
            const string archived = "https://web.archive.org/web/20251107101500/https://techcrunch.com/2025/11/06/story/";
            var report = sample with
            {
                Findings = [new ReportFinding("a", "bort2025", "work", FindingKind.Verdict, FindingSeverity.Info, "Story", archived, "verified: the archived copy agrees with the reference")],
            };

            string html = CheckReportRenderer.Html(report);
            Assert.Contains($"<a href=\"{archived}\" rel=\"noopener noreferrer\">", html, StringComparison.Ordinal);
            Assert.Contains("the archived copy agrees", html, StringComparison.Ordinal);
            Assert.Contains("the archived copy agrees", CheckReportRenderer.Markdown(report), StringComparison.Ordinal);
            Assert.Contains("the archived copy agrees", CheckReportRenderer.Text(report), StringComparison.Ordinal);

            var plain = sample with { Findings = [new ReportFinding("a", "x", "url", FindingKind.Redirect, FindingSeverity.Warning, "x", "javascript:alert(1)", null)] };
            Assert.DoesNotContain("href=\"javascript", CheckReportRenderer.Html(plain), StringComparison.Ordinal);
        }
    }

    public sealed class Markdown
    {
        [Fact]
        public void Should_list_supported_claims_with_text_and_mark_empty_sections()
        {
            string md = CheckReportRenderer.Markdown(WithoutHeadline());
            Assert.Contains("- `a-c1` Regierungen sollten eigene KI-Infrastruktur aufbauen.\n  - ← OpenAI's Sam Altman backtracks (translation)\n", md, StringComparison.Ordinal);
            Assert.Contains("  - ← OpenAI's Sam Altman backtracks (translation, cited in a.txt)\n", md, StringComparison.Ordinal);
            Assert.Contains("## b.txt\n\n_(no headline found; opens:", md, StringComparison.Ordinal);
            Assert.Contains("### References\n\n_(none)_\n", md, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_follow_the_html_structure_with_version_time_serious_findings_and_legend()
        {
            string md = CheckReportRenderer.Markdown(ReportSamples.Wide(), "9.8.7");
            Assert.StartsWith("# SourceCheck report\n\nSourceCheck 9.8.7 · generated 2026-11-21 09:30 UTC · style apa\n\n## Summary\n\n", md, StringComparison.Ordinal);
            int serious = md.IndexOf("**⚠ 3 serious finding(s):**", StringComparison.Ordinal);
            int legend = md.IndexOf("Legend: link types", StringComparison.Ordinal);
            int document = md.IndexOf("## KI ohne Netz", StringComparison.Ordinal);
            Assert.True(serious > 0 && legend > serious && document > legend, md);
            Assert.Contains("- **⚠ number\\_mismatch** artikel-morgenblatt-wirtschaft-2025-11-07.txt ↔ article-coastline-courier-business-2025-11-08.txt: Regierungen", md, StringComparison.Ordinal);
            Assert.Contains("<" + ReportSamples.LongUrl + ">", md, StringComparison.Ordinal);
            Assert.Contains("**✓ No serious findings**", CheckReportRenderer.Markdown(ReportSamples.Calm(), "1"), StringComparison.Ordinal);
        }

        [Fact]
        public void Should_sanitise_article_text_so_it_cannot_become_markup()
        {
            var sample = Sample();
            var evil = sample.Documents[0].Claims[0] with { Text = "*fett* <script>alert(1)</script> [klick](javascript:alert(1)) | ![bild](x.png) `code`" };
            var doc = sample.Documents[0] with { Claims = [evil], Title = "# Titel <b>" };
            string md = CheckReportRenderer.Markdown(sample with { Documents = [doc, sample.Documents[1]], Links = [] }, "1");
            Assert.Contains("\\*fett\\* \\<script\\>alert(1)\\</script\\> \\[klick\\](javascript:alert(1)) \\| \\!\\[bild\\](x.png) \\`code\\`", md, StringComparison.Ordinal);
            Assert.Contains("## \\# Titel \\<b\\>\n", md, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
        }
    }

    public sealed class Text
    {
        [Fact]
        public void Should_put_summary_before_details()
        {
            string text = CheckReportRenderer.Text(Sample());
            int summary = text.IndexOf("2 document(s)", StringComparison.Ordinal);
            int details = text.IndexOf("== a.txt", StringComparison.Ordinal);
            Assert.InRange(summary, 0, details - 1);
            Assert.Contains("translation 0.81", text, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_show_the_text_of_supported_claims_and_where_the_headline_is_cited()
        {
            string text = CheckReportRenderer.Text(WithoutHeadline());
            int section = text.IndexOf("Claims supported by cited headlines (2 claim(s), 2 headline match(es)):", StringComparison.Ordinal);
            Assert.True(section >= 0, text);
            string details = text[section..];
            Assert.Contains("[a-c1] Regierungen sollten eigene KI-Infrastruktur aufbauen.\n    <- wile2025 (translation 0.70): OpenAI's Sam Altman backtracks", details, StringComparison.Ordinal);
            Assert.Contains("[b-c4] Governments should build", details, StringComparison.Ordinal);
            Assert.Contains("<- wile2025 (translation 0.60, cited in a.txt)", details, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_say_when_an_article_has_no_headline_and_how_it_opens()
        {
            string text = CheckReportRenderer.Text(WithoutHeadline());
            Assert.Contains("== b.txt\ntitle: (no headline found; opens: \"Governments should build their own AI infrastructure, Altman said.\")\n", text, StringComparison.Ordinal);
            Assert.Contains("title: Titel\n", text, StringComparison.Ordinal);
            Assert.Contains("References (0):\n  (none)\n", text, StringComparison.Ordinal);
            Assert.Contains("Claims with no source (0 of 1):\n  (none)\n", text, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_name_the_reference_file_and_quote_the_values_of_a_finding() =>
            Assert.Contains("  warning title_changed: [wile2025] in a.txt, field title: cited \"x\", page \"y\"\n", CheckReportRenderer.Text(Sample()), StringComparison.Ordinal);

        [Fact]
        public void Should_name_link_ends_by_claim_id_not_by_a_bare_offset()
        {
            string text = CheckReportRenderer.Text(Sample());
            Assert.Contains("    [a-c1] Regierungen sollten", text, StringComparison.Ordinal);
            Assert.Contains("    [b-c4] Governments should", text, StringComparison.Ordinal);
            Assert.DoesNotContain("a.txt:10", text, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("Kurz.", 20, "Kurz.")]
        [InlineData("Ein Satz mit\nZeilenumbruch  und Leerraum", 60, "Ein Satz mit Zeilenumbruch und Leerraum")]
        [InlineData("Sam Altman plädiert für staatliche Investitionen in KI-Rechenzentren", 40, "Sam Altman plädiert für staatliche …")]
        public void Should_shorten_at_a_word_with_an_ellipsis(string input, int max, string expected)
        {
            string shortened = CheckReportRenderer.Shorten(input, max);
            Assert.Equal(expected, shortened);
            Assert.True(shortened.Length <= max + 1);
        }
    }
}
