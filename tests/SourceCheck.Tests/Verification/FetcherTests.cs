using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using SourceCheck.Verification;

namespace SourceCheck.Tests.Verification;

public sealed class FetcherTests
{
    private static PageFetcher Fetcher(TestWebServer server, FetchOptions? options = null) =>
        new(new AddressGuard(allowedOrigins: [server.Origin]), options ?? new FetchOptions { TotalTimeout = TimeSpan.FromSeconds(10), IdleTimeout = TimeSpan.FromSeconds(2) });

    /// <summary>Runs alone: the bounded-memory test measures process-wide allocations, which parallel tests would inflate.</summary>
    [Collection(FetcherSerial.Name)]
    public sealed class FetchAsync
    {
        [Fact]
        public async Task Should_follow_redirects_and_record_the_chain()
        {
            await using var server = await TestWebServer.StartAsync();
            server.Redirect("/a", server.Url("/b"), 301);
            server.Redirect("/b", "/c", 302);
            server.Html("/c", "<html><head><title>C</title></head><body><p>done</p></body></html>");
            using var fetcher = Fetcher(server);

            var r = await fetcher.FetchAsync(server.Url("/a"));

            Assert.Equal(FetchErrorKind.None, r.Error);
            Assert.Equal(200, r.Status);
            Assert.Equal(server.Url("/c"), r.FinalUrl);
            Assert.Equal([301, 302, 200], r.Chain.Select(h => h.Status));
            Assert.Contains("done", Encoding.UTF8.GetString(r.Body!), StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_report_404_status()
        {
            await using var server = await TestWebServer.StartAsync();
            using var fetcher = Fetcher(server);

            var r = await fetcher.FetchAsync(server.Url("/missing"));

            Assert.Equal(404, r.Status);
            Assert.True(r.IsHttpError);
        }

        [Fact]
        public async Task Should_stop_a_redirect_loop()
        {
            await using var server = await TestWebServer.StartAsync();
            server.Redirect("/loop1", "/loop2");
            server.Redirect("/loop2", "/loop1");
            using var fetcher = Fetcher(server);

            var r = await fetcher.FetchAsync(server.Url("/loop1"));

            Assert.Equal(FetchErrorKind.RedirectLoop, r.Error);
            Assert.Equal(2, r.Chain.Count);
        }

        [Fact]
        public async Task Should_stop_an_endless_redirect_chain_at_the_limit()
        {
            await using var server = await TestWebServer.StartAsync();
            server.Map("/endless", ctx =>
            {
                int n = int.Parse(ctx.Request.Query["n"].FirstOrDefault() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
                ctx.Response.StatusCode = 302;
                ctx.Response.Headers.Location = $"/endless?n={n + 1}";
                return Task.CompletedTask;
            });
            using var fetcher = Fetcher(server, new FetchOptions { MaxRedirects = 10 });

            var r = await fetcher.FetchAsync(server.Url("/endless?n=0"));

            Assert.Equal(FetchErrorKind.TooManyRedirects, r.Error);
            Assert.Equal(11, r.Chain.Count);
        }

        [Fact]
        public async Task Should_time_out_a_slow_drip_response()
        {
            await using var server = await TestWebServer.StartAsync();
            server.Map("/drip", async ctx =>
            {
                ctx.Response.ContentType = "text/html";
                await ctx.Response.WriteAsync("<html><body>");
                await ctx.Response.Body.FlushAsync();
                for (int i = 0; i < 60 && !ctx.RequestAborted.IsCancellationRequested; i++)
                {
                    await Task.Delay(1000, ctx.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                    if (i % 5 == 4)
                    {
                        await ctx.Response.WriteAsync("x", ctx.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                    }
                }
            });
            using var fetcher = Fetcher(server, new FetchOptions { IdleTimeout = TimeSpan.FromSeconds(1), TotalTimeout = TimeSpan.FromSeconds(4) });
            var sw = Stopwatch.StartNew();

            var r = await fetcher.FetchAsync(server.Url("/drip"));

            Assert.Equal(FetchErrorKind.Timeout, r.Error);
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(8), $"took {sw.Elapsed}");
        }

        [Fact]
        public async Task Should_time_out_a_drip_that_stays_under_the_idle_limit_by_the_total_limit()
        {
            await using var server = await TestWebServer.StartAsync();
            server.Map("/slow", async ctx =>
            {
                ctx.Response.ContentType = "text/html";
                for (int i = 0; i < 100 && !ctx.RequestAborted.IsCancellationRequested; i++)
                {
                    await ctx.Response.WriteAsync("<p>x</p>", ctx.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                    await ctx.Response.Body.FlushAsync(ctx.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                    await Task.Delay(300, ctx.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                }
            });
            using var fetcher = Fetcher(server, new FetchOptions { IdleTimeout = TimeSpan.FromSeconds(2), TotalTimeout = TimeSpan.FromSeconds(3) });
            var sw = Stopwatch.StartNew();

            var r = await fetcher.FetchAsync(server.Url("/slow"));

            Assert.Equal(FetchErrorKind.Timeout, r.Error);
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(7), $"took {sw.Elapsed}");
        }

        [Fact]
        public async Task Should_cap_an_oversized_streamed_response_with_bounded_memory()
        {
            await using var server = await TestWebServer.StartAsync();
            server.Map("/huge", async ctx =>
            {
                ctx.Response.ContentType = "text/html";
                var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<p>padding text</p>", 3000)));
                long sent = 0;
                try
                {
                    while (sent < 50L * 1024 * 1024 && !ctx.RequestAborted.IsCancellationRequested)
                    {
                        await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
                        sent += chunk.Length;
                    }
                }
                catch (OperationCanceledException)
                {
                }
                catch (IOException)
                {
                }
            });
            using var fetcher = Fetcher(server, new FetchOptions { MaxBytes = 5 * 1024 * 1024, TotalTimeout = TimeSpan.FromSeconds(20) });
            long before = GC.GetTotalAllocatedBytes(precise: false);

            var r = await fetcher.FetchAsync(server.Url("/huge"));

            long allocated = GC.GetTotalAllocatedBytes(precise: false) - before;
            Assert.True(r.Truncated);
            Assert.Equal(5 * 1024 * 1024, r.Body!.Length);
            Assert.True(allocated < 40L * 1024 * 1024, $"allocated {allocated / 1e6:F1} MB");
        }

        [Fact]
        public async Task Should_report_non_html_content()
        {
            await using var server = await TestWebServer.StartAsync();
            server.Map("/file.pdf", async ctx =>
            {
                ctx.Response.ContentType = "application/pdf";
                await ctx.Response.WriteAsync("%PDF-1.4");
            });
            using var fetcher = Fetcher(server);

            var r = await fetcher.FetchAsync(server.Url("/file.pdf"));

            Assert.Equal(FetchErrorKind.NotHtml, r.Error);
            Assert.Equal("application/pdf", r.ContentType);
        }

        [Fact]
        public async Task Should_report_a_name_dns_says_does_not_exist_as_no_such_host()
        {
            using var fetcher = new PageFetcher(resolve: (_, _) => throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound));

            var r = await fetcher.FetchAsync("http://no-such-host.invalid/page");

            Assert.Equal(FetchErrorKind.NoSuchHost, r.Error);
        }

        [Fact]
        public async Task Should_report_a_dns_server_failure_as_dns_failure_not_as_no_such_host()
        {
            using var fetcher = new PageFetcher(resolve: (_, _) => throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.TryAgain));

            var r = await fetcher.FetchAsync("http://example.org/page");

            Assert.Equal(FetchErrorKind.Dns, r.Error);
        }
    }

    public sealed class Guard
    {
        [Fact]
        public async Task Should_refuse_loopback_without_allow_private_and_never_reach_the_server()
        {
            await using var server = await TestWebServer.StartAsync();
            server.Html("/page", "<html><body>secret</body></html>");
            using var fetcher = new PageFetcher(AddressGuard.Default);

            var r = await fetcher.FetchAsync(server.Url("/page"));

            Assert.Equal(FetchErrorKind.Refused, r.Error);
            Assert.Contains("loopback", r.ErrorMessage, StringComparison.Ordinal);
            Assert.Equal(0, server.Hits("/page"));
        }

        [Fact]
        public async Task Should_allow_loopback_with_allow_private()
        {
            await using var server = await TestWebServer.StartAsync();
            server.Html("/page", "<html><body>ok</body></html>");
            using var fetcher = new PageFetcher(new AddressGuard(allowPrivate: true));

            var r = await fetcher.FetchAsync(server.Url("/page"));

            Assert.Equal(FetchErrorKind.None, r.Error);
            Assert.Equal(1, server.Hits("/page"));
        }

        [Theory]
        [InlineData("http://127.0.0.2:{port}/target")]
        [InlineData("http://localhost:{port}/target")]
        [InlineData("http://10.0.0.1/target")]
        [InlineData("http://[::1]:{port}/target")]
        [InlineData("http://169.254.169.254/latest/meta-data/")]
        [InlineData("http://[::ffff:127.0.0.1]:{port}/target")]
        [InlineData("http://100.64.0.1/target")]
        [InlineData("http://0.0.0.0:{port}/target")]
        public async Task Should_refuse_a_redirect_from_an_allowed_origin_to_a_private_address(string target)
        {
            await using var server = await TestWebServer.StartAsync();
            string location = target.Replace("{port}", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            server.Redirect("/start", location);
            server.Html("/target", "<html><body>internal</body></html>");
            using var fetcher = new PageFetcher(new AddressGuard(allowedOrigins: [server.Origin]),
                new FetchOptions { ConnectTimeout = TimeSpan.FromSeconds(2), TotalTimeout = TimeSpan.FromSeconds(5) });

            var r = await fetcher.FetchAsync(server.Url("/start"));

            Assert.Equal(FetchErrorKind.Refused, r.Error);
            Assert.Equal(1, server.Hits("/start"));
            Assert.Equal(0, server.Hits("/target"));
            Assert.Equal(302, r.Chain[0].Status);
        }

        [Fact]
        public async Task Should_refuse_a_public_name_that_resolves_to_a_private_address()
        {
            await using var server = await TestWebServer.StartAsync();
            server.Html("/page", "<html><body>x</body></html>");
            using var fetcher = new PageFetcher(AddressGuard.Default, resolve: (_, _) => Task.FromResult(new[] { IPAddress.Loopback }));

            var r = await fetcher.FetchAsync($"http://rebinding.example:{server.Port}/page");

            Assert.Equal(FetchErrorKind.Refused, r.Error);
            Assert.Equal(0, server.Hits("/page"));
        }

        [Theory]
        [InlineData("127.0.0.1", true)]
        [InlineData("10.1.2.3", true)]
        [InlineData("172.16.0.1", true)]
        [InlineData("172.32.0.1", false)]
        [InlineData("192.168.1.1", true)]
        [InlineData("169.254.169.254", true)]
        [InlineData("100.64.0.1", true)]
        [InlineData("100.128.0.1", false)]
        [InlineData("224.0.0.1", true)]
        [InlineData("0.0.0.0", true)]
        [InlineData("8.8.8.8", false)]
        [InlineData("93.184.216.34", false)]
        [InlineData("::1", true)]
        [InlineData("::", true)]
        [InlineData("fe80::1", true)]
        [InlineData("fd00::1", true)]
        [InlineData("ff02::1", true)]
        [InlineData("::ffff:10.0.0.1", true)]
        [InlineData("::ffff:8.8.8.8", false)]
        [InlineData("64:ff9b::a00:1", true)]
        [InlineData("2606:4700::1111", false)]
        public void Should_classify_addresses(string address, bool nonPublic)
        {
            Assert.Equal(nonPublic, AddressGuard.IsNonPublic(IPAddress.Parse(address), out _));
        }
    }
}

public sealed class HostilePageTests
{
    public sealed class VerifyAsync
    {
        [Fact]
        public async Task Should_end_with_a_clear_finding_for_a_deeply_nested_page()
        {
            await using var server = await TestWebServer.StartAsync();
            string deep = "<html><head><title>Deep</title></head><body>" + string.Concat(Enumerable.Repeat("<div>", 200_000)) + "<p>x</p></body></html>";
            server.Html("/deep", deep);
            using var fetcher = new PageFetcher(new AddressGuard(allowedOrigins: [server.Origin]));
            var verifier = new CitationVerifier(new OnlinePageSource(fetcher));
            var item = new SourceCheck.Csl.CslItem("deep", "webpage");
            item.SetString("URL", server.Url("/deep"));
            var sw = Stopwatch.StartNew();

            var result = await verifier.VerifyAsync(item);

            Assert.Contains(result.Findings, f => f.Type == FindingKind.FetchFailed && f.Page == "page nested too deeply");
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(15), $"took {sw.Elapsed}");
        }

        [Fact]
        public async Task Should_end_with_a_clear_finding_for_an_endless_redirect()
        {
            await using var server = await TestWebServer.StartAsync();
            server.Redirect("/r1", "/r2");
            server.Redirect("/r2", "/r1");
            using var fetcher = new PageFetcher(new AddressGuard(allowedOrigins: [server.Origin]));
            var item = new SourceCheck.Csl.CslItem("loop", "webpage");
            item.SetString("URL", server.Url("/r1"));

            var result = await new CitationVerifier(new OnlinePageSource(fetcher)).VerifyAsync(item);

            var finding = Assert.Single(result.Findings);
            Assert.Equal(FindingKind.FetchFailed, finding.Type);
            Assert.Contains("redirect loop", finding.Evidence, StringComparison.Ordinal);
        }
    }
}

/// <summary>A collection that does not run in parallel with other tests (allocation measurements).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FetcherSerial
{
    public const string Name = "fetcher-serial";
}
