using System.Text.Json.Nodes;

using SourceCheck.Cli.Infrastructure;
using SourceCheck.Tests.Support;
using SourceCheck.Verification;

namespace SourceCheck.Tests.Verification;

/// <summary><c>sourcecheck verify</c> with the services' base addresses set by environment variables, and offline on the seed article.</summary>
public sealed class VerifyWorldCliTests
{
    private static (int Code, string Out, string Error) Run(Func<string, string?> environment, string? stdin, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var env = new CliEnvironment
        {
            In = new StringReader(stdin ?? string.Empty), Out = output, Error = error, InputRedirected = stdin is not null, Color = false,
            CurrentDirectory = Environment.CurrentDirectory, Width = 160, GetEnvironmentVariable = environment,
        };
        int code = CliApp.Run(args, env);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Verify_online_reads_the_four_service_addresses_from_the_environment()
    {
        await using var world = await VerifyWorld.StartAsync();
        var refs = world.References().Where(r => r.Id is "s01" or "s06" or "n-a01" or "f01" or "n-a16" or "s09").ToList();
        string csl = "[" + string.Join(",", refs.Select(r => SourceCheck.Csl.CslJson.ToNode(r.Item).ToJsonString())) + "]";
        Func<string, string?> vars = name => name switch
        {
            ServiceEndpoints.DoiVariable => world.Server.Url("/doi"),
            ServiceEndpoints.CrossrefVariable => world.Server.Url("/crossref"),
            ServiceEndpoints.OpenAlexVariable => world.Server.Url("/openalex"),
            ServiceEndpoints.WaybackVariable => world.Server.Url("/wayback"),
            _ => null,
        };

        // Without --allow-private nothing reaches the loopback server.
        var refused = Run(vars, csl, "verify", "-", "--online", "--no-cache", "--json", "--timeout", "5");
        Assert.Equal(0, refused.Code);
        Assert.Equal(0, world.Server.TotalHits);
        var refusedRefs = JsonNode.Parse(refused.Out)!["references"]!.AsArray();
        Assert.All(refusedRefs, r => Assert.Equal("unchecked", (string)r!["verdict"]!["value"]!));

        var r = Run(vars, csl, "verify", "-", "--online", "--no-cache", "--json", "--allow-private", "--contact", "editor@example.org");
        Assert.Equal(0, r.Code);
        var root = JsonNode.Parse(r.Out)!;
        Assert.Equal("sourcecheck-verify/2", (string)root["schema"]!);
        var got = root["references"]!.AsArray().ToDictionary(x => (string)x!["id"]!, x => (string)x!["verdict"]!["value"]!);
        foreach (var reference in refs)
        {
            Assert.True(reference.Right(got[reference.Id]), $"{reference.Id}: expected {reference.Expect}, got {got[reference.Id]}");
        }

        Assert.True((long)root["summary"]!["verdicts"]!["worstMs"]! < 60_000);
    }

    [SkippableFact]
    public void Verify_offline_gives_each_seed_reference_unchecked_with_the_searches_it_would_make()
    {
        string? seed = SharedData.Available ? Directory.GetFiles(Path.Combine(SharedData.SharedRoot, "seeds"), "001_*.txt").FirstOrDefault() : null;
        Skip.If(seed is null, "../shared/seeds/001_*.txt is not available");
        var r = Run(_ => null, null, "verify", seed!, "--offline", "--no-cache", "--json");

        Assert.Equal(0, r.Code);
        var refs = JsonNode.Parse(r.Out)!["references"]!.AsArray();
        Assert.Equal(10, refs.Count);
        foreach (var reference in refs)
        {
            var verdict = reference!["verdict"]!;
            Assert.Equal("unchecked", (string)verdict["value"]!);
            Assert.NotEqual("dead", (string)verdict["link"]!);
            Assert.NotEmpty(verdict["searches"]!.AsArray());
            Assert.DoesNotContain(reference["findings"]!.AsArray(), f => (string)f!["type"]! == "dead_link");
        }

        // TechCrunch's piece: the archive's index of techcrunch.com around 6 November 2025.
        var bort = refs.Single(x => ((string?)x!["title"])?.StartsWith("Sam Altman says he doesn", StringComparison.Ordinal) == true)!;
        Assert.Contains(bort["verdict"]!["searches"]!.AsArray(), s => ((string)s!["url"]!).Contains("cdx/search/cdx?url=techcrunch.com", StringComparison.Ordinal));

        var text = Run(_ => null, null, "verify", seed!, "--offline", "--no-cache");
        Assert.Contains("10 unchecked", text.Out, StringComparison.Ordinal);
        Assert.Contains("0 dead links", text.Out, StringComparison.Ordinal);
    }
}
