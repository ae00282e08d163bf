using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Astropal.Tests.TestSupport;

/// <summary>What the fake answers to one chat completion request.</summary>
public sealed record FakeReply(
    int Status = 200,
    string? Content = null,
    int PromptTokens = 0,
    int CompletionTokens = 0,
    TimeSpan? Delay = null,
    string? RetryAfter = null,
    string? RawBody = null)
{
    public static FakeReply Answer(string content, int promptTokens = 700, int completionTokens = 300) => new(Content: content, PromptTokens: promptTokens, CompletionTokens: completionTokens);

    public static FakeReply Error(int status, string? retryAfter = null) => new(Status: status, RetryAfter: retryAfter);
}

/// <summary>One request the fake received: the parsed JSON body and its system and user messages.</summary>
public sealed record FakeChatRequest(JsonNode Body, string System, string User, string Model, string? Authorization);

/// <summary>
/// An OpenAI-compatible chat completions server on a loopback port (real Kestrel): <c>POST /v1/chat/completions</c>
/// answers with <see cref="Reply"/> and keeps every request it received.
/// </summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<FakeChatRequest> requests = new();
    private int count;

    private FakeChatServer(WebApplication app) => this.app = app;

    /// <summary>The reply for a request (its 1-based number among this server's requests).</summary>
    public Func<FakeChatRequest, int, FakeReply> Reply { get; set; } = (_, _) => FakeReply.Error(500);

    public IReadOnlyList<FakeChatRequest> Requests => requests.ToList();

    public int Count => Volatile.Read(ref count);

    public string BaseUrl { get; private set; } = "";

    public static async Task<FakeChatServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeChatServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/') + "/v1";
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!;
        var messages = body["messages"]!.AsArray();
        string Message(string role) => string.Join("\n", messages.Where(m => m!["role"]!.GetValue<string>() == role).Select(m => Text(m!["content"])));
        var request = new FakeChatRequest(body, Message("system"), Message("user"), body["model"]?.GetValue<string>() ?? "", context.Request.Headers.Authorization.ToString());
        requests.Enqueue(request);
        var number = Interlocked.Increment(ref count);
        var reply = Reply(request, number);
        if (reply.Delay is { } delay)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = reply.Status;
        if (reply.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = reply.RetryAfter;
        }

        context.Response.ContentType = "application/json";
        if (reply.Status != 200)
        {
            await context.Response.WriteAsync("""{"error":{"message":"fake failure","type":"server_error"}}""");
            return;
        }

        var json = reply.RawBody ?? new JsonObject
        {
            ["id"] = "chatcmpl-" + number.ToString(CultureInfo.InvariantCulture),
            ["object"] = "chat.completion",
            ["created"] = 1_780_000_000,
            ["model"] = request.Model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply.Content ?? "" },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = reply.PromptTokens,
                ["completion_tokens"] = reply.CompletionTokens,
                ["total_tokens"] = reply.PromptTokens + reply.CompletionTokens,
            },
        }.ToJsonString();
        await context.Response.WriteAsync(json);
    }

    private static string Text(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Join("", parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
