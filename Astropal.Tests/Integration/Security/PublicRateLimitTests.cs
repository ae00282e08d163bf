using System.Net;
using Astropal.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Astropal.Tests.Integration.Security;

/// <summary>The public endpoints over HTTP, with limits configured low: the request past the limit gets 429 and Retry-After.</summary>
public sealed class PublicRateLimitTests
{
    public static TheoryData<string, string, string> LimitedEndpoints() => new()
    {
        { "GET", "/account/sign-in", "RateLimits:SignInPerIpPerMinute" },
        { "GET", "/start/confirm?t=not-a-token", "RateLimits:ConfirmPerIpPerMinute" },
        { "GET", "/me", "RateLimits:PortalPerIpPerMinute" },
        { "GET", "/me/perspective/calm", "RateLimits:PortalPerIpPerMinute" },
        { "GET", "/u/not-a-token", "RateLimits:UnsubscribePerIpPerMinute" },
        { "GET", "/t/o/not-a-token", "RateLimits:TrackingPerIpPerMinute" },
        { "GET", "/t/c/not-a-token", "RateLimits:TrackingPerIpPerMinute" },
        { "POST", "/webhooks/resend", "RateLimits:WebhooksPerIpPerMinute" },
        { "GET", "/readyz", "RateLimits:HealthPerIpPerMinute" },
        { "GET", "/privacy", "RateLimits:PagesPerIpPerMinute" },
    };

    [Theory]
    [MemberData(nameof(LimitedEndpoints))]
    public async Task A_client_past_the_limit_gets_429_with_Retry_After(string method, string path, string setting)
    {
        await using var app = LimitedApp(setting, 2);
        using var client = app.CreateNonRedirectingClient();

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await SendAsync(client, method, path, "198.51.100.10");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var refused = await SendAsync(client, method, path, "198.51.100.10");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta is { } wait && wait > TimeSpan.Zero && wait <= TimeSpan.FromMinutes(1), refused.Headers.ToString());
        Assert.Contains("Too many requests", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another client is not affected.
        using var other = await SendAsync(client, method, path, "198.51.100.11");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    [Fact]
    public async Task Static_files_are_not_limited()
    {
        await using var app = LimitedApp("RateLimits:PagesPerIpPerMinute", 1);
        using var client = app.CreateNonRedirectingClient();

        for (var i = 0; i < 5; i++)
        {
            using var file = await SendAsync(client, "GET", "/css/site.css", "198.51.100.20");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, file.StatusCode);
        }
    }

    [Fact]
    public async Task The_default_limits_let_a_busy_reader_through()
    {
        await using var app = new AstropalAppFactory { TestServices = TestClientAddress.AddTo };
        using var client = app.CreateNonRedirectingClient();

        for (var i = 0; i < 60; i++)
        {
            using var page = await SendAsync(client, "GET", i % 2 == 0 ? "/me" : "/privacy", "198.51.100.30");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, page.StatusCode);
        }
    }

    [Fact]
    public async Task A_chunked_webhook_body_over_256_KB_is_refused_with_413()
    {
        await using var app = new AstropalAppFactory { Settings = new Dictionary<string, string?> { ["Delivery:WebhookSecret"] = "whsec_" + Convert.ToBase64String(new byte[32]) } };
        app.UseKestrel(0);
        app.StartServer();
        using var client = new HttpClient { BaseAddress = new Uri(app.ServerAddress) };
        using var body = new StreamContent(new MemoryStream(new byte[300 * 1024]));
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/resend") { Content = body };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private static AstropalAppFactory LimitedApp(string setting, int permits) => new()
    {
        Settings = new Dictionary<string, string?> { [setting] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        TestServices = TestClientAddress.AddTo,
    };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string clientAddress)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        request.Headers.Add(TestClientAddress.Header, clientAddress);
        if (method == "POST")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }
}
