using Astropal.Core.Billing;
using Astropal.Core.Delivery;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.Integration.Alerts;

/// <summary>
/// Issue 13's "done when": the SMTP relay down while emails are due (a real socket to the in-process server, stopped
/// then started), the delivery dispatcher and the alert evaluator on one SQLite file and one clock.
/// </summary>
public sealed class DeliveryRateAlertJourneyTests
{
    // Tuesday 2026-12-01, 06:00:30 in London (GMT).
    private static readonly DateTimeOffset LondonSixAm = new(2026, 12, 1, 6, 0, 30, TimeSpan.Zero);

    private const int Readers = 20;

    [Fact]
    public async Task A_relay_outage_drops_the_delivery_rate_fires_its_alerts_once_and_each_resolves_once_after_the_relay_is_back()
    {
        using var dir = new TempDirectory("rate-journey");
        var port = InProcessSmtpServer.FreePort();
        var time = new FakeTimeProvider(LondonSixAm);
        await using var delivery = await DeliveryTestHost.StartAsync(dir.Path, port, time, new Dictionary<string, string?> { ["Delivery:MaxLateness"] = "01:00:00" });
        await using var alerts = await AlertsTestHost.StartAsync("rate-journey-alerts", dataDirectory: dir.Path, time: time);
        for (var i = 0; i < Readers; i++)
        {
            await delivery.AddReaderAsync($"reader{i}@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free);
        }

        // The relay is down: every ten minutes the dispatcher tries and the evaluator runs. Emails held back are not
        // outcomes yet, so nothing fires while they can still go out on time.
        for (var run = 0; run < 6; run++)
        {
            await delivery.Dispatcher.RunAsync(CancellationToken.None);
            await alerts.EvaluateAsync();
            time.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.Empty(await alerts.MessagesAsync(MetricNames.EmailDeliveryRate));

        // Past Delivery:MaxLateness the morning is skipped as too late: the rate falls to 0 and both delivery alerts fire.
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(Readers, (await delivery.Dispatcher.RunAsync(CancellationToken.None)).Skipped);
        await alerts.EvaluateAsync();
        Assert.Equal(0, (await alerts.ComputeAsync())[MetricNames.EmailDeliveryRate]);
        Assert.Equal(["firing"], await alerts.MessagesAsync(MetricNames.EmailDeliveryRate));
        Assert.Equal(["firing"], await alerts.MessagesAsync("email-delivery-issues"));

        // Still firing through the day: no second message.
        for (var hour = 0; hour < 6; hour++)
        {
            time.Advance(TimeSpan.FromHours(1));
            await alerts.EvaluateAsync();
        }

        Assert.Equal(["firing"], await alerts.MessagesAsync(MetricNames.EmailDeliveryRate));

        // The relay is back; the next morning goes out and yesterday's skips leave the 24-hour window.
        await using var smtp = await InProcessSmtpServer.StartAsync(port);
        time.SetUtcNow(LondonSixAm.AddDays(1).AddMinutes(1));
        Assert.Equal(Readers, (await delivery.Dispatcher.RunAsync(CancellationToken.None)).Sent);
        Assert.Equal(Readers, smtp.ReceivedCount);
        for (var minute = 0; minute < 6; minute++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await alerts.EvaluateAsync();
        }

        Assert.Equal(1, (await alerts.ComputeAsync())[MetricNames.EmailDeliveryRate]);
        Assert.Equal(["firing", "resolved"], await alerts.MessagesAsync(MetricNames.EmailDeliveryRate));
        Assert.Equal(["firing", "resolved"], await alerts.MessagesAsync("email-delivery-issues"));
        var episode = Assert.Single(await alerts.EpisodesAsync(MetricNames.EmailDeliveryRate));
        Assert.NotNull(episode.ResolvedAt);
    }
}
