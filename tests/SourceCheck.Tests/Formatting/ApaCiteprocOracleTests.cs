using System.Text.Json.Nodes;
using SourceCheck.Csl;
using SourceCheck.Formatting;
using SourceCheck.Tests.Support;

namespace SourceCheck.Tests.Formatting;

/// <summary>The official APA style renders 300 generated items (fixtures/apa-citeproc/items.json) exactly as citeproc-js
/// did (fixtures/apa-citeproc/expected.json, produced with the npm package citeproc outside the repository): every
/// bibliography entry, the bibliography order, and a one-item citation per item.</summary>
public sealed class ApaCiteprocOracleTests
{
    public sealed class Render
    {
        [SkippableFact]
        public void Should_match_citeproc_js_entry_for_entry()
        {
            string apa = SharedData.Require("csl-styles/apa.csl");
            string locales = SharedData.Require("csl-locales");
            var items = CslJson.Parse(File.ReadAllText(SharedData.Fixture("apa-citeproc/items.json"))).Value!;
            var expected = JsonNode.Parse(File.ReadAllText(SharedData.Fixture("apa-citeproc/expected.json")))!;
            var style = Style.Parse(File.ReadAllText(apa)).Value!;
            var locale = style.ResolveLocale("en-US", StyleCatalog.FolderLocales(locales));
            var result = new CslProcessor(style, locale, items).Process([.. items.Select(i => new Citation([new CiteItem(i.Id)]))], OutputFormat.Html);

            var order = expected["order"]!.AsArray().Select(x => x!.ToString()).ToList();
            var mismatches = new List<string>();
            for (int k = 0; k < order.Count; k++)
            {
                string want = expected["entries"]![order[k]]!.ToString()
                    .Replace("<div class=\"csl-entry\">", string.Empty, StringComparison.Ordinal).Replace("</div>", string.Empty, StringComparison.Ordinal);
                if (result.Bibliography[k] != want)
                {
                    mismatches.Add($"entry {k} ({order[k]})\n  citeproc-js: {want}\n  sourcecheck: {result.Bibliography[k]}");
                }
            }

            for (int i = 0; i < items.Count; i++)
            {
                string want = expected["citations"]![items[i].Id]!.ToString();
                if (result.Citations[i] != want)
                {
                    mismatches.Add($"citation {items[i].Id}\n  citeproc-js: {want}\n  sourcecheck: {result.Citations[i]}");
                }
            }

            Assert.True(mismatches.Count == 0, $"{mismatches.Count} difference(s) from citeproc-js:\n{string.Join("\n", mismatches)}");
        }
    }
}
