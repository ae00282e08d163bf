using Astropal.Core.Billing;
using Astropal.Core.Content;
using Astropal.Core.Content.Evening;
using Astropal.Core.Content.Weekly;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmtpServer.Protocol;

namespace Astropal.Tests.Integration.Delivery;

/// <summary>The dispatcher on a real SQLite file, sending over real SMTP to an in-process server, on a fake clock.</summary>
public sealed class DeliveryDispatcherTests
{
    // Tuesday 2026-12-01, 06:00:30 UTC = 06:00:30 in London (GMT); no Sunday weekly within the look-back.
    private static readonly DateTimeOffset LondonSixAm = new(2026, 12, 1, 6, 0, 30, TimeSpan.Zero);

    [Fact]
    public async Task A_due_email_is_sent_once_with_its_ledger_message_id_and_one_click_unsubscribe()
    {
        using var dir = new TempDirectory("delivery");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var time = new FakeTimeProvider(LondonSixAm);
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time);
        var reader = await host.AddReaderAsync("ada@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free);

        var first = await host.Dispatcher.RunAsync(CancellationToken.None);
        var second = await host.Dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal((1, 1), (first.Created, first.Sent));
        Assert.Equal((0, 0), (second.Created, second.Claimed));
        var row = Assert.Single(await host.DeliveriesAsync());
        Assert.Equal((reader.Id, EmailTemplate.Daily, new DateOnly(2026, 12, 1), DeliveryStatus.Sent), (row.ReaderId, row.Kind, row.LocalDate, row.Status));
        Assert.Equal(30, row.LatenessSeconds);
        Assert.Equal(1, row.Attempts);
        var email = Assert.Single(smtp.Received).Message;
        Assert.Equal(row.MessageId, email.MessageId);
        Assert.Contains("https://astropal.test/u/", email.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", email.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("https://astropal.test/t/o/", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://astropal.test/u/", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_real_daily_email_arrives_with_both_parts_escaped_reader_values_tracked_links_and_unsubscribe_headers()
    {
        using var dir = new TempDirectory("delivery");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var time = new FakeTimeProvider(LondonSixAm);
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time, realContent: true);
        var reader = await host.AddReaderAsync("ada@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free);
        await using (var db = await host.Db.CreateDbContextAsync())
        {
            await db.Readers.Where(r => r.Id == reader.Id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Name, "Ada <b>&amp;\"")
                .SetProperty(r => r.BirthDate, new DateOnly(1990, 5, 17))
                .SetProperty(r => r.BirthTime, new TimeOnly(8, 30))
                .SetProperty(r => r.BirthLatitude, 40.4168)
                .SetProperty(r => r.BirthLongitude, -3.7038)
                .SetProperty(r => r.BirthTimeZone, "Europe/Madrid"));
        }

        Assert.Equal(1, (await host.Dispatcher.RunAsync(CancellationToken.None)).Sent);

        var row = Assert.Single(await host.DeliveriesAsync());
        var email = Assert.Single(smtp.Received).Message;
        var html = email.HtmlBody ?? throw new Xunit.Sdk.XunitException("no HTML part");
        Assert.Equal(row.MessageId, email.MessageId);
        Assert.StartsWith("<https://astropal.test/u/", email.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", email.Headers["List-Unsubscribe-Post"]);
        var parts = Assert.IsType<MimeKit.MultipartAlternative>(email.Body);
        Assert.Equal(["text/plain", "text/html"], parts.Select(p => p.ContentType.MimeType));
        Assert.Contains("Ada <b>&amp;\"", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("Ada &lt;b&gt;&amp;amp;&quot;", html, StringComparison.Ordinal);
        // Every web link goes through the click redirect, except unsubscribe (one click, no redirect); one open pixel.
        var links = System.Text.RegularExpressions.Regex.Matches(html, "href=\"(https?://[^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.True(l.StartsWith("https://astropal.test/t/c/", StringComparison.Ordinal) || l.StartsWith("https://astropal.test/u/", StringComparison.Ordinal), l));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "src=\"https://astropal.test/t/o/"));
    }

    [Fact]
    public async Task On_a_sunday_the_free_readers_weekly_and_the_basic_readers_evening_are_composed_and_sent()
    {
        using var dir = new TempDirectory("delivery");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        // Sunday 2026-11-29, 08:00:30 in London (GMT): the daily (06:00) and the weekly (08:00) are due.
        var sunday = new DateOnly(2026, 11, 29);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 8, 0, 30, TimeSpan.Zero));
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time, realContent: true);
        // Confirmed at midnight: Saturday's evening reflection is not theirs.
        var confirmed = new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);
        var free = await host.AddReaderAsync("free@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free, confirmed);
        var basic = await host.AddReaderAsync("basic@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Basic, confirmed);
        await using (var db = await host.Db.CreateDbContextAsync())
        {
            await db.Readers.ExecuteUpdateAsync(s => s
                .SetProperty(r => r.BirthDate, new DateOnly(1990, 5, 17))
                .SetProperty(r => r.BirthTime, new TimeOnly(8, 30))
                .SetProperty(r => r.BirthLatitude, 40.4168)
                .SetProperty(r => r.BirthLongitude, -3.7038)
                .SetProperty(r => r.BirthTimeZone, "Europe/Madrid"));
        }

        var morning = await host.Dispatcher.RunAsync(CancellationToken.None);
        time.SetUtcNow(new DateTimeOffset(2026, 11, 29, 19, 0, 30, TimeSpan.Zero));
        var evening = await host.Dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal((4, 4), (morning.Created, morning.Sent));
        Assert.Equal((1, 1), (evening.Created, evening.Sent));
        var rows = await host.DeliveriesAsync();
        Assert.All(rows, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        Assert.Equal(
            [("basic", EmailTemplate.Daily), ("basic", EmailTemplate.Evening), ("basic", EmailTemplate.Weekly), ("free", EmailTemplate.Daily), ("free", EmailTemplate.Weekly)],
            rows.Select(r => (r.ReaderId == free.Id ? "free" : "basic", r.Kind)).Order());
        Assert.All(rows, r => Assert.Equal(sunday, r.LocalDate));

        Reader Stored(Guid id)
        {
            using var db = host.Db.CreateDbContext();
            return db.Readers.AsNoTracking().Single(r => r.Id == id);
        }

        var composer = host.Host.Services.GetRequiredService<ReaderEmailComposer>();
        var expectedWeekly = host.Host.Services.GetRequiredService<WeeklyOverviewComposer>()
            .Write("Ada", "en-US", PerspectiveId.Calm, "Europe/London", Tier.Free, sunday, "https://astropal.test/plans", EmailSamples.Links);
        var expectedEvening = host.Host.Services.GetRequiredService<EveningReflectionComposer>()
            .Write(composer.RequestFor(Stored(basic.Id), sunday), EmailSamples.Links);
        var messages = smtp.Received.Select(m => m.Message).ToList();
        var weekly = Assert.Single(messages, m => m.To.Mailboxes.Single().Address == "free@example.com" && m.Subject == expectedWeekly.Subject);
        Assert.Contains("Week of November 29 – December 5, 2026", weekly.TextBody, StringComparison.Ordinal);
        Assert.Contains("Your chart, not just the sky", weekly.TextBody, StringComparison.Ordinal);
        var basicWeekly = Assert.Single(messages, m => m.To.Mailboxes.Single().Address == "basic@example.com" && m.Subject == expectedWeekly.Subject);
        Assert.DoesNotContain("Your chart, not just the sky", basicWeekly.TextBody, StringComparison.Ordinal);
        var reflection = Assert.Single(messages, m => m.To.Mailboxes.Single().Address == "basic@example.com" && m.Subject == expectedEvening.Subject);
        Assert.Contains("Sunday, November 29", reflection.TextBody, StringComparison.Ordinal);
        Assert.Contains(expectedEvening.Questions[0], reflection.TextBody, StringComparison.Ordinal);
        Assert.Equal(rows.Single(r => r.Kind == EmailTemplate.Evening).MessageId, reflection.MessageId);
    }

    [Fact]
    public async Task Two_dispatchers_on_one_database_never_send_the_same_row()
    {
        using var dir = new TempDirectory("delivery");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero));
        await using var a = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time, new Dictionary<string, string?> { ["Delivery:BatchSize"] = "7", ["Delivery:MaxLateness"] = "1.00:00:00" });
        await using var b = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time, new Dictionary<string, string?> { ["Delivery:BatchSize"] = "7", ["Delivery:MaxLateness"] = "1.00:00:00" });
        string[] zones = ["Europe/London", "Europe/Madrid", "Africa/Lagos", "Europe/Athens", "Asia/Dubai", "Asia/Kolkata"];
        for (var i = 0; i < 24; i++)
        {
            await a.AddReaderAsync($"reader{i}@example.com", zones[i % zones.Length], new TimeOnly(6, 0), i % 2 == 0 ? Tier.Basic : Tier.Pro);
        }

