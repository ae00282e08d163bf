using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Delivery;
using Astropal.Web.Features.Readers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.Integration.Readers;

/// <summary>
/// Inactive readers with a fake clock: the notice 30 days before (once, through the ledger, sent by the dispatcher),
/// the purge through the portal's deletion, readers who came back kept, readers we cannot write to purged without one.
/// </summary>
public sealed class InactiveReaderPurgeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_reader_inactive_for_almost_24_months_gets_one_notice_and_is_purged_30_days_later_keeping_the_history()
    {
        var time = new FakeTimeProvider(Now);
        await using var app = new AstropalAppFactory { TestServices = s => s.AddSingleton<TimeProvider>(time) };
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();
        // Last seen 24 months minus 10 days ago: inside the notice window, not yet due for the purge.
        var fading = await AddReaderAsync(dbFactory, "fading@example.com", ReaderStatus.Active, lastActivity: Now.AddMonths(-24).AddDays(10));
        var recent = await AddReaderAsync(dbFactory, "recent@example.com", ReaderStatus.Active, lastActivity: Now.AddMonths(-12));
        var clicked = await AddReaderAsync(dbFactory, "clicked@example.com", ReaderStatus.Active, lastActivity: Now.AddMonths(-23));
        await AddClickAsync(dbFactory, clicked, Now.AddMonths(-1));
        var gone = await AddReaderAsync(dbFactory, "gone@example.com", ReaderStatus.Unsubscribed, lastActivity: null, created: Now.AddMonths(-25));

        var first = await RunAsync(app);
        var again = await RunAsync(app);

        Assert.Equal(new InactivePurgeSummary(1, 1), first);
        Assert.Equal(new InactivePurgeSummary(0, 0), again);
        var notice = Assert.Single(await NoticesAsync(dbFactory));
        Assert.Equal((fading, DeliveryStatus.Pending), (notice.ReaderId, notice.Status));
        Assert.StartsWith("inactivity:", notice.Reference, StringComparison.Ordinal);
        Assert.Equal(ReaderStatus.Deleted, (await ReaderAsync(dbFactory, gone)).Status);
        Assert.Null((await ReaderAsync(dbFactory, gone)).Email);
        Assert.Equal(ReaderStatus.Active, (await ReaderAsync(dbFactory, recent)).Status);
        Assert.Equal(ReaderStatus.Active, (await ReaderAsync(dbFactory, clicked)).Status);

        // The dispatcher sends it like any ledger email, in the reader's language, with the date of the purge.
        await app.Services.GetRequiredService<DeliveryDispatcher>().RunAsync(CancellationToken.None);
        var sent = Assert.Single(app.OutboxMessages(), m => m.To.ToString().Contains("fading@example.com", StringComparison.Ordinal));
        Assert.Equal("Your Astropal account will be deleted on Monday, January 4, 2027", sent.Subject);
        Assert.Contains("Keep my account", sent.TextBody, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await NoticesAsync(dbFactory)).Status);

        // 29 days on: the 30 days are not over.
        time.Advance(TimeSpan.FromDays(29));
        Assert.Equal(new InactivePurgeSummary(0, 0), await RunAsync(app));
        Assert.Equal(ReaderStatus.Active, (await ReaderAsync(dbFactory, fading)).Status);

        time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(new InactivePurgeSummary(0, 1), await RunAsync(app));

        var purged = await ReaderAsync(dbFactory, fading);
        Assert.Equal((ReaderStatus.Deleted, (string?)null, (string?)null), (purged.Status, purged.Email, purged.Name));
        Assert.Single(await NoticesAsync(dbFactory)); // the delivery history stays, keyed by the kept row
        await using var db = await dbFactory.CreateDbContextAsync();
        var audit = await db.AuditEntries.Where(e => e.Action.StartsWith("reader.")).OrderBy(e => e.Id).Select(e => new { e.Actor, e.Action, e.Target, e.Detail }).ToListAsync();
        Assert.Contains(audit, e => e.Action == "reader.purged-inactive" && e.Detail!.StartsWith("1 notice(s) queued, 1 reader(s) purged", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == "reader.purged-inactive" && e.Detail!.StartsWith("0 notice(s) queued, 1 reader(s) purged", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == "reader.deleted" && e.Actor == "system" && e.Target == fading.ToString("D")
                                    && e.Detail == "personal data erased: inactive for 24 months (Privacy:PurgeAfterMonths)");
        // No account-deleted email: the notice was the last one.
        Assert.DoesNotContain(app.OutboxMessages(), m => (m.Subject ?? "").Contains("has been deleted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reader_who_visits_after_the_notice_is_not_purged_and_gets_no_second_notice_yet()
    {
        var time = new FakeTimeProvider(Now);
        await using var app = new AstropalAppFactory { TestServices = s => s.AddSingleton<TimeProvider>(time) };
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();
        var back = await AddReaderAsync(dbFactory, "back@example.com", ReaderStatus.Active, lastActivity: Now.AddMonths(-24).AddDays(5), locale: "es-ES");
        Assert.Equal(new InactivePurgeSummary(1, 0), await RunAsync(app));
        await app.Services.GetRequiredService<DeliveryDispatcher>().RunAsync(CancellationToken.None);
        var notice = Assert.Single(app.OutboxMessages());
        Assert.StartsWith("Tu cuenta de Astropal se eliminará el ", notice.Subject, StringComparison.Ordinal);

        // The reader follows the button: the portal records the visit.
        time.Advance(TimeSpan.FromDays(3));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PortalService>().TouchAsync(back, CancellationToken.None);
        }

        time.Advance(TimeSpan.FromDays(40));
        Assert.Equal(new InactivePurgeSummary(0, 0), await RunAsync(app));
        Assert.Equal(ReaderStatus.Active, (await ReaderAsync(dbFactory, back)).Status);
        Assert.Single(await NoticesAsync(dbFactory));
    }

    [Fact]
    public async Task Privacy_PurgeAfterMonths_sets_the_threshold_and_paused_readers_are_told_too()
    {
        var time = new FakeTimeProvider(Now);
        await using var app = new AstropalAppFactory
        {
            Settings = new Dictionary<string, string?> { ["Privacy:PurgeAfterMonths"] = "6" },
            TestServices = s => s.AddSingleton<TimeProvider>(time),
        };
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();
        var bounced = await AddReaderAsync(dbFactory, "bounced@example.com", ReaderStatus.Bounced, lastActivity: Now.AddMonths(-7));
        await AddReaderAsync(dbFactory, "active@example.com", ReaderStatus.Active, lastActivity: Now.AddMonths(-5).AddDays(-10));
        // A reader who paused their emails still gets the notice: it is about their account, not the newsletter.
        await AddReaderAsync(dbFactory, "paused@example.com", ReaderStatus.Paused, lastActivity: Now.AddMonths(-5).AddDays(-20));

        Assert.Equal(new InactivePurgeSummary(2, 1), await RunAsync(app));
        Assert.Equal(ReaderStatus.Deleted, (await ReaderAsync(dbFactory, bounced)).Status);
        await app.Services.GetRequiredService<DeliveryDispatcher>().RunAsync(CancellationToken.None);
        Assert.All(await NoticesAsync(dbFactory), n => Assert.Equal(DeliveryStatus.Sent, n.Status));
        Assert.Equal(2, app.OutboxMessages().Count(m => (m.Subject ?? "").Contains("will be deleted on", StringComparison.Ordinal)));
        Assert.Contains(app.OutboxMessages(), m => m.To.ToString().Contains("paused@example.com", StringComparison.Ordinal));
        using var client = app.CreateClient();
        Assert.Contains("inactive for 6 months", await client.GetStringAsync(new Uri("/privacy", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_out_of_range_stops_startup_naming_the_setting()
    {
        await using var app = new AstropalAppFactory { Settings = new Dictionary<string, string?> { ["Privacy:PurgeAfterMonths"] = "0" } };

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("Privacy:PurgeAfterMonths must be between 2 and 240.", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<InactivePurgeSummary> RunAsync(AstropalAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InactiveReaderPurge>().RunAsync(CancellationToken.None);
    }

    private static async Task<Guid> AddReaderAsync(
        IDbContextFactory<AstropalDbContext> dbFactory, string email, ReaderStatus status, DateTimeOffset? lastActivity, DateTimeOffset? created = null, string locale = "en-US")
    {
        var id = Guid.NewGuid();
        var since = created ?? Now.AddYears(-3);
        await using var db = await dbFactory.CreateDbContextAsync();
        db.Readers.Add(new Reader
        {
            Id = id,
            Email = email,
            Name = "Ada",
            TimeZone = "America/New_York",
            DeliveryTime = new TimeOnly(23, 0),
            Locale = locale,
            ReferralCode = id.ToString("N")[..12],
            Tier = Astropal.Core.Billing.Tier.Free,
            Status = status,
            CreatedAt = since,
            ConfirmedAt = since,
            UpdatedAt = since,
            LastActivityAt = lastActivity,
        });
        await db.SaveChangesAsync();
        return id;
    }

    private static async Task AddClickAsync(IDbContextFactory<AstropalDbContext> dbFactory, Guid readerId, DateTimeOffset at)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var delivery = new DeliveryRecord
        {
            Id = Guid.NewGuid(),
            ReaderId = readerId,
            Kind = EmailTemplate.Daily,
            LocalDate = DateOnly.FromDateTime(at.UtcDateTime),
            Status = DeliveryStatus.Sent,
            TargetAt = at,
            SentAt = at,
            MessageId = $"<{Guid.NewGuid():N}@test>",
            CreatedAt = at,
            UpdatedAt = at,
        };
        db.Deliveries.Add(delivery);
        db.EngagementEvents.Add(new EngagementEvent { DeliveryId = delivery.Id, ReaderId = readerId, Kind = EngagementKind.Click, At = at.AddHours(1), Link = "https://astropal.test/", IsFirst = true });
        await db.SaveChangesAsync();
    }

    private static async Task<List<DeliveryRecord>> NoticesAsync(IDbContextFactory<AstropalDbContext> dbFactory)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Deliveries.AsNoTracking().Where(d => d.Kind == EmailTemplate.InactivityNotice).ToListAsync();
    }

    private static async Task<Reader> ReaderAsync(IDbContextFactory<AstropalDbContext> dbFactory, Guid id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Readers.AsNoTracking().SingleAsync(r => r.Id == id);
    }
}
