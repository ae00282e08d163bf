using Astropal.Core.Billing;
using Astropal.Core.Content;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.Integration.Content;

public sealed class MiddayDeliveryTests
{
    /// <summary>Composes every kind as the test composer does, except a midday digest, which has no news.</summary>
    private sealed class NoNewsComposer : IReaderEmailComposer
    {
        private readonly TestReaderEmailComposer inner = new();

        public Task<RenderedEmail> ComposeAsync(Reader reader, EmailTemplate kind, DateOnly localDate, EmailLinks links, CancellationToken cancellationToken) =>
            kind == EmailTemplate.Midday
                ? throw new ContentUnavailableException($"No news headlines for {localDate:yyyy-MM-dd}: the midday digest is left out.")
                : inner.ComposeAsync(reader, kind, localDate, links, cancellationToken);
    }

    [Fact]
    public async Task A_midday_digest_without_headlines_is_skipped_with_the_reason_and_not_retried()
    {
        using var dir = new TempDirectory("midday");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 30, TimeSpan.Zero));
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time, composer: new NoNewsComposer());
        await host.AddReaderAsync("ada@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Pro);

        await host.Dispatcher.RunAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromHours(2));
        var later = await host.Dispatcher.RunAsync(CancellationToken.None);

        var midday = Assert.Single(await host.DeliveriesAsync(), d => d.Kind == EmailTemplate.Midday);
        Assert.Equal((DeliveryStatus.Skipped, 1), (midday.Status, midday.Attempts));
        Assert.Contains("No news headlines for 2026-12-01", midday.LastError, StringComparison.Ordinal);
        Assert.Equal(0, later.Claimed);
        Assert.DoesNotContain(smtp.Received, m => m.Message.Subject?.Contains("midday", StringComparison.Ordinal) == true);
    }
}
