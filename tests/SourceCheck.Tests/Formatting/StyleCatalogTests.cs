using SourceCheck.Formatting;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Formatting;

/// <summary>The official catalogue: styles found by file name, title or id, dependent styles through their parent,
/// locales checked against what is installed. A temporary catalogue is laid out like Debian's package (independent
/// styles, <c>dependent/</c>) from the official styles in ../shared.</summary>
public sealed class StyleCatalogTests
{
    private const string Refs = """
        [{"id":"wile2025","type":"article-journal","title":"Vision of the future","author":[{"family":"Wile","given":"Anna"},{"family":"Kopack","given":"Ben"}],
          "issued":{"date-parts":[[2025]]},"container-title":"Journal of Tests","volume":"12","page":"100-115"}]
        """;

    private sealed class TempCatalogue : IDisposable
    {
        public TempCatalogue()
        {
            string nature = SharedData.Require("csl-styles/nature.csl");
            string apa = SharedData.Require("csl-styles/apa.csl");
            Locales = SharedData.Require("csl-locales");
            Root = Path.Combine(Path.GetTempPath(), "sc-catalogue-" + Guid.NewGuid().ToString("N"));
            Styles = Path.Combine(Root, "styles");
            Directory.CreateDirectory(Path.Combine(Styles, "dependent"));
            File.Copy(nature, Path.Combine(Styles, "nature.csl"));
            File.Copy(apa, Path.Combine(Styles, "apa.csl"));
            File.WriteAllText(Path.Combine(Styles, "dependent", "journal-of-testing.csl"), Dependent("Journal of Testing", "journal-of-testing", "nature"));
            File.WriteAllText(Path.Combine(Styles, "dependent", "testing-letters.csl"), Dependent("Testing Letters (Nature style)", "testing-letters", "nature"));
            File.WriteAllText(Path.Combine(Styles, "dependent", "testing-reviews.csl"), Dependent("Testing Reviews", "testing-reviews", "apa"));
        }

        public string Root { get; }

        public string Styles { get; }

        public string Locales { get; }

        public string? Env(string name) => name switch
        {
            "SOURCECHECK_CSL_STYLES" => Styles,
            "SOURCECHECK_CSL_LOCALES" => Locales,
            "SOURCECHECK_STYLES" => Path.Combine(Root, "user"),
            _ => null,
        };

        public StyleCatalog Catalog() => new(Env, Root);

        public void Dispose() => Directory.Delete(Root, true);

        private static string Dependent(string title, string name, string parent) => $"""
            <?xml version="1.0" encoding="utf-8"?>
            <style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="en-US">
              <info>
                <title>{title}</title>
                <id>http://www.zotero.org/styles/{name}</id>
                <link href="http://www.zotero.org/styles/{name}" rel="self"/>
                <link href="http://www.zotero.org/styles/{parent}" rel="independent-parent"/>
                <category citation-format="numeric"/>
                <updated>2020-01-01T00:00:00+00:00</updated>
              </info>
            </style>
            """;
    }

    public sealed class Find
    {
        [SkippableFact]
        public void Should_find_official_styles_by_file_name_title_and_id_and_resolve_dependent_ones()
        {
            using var t = new TempCatalogue();
            var catalog = t.Catalog();
            Assert.EndsWith("nature.csl", catalog.FindStyle("nature")!.Value.Source, StringComparison.Ordinal);
            Assert.EndsWith("nature.csl", catalog.FindStyle("NATURE")!.Value.Source, StringComparison.Ordinal);
            Assert.EndsWith("journal-of-testing.csl", catalog.FindStyle("journal of testing")!.Value.Source, StringComparison.Ordinal);
            Assert.EndsWith("testing-reviews.csl", catalog.FindStyle("http://www.zotero.org/styles/testing-reviews")!.Value.Source, StringComparison.Ordinal);
            // the built-in apa keeps its short name; the official one is reachable by id and by the csl: prefix
            Assert.Equal("embedded:apa", catalog.FindStyle("apa")!.Value.Source);
            Assert.EndsWith("apa.csl", catalog.FindStyle("http://www.zotero.org/styles/apa")!.Value.Source, StringComparison.Ordinal);
            Assert.StartsWith(t.Styles, catalog.FindStyle("csl:apa")!.Value.Source, StringComparison.Ordinal);

            // a dependent style renders as its official parent, not as the built-in style of the same short name
            var (dependent, _) = StyleLoader.Load(catalog, "testing-reviews");
            var (parent, _) = StyleLoader.Load(catalog, "csl:apa");
            var (own, _) = StyleLoader.Load(catalog, "apa");
            var items = SourceCheck.Csl.CslJson.Parse(Refs).Value!;
            string Render(LoadedStyle s) => new CslProcessor(s.Style, s.Locale, items).Process([], OutputFormat.Text).Bibliography[0];
            Assert.Equal(Render(parent!), Render(dependent!));
            Assert.NotNull(own);
        }

        [SkippableFact]
        public void Should_refuse_an_ambiguous_title_and_name_the_candidates()
        {
            using var t = new TempCatalogue();
            var catalog = t.Catalog();
            Assert.Null(catalog.FindStyle("testing"));
            Assert.Equal(["testing-letters", "testing-reviews"], catalog.Candidates("testing").Select(s => s.Name).Order(StringComparer.Ordinal));
            Assert.Null(catalog.FindStyle("no such journal"));
            Assert.Null(catalog.FindStyle("csl:../nature"));
        }

