using System.Net;
using System.Net.Http.Headers;
using Astropal.Tests.TestSupport;
using Astropal.Web.Infrastructure.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Integration.Metrics;

/// <summary><c>/metrics</c>: Prometheus text with request durations and the astropal meters for loopback; 404 for a remote client without the scrape token.</summary>
public sealed class MetricsEndpointTests
{
    private const string ScrapeToken = "scrape-token-0123456789abcdef";

    private static AstropalAppFactory App(string? scrapeToken = ScrapeToken) => new()
    {
        Settings = new Dictionary<string, string?> { ["Metrics:ScrapeToken"] = scrapeToken },
        TestServices = TestClientAddress.AddTo,
    };

    private static HttpRequestMessage Scrape(string from, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        request.Headers.Add(TestClientAddress.Header, from);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }

    [Fact]
    public async Task A_loopback_scrape_gets_prometheus_text_with_request_durations_and_the_astropal_meters()
    {
        await using var app = App();
        using var client = app.CreateNonRedirectingClient();
        // A request to measure, and a value on each astropal meter.
        using (var page = new HttpRequestMessage(HttpMethod.Get, new Uri("/start", UriKind.Relative)))
        {
            page.Headers.Add(TestClientAddress.Header, "127.0.0.1");
            using var answered = await client.SendAsync(page);
        }

        app.Services.GetRequiredService<ReaderMetrics>().SignedUp(returning: false);
        app.Services.GetRequiredService<DeliveryMetrics>().Record(Astropal.Core.Email.EmailTemplate.Daily, Astropal.Core.Delivery.DeliveryStatus.Sent, released: false, latenessSeconds: 42);
        app.Services.GetRequiredService<ContentMetrics>().BudgetExceeded();

        // The server records a request's duration as it completes, which may be just after the client has the answer:
        // scrape until it shows (within a bound).
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        string text;
        while (true)
        {
            using var response = await client.SendAsync(Scrape("127.0.0.1"), timeout.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            text = await response.Content.ReadAsStringAsync(timeout.Token);
            if (text.Contains("http_server_request_duration_seconds_bucket", StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(50, timeout.Token);
        }

        Assert.Contains("http_server_request_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("astropal_readers_signups_total{", text, StringComparison.Ordinal);
        Assert.Contains("kind=\"new\"", text, StringComparison.Ordinal);
        Assert.Contains("astropal_email_sent_total{", text, StringComparison.Ordinal);
        Assert.Contains("astropal_email_lateness_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("astropal_llm_budget_exceeded_total", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ipv6_loopback_scrape_is_answered_too()
    {
        await using var app = App(scrapeToken: null);
        using var client = app.CreateNonRedirectingClient();

        using var response = await client.SendAsync(Scrape("::1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_remote_client_gets_404_without_the_token_or_with_a_wrong_one_and_the_metrics_with_it()
    {
        await using var app = App();
        using var client = app.CreateNonRedirectingClient();

        using var anonymous = await client.SendAsync(Scrape("203.0.113.7"));
        using var wrong = await client.SendAsync(Scrape("203.0.113.7", bearer: ScrapeToken + "x"));
        using var allowed = await client.SendAsync(Scrape("203.0.113.7", bearer: ScrapeToken));

        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.DoesNotContain("astropal", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("# TYPE", await allowed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_scrape_token_configured_no_bearer_opens_it_to_a_remote_client()
    {
        await using var app = App(scrapeToken: null);
        using var client = app.CreateNonRedirectingClient();

        using var withSomeToken = await client.SendAsync(Scrape("203.0.113.7", bearer: ScrapeToken));

        Assert.Equal(HttpStatusCode.NotFound, withSomeToken.StatusCode);
    }

    [Fact]
    public async Task A_scrape_token_shorter_than_16_characters_stops_the_start_naming_the_setting()
    {
        await using var app = App(scrapeToken: "short");

        var error = Record.Exception(() => app.Services);

        Assert.NotNull(error);
        Assert.Contains("Metrics:ScrapeToken", error.ToString(), StringComparison.Ordinal);
    }
}
