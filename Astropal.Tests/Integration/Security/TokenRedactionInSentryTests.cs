using Astropal.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sentry.AspNetCore;

namespace Astropal.Tests.Integration.Security;

// The Sentry SDK is process-wide: another host starting or stopping at the same time replaces or closes it.
[CollectionDefinition(nameof(SentrySdkCollection), DisableParallelization = true)]
public sealed class SentrySdkCollection;

/// <summary>An error during a request to a token-bearing address, reported to Sentry (a capturing transport): no token in what is sent.</summary>
[Collection(nameof(SentrySdkCollection))]
public sealed class TokenRedactionInSentryTests
{
    private const string Token = "SeCrEtSentry0099";

    [Fact]
    public async Task The_event_sent_for_a_failing_token_request_carries_the_address_with_the_token_replaced()
    {
        var transport = new CapturingSentryTransport();
        await using var app = new AstropalAppFactory
        {
            Settings = new Dictionary<string, string?>
            {
                ["Sentry:Dsn"] = "https://0123456789abcdef0123456789abcdef@sentry.invalid/1",
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
            },
            TestServices = services =>
            {
                services.PostConfigure<SentryAspNetCoreOptions>(o => o.Transport = transport);
                services.AddSingleton<IStartupFilter, FailOnUnsubscribe>();
            },
        };
        using var client = app.CreateNonRedirectingClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/u/{Token}?t={Token}", UriKind.Relative));
        request.Headers.Referrer = new Uri($"https://mail.example/open?t={Token}");
        // The in-memory server hands the exception back to the caller once Sentry's middleware has seen it.
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(request));

        var sent = await transport.WaitForEventAsync();
        Assert.Contains("/u/***", sent, StringComparison.Ordinal);
        Assert.Contains("Request starting", sent, StringComparison.Ordinal); // the breadcrumb of the request log
        Assert.DoesNotContain(Token, sent, StringComparison.Ordinal);
    }

    /// <summary>Throws inside Sentry's middleware (startup filters added after the app's run inside it) for /u/ requests.</summary>
    private sealed class FailOnUnsubscribe : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path.StartsWithSegments("/u"))
                {
                    throw new InvalidOperationException("Failure while serving the unsubscribe page.");
                }

                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
