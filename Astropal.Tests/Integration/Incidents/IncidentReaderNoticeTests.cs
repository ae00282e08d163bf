using Astropal.Core.Billing;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Astropal.Tests.Integration.Incidents;

/// <summary>
/// Incident notices to readers, queued in the delivery ledger and sent by the real dispatcher over SMTP to an in-process
/// server, on a real SQLite file shared by two hosts (two instances), on a fake clock.
/// </summary>
public sealed class IncidentReaderNoticeTests
{
    // Tuesday 2026-12-01 12:00:30 UTC; readers confirmed now have no scheduled email due yet.
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 30, TimeSpan.Zero);

    private const string NoticeSubject = "Today's Astropal email may be late";
    private const string ResolvedSubject = "Your Astropal emails are back to normal";

    [Fact]
    public async Task A_notice_goes_once_to_each_affected_reader_when_it_is_queued_twice_retried_and_sent_by_two_instances()
    {
        using var dir = new TempDirectory("notices");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var time = new FakeTimeProvider(Now);
        var settings = new Dictionary<string, string?> { ["Delivery:BatchSize"] = "3" };
        var flaky = new FailFirstSend();
        await using var a = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time, settings, wrapSender: inner => flaky.Wrap(inner));
        await using var b = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time, settings, wrapSender: inner => flaky.Wrap(inner));
        string[] zones = ["Europe/London", "Europe/Madrid", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "America/Los_Angeles"];
        var readers = new List<Reader>();
        for (var i = 0; i < 12; i++)
        {
            readers.Add(await a.AddReaderAsync($"reader{i}@example.com", zones[i % zones.Length], new TimeOnly(6, 0), Tier.Free, confirmedAt: Now));
        }

        var optedOut = await a.AddReaderAsync("quiet@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free, confirmedAt: Now);
        var suppressed = await a.AddReaderAsync("bounced@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free, confirmedAt: Now);
        var paused = await a.AddReaderAsync("paused@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free, confirmedAt: Now);
        await using (var db = await a.Db.CreateDbContextAsync())
        {
            await db.Readers.Where(r => r.Id == optedOut.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ServiceNotices, false));
            await db.Readers.Where(r => r.Id == paused.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReaderStatus.Paused));
            db.SuppressedAddresses.Add(new SuppressedAddress { AddressHash = AddressHash.Of("bounced@example.com"), Reason = "hard bounce", At = Now });
            await db.SaveChangesAsync();
        }

        var incidentId = await AddIncidentAsync(a, "Morning emails delayed", "We are re-sending this morning's emails.");
        var noticesA = Notices(a);
        var noticesB = Notices(b);

        var count = await noticesA.CountAsync(incidentId, ReaderNoticeAudience.AllActive, CancellationToken.None);
        var queued = await Task.WhenAll(
            Task.Run(() => noticesA.NotifyAsync(incidentId, ReaderNoticeAudience.AllActive, "ops@example.com", CancellationToken.None)),
            Task.Run(() => noticesB.NotifyAsync(incidentId, ReaderNoticeAudience.AllActive, "ops@example.com", CancellationToken.None)));
        var again = await noticesA.NotifyAsync(incidentId, ReaderNoticeAudience.AllActive, "ops@example.com", CancellationToken.None);

        Assert.Equal(12, count);
        Assert.Equal(12, queued.Sum());
        Assert.Equal(0, again);
        Assert.Equal(0, await noticesB.CountAsync(incidentId, ReaderNoticeAudience.AllActive, CancellationToken.None));

        // Both instances dispatch at once; the first send (of either) fails transiently and is retried after the backoff.
        await Task.WhenAll(Task.Run(() => a.Dispatcher.RunAsync(CancellationToken.None)), Task.Run(() => b.Dispatcher.RunAsync(CancellationToken.None)));
        time.Advance(TimeSpan.FromMinutes(5));
        await Task.WhenAll(Task.Run(() => a.Dispatcher.RunAsync(CancellationToken.None)), Task.Run(() => b.Dispatcher.RunAsync(CancellationToken.None)));
        await a.Dispatcher.RunAsync(CancellationToken.None);

        var rows = (await a.DeliveriesAsync()).Where(r => r.Kind == EmailTemplate.IncidentNotice).ToList();
        Assert.Equal(12, rows.Count);
        Assert.All(rows, r => Assert.Equal((DeliveryStatus.Sent, $"incident:{incidentId}"), (r.Status, r.Reference)));
        Assert.True(flaky.Failed, "the first send should have failed once and been retried");
        Assert.Contains(rows, r => r.Attempts == 2);
        var received = smtp.Received.Select(m => m.Message).ToList();
        Assert.All(received, m => Assert.Equal(NoticeSubject, m.Subject));
        Assert.Equal(
            readers.Select(r => r.Email!).Order(),
            received.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal(rows.Select(r => r.MessageId).Order(), received.Select(m => m.MessageId).Order());
        Assert.Equal(0, smtp.Duplicates);

        var audit = await AuditAsync(a);
        Assert.Equal(3, audit.Count(e => e.Action == IncidentReaderNotices.AuditAction && e.Target == $"incident:{incidentId}"));
        Assert.Contains(audit, e => e.Detail!.StartsWith("incident notice queued to 0 readers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_notice_says_what_is_wrong_from_the_public_update_only_and_links_the_status_page_and_the_switch_off()
    {
        using var dir = new TempDirectory("notices");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var time = new FakeTimeProvider(Now);
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time);
        await host.AddReaderAsync("ada@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free, confirmedAt: Now);
        var incidentId = await AddIncidentAsync(host, "Morning emails delayed", "First look: the relay is slow.",
            note: "INTERNAL: relay password rotated by Bob", latest: "We found it: re-sending now.");

        Assert.Equal(1, await Notices(host).NotifyAsync(incidentId, ReaderNoticeAudience.AllActive, "ops@example.com", CancellationToken.None));
        await host.Dispatcher.RunAsync(CancellationToken.None);

        var message = Assert.Single(smtp.Received).Message;
        var body = message.TextBody + message.HtmlBody;
        Assert.Contains("Today's email may be late or missing", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Morning emails delayed", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("We found it: re-sending now.", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("First look", body, StringComparison.Ordinal);
        Assert.DoesNotContain("INTERNAL", body, StringComparison.Ordinal);
        Assert.Contains("https://astropal.test/status", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://astropal.test/me?t=", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("#notices", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://astropal.test/u/", message.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Contains("https://astropal.test/u/", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_window_selects_the_readers_whose_morning_email_falls_in_it_in_their_own_zone_and_dates_their_row_locally()
    {
        using var dir = new TempDirectory("notices");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        // 23:30 UTC: still 1 December in London and New York, already 2 December in Tokyo.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.Zero));
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time);
        var confirmed = time.GetUtcNow();
        var london6 = await host.AddReaderAsync("london6@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free, confirmed);
        var tokyo630 = await host.AddReaderAsync("tokyo630@example.com", "Asia/Tokyo", new TimeOnly(6, 30), Tier.Free, confirmed);
        var newYork7 = await host.AddReaderAsync("ny7@example.com", "America/New_York", new TimeOnly(7, 0), Tier.Free, confirmed);
        await host.AddReaderAsync("london730@example.com", "Europe/London", new TimeOnly(7, 30), Tier.Free, confirmed);
        await host.AddReaderAsync("tokyo530@example.com", "Asia/Tokyo", new TimeOnly(5, 30), Tier.Free, confirmed);
        var quiet = await host.AddReaderAsync("quiet@example.com", "Europe/Madrid", new TimeOnly(6, 30), Tier.Free, confirmed);
        await using (var db = await host.Db.CreateDbContextAsync())
        {
            await db.Readers.Where(r => r.Id == quiet.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ServiceNotices, false));
        }

        var incidentId = await AddIncidentAsync(host, "Morning emails delayed", "Re-sending.");
        var notices = Notices(host);
        var window = new ReaderNoticeAudience(new TimeOnly(6, 0), new TimeOnly(7, 0));

        var count = await notices.CountAsync(incidentId, window, CancellationToken.None);
        var queued = await notices.NotifyAsync(incidentId, window, "ops@example.com", CancellationToken.None);

        Assert.Equal(3, count);
        Assert.Equal(3, queued);
        var rows = (await host.DeliveriesAsync()).Where(r => r.Kind == EmailTemplate.IncidentNotice).ToDictionary(r => r.ReaderId);
        Assert.Equal(new[] { london6.Id, tokyo630.Id, newYork7.Id }.Order(), rows.Keys.Order());
        Assert.Equal(new DateOnly(2026, 12, 1), rows[london6.Id].LocalDate);
        Assert.Equal(new DateOnly(2026, 12, 2), rows[tokyo630.Id].LocalDate);
        Assert.Equal(new DateOnly(2026, 12, 1), rows[newYork7.Id].LocalDate);
        Assert.All(rows.Values, r => Assert.Equal(time.GetUtcNow(), r.TargetAt));
        var audit = Assert.Single(await AuditAsync(host));
        Assert.Equal("ops@example.com", audit.Actor);
        Assert.Contains("queued to 3 readers (morning email between 06:00 and 07:00 local time", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_on_the_readers_next_local_day_queues_no_second_notice_for_the_same_incident()
    {
        using var dir = new TempDirectory("notices");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var time = new FakeTimeProvider(Now);
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time);
        await host.AddReaderAsync("ada@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free, confirmedAt: Now);
        var incidentId = await AddIncidentAsync(host, "Morning emails delayed", "Re-sending.");
        var notices = Notices(host);

        Assert.Equal(1, await notices.NotifyAsync(incidentId, ReaderNoticeAudience.AllActive, "ops@example.com", CancellationToken.None));
        time.Advance(TimeSpan.FromDays(1));

        Assert.Equal(0, await notices.CountAsync(incidentId, ReaderNoticeAudience.AllActive, CancellationToken.None));
        Assert.Equal(0, await notices.NotifyAsync(incidentId, ReaderNoticeAudience.AllActive, "ops@example.com", CancellationToken.None));
        Assert.Single(await host.DeliveriesAsync(), r => r.Kind == EmailTemplate.IncidentNotice);
    }

    [Fact]
    public async Task A_reader_who_turns_notices_off_after_it_was_queued_is_skipped_not_sent()
    {
        using var dir = new TempDirectory("notices");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var time = new FakeTimeProvider(Now);
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time);
        var reader = await host.AddReaderAsync("ada@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free, confirmedAt: Now);
        var incidentId = await AddIncidentAsync(host, "Morning emails delayed", "Re-sending.");
        await Notices(host).NotifyAsync(incidentId, ReaderNoticeAudience.AllActive, "ops@example.com", CancellationToken.None);
        await using (var db = await host.Db.CreateDbContextAsync())
        {
            await db.Readers.Where(r => r.Id == reader.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ServiceNotices, false));
        }

        await host.Dispatcher.RunAsync(CancellationToken.None);

        var row = Assert.Single(await host.DeliveriesAsync());
        Assert.Equal(DeliveryStatus.Skipped, row.Status);
        Assert.Contains("turned service notices off", row.LastError, StringComparison.Ordinal);
        Assert.Empty(smtp.Received);
    }

    [Fact]
    public async Task The_resolved_notice_goes_once_to_exactly_the_readers_who_got_the_notice()
    {
        using var dir = new TempDirectory("notices");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var time = new FakeTimeProvider(Now);
        await using var a = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time);
        await using var b = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time);
        await a.AddReaderAsync("early@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free, confirmedAt: Now);
        var earlySpanish = await a.AddReaderAsync("temprano@example.com", "Europe/Madrid", new TimeOnly(6, 30), Tier.Free, confirmedAt: Now);
        await a.AddReaderAsync("late@example.com", "Europe/London", new TimeOnly(9, 0), Tier.Free, confirmedAt: Now);
        await using (var db = await a.Db.CreateDbContextAsync())
        {
            await db.Readers.Where(r => r.Id == earlySpanish.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Locale, "es-ES"));
        }

        var incidentId = await AddIncidentAsync(a, "Morning emails delayed", "Re-sending.");
        var window = new ReaderNoticeAudience(new TimeOnly(6, 0), new TimeOnly(6, 30));
        Assert.Equal(2, await Notices(a).NotifyAsync(incidentId, window, "ops@example.com", CancellationToken.None));
        await a.Dispatcher.RunAsync(CancellationToken.None);
        await ResolveAsync(a, incidentId, "All delayed emails are out; deliveries are back on schedule.");
        time.Advance(TimeSpan.FromHours(1));

        var resolved = await Task.WhenAll(
            Task.Run(() => Notices(a).NotifyResolvedAsync(incidentId, "ops@example.com", CancellationToken.None)),
            Task.Run(() => Notices(b).NotifyResolvedAsync(incidentId, "ops@example.com", CancellationToken.None)));
        await Task.WhenAll(Task.Run(() => a.Dispatcher.RunAsync(CancellationToken.None)), Task.Run(() => b.Dispatcher.RunAsync(CancellationToken.None)));

        Assert.Equal(2, resolved.Sum());
        var messages = smtp.Received.Select(m => m.Message).ToList();
        var back = messages.Where(m => m.Subject is ResolvedSubject or "Tus correos de Astropal vuelven a la normalidad").ToList();
        Assert.Equal(new[] { "early@example.com", "temprano@example.com" }, back.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(back, m => Assert.Contains("All delayed emails are out", m.TextBody, StringComparison.Ordinal));
        Assert.Contains(back, m => (m.TextBody ?? "").Contains("Tus correos vuelven a la normalidad", StringComparison.Ordinal));
        Assert.Equal(4, messages.Count);
        Assert.DoesNotContain(messages, m => m.To.Mailboxes.Single().Address == "late@example.com");
        var counts = await Notices(a).CountsAsync(incidentId, CancellationToken.None);
        Assert.Equal(new[] { 2, 2 }, counts.Select(c => c.Count(DeliveryStatus.Sent)));
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_the_reason_and_queue_nothing()
    {
        using var dir = new TempDirectory("notices");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var time = new FakeTimeProvider(Now);
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time);
        await host.AddReaderAsync("ada@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free, confirmedAt: Now);
        var incidentId = await AddIncidentAsync(host, "Morning emails delayed", "Re-sending.");
        var notices = Notices(host);

        var backwards = await Assert.ThrowsAsync<ArgumentException>(() =>
            notices.NotifyAsync(incidentId, new ReaderNoticeAudience(new TimeOnly(7, 0), new TimeOnly(6, 0)), "ops@example.com", CancellationToken.None));
        var halfOpen = await Assert.ThrowsAsync<ArgumentException>(() =>
            notices.CountAsync(incidentId, new ReaderNoticeAudience(new TimeOnly(7, 0), null), CancellationToken.None));
        var missing = await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            notices.NotifyAsync(incidentId + 100, ReaderNoticeAudience.AllActive, "ops@example.com", CancellationToken.None));
        await ResolveAsync(host, incidentId, "Fixed.");
        var over = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            notices.NotifyAsync(incidentId, ReaderNoticeAudience.AllActive, "ops@example.com", CancellationToken.None));

        Assert.Contains("starts (07:00) after it ends (06:00)", backwards.Message, StringComparison.Ordinal);
        Assert.Contains("needs both a start and an end", halfOpen.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);
        Assert.Contains("is resolved", over.Message, StringComparison.Ordinal);
        Assert.Empty(await host.DeliveriesAsync());
        Assert.Empty(await AuditAsync(host));
    }

    private static IncidentReaderNotices Notices(DeliveryTestHost host) =>
        ActivatorUtilities.CreateInstance<IncidentReaderNotices>(host.Host.Services);

    internal static async Task<long> AddIncidentAsync(DeliveryTestHost host, string title, string opening, string? note = null, string? latest = null)
    {
        await using var db = await host.Db.CreateDbContextAsync();
        var at = host.Time.GetUtcNow();
        var incident = new Incident
        {
            Title = title,
            Severity = IncidentSeverity.P2,
            Status = IncidentStatus.Investigating,
            CreatedAt = at,
            UpdatedAt = at,
            CreatedBy = "ops@example.com",
        };
        incident.Updates.Add(new IncidentUpdate { Status = IncidentStatus.Investigating, Message = opening, CreatedAt = at, CreatedBy = "ops@example.com" });
        if (latest is not null)
        {
            incident.Updates.Add(new IncidentUpdate { Status = IncidentStatus.Identified, Message = latest, CreatedAt = at.AddMinutes(5), CreatedBy = "ops@example.com" });
        }

        if (note is not null)
        {
            incident.Notes.Add(new IncidentNote { Text = note, CreatedAt = at.AddMinutes(10), CreatedBy = "ops@example.com" });
        }

        db.Incidents.Add(incident);
        await db.SaveChangesAsync();
        return incident.Id;
    }

    private static async Task ResolveAsync(DeliveryTestHost host, long incidentId, string message)
    {
        await using var db = await host.Db.CreateDbContextAsync();
        var at = host.Time.GetUtcNow();
        var incident = await db.Incidents.SingleAsync(i => i.Id == incidentId);
        incident.Status = IncidentStatus.Resolved;
        incident.ResolvedAt = at;
        incident.UpdatedAt = at;
        db.IncidentUpdates.Add(new IncidentUpdate { IncidentId = incidentId, Status = IncidentStatus.Resolved, Message = message, CreatedAt = at, CreatedBy = "ops@example.com" });
        await db.SaveChangesAsync();
    }

    private static async Task<List<AuditEntry>> AuditAsync(DeliveryTestHost host)
    {
        await using var db = await host.Db.CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>The first send fails with a transient (4xx) answer; every later one goes through.</summary>
    private sealed class FailFirstSend
    {
        private int sends;

        public bool Failed => Volatile.Read(ref sends) > 0;

        public IEmailSender Wrap(IEmailSender inner) => new Sender(this, inner);

        private sealed class Sender(FailFirstSend owner, IEmailSender inner) : IEmailSender
        {
            public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
                Interlocked.Increment(ref owner.sends) == 1
                    ? Task.FromResult(EmailSendResult.Transient("451 try again later", 451))
                    : inner.SendAsync(message, cancellationToken);
        }
    }
}
