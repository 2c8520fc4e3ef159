using Microsoft.AspNetCore.Http;
using System.Net;
using System.Net.Sockets;
using SourceCheck.Csl;
using SourceCheck.Verification;

namespace SourceCheck.Tests.Verification;

/// <summary>A host that does not exist while the network works is "host gone", told apart from dead (404/410 twice)
/// and unreachable (offline, DNS failures, time-outs); a page never checked is never dead. DNS is a fake resolver.</summary>
public sealed class HostGoneTests
{
    private const string GoneUrl = "https://www.closed-outlet.example/2021/03/04/council-approves-new-bridge/";

    private static CslItem Item(string url) => new CslItem("r1", "article-newspaper")
        .SetString("title", "Council approves new bridge")
        .SetString("container-title", "Closed Outlet")
        .SetString("URL", url)
        .SetNames("author", [CslName.Person("Marsh", "Ada")])
        .SetDate("issued", new CslDate { Parts = [new DateParts(2021, 3, 4)] });

    /// <summary>The services on a local server (an IP address, no DNS); the cited host through a fake resolver.</summary>
    private static async Task<(TestWebServer Server, WorkLocator Locator, PageFetcher Fetcher, List<string> Lookups)> SetUpAsync(
        Func<string, IPAddress[]> resolve, bool archiveAnswers = true)
    {
        var server = await TestWebServer.StartAsync();
        server.Map("/wayback/wayback/available", async ctx =>
        {
            if (!archiveAnswers)
            {
                ctx.Abort();
                return;
            }

            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync("""{"url":"x","archived_snapshots":{}}""");
        });
        server.Map("/wayback/cdx/search/cdx", async ctx =>
        {
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync("""[["urlkey","timestamp","original","mimetype","statuscode","digest","length"]]""");
        });
        var lookups = new List<string>();
        var fetcher = new PageFetcher(new AddressGuard(allowedOrigins: [server.Origin]), new FetchOptions { TotalTimeout = TimeSpan.FromSeconds(5) },
            resolve: (host, _) =>
            {
                lock (lookups)
                {
                    lookups.Add(host);
                }

                return Task.FromResult(resolve(host));
            });
        var client = new PoliteClient(fetcher, null, new PoliteOptions { MinInterval = TimeSpan.Zero, BackOff = TimeSpan.FromMilliseconds(10), Retries = 0 });
        var endpoints = new ServiceEndpoints
        {
            Doi = server.Url("/doi"), Crossref = server.Url("/crossref"), OpenAlex = server.Url("/openalex"),
            Wayback = server.Url("/wayback"), WaybackPages = server.Url("/wayback"),
        };
        var locator = new WorkLocator(client, endpoints, new OutletDirectory());
        return (server, locator, fetcher, lookups);
    }

    private static IPAddress[] NoSuchHost(string host) => throw new SocketException((int)SocketError.HostNotFound);

