using System.Diagnostics.Metrics;
using Astropal.Core.Billing;
using Astropal.Tests.TestSupport;
using Astropal.Web.Infrastructure.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.Integration.Metrics;

/// <summary>A dispatcher run records on the Astropal.Delivery meter: planned, claimed, sent by kind, lateness in seconds.</summary>
public sealed class DeliveryMeterTests
{
    // Tuesday 2026-12-01, 06:00:30 UTC = 06:00:30 in London: a 06:00 daily email is 30 s late.
    private static readonly DateTimeOffset LondonSixAm = new(2026, 12, 1, 6, 0, 30, TimeSpan.Zero);

    [Fact]
    public async Task A_sent_daily_email_is_counted_with_its_kind_and_its_lateness()
    {
        using var dir = new TempDirectory("delivery-metrics");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var time = new FakeTimeProvider(LondonSixAm);
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time);
        var meters = host.Host.Services.GetRequiredService<IMeterFactory>();
        using var sent = new MetricCollector<long>(meters, DeliveryMetrics.MeterName, "astropal.email.sent");
        using var outcomes = new MetricCollector<long>(meters, DeliveryMetrics.MeterName, "astropal.email.outcomes");
        using var claimed = new MetricCollector<long>(meters, DeliveryMetrics.MeterName, "astropal.delivery.claimed");
        using var planned = new MetricCollector<long>(meters, DeliveryMetrics.MeterName, "astropal.delivery.planned");
        using var lateness = new MetricCollector<double>(meters, DeliveryMetrics.MeterName, "astropal.email.lateness");
        await host.AddReaderAsync("ada@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free);

        Assert.Equal(1, (await host.Dispatcher.RunAsync(CancellationToken.None)).Sent);

        var one = Assert.Single(sent.GetMeasurementSnapshot());
        Assert.Equal(1, one.Value);
        Assert.Equal("daily", one.Tags["kind"]);
        var outcome = Assert.Single(outcomes.GetMeasurementSnapshot());
        Assert.Equal("sent", outcome.Tags["outcome"]);
        Assert.Equal(1, claimed.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(1, planned.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(30, Assert.Single(lateness.GetMeasurementSnapshot()).Value, 3);
    }
}