        [Fact]
        public void Should_work_without_an_official_catalogue()
        {
            string missing = Path.Combine(Path.GetTempPath(), "sc-none-" + Guid.NewGuid().ToString("N"));
            var catalog = new StyleCatalog(n => n is "SOURCECHECK_CSL_STYLES" or "SOURCECHECK_CSL_LOCALES" ? missing : null);
            Assert.Null(catalog.OfficialStylesFolder);
            Assert.Equal("embedded:chicago-author-date", catalog.FindStyle("chicago")!.Value.Source);
            Assert.Null(catalog.FindStyle("nature"));
            Assert.Empty(catalog.OfficialStyles());
            Assert.Equal(["de-DE", "en-GB", "en-US"], catalog.LocaleTags());
        }

        [Fact]
        public void Should_match_locale_tags_to_installed_ones()
        {
            string[] installed = ["de-DE", "en-US", "fr-FR"];
            Assert.Equal("de-DE", StyleCatalog.MatchLocale("de-de", installed));
            Assert.Equal("fr-FR", StyleCatalog.MatchLocale("fr", installed));
            Assert.Null(StyleCatalog.MatchLocale("xx-YY", installed));
            Assert.Null(StyleCatalog.MatchLocale("de-AT", installed));
        }
    }

    public sealed class Cli
    {
        [SkippableFact]
        public void Should_format_with_a_dependent_style_named_by_title()
        {
            using var t = new TempCatalogue();
            var byTitle = CliRunner.RunWith(t.Env, t.Root, Refs, "format", "-", "--style", "Journal of Testing");
            var parent = CliRunner.RunWith(t.Env, t.Root, Refs, "format", "-", "--style", "nature");
            Assert.Equal(0, byTitle.ExitCode);
            Assert.Equal(parent.Out, byTitle.Out);
            Assert.Contains("Vision of the future", byTitle.Out, StringComparison.Ordinal);
        }

        [SkippableFact]
        public void Should_reject_an_unknown_locale_with_the_installed_list_and_accept_an_installed_one()
        {
            using var t = new TempCatalogue();
            var bad = CliRunner.RunWith(t.Env, t.Root, Refs, "format", "-", "--style", "nature", "--locale", "xx-YY");
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("SC3011", bad.Error, StringComparison.Ordinal);
            Assert.Contains("--locale 'xx-YY'", bad.Error, StringComparison.Ordinal);
            Assert.Contains("fr-FR", bad.Error, StringComparison.Ordinal);
            Assert.Equal(string.Empty, bad.Out);

            string undated = Refs.Replace("\"issued\":{\"date-parts\":[[2025]]},", string.Empty, StringComparison.Ordinal);
            var fr = CliRunner.RunWith(t.Env, t.Root, undated, "format", "-", "--style", "csl:apa", "--locale", "fr", "--cite", "wile2025");
            var en = CliRunner.RunWith(t.Env, t.Root, undated, "format", "-", "--style", "csl:apa", "--locale", "en-US", "--cite", "wile2025");
            Assert.Equal(0, fr.ExitCode);
            Assert.StartsWith("(Wile & Kopack, s.\u00a0d.)", fr.Out, StringComparison.Ordinal);
            Assert.StartsWith("(Wile & Kopack, n.d.)", en.Out, StringComparison.Ordinal);
        }

        [SkippableFact]
        public void Should_name_the_candidates_of_an_ambiguous_style()
        {
            using var t = new TempCatalogue();
            var r = CliRunner.RunWith(t.Env, t.Root, Refs, "format", "-", "--style", "testing");
            Assert.Equal(3, r.ExitCode);
            Assert.Contains("could mean 2 styles", r.Error, StringComparison.Ordinal);
            Assert.Contains("testing-letters", r.Error, StringComparison.Ordinal);
        }

        [SkippableFact]
        public void Should_list_and_search_styles_and_locales()
        {
            using var t = new TempCatalogue();
            var all = CliRunner.RunWith(t.Env, t.Root, null, "styles");
            Assert.Equal(0, all.ExitCode);
            Assert.Contains("nature\tNature\n", all.Out, StringComparison.Ordinal);
            Assert.Contains("journal-of-testing\tJournal of Testing\t(dependent on nature)", all.Out, StringComparison.Ordinal);
            Assert.Contains("mla\t(built in)", all.Out, StringComparison.Ordinal);

            var search = CliRunner.RunWith(t.Env, t.Root, null, "styles", "TESTING", "nature");
            Assert.Equal("testing-letters\tTesting Letters (Nature style)\t(dependent on nature)\n", search.Out);

            var none = CliRunner.RunWith(t.Env, t.Root, null, "styles", "zzzz");
            Assert.Equal(1, none.ExitCode);

            var locales = CliRunner.RunWith(t.Env, t.Root, null, "styles", "--locales");
            Assert.Contains("fr-FR\n", locales.Out, StringComparison.Ordinal);
        }

        [SkippableFact]
        public void Should_find_the_styles_users_name_in_the_installed_debian_catalogue()
        {
            Skip.IfNot(Directory.Exists(StyleCatalog.DebianStyles), $"{StyleCatalog.DebianStyles} absent (apt-get install citation-style-language-styles)");
            foreach (var name in new[] { "nature", "vancouver", "harvard-cite-them-right", "Cite Them Right 12th edition - Harvard", "elife", "2d-materials" })
            {
                var r = CliRunner.Run(Refs, "format", "-", "--style", name);
                Assert.True(r.ExitCode == 0, $"{name}: {r.Error}");
                Assert.Contains("Vision of the future", r.Out, StringComparison.Ordinal);
            }
        }
    }
}