        var runs = await Task.WhenAll(Task.Run(() => a.Dispatcher.RunAsync(CancellationToken.None)), Task.Run(() => b.Dispatcher.RunAsync(CancellationToken.None)));

        var rows = await a.DeliveriesAsync();
        Assert.True(rows.Count >= 24 * 2, $"{rows.Count} rows");
        Assert.All(rows, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        Assert.Equal(rows.Count, runs.Sum(r => r.Created));
        Assert.Equal(rows.Count, runs.Sum(r => r.Sent));
        var ids = smtp.Received.Select(m => m.Message.MessageId).ToList();
        Assert.Equal(rows.Count, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(rows.Select(r => r.MessageId).Order(), ids.Order());
    }

    [Fact]
    public async Task A_batch_claim_takes_only_the_rows_still_claimable_when_another_instance_took_one_in_between()
    {
        using var dir = new TempDirectory("delivery");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var time = new FakeTimeProvider(LondonSixAm);
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time);
        for (var i = 0; i < 4; i++)
        {
            await host.AddReaderAsync($"reader{i}@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free);
        }

        Assert.Equal(4, await host.Host.Services.GetRequiredService<DeliveryPlanner>().CreateDueRowsAsync(time.GetUtcNow(), CancellationToken.None));
        var ids = (await host.DeliveriesAsync()).Select(r => r.Id).ToList();
        var othersLease = LondonSixAm.AddMinutes(5);
        await using var db = await host.Db.CreateDbContextAsync();
        // Another instance claimed the second row after this one read the candidates.
        await db.Deliveries.Where(d => d.Id == ids[1]).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, DeliveryStatus.Sending).SetProperty(d => d.LeaseUntil, othersLease).SetProperty(d => d.Attempts, 1));

