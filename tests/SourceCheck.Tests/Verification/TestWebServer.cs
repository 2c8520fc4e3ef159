using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SourceCheck.Tests.Verification;

/// <summary>A real Kestrel server on 127.0.0.1 (random port) for fetcher tests. Routes are exact paths mapped to
/// handlers; unknown paths answer 404. Counts requests per path, so tests can assert that a refused redirect
/// target was never reached.</summary>
public sealed class TestWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);

    private TestWebServer(WebApplication app)
    {
        _app = app;
    }

    public string BaseUrl { get; private set; } = string.Empty;

    public int Port { get; private set; }

    /// <summary>"127.0.0.1:port", the origin tests allow through the guard.</summary>
    public string Origin => $"127.0.0.1:{Port}";

    public static async Task<TestWebServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new TestWebServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/');
        server.Port = new Uri(server.BaseUrl).Port;
        return server;
    }

    public string Url(string path) => BaseUrl + path;

    public int Hits(string path) => _hits.GetValueOrDefault(path);

    public void Map(string path, Func<HttpContext, Task> handler) => _routes[path] = handler;

    /// <summary>Answers every path no exact route takes (instead of 404).</summary>
    public Func<HttpContext, Task>? Fallback { get; set; }

    /// <summary>All requests so far.</summary>
    public int TotalHits => _hits.Values.Sum();

    public void Html(string path, string html, int status = 200) => Map(path, async ctx =>
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "text/html; charset=utf-8";
        await ctx.Response.WriteAsync(html);
    });

    public void Redirect(string path, string location, int status = 302) => Map(path, ctx =>
    {
        ctx.Response.StatusCode = status;
        ctx.Response.Headers.Location = location;
        return Task.CompletedTask;
    });

    private async Task HandleAsync(HttpContext ctx)
    {
        string path = ctx.Request.Path.Value ?? "/";
        _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        if (_routes.TryGetValue(path, out var handler))
        {
            await handler(ctx);
            return;
        }

        if (Fallback is not null)
        {
            await Fallback(ctx);
            return;
        }

        ctx.Response.StatusCode = 404;
        ctx.Response.ContentType = "text/html";
        await ctx.Response.WriteAsync("<html><head><title>Not Found</title></head><body><h1>Not Found</h1></body></html>");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
