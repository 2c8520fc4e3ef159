using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SourceCheck.Csl;
using SourceCheck.Verification;

namespace SourceCheck.Tests.Verification;

/// <summary>Claims citing a paper are compared with its abstract (Crossref JATS, OpenAlex inverted index) and, for the
/// claims the abstract does not support, with the landing page its DOI resolves to.</summary>
public sealed class AbstractPassageTests
{
    [Fact]
    public void Jats_abstracts_become_plain_text_without_their_heading()
    {
        string? text = WorkMatching.AbstractText("<jats:title>Abstract</jats:title><jats:p>Sleep &amp; grades: we followed <jats:italic>2,416</jats:italic> pupils.</jats:p><jats:p>Second.</jats:p>");

        Assert.Equal("Sleep & grades: we followed 2,416 pupils. Second.", text);
        Assert.Null(WorkMatching.AbstractText("  "));
    }

    [Fact]
    public void Openalex_inverted_indexes_are_read_back_in_word_order()
    {
        var index = JsonNode.Parse("""{"grades.": [4], "Sleep": [0], "predicts": [1], "better": [3], "much": [2]}""")!.AsObject();

        Assert.Equal("Sleep predicts much better grades.", WorkMatching.FromInvertedIndex(index));
        Assert.Null(WorkMatching.FromInvertedIndex(new JsonObject()));
    }

    [Fact]
    public async Task A_claim_is_checked_against_the_abstract_and_then_the_landing_page()
    {
        await using var server = await TestWebServer.StartAsync();
        const string Doi = "10.5555/sleep.2024.1";
        var record = new JsonObject
        {
            ["DOI"] = Doi, ["title"] = new JsonArray("Sleep and school grades"), ["container-title"] = new JsonArray("Sleep Health"),
            ["author"] = new JsonArray(new JsonObject { ["family"] = "Gonzalez", ["given"] = "Maria" }),
            ["issued"] = JsonNode.Parse("""{"date-parts":[[2024]]}"""),
            ["abstract"] = "<jats:p>Pupils who slept less than seven hours had lower grades in mathematics.</jats:p>",
        };
        server.Map("/doi/10.5555/sleep.2024.1", async ctx =>
        {
            if (ctx.Request.Headers.Accept.ToString().Contains("citationstyles", StringComparison.Ordinal))
            {
                ctx.Response.ContentType = "application/vnd.citationstyles.csl+json";
                await ctx.Response.WriteAsync(new JsonObject
                {
                    ["type"] = "article-journal", ["DOI"] = Doi, ["title"] = "Sleep and school grades", ["container-title"] = "Sleep Health",
                    ["author"] = record["author"]!.DeepClone(), ["issued"] = record["issued"]!.DeepClone(),
                }.ToJsonString());
                return;
            }

            // the landing page: its body says what the abstract does not
            ctx.Response.ContentType = "text/html; charset=utf-8";
            await ctx.Response.WriteAsync("<html><head><title>Sleep and school grades</title></head><body><main><article><h1>Sleep and school grades</h1>"
                + "<p>We followed 2,416 adolescents over three school years in twelve schools.</p><p>Later school start times may improve outcomes.</p></article></main></body></html>");
        });
        server.Map("/crossref/works/10.5555/sleep.2024.1", async ctx =>
        {
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(new JsonObject { ["status"] = "ok", ["message"] = record.DeepClone() }.ToJsonString());
        });
        using var fetcher = new PageFetcher(new AddressGuard(allowedOrigins: [server.Origin]));
        var client = new PoliteClient(fetcher, null, new PoliteOptions { MinInterval = TimeSpan.Zero });
        var endpoints = new ServiceEndpoints { Doi = server.Url("/doi"), Crossref = server.Url("/crossref"), OpenAlex = server.Url("/openalex"), Wayback = server.Url("/wayback") };
        var locator = new WorkLocator(client, endpoints, new OutletDirectory(), null, new LocatorOptions { Passages = new PassageFinder() });
        var item = new CslItem("t1", "article-journal").SetString("title", "Sleep and school grades").SetString("container-title", "Sleep Health")
            .SetString("DOI", Doi).SetNames("author", [CslName.Person("Gonzalez", "Maria")]).SetDate("issued", new CslDate { Parts = [new DateParts(2024)] });
        CitingClaim[] claims =
        [
            new("a", "Jugendliche, die weniger als sieben Stunden schliefen, hatten schlechtere Noten in Mathematik.", "de"),
            new("b", "The researchers followed 2,416 adolescents over three school years.", "en"),
            new("c", "The study found that sleep has no effect on grades in any subject.", "en"),
        ];

        var v = await locator.LocateAsync(item, claims);

        Assert.Equal(Verdicts.Verified, v.Verdict);
        Assert.NotNull(v.Abstract);
        var a = v.Passages.Single(p => p.ClaimId == "a");
        Assert.Equal(PassageFinder.Supported, a.Status);
        Assert.Equal("abstract", a.Source);
        var b = v.Passages.Single(p => p.ClaimId == "b");
        Assert.Equal(PassageFinder.Supported, b.Status);
        Assert.StartsWith("landing page", b.Source, StringComparison.Ordinal);
        Assert.NotEqual(PassageFinder.Supported, v.Passages.Single(p => p.ClaimId == "c").Status);
        Assert.Contains(VerdictReport.Findings(v), f => f.Type == FindingKind.ClaimSupport && f.Evidence.Contains("abstract", StringComparison.Ordinal));
    }
}
