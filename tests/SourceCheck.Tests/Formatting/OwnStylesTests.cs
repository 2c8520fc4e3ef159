using SourceCheck.Csl;
using SourceCheck.Formatting;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Formatting;

/// <summary>The project's own APA style (styles/apa.csl, embedded) against the official APA style from ../shared on the
/// generated newspaper, magazine, blog, web page, journal, book, chapter and report items of fixtures/apa-citeproc.</summary>
public sealed class OwnStylesTests
{
    public sealed class Apa
    {
        [SkippableFact]
        public void Should_render_like_the_official_apa_style()
        {
            string official = SharedData.Require("csl-styles/apa.csl");
            string locales = SharedData.Require("csl-locales");
            string? own = EmbeddedLocales.GetStyle("apa");
            Skip.If(own is null, "styles/apa.csl is not part of this build");
            var items = CslJson.Parse(File.ReadAllText(SharedData.Fixture("apa-citeproc/items.json"))).Value!;
            var citations = items.Select(i => new Citation([new CiteItem(i.Id)])).ToList();

            FormatResult Run(string xml)
            {
                var style = Style.Parse(xml).Value!;
                return new CslProcessor(style, style.ResolveLocale("en-US", StyleCatalog.FolderLocales(locales)), items).Process(citations, OutputFormat.Html);
            }

            var want = Run(File.ReadAllText(official));
            var got = Run(own!);
            var diffs = want.Bibliography.Zip(got.Bibliography).Where(p => p.First != p.Second)
                .Select(p => $"  official: {p.First}\n  own:      {p.Second}")
                .Concat(want.Citations.Zip(got.Citations).Where(p => p.First != p.Second).Select(p => $"  official: {p.First}\n  own:      {p.Second}"))
                .ToList();
            Assert.True(diffs.Count == 0, $"{diffs.Count} difference(s):\n{string.Join("\n", diffs.Take(40))}");
        }
    }
}