        var lease = LondonSixAm.AddMinutes(6);
        var ours = await DeliveryClaimer.ClaimAsync(db, ids, LondonSixAm, LondonSixAm, lease, CancellationToken.None);

        Assert.Equal(ids.Where(id => id != ids[1]).Order(), ours.Order());
        var rows = (await host.DeliveriesAsync()).ToDictionary(r => r.Id);
        Assert.All(ours, id => Assert.Equal((DeliveryStatus.Sending, lease, 1), (rows[id].Status, rows[id].LeaseUntil!.Value, rows[id].Attempts)));
        Assert.Equal((DeliveryStatus.Sending, othersLease, 1), (rows[ids[1]].Status, rows[ids[1]].LeaseUntil!.Value, rows[ids[1]].Attempts));
    }

    [Fact]
    public async Task A_row_left_sending_by_a_crash_is_resent_after_the_lease_with_the_same_message_id()
    {
        using var dir = new TempDirectory("delivery");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var time = new FakeTimeProvider(LondonSixAm);
        await using (var crashing = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time, wrapSender: inner => new CrashAfterSend(inner)))
        {
            await crashing.AddReaderAsync("ada@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => crashing.Dispatcher.RunAsync(CancellationToken.None));
            Assert.Equal(DeliveryStatus.Sending, Assert.Single(await crashing.DeliveriesAsync()).Status);
        }

        await using var restarted = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time);
        var withinLease = await restarted.Dispatcher.RunAsync(CancellationToken.None);
        Assert.Equal(0, withinLease.Claimed);

        time.Advance(TimeSpan.FromSeconds(301));
        var afterLease = await restarted.Dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal(1, afterLease.Sent);
        var row = Assert.Single(await restarted.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Sent, 2), (row.Status, row.Attempts));
        Assert.Equal(2, smtp.ReceivedCount);
        Assert.All(smtp.Received, m => Assert.Equal(row.MessageId, m.Message.MessageId));
    }

    [Fact]
    public async Task A_run_stopped_between_claim_and_send_records_what_went_out_and_a_new_host_sends_the_rest_once()
    {
        using var dir = new TempDirectory("delivery");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var time = new FakeTimeProvider(LondonSixAm);
        using var stopping = new CancellationTokenSource();
        await using (var stopped = await DeliveryTestHost.StartAsync(
            dir.Path, smtp.Port, time, new Dictionary<string, string?> { ["Delivery:Parallelism"] = "1" }, wrapSender: inner => new StopAfterSends(inner, 3, stopping)))
        {
            for (var i = 0; i < 8; i++)
            {
                await stopped.AddReaderAsync($"reader{i}@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free);
            }

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopped.Dispatcher.RunAsync(stopping.Token));
            var rows = await stopped.DeliveriesAsync();
            // What went out before the stop is recorded as sent (so it is never sent again); the rest of the claimed batch stays leased.
            Assert.Equal(3, rows.Count(r => r.Status == DeliveryStatus.Sent));
            Assert.Equal(5, rows.Count(r => r.Status == DeliveryStatus.Sending));
            Assert.Equal(3, smtp.ReceivedCount);
        }

        await using var restarted = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time);
        Assert.Equal(0, (await restarted.Dispatcher.RunAsync(CancellationToken.None)).Claimed);
        time.Advance(TimeSpan.FromSeconds(301));
        var afterLease = await restarted.Dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal(5, afterLease.Sent);
        var final = await restarted.DeliveriesAsync();
        Assert.All(final, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        Assert.Equal(8, smtp.ReceivedCount);
        Assert.Equal(0, smtp.Duplicates);
        Assert.Equal(final.Select(r => r.MessageId).Order(), smtp.MessageIdCounts.Keys.Order());
    }

    [Fact]
    public async Task A_claimed_row_whose_lease_is_half_gone_before_its_turn_is_handed_back_unsent_and_sent_by_the_next_run()
    {
        using var dir = new TempDirectory("delivery");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var time = new FakeTimeProvider(LondonSixAm);
        // A relay so slow that the first send of the batch takes 200 of the 300 seconds of the lease.
        await using var host = await DeliveryTestHost.StartAsync(
            dir.Path, smtp.Port, time, new Dictionary<string, string?> { ["Delivery:Parallelism"] = "1" }, wrapSender: inner => new SlowSender(inner, time, TimeSpan.FromSeconds(200)));
        await host.AddReaderAsync("first@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free);
        await host.AddReaderAsync("second@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free);

        var first = await host.Dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal((2, 1, 1), (first.Claimed, first.Sent, first.Retrying));
        var handedBack = Assert.Single(await host.DeliveriesAsync(), r => r.Status != DeliveryStatus.Sent);
        Assert.Equal((DeliveryStatus.Pending, 0, (DateTimeOffset?)null), (handedBack.Status, handedBack.Attempts, handedBack.LeaseUntil));
        Assert.Equal(1, smtp.ReceivedCount);

        var second = await host.Dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal(1, second.Sent);
        Assert.All(await host.DeliveriesAsync(), r => Assert.Equal((DeliveryStatus.Sent, 1), (r.Status, r.Attempts)));
        Assert.Equal(0, smtp.Duplicates);
    }

    [Fact]
    public async Task An_email_later_than_max_lateness_is_skipped_with_the_reason()
    {
        using var dir = new TempDirectory("delivery");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 30, 0, TimeSpan.Zero));
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time);
        await host.AddReaderAsync("ada@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free);

        var run = await host.Dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal(1, run.Skipped);
        var row = Assert.Single(await host.DeliveriesAsync());
        Assert.Equal(DeliveryStatus.Skipped, row.Status);
        Assert.Contains("Delivery:MaxLateness", row.LastError, StringComparison.Ordinal);
        Assert.Equal(0, smtp.ReceivedCount);
    }

    [Fact]
    public async Task A_4xx_is_retried_with_backoff_and_then_sent()
    {
        using var dir = new TempDirectory("delivery");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var rejections = 0;
        smtp.RejectRecipient = _ => Interlocked.Increment(ref rejections) == 1 ? new SmtpResponse((SmtpReplyCode)451, "4.3.0 try later") : null;
        var time = new FakeTimeProvider(LondonSixAm);
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time);
        await host.AddReaderAsync("ada@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free);

        var first = await host.Dispatcher.RunAsync(CancellationToken.None);
        var pending = Assert.Single(await host.DeliveriesAsync());
        Assert.Equal((1, DeliveryStatus.Pending), (first.Retrying, pending.Status));
        Assert.Equal(LondonSixAm.AddSeconds(60), pending.NextAttemptAt);
        Assert.NotNull(pending.LastError);

        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(0, (await host.Dispatcher.RunAsync(CancellationToken.None)).Claimed);

        time.Advance(TimeSpan.FromSeconds(31));
        var retried = await host.Dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal(1, retried.Sent);
        var row = Assert.Single(await host.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Sent, 2), (row.Status, row.Attempts));
        Assert.Equal(1, smtp.ReceivedCount);
    }

    [Fact]
    public async Task A_550_unknown_mailbox_suppresses_the_address_and_marks_the_reader_bounced()
    {
        using var dir = new TempDirectory("delivery");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        smtp.RejectRecipient = _ => new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "5.1.1 no such user");
        var time = new FakeTimeProvider(LondonSixAm);
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time);
        var reader = await host.AddReaderAsync("ghost@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free);

        var run = await host.Dispatcher.RunAsync(CancellationToken.None);

        Assert.Equal(1, run.Suppressed);
        Assert.Equal(DeliveryStatus.Suppressed, Assert.Single(await host.DeliveriesAsync()).Status);
        await using var db = await host.Db.CreateDbContextAsync();
        Assert.Equal(ReaderStatus.Bounced, (await db.Readers.SingleAsync(r => r.Id == reader.Id)).Status);
        Assert.True(await db.SuppressedAddresses.AnyAsync(s => s.AddressHash == AddressHash.Of("ghost@example.com")));
    }

    [Fact]
    public async Task A_permanent_failure_is_not_retried()
    {
        using var dir = new TempDirectory("delivery");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        smtp.RejectRecipient = _ => new SmtpResponse(SmtpReplyCode.TransactionFailed, "5.7.1 policy");
        var time = new FakeTimeProvider(LondonSixAm);
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time);
        await host.AddReaderAsync("ada@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free);

        Assert.Equal(1, (await host.Dispatcher.RunAsync(CancellationToken.None)).Failed);
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, (await host.Dispatcher.RunAsync(CancellationToken.None)).Claimed);
        Assert.Equal(DeliveryStatus.Failed, Assert.Single(await host.DeliveriesAsync()).Status);
    }

    [Fact]
    public async Task Readers_in_24_zones_get_their_morning_email_at_their_own_six_oclock_across_a_dst_change()
    {
        using var dir = new TempDirectory("delivery");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        smtp.KeepMessages = false;
        // 2026-03-08 is the spring-forward day in New York (and the rest of the US and Canada).
        var start = new DateTimeOffset(2026, 3, 7, 12, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(start);
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time);
        string[] zones =
        [
            "Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York",
            "America/Halifax", "America/Sao_Paulo", "Atlantic/Azores", "Europe/London", "Europe/Paris", "Europe/Athens",
            "Europe/Moscow", "Asia/Dubai", "Asia/Karachi", "Asia/Kolkata", "Asia/Dhaka", "Asia/Bangkok",
            "Asia/Shanghai", "Asia/Tokyo", "Australia/Brisbane", "Australia/Sydney", "Pacific/Noumea", "Pacific/Auckland",
        ];
        var readers = new Dictionary<Guid, TimeZoneInfo>();
        foreach (var zone in zones)
        {
            var r = await host.AddReaderAsync($"{zone.Replace('/', '.')}@example.com", zone, new TimeOnly(6, 0), Tier.Free, start);
            readers[r.Id] = TimeZoneInfo.FindSystemTimeZoneById(zone);
        }

        var step = TimeSpan.FromMinutes(5);
        for (var t = TimeSpan.Zero; t <= TimeSpan.FromHours(48); t += step)
        {
            await host.Dispatcher.RunAsync(CancellationToken.None);
            time.Advance(step);
        }

        var daily = (await host.DeliveriesAsync()).Where(d => d.Kind == EmailTemplate.Daily).ToList();
        Assert.All(daily, d =>
        {
            Assert.Equal(DeliveryStatus.Sent, d.Status);
            var local = TimeZoneInfo.ConvertTime(d.SentAt!.Value, readers[d.ReaderId]);
            Assert.Equal(d.LocalDate, DateOnly.FromDateTime(local.DateTime));
            Assert.InRange(local.TimeOfDay, new TimeSpan(6, 0, 0), new TimeSpan(6, 5, 0));
            Assert.InRange(d.LatenessSeconds!.Value, 0, step.TotalSeconds);
        });
        // 48 hours from 12:00 UTC hold two or three local 06:00s depending on the zone; each one exactly once.
        Assert.All(readers.Keys, id => Assert.InRange(daily.Count(d => d.ReaderId == id), 2, 3));
        Assert.Equal(daily.Count, daily.DistinctBy(d => (d.ReaderId, d.LocalDate)).Count());
        var newYork = daily.Where(d => readers[d.ReaderId].Id == "America/New_York").OrderBy(d => d.LocalDate).ToList();
        Assert.Equal(
            [new DateTimeOffset(2026, 3, 8, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 9, 10, 0, 0, TimeSpan.Zero)],
            newYork.Select(d => d.TargetAt));
        Assert.Equal(daily.Count + (await host.DeliveriesAsync()).Count(d => d.Kind == EmailTemplate.Weekly && d.Status == DeliveryStatus.Sent), smtp.ReceivedCount);
    }

    [Fact]
    public async Task Without_a_composer_the_host_fails_when_it_starts_not_at_send_time()
    {
        using var dir = new TempDirectory("delivery");
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var time = new FakeTimeProvider(LondonSixAm);
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, smtp.Port, time, withComposer: false);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.Host.StartAsync(CancellationToken.None));

        Assert.Contains(nameof(IReaderEmailComposer), error.ToString(), StringComparison.Ordinal);
        Assert.Empty(await host.DeliveriesAsync());
    }

    /// <summary>Lets a number of sends through, then stops the run (as a host shutdown would) before the next one reaches the server.</summary>
    private sealed class StopAfterSends(IEmailSender inner, int allowed, CancellationTokenSource stopping) : IEmailSender
    {
        private int sends;

        public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref sends) > allowed)
            {
                await stopping.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
            }

            return await inner.SendAsync(message, cancellationToken);
        }
    }

    /// <summary>Sends, then moves the fake clock on by how long the relay took.</summary>
    private sealed class SlowSender(IEmailSender inner, FakeTimeProvider time, TimeSpan took) : IEmailSender
    {
        public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            var result = await inner.SendAsync(message, cancellationToken);
            time.Advance(took);
            return result;
        }
    }

    /// <summary>Hands the message to the server, then dies before the outcome is recorded (a process crash between send and mark).</summary>
    private sealed class CrashAfterSend(IEmailSender inner) : IEmailSender
    {
        public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            await inner.SendAsync(message, cancellationToken);
            throw new OperationCanceledException("process killed");
        }
    }
}
