using Astropal.Core.Billing;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Subscribers;
using Astropal.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Tests.Integration.Subscribers;

public sealed class ReaderOperationsTests : IAsyncLifetime
{
    private const string Operator = "ops@example.com";
    private static readonly DateOnly Day = new(2026, 11, 30);
    private SubscribersTestHost host = default!;

    private ReaderOperations Operations => host.Get<ReaderOperations>();

    public async Task InitializeAsync() => host = await SubscribersTestHost.StartAsync("reader-ops");

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Pause_and_resume_change_the_status_and_are_audited_with_the_operator()
    {
        var reader = await host.AddReaderAsync("ada@example.com");

        var paused = await Operations.PauseAsync(reader.Id, Operator, CancellationToken.None);
        Assert.True(paused.Done);
        Assert.Equal(ReaderStatus.Paused, (await ReaderAsync(reader.Id)).Status);

        var resumed = await Operations.ResumeAsync(reader.Id, Operator, CancellationToken.None);
        Assert.True(resumed.Done);
        Assert.Equal(ReaderStatus.Active, (await ReaderAsync(reader.Id)).Status);

        var audit = await host.AuditAsync();
        Assert.Equal(["reader.paused", "reader.resumed"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal((Operator, reader.Id.ToString("D")), (a.Actor, a.Target)));
    }

    [Fact]
    public async Task Pausing_a_reader_who_is_not_active_is_refused_with_the_reason_and_changes_nothing()
    {
        var reader = await host.AddReaderAsync("ada@example.com", ReaderStatus.Unsubscribed);

        var result = await Operations.PauseAsync(reader.Id, Operator, CancellationToken.None);

        Assert.False(result.Done);
        Assert.Contains("unsubscribed", result.Message, StringComparison.Ordinal);
        Assert.Equal(ReaderStatus.Unsubscribed, (await ReaderAsync(reader.Id)).Status);
        Assert.Empty(await host.AuditAsync());
        Assert.False((await Operations.PauseAsync(Guid.NewGuid(), Operator, CancellationToken.None)).Done);
    }

    [Fact]
    public async Task Resending_a_day_queues_a_failed_or_sent_email_again_adds_a_missing_one_and_refuses_one_in_flight()
    {
        var failed = await host.AddReaderAsync("failed@example.com");
        var sent = await host.AddReaderAsync("sent@example.com");
        var missing = await host.AddReaderAsync("missing@example.com");
        var pending = await host.AddReaderAsync("pending@example.com");
        await AddDeliveryAsync(failed.Id, DeliveryStatus.Failed, "m-failed@astropal.test");
        await AddDeliveryAsync(sent.Id, DeliveryStatus.Sent, "m-sent@astropal.test");
        await AddDeliveryAsync(pending.Id, DeliveryStatus.Pending, "m-pending@astropal.test");

        Assert.True((await Operations.ResendDayAsync(failed.Id, Day, Operator, CancellationToken.None)).Done);
        Assert.True((await Operations.ResendDayAsync(sent.Id, Day, Operator, CancellationToken.None)).Done);
        Assert.True((await Operations.ResendDayAsync(missing.Id, Day, Operator, CancellationToken.None)).Done);
        var refused = await Operations.ResendDayAsync(pending.Id, Day, Operator, CancellationToken.None);

        Assert.False(refused.Done);
        Assert.Contains("already pending", refused.Message, StringComparison.Ordinal);
        await using var db = await host.Db.CreateDbContextAsync();
        var rows = await db.Deliveries.AsNoTracking().ToDictionaryAsync(d => d.ReaderId);
        Assert.Equal((DeliveryStatus.Pending, 0, SubscribersTestHost.Now, "m-failed@astropal.test"),
            (rows[failed.Id].Status, rows[failed.Id].Attempts, rows[failed.Id].TargetAt, rows[failed.Id].MessageId));
        Assert.Equal((DeliveryStatus.Pending, SubscribersTestHost.Now), (rows[sent.Id].Status, rows[sent.Id].TargetAt));
        Assert.NotEqual("m-sent@astropal.test", rows[sent.Id].MessageId);
        Assert.Equal((DeliveryStatus.Pending, EmailTemplate.Daily, Day), (rows[missing.Id].Status, rows[missing.Id].Kind, rows[missing.Id].LocalDate));
        Assert.Equal(DeliveryStatus.Pending, rows[pending.Id].Status);
        Assert.Equal(3, (await host.AuditAsync()).Count(a => a.Action == "reader.email-resent" && a.Actor == Operator));
    }

    [Fact]
    public async Task Resending_to_a_paused_or_suppressed_reader_is_refused()
    {
        var paused = await host.AddReaderAsync("paused@example.com", ReaderStatus.Paused);
        var suppressed = await host.AddReaderAsync("suppressed@example.com");
        Assert.True((await Operations.SuppressAsync(suppressed.Id, Operator, CancellationToken.None)).Done);

        var toPaused = await Operations.ResendDayAsync(paused.Id, Day, Operator, CancellationToken.None);
        var toSuppressed = await Operations.ResendDayAsync(suppressed.Id, Day, Operator, CancellationToken.None);

        Assert.Contains("paused", toPaused.Message, StringComparison.Ordinal);
        Assert.Contains("suppression list", toSuppressed.Message, StringComparison.Ordinal);
        await using var db = await host.Db.CreateDbContextAsync();
        Assert.Empty(await db.Deliveries.ToListAsync());
    }

    [Fact]
    public async Task The_preview_has_inert_links_and_is_audited()
    {
        var reader = await host.AddReaderAsync("ada@example.com");

        var preview = await Operations.PreviewDayAsync(reader.Id, Day, Operator, CancellationToken.None);

        Assert.Null(preview.Error);
        Assert.Contains("2026-11-30", preview.Email!.Subject, StringComparison.Ordinal);
        var links = host.Composer.LastLinks!;
        Assert.Equal("https://astropal.test/me?t=preview", links.PreferencesUrl);
        Assert.Equal("https://astropal.test/u/preview", links.UnsubscribeUrl);
        Assert.Equal("https://astropal.test/me/perspective/evidence?t=preview", links.PerspectiveUrls.Evidence);
        Assert.DoesNotContain("t=CfDJ", preview.Email.Html, StringComparison.Ordinal);
        var entry = Assert.Single(await host.AuditAsync());
        Assert.Equal(("reader.email-previewed", "daily 2026-11-30"), (entry.Action, entry.Detail));
    }

    [Fact]
    public async Task Changing_the_tier_is_audited_with_before_and_after_and_the_same_tier_is_refused()
    {
        var reader = await host.AddReaderAsync("ada@example.com", tier: Tier.Trial);

        Assert.True((await Operations.ChangeTierAsync(reader.Id, Tier.Pro, Operator, CancellationToken.None)).Done);
        Assert.False((await Operations.ChangeTierAsync(reader.Id, Tier.Pro, Operator, CancellationToken.None)).Done);
        Assert.False((await Operations.ChangeTierAsync(reader.Id, (Tier)42, Operator, CancellationToken.None)).Done);

        Assert.Equal(Tier.Pro, (await ReaderAsync(reader.Id)).Tier);
        var entry = Assert.Single(await host.AuditAsync());
        Assert.Equal(("reader.tier-changed", "trial → pro (comp)"), (entry.Action, entry.Detail));
    }

    [Fact]
    public async Task Suppress_and_unsuppress_put_the_address_on_and_off_the_list_and_a_bounced_reader_becomes_active()
    {
        var reader = await host.AddReaderAsync("ada@example.com", ReaderStatus.Bounced);
        var hash = AddressHash.Of("ada@example.com");

        Assert.True((await Operations.SuppressAsync(reader.Id, Operator, CancellationToken.None)).Done);
        Assert.False((await Operations.SuppressAsync(reader.Id, Operator, CancellationToken.None)).Done);
        await using (var db = await host.Db.CreateDbContextAsync())
        {
            Assert.True(await db.SuppressedAddresses.AnyAsync(s => s.AddressHash == hash));
        }

        Assert.True((await Operations.UnsuppressAsync(reader.Id, Operator, CancellationToken.None)).Done);
        Assert.False((await Operations.UnsuppressAsync(reader.Id, Operator, CancellationToken.None)).Done);

        await using (var db = await host.Db.CreateDbContextAsync())
        {
            Assert.False(await db.SuppressedAddresses.AnyAsync(s => s.AddressHash == hash));
        }

        Assert.Equal(ReaderStatus.Active, (await ReaderAsync(reader.Id)).Status);
        Assert.Equal(["reader.suppressed", "reader.unsuppressed"], (await host.AuditAsync()).Select(a => a.Action));
    }

    [Fact]
    public async Task A_portal_link_is_emailed_to_the_reader_and_audited()
    {
        var reader = await host.AddReaderAsync("ada@example.com");

        var result = await Operations.SendPortalLinkAsync(reader.Id, Operator, CancellationToken.None);

        Assert.True(result.Done, result.Message);
        var outbox = host.Get<OutboxReader>();
        var entry = Assert.Single(await outbox.ListAsync(0, 10, CancellationToken.None));
        Assert.Contains("<ada@example.com>", entry.To, StringComparison.Ordinal);
        var audit = Assert.Single(await host.AuditAsync());
        Assert.Equal(("reader.portal-link-sent", Operator, "sent"), (audit.Action, audit.Actor, audit.Detail));
    }

    [Fact]
    public async Task Export_and_delete_are_the_readers_own_named_after_the_operator()
    {
        var reader = await host.AddReaderAsync("ada@example.com");

        var export = await Operations.ExportAsync(reader.Id, Operator, CancellationToken.None);
        var deleted = await Operations.DeleteAsync(reader.Id, Operator, CancellationToken.None);

        Assert.Equal("ada@example.com", export!.Profile.Email);
        Assert.Equal(new DateOnly(1990, 5, 17), export.Profile.BirthDate);
        Assert.True(deleted.Done);
        var after = await ReaderAsync(reader.Id);
        Assert.Equal((ReaderStatus.Deleted, null, null, null), (after.Status, after.Email, after.Name, after.BirthDate));
        var audit = await host.AuditAsync();
        Assert.Equal(["reader.data-exported", "reader.deleted"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(Operator, a.Actor));
        Assert.Contains("by an operator", audit[1].Detail, StringComparison.Ordinal);
        Assert.Contains((await host.Get<OutboxReader>().ListAsync(0, 10, CancellationToken.None)), e => e.To.Contains("<ada@example.com>", StringComparison.Ordinal));
        Assert.False((await Operations.DeleteAsync(reader.Id, Operator, CancellationToken.None)).Done);
    }

    [Fact]
    public async Task Revealing_birth_data_returns_it_and_is_audited()
    {
        var reader = await host.AddReaderAsync("ada@example.com");

        var birth = await Operations.RevealBirthDataAsync(reader.Id, Operator, CancellationToken.None);

        Assert.Equal((new DateOnly(1990, 5, 17), new TimeOnly(8, 30)), (birth!.BirthDate, birth.BirthTime));
        var entry = Assert.Single(await host.AuditAsync());
        Assert.Equal(("reader.birth-data-revealed", Operator), (entry.Action, entry.Actor));
    }

    private async Task<Reader> ReaderAsync(Guid id)
    {
        await using var db = await host.Db.CreateDbContextAsync();
        return await db.Readers.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    private async Task AddDeliveryAsync(Guid readerId, DeliveryStatus status, string messageId)
    {
        await using var db = await host.Db.CreateDbContextAsync();
        db.Deliveries.Add(new DeliveryRecord
        {
            Id = Guid.NewGuid(), ReaderId = readerId, Kind = EmailTemplate.Daily, LocalDate = Day, Status = status, Attempts = 2,
            TargetAt = SubscribersTestHost.Now.AddDays(-1), SentAt = status == DeliveryStatus.Sent ? SubscribersTestHost.Now.AddDays(-1) : null,
            MessageId = messageId, LastError = status == DeliveryStatus.Failed ? "550 5.7.1 policy" : null,
        });
        await db.SaveChangesAsync();
    }
}
