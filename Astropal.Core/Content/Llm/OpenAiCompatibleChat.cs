using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Astropal.Core.Content.Llm;

/// <summary>A provider's answer: its text and the token usage the server reported.</summary>
public sealed record LlmAnswer(string Text, int InputTokens, int OutputTokens);

/// <summary>A call that ended without an answer (HTTP error, timeout, open circuit); the next provider is used.</summary>
public sealed class LlmCallException(LlmCallOutcome outcome, string message, Exception? inner = null) : Exception(message, inner)
{
    public LlmCallOutcome Outcome { get; } = outcome;
}

/// <summary>
/// Calls an OpenAI-compatible chat completions API (xAI Grok, OpenAI) through the OpenAI .NET SDK and
/// Microsoft.Extensions.AI, asking for structured output. The HTTP client of each provider carries its own
/// resilience pipeline (<see cref="ConfigureResilience"/>): retries on 429/5xx honouring Retry-After, a circuit
/// breaker and a per-attempt timeout; the SDK's own retries are off so that the pipeline is the only one.
/// </summary>
public sealed class OpenAiCompatibleChat(IHttpClientFactory httpClients, IOptions<LlmOptions> options)
{
    public static string HttpClientName(LlmProviderId provider) => "llm-" + provider.ToString().ToLowerInvariant();

    public async Task<LlmAnswer> CompleteAsync(LlmProviderId provider, string systemPrompt, string userPrompt, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var providerOptions = settings.Provider(provider);
        var http = httpClients.CreateClient(HttpClientName(provider));
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(providerOptions.BaseUrl),
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(0),
            // The pipeline bounds each attempt; this only has to outlast all of them.
            NetworkTimeout = TimeSpan.FromSeconds((settings.TimeoutSeconds + settings.MaxRetryAfterSeconds + 5) * (settings.MaxRetries + 1)),
        };
        IChatClient chat = new ChatClient(providerOptions.Model, new ApiKeyCredential(providerOptions.ApiKey ?? ""), clientOptions).AsIChatClient();
        var chatOptions = new ChatOptions
        {
            ResponseFormat = Microsoft.Extensions.AI.ChatResponseFormat.ForJsonSchema(SegmentPrompts.Schema, SegmentPrompts.SchemaName, "The day's shared text of one segment."),
            MaxOutputTokens = settings.MaxOutputTokens,
        };
        try
        {
            var response = await chat.GetResponseAsync(
                [new Microsoft.Extensions.AI.ChatMessage(ChatRole.System, systemPrompt), new Microsoft.Extensions.AI.ChatMessage(ChatRole.User, userPrompt)],
                chatOptions,
                cancellationToken);
            return new LlmAnswer(
                response.Text,
                (int)(response.Usage?.InputTokenCount ?? 0),
                (int)(response.Usage?.OutputTokenCount ?? 0));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && Classify(e) is { } failure)
        {
            throw new LlmCallException(failure.Outcome, failure.Detail, e);
        }
    }

    /// <summary>
    /// Retry (429, 5xx, network errors, attempt timeouts; Retry-After honoured up to <c>Llm:MaxRetryAfterSeconds</c>,
    /// longer waits are not retried), then a circuit breaker per provider, then the attempt timeout.
    /// </summary>
    public static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> builder, LlmOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        // Network waits are measured on the real clock even when the app's clock is a test double.
        builder.TimeProvider = TimeProvider.System;
        var maxRetryAfter = TimeSpan.FromSeconds(options.MaxRetryAfterSeconds);
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(options.RetryDelaySeconds),
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(
                    HttpClientResiliencePredicates.IsTransient(args.Outcome)
                    && !(RetryAfter(args.Outcome, time) is { } wait && wait > maxRetryAfter)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome, time)),
            });
        }

        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = 4,
            SamplingDuration = TimeSpan.FromSeconds(Math.Max(60, options.CircuitBreakSeconds)),
            BreakDuration = TimeSpan.FromSeconds(options.CircuitBreakSeconds),
        });
        builder.AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds));
    }

    private static TimeSpan? RetryAfter(Outcome<HttpResponseMessage> outcome, TimeProvider time)
    {
        var header = outcome.Result?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static (LlmCallOutcome Outcome, string Detail)? Classify(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case BrokenCircuitException:
                    return (LlmCallOutcome.CircuitOpen, "circuit open after repeated failures");
                case TimeoutRejectedException or TimeoutException or OperationCanceledException:
                    return (LlmCallOutcome.Timeout, "no answer within the time limit");
                case ClientResultException { Status: > 0 } result:
                    return (LlmCallOutcome.HttpError, $"HTTP {result.Status} {(HttpStatusCode)result.Status}");
                case HttpRequestException request:
                    return (LlmCallOutcome.HttpError, request.StatusCode is { } code ? $"HTTP {(int)code} {code}" : $"network error: {request.HttpRequestError}");
            }
        }

        return error is ClientResultException or InvalidOperationException or System.Text.Json.JsonException or FormatException or ArgumentException
            ? (LlmCallOutcome.HttpError, $"unreadable response: {error.GetType().Name}")
            : null;
    }
}
