using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Astropal.Tests.TestSupport;

/// <summary>One POST the receiver got: the raw body bytes and the headers.</summary>
internal sealed record ReceivedAlert(string Path, byte[] Body, string? ContentType, IReadOnlyDictionary<string, string> Headers)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}

/// <summary>A webhook/Slack receiver on a loopback port (real HTTP through Kestrel): records every POST and answers <see cref="StatusCode"/>.</summary>
internal sealed class FakeAlertReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly SemaphoreSlim arrivals = new(0);

    private FakeAlertReceiver(WebApplication app)
    {
        this.app = app;
    }

    public ConcurrentQueue<ReceivedAlert> Received { get; } = new();

    /// <summary>The status every POST gets (200 unless a test makes it fail).</summary>
    public int StatusCode { get; set; } = 200;

    public string ErrorBody { get; set; } = "receiver is down";

    /// <summary>The URL to configure, e.g. <c>http://127.0.0.1:5123/hook</c>.</summary>
    public string Url(string path = "/hook") =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + path;

    public static async Task<FakeAlertReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new FakeAlertReceiver(app);
        app.MapPost("/{**path}", receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Waits until <paramref name="count"/> POSTs have arrived in all (fails after 30 s).</summary>
    public async Task<IReadOnlyList<ReceivedAlert>> WaitForAsync(int count)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Received.Count < count)
        {
            await arrivals.WaitAsync(limit.Token);
        }

        return Received.ToArray();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        Received.Enqueue(new ReceivedAlert(
            context.Request.Path,
            body.ToArray(),
            context.Request.ContentType,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        arrivals.Release();
        context.Response.StatusCode = StatusCode;
        if (StatusCode >= 300)
        {
            await context.Response.WriteAsync(ErrorBody, context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        arrivals.Dispose();
    }
}
