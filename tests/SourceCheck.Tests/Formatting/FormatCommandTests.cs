using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Formatting;

public sealed class FormatCommandTests
{
    private const string Refs = """
        [{"id":"wile2025","type":"article-journal","title":"Vision of the future","author":[{"family":"Wile","given":"Anna"},{"family":"Kopack","given":"Ben"}],
          "issued":{"date-parts":[[2025]]},"container-title":"Journal of Tests","volume":"12","page":"100-115"}]
        """;

    public sealed class Run
    {
        [SkippableFact]
        public void Should_print_citation_and_bibliography_with_the_official_apa_style()
        {
            string apa = SharedData.Require("csl-styles/apa.csl");
            string locales = SharedData.Require("csl-locales");
            var r = CliRunner.Run(Refs, "format", "-", "--style", apa, "--locales", locales, "--cite", "wile2025");
            Assert.Equal(0, r.ExitCode);
            Assert.Equal("(Wile & Kopack, 2025)\n\nWile, A., & Kopack, B. (2025). Vision of the future. Journal of Tests, 12, 100–115.\n", r.Out);
        }

        [Fact]
        public void Should_report_all_problems_of_a_malformed_style_and_exit_3()
        {
            string dir = Path.Combine(Path.GetTempPath(), "sc-format-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                File.WriteAllText(Path.Combine(dir, "bad.csl"), """
                    <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
                      <citation><layout><text macro="nope"/><wobble/></layout></citation>
                      <bibliography hanging-indent="true"><layout><date variable="issued" form="fancy"/></layout></bibliography>
                    </style>
                    """);
                var r = CliRunner.RunIn(dir, Refs, "format", "-", "--style", "bad.csl");
                Assert.Equal(3, r.ExitCode);
                Assert.Contains("bad.csl:2:", r.Error, StringComparison.Ordinal);
                Assert.Contains("SC3002", r.Error, StringComparison.Ordinal);
                Assert.Contains("SC3005", r.Error, StringComparison.Ordinal);
                Assert.Contains("bad.csl:3:", r.Error, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
                Assert.Equal(string.Empty, r.Out);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void Should_exit_3_for_an_unknown_style_name()
        {
            var r = CliRunner.Run(Refs, "format", "-", "--style", "no-such-style-anywhere");
            Assert.Equal(3, r.ExitCode);
            Assert.Contains("SC3010", r.Error, StringComparison.Ordinal);
        }

        [SkippableFact]
        public void Should_find_a_style_in_the_user_styles_folder()
        {
            string apa = SharedData.Require("csl-styles/apa.csl");
            string locales = SharedData.Require("csl-locales");
            string dir = Path.Combine(Path.GetTempPath(), "sc-styles-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                File.Copy(apa, Path.Combine(dir, "my-apa.csl"));
                var catalog = new SourceCheck.Formatting.StyleCatalog(v => v == "SOURCECHECK_STYLES" ? dir : null, dir);
                Assert.NotNull(catalog.FindStyle("my-apa"));
                Assert.Null(catalog.FindStyle("not-there"));
                _ = locales;
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }
    }
}
