using System.Globalization;
using Astropal.Core.Billing;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Core.Sky;
using Astropal.Tests.Core.Content;
using Astropal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.Integration.Delivery;

/// <summary>
/// The real app in a child process, killed (SIGKILL) in the middle of a delivery run and started again on the same
/// SQLite file and SMTP server: no email is lost, and only emails that were in flight at the kill go out twice, with
/// the same Message-ID.
/// </summary>
public sealed class DeliveryCrashTests
{
    private const int Readers = 600;
    private const int LeaseSeconds = 10;

    private static readonly string[] Zones = ["Europe/London", "Europe/Madrid", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "America/Sao_Paulo"];

    [Fact]
    public async Task An_app_killed_mid_run_and_restarted_sends_every_due_email_and_only_in_flight_ones_twice()
    {
        using var dir = new TempDirectory("delivery-crash");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        smtp.KeepMessages = false;
        smtp.MessageDelay = TimeSpan.FromMilliseconds(10); // a relay slow enough for the kill to land mid-run
        // This host only seeds and reads the ledger; the app that sends runs in a child process.
        await using var ledger = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, new FakeTimeProvider());
        await SeedAsync(ledger);
        var settings = new Dictionary<string, string>
        {
            ["Storage:DataDirectory"] = dir.Path,
            ["Brand:SiteUrl"] = "https://astropal.test",
            ["Brand:FromAddress"] = "hello@astropal.test",
            ["Email:Transport"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Delivery:LeaseSeconds"] = LeaseSeconds.ToString(CultureInfo.InvariantCulture),
            ["Delivery:BatchSize"] = "50",
            ["Delivery:MaxLateness"] = "1.00:00:00",
            ["Logging:LogLevel:Default"] = "Warning",
        };

        // First instance: killed once about a quarter of the emails reached the server.
        using (var first = WebAppProcess.Start(settings))
        {
            await WaitUntilAsync(() => smtp.ReceivedCount >= Readers / 4 || first.HasExited, TimeSpan.FromSeconds(180), () => first.Output);
            Assert.False(first.HasExited, "the app stopped by itself:\n" + first.Output);
            await first.KillAsync();
        }

        // What the server had read off the sockets before the kill is stored a moment later. The kernel closed the
        // killed app's connections; once the server has ended every session, nothing more arrives.
        await WaitUntilAsync(() => smtp.OpenSessions == 0, TimeSpan.FromSeconds(60), () => $"{smtp.OpenSessions} SMTP session(s) still open");

        var atKill = await DailyRowsAsync(ledger);
        var countsAtKill = smtp.MessageIdCounts;
        var sentBefore = atKill.Where(r => r.Status == DeliveryStatus.Sent).ToList();
        var inFlight = atKill.Where(r => r.Status == DeliveryStatus.Sending).ToList();
        var notStarted = atKill.Where(r => r.Status == DeliveryStatus.Pending).ToList();
        Assert.Equal(Readers, atKill.Count);
        Assert.NotEmpty(sentBefore);
        Assert.NotEmpty(inFlight);
        Assert.Equal(Readers, sentBefore.Count + inFlight.Count + notStarted.Count);
        Assert.All(sentBefore, r => Assert.Equal(1, countsAtKill.GetValueOrDefault(r.MessageId)));

        // The in-flight rows are the killed instance's until their lease runs out; the restart comes after that.
        var leaseEnd = inFlight.Max(r => r.LeaseUntil!.Value);
        await WaitUntilAsync(() => TimeProvider.System.GetUtcNow() > leaseEnd.AddSeconds(1), TimeSpan.FromSeconds(LeaseSeconds + 30), () => "lease");

        List<DeliveryRecord> final = [];
        using (var second = WebAppProcess.Start(settings))
        {
            await WaitUntilAsync(
                async () => (final = await DailyRowsAsync(ledger)).All(r => r.Status == DeliveryStatus.Sent) || second.HasExited,
                TimeSpan.FromSeconds(180),
                () => second.Output);
            Assert.False(second.HasExited, "the restarted app stopped by itself:\n" + second.Output);
        }

        var counts = smtp.MessageIdCounts;
        Assert.Equal(Readers, final.Count);
        Assert.Equal(Readers, final.Select(r => r.ReaderId).Distinct().Count());
        Assert.All(final, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        // Sent before the kill, or not yet claimed: exactly once.
        Assert.All(sentBefore.Concat(notStarted), r => Assert.Equal(1, counts.GetValueOrDefault(r.MessageId)));
        // In flight at the kill: sent after the lease, with the same Message-ID; twice only if the first copy had reached the server.
        Assert.All(inFlight, r => Assert.Equal(1 + countsAtKill.GetValueOrDefault(r.MessageId), counts.GetValueOrDefault(r.MessageId)));
        Assert.All(final.Where(r => inFlight.Any(f => f.Id == r.Id)), r => Assert.Equal(2, r.Attempts));
        Assert.Equal(0, smtp.WithoutMessageId);
        Assert.Equal(inFlight.Sum(r => countsAtKill.GetValueOrDefault(r.MessageId)), smtp.Duplicates);
    }

    /// <summary>Readers of the free tier (one daily email each) in several zones, confirmed a week ago, with their stored chart.</summary>
    private static async Task SeedAsync(DeliveryTestHost host)
    {
        var chart = StoredNatalChart.From(ContentTestKit.BirthCharts.Compute(new BirthData(new DateOnly(1990, 5, 17), new TimeOnly(8, 30), 40.4168, -3.7038, "Europe/Madrid"))).ToJson();
        var confirmed = TimeProvider.System.GetUtcNow().AddDays(-7);
        await using var db = await host.Db.CreateDbContextAsync();
        for (var i = 0; i < Readers; i++)
        {
            db.Readers.Add(new Reader
            {
                Id = Guid.NewGuid(),
                Email = $"reader{i}@example.com",
                Name = "Ada",
                BirthDate = new DateOnly(1990, 5, 17),
                BirthTime = new TimeOnly(8, 30),
                BirthLatitude = 40.4168,
                BirthLongitude = -3.7038,
                BirthTimeZone = "Europe/Madrid",
                NatalChartJson = chart,
                TimeZone = Zones[i % Zones.Length],
                DeliveryTime = new TimeOnly(6, 0),
                Locale = "en-US",
                FocusAreas = [FocusAreaId.Career],
                Tier = Tier.Free,
                Status = ReaderStatus.Active,
                ReferralCode = Guid.NewGuid().ToString("N")[..12],
                CreatedAt = confirmed,
                ConfirmedAt = confirmed,
            });
        }

        await db.SaveChangesAsync();
    }

    /// <summary>The ledger's daily rows (a Sunday run also holds weekly rows).</summary>
    private static async Task<List<DeliveryRecord>> DailyRowsAsync(DeliveryTestHost host)
    {
        await using var db = await host.Db.CreateDbContextAsync();
        return await db.Deliveries.AsNoTracking().Where(d => d.Kind == EmailTemplate.Daily).ToListAsync();
    }

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> context) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, context);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> context)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > timeout)
            {
                Assert.Fail($"Timed out after {timeout}:\n{context()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