    [Fact]
    public async Task A_host_that_does_not_exist_while_the_services_answer_is_host_gone_worded_as_a_lead()
    {
        var (server, locator, fetcher, lookups) = await SetUpAsync(NoSuchHost);
        await using var _s = server;
        using var _f = fetcher;

        var v = await locator.LocateAsync(Item(GoneUrl));

        Assert.Equal(LinkStates.HostGone, v.Link);
        Assert.Equal(2, lookups.Count(h => h == "www.closed-outlet.example"));   // two tries
        Assert.Equal(Verdicts.NotFound, v.Verdict);                              // every search ran and answered
        Assert.Contains("does not exist", v.Reason, StringComparison.Ordinal);
        Assert.Contains("the Internet Archive answered", v.Reason, StringComparison.Ordinal);
        Assert.Contains("worth a person's look", v.Reason, StringComparison.Ordinal);
        Assert.Contains("not proof", v.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(VerdictReport.Findings(v), f => f.Type == FindingKind.DeadLink);
    }

    [Fact]
    public async Task A_service_host_that_resolves_is_evidence_the_network_works()
    {
        var (server, _, fetcher, lookups) = await SetUpAsync(h => h == "api.crossref.org" ? [IPAddress.Parse("104.26.0.1")] : NoSuchHost(h), archiveAnswers: false);
        await using var _s = server;
        using var _f = fetcher;
        var client = new PoliteClient(fetcher, null, new PoliteOptions { MinInterval = TimeSpan.Zero, Retries = 0 });
        // Crossref named by its real host (resolves in the fake DNS); the archive does not answer.
        var endpoints = new ServiceEndpoints { Doi = server.Url("/doi"), Crossref = "https://api.crossref.org", OpenAlex = server.Url("/openalex"),
            Wayback = server.Url("/wayback"), WaybackPages = server.Url("/wayback") };
        var locator = new WorkLocator(client, endpoints, new OutletDirectory());

        var v = await locator.LocateAsync(Item(GoneUrl));

        Assert.Equal(LinkStates.HostGone, v.Link);
        Assert.Contains("api.crossref.org resolves", v.Reason, StringComparison.Ordinal);
        Assert.Contains("api.crossref.org", lookups);
    }

    [Fact]
    public async Task No_such_host_for_every_name_and_no_service_answering_is_unreachable_not_gone_nor_dead()
    {
        // An offline machine whose resolver answers "no such domain" for every name, and no service answering.
        var (server, _, fetcher, _) = await SetUpAsync(NoSuchHost, archiveAnswers: false);
        await using var _s = server;
        using var _f = fetcher;
        var client = new PoliteClient(fetcher, null, new PoliteOptions { MinInterval = TimeSpan.Zero, Retries = 0 });
        var endpoints = new ServiceEndpoints { Doi = "https://doi.org", Crossref = "https://api.crossref.org", OpenAlex = "https://api.openalex.org",
            Wayback = "https://archive.org", WaybackPages = "https://web.archive.org" };
        var locator = new WorkLocator(client, endpoints, new OutletDirectory());

        var v = await locator.LocateAsync(Item(GoneUrl));

        Assert.Equal(LinkStates.Unreachable, v.Link);
        Assert.Equal(Verdicts.Unchecked, v.Verdict);
        Assert.Contains("could not be reached", v.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dns_server_failure_is_unreachable_even_when_the_services_answer()
    {
        var (server, locator, fetcher, _) = await SetUpAsync(_ => throw new SocketException((int)SocketError.TryAgain));
        await using var _s = server;
        using var _f = fetcher;

        var v = await locator.LocateAsync(Item(GoneUrl));

        Assert.Equal(LinkStates.Unreachable, v.Link);
        Assert.Equal(Verdicts.Unchecked, v.Verdict);
    }

    [Fact]
    public async Task A_404_twice_is_dead_and_distinct_from_host_gone()
    {
        var (server, locator, fetcher, _) = await SetUpAsync(_ => [IPAddress.Loopback]);
        await using var _s = server;
        using var _f = fetcher;
        server.Html("/story", "<html><head><title>Not found</title></head><body>gone</body></html>", 404);

        var v = await locator.LocateAsync(Item(server.Url("/story")));

        Assert.Equal(LinkStates.Dead, v.Link);
        Assert.Equal(2, server.Hits("/story"));
    }

    [Fact]
    public async Task Offline_a_page_is_never_checked_and_never_dead_or_gone()
    {
        var (server, _, fetcher, lookups) = await SetUpAsync(NoSuchHost);
        await using var _s = server;
        using var _f = fetcher;
        var locator = new WorkLocator(new PoliteClient(fetcher, null, new PoliteOptions { Offline = true }), ServiceEndpoints.Default, new OutletDirectory());

        var v = await locator.LocateAsync(Item(GoneUrl));

        Assert.Equal(LinkStates.NotChecked, v.Link);
        Assert.Equal(Verdicts.Unchecked, v.Verdict);
        Assert.Empty(lookups);
    }
}
