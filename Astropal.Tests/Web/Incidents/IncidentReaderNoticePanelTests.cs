using Astropal.Core.Branding;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Delivery;
using Astropal.Web.Features.Incidents;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Astropal.Tests.Web.Incidents;

public sealed class IncidentReaderNoticePanelTests : BunitContext, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 6, 40, 0, TimeSpan.Zero);
    private readonly TempDirectory dir = new("notice-panel");
    private IDbContextFactory<AstropalDbContext> db = default!;
    private long incidentId;

    public IncidentReaderNoticePanelTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLogging();
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        Services.AddAstropalDbContext(DatabaseProvider.Sqlite, $"Data Source={dir.File("notices.db")}");
        Services.AddSingleton<AuditLog>();
        Services.Configure<BrandOptions>(b =>
        {
            b.SiteUrl = "https://astropal.example";
            b.FromAddress = "hello@astropal.example";
        });
        Services.AddSingleton<EmailTemplateRenderer>();
        Services.AddSingleton<IncidentNoticeComposer>();
        Services.AddSingleton<LedgerRows>();
        Services.AddSingleton<IncidentReaderNotices>();
        AddAuthorization().SetAuthorized("ada@example.com");
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        db = Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();
        await using var context = await db.CreateDbContextAsync();
        await DatabaseMigrator.MigrateAsync(context, CancellationToken.None);
        var readers = new (string Email, string Zone, TimeOnly Time, bool Notices)[]
        {
            ("six@example.com", "Europe/London", new(6, 0), true),
            ("sixthirty@example.com", "Asia/Tokyo", new(6, 30), true),
            ("nine@example.com", "America/New_York", new(9, 0), true),
            ("quiet@example.com", "Europe/London", new(6, 0), false),
        };
        foreach (var (email, zone, time, notices) in readers)
        {
            context.Readers.Add(new Reader
            {
                Id = Guid.NewGuid(), Email = email, Name = "Ada", TimeZone = zone, DeliveryTime = time, Locale = "en-US",
                ReferralCode = email[..6], Status = ReaderStatus.Active, ServiceNotices = notices, CreatedAt = Now, ConfirmedAt = Now,
            });
        }

        var incident = new Incident
        {
            Title = "Morning emails delayed", Severity = IncidentSeverity.P2, Status = IncidentStatus.Identified,
            CreatedAt = Now, UpdatedAt = Now, CreatedBy = "ops@example.com",
        };
        incident.Updates.Add(new IncidentUpdate { Status = IncidentStatus.Identified, Message = "Re-sending the morning emails now.", CreatedAt = Now, CreatedBy = "ops@example.com" });
        context.Incidents.Add(incident);
        await context.SaveChangesAsync();
        incidentId = incident.Id;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        dir.Dispose();
    }

    [Fact]
    public async Task The_count_shown_is_what_a_send_queues_for_all_readers_and_for_a_window()
    {
        var notices = Services.GetRequiredService<IncidentReaderNotices>();
        var cut = Render<IncidentReaderNoticePanel>(p => p.Add(x => x.IncidentId, incidentId));

        cut.WaitForAssertion(() => Assert.Equal("3", cut.Find("#notice-count").GetAttribute("data-count")));
        Assert.Equal(3, await notices.CountAsync(incidentId, ReaderNoticeAudience.AllActive, CancellationToken.None));

        await cut.InvokeAsync(() => cut.FindComponent<MudBlazor.MudRadioGroup<bool>>().Instance.ValueChanged.InvokeAsync(true));

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("#notice-count").GetAttribute("data-count")));
        Assert.Contains("between 06:00 and 06:30", cut.Find("#notice-count").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_asks_for_confirmation_then_queues_once_audits_and_shows_the_ledger_counts()
    {
        var cut = Render<IncidentReaderNoticePanel>(p => p.Add(x => x.IncidentId, incidentId));
        cut.WaitForAssertion(() => Assert.Equal("3", cut.Find("#notice-count").GetAttribute("data-count")));

        cut.Find("#notice-send").Click();
        Assert.Contains("Send the notice to 3 readers", cut.Find("#notice-confirmation").TextContent, StringComparison.Ordinal);
        Assert.Empty(await RowsAsync());

        cut.Find("#notice-confirm").Click();

        cut.WaitForAssertion(() => Assert.Contains("Queued the notice to 3 readers", cut.Find("#notice-result").TextContent, StringComparison.Ordinal));
        Assert.Equal("0", cut.Find("#notice-count").GetAttribute("data-count"));
        Assert.Equal("3", cut.Find("tr[data-kind=incident-notice] td[data-cell=total]").TextContent);
        Assert.Equal("3", cut.Find("tr[data-kind=incident-notice] td[data-cell=pending]").TextContent);
        var rows = await RowsAsync();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal((EmailTemplate.IncidentNotice, DeliveryStatus.Pending, $"incident:{incidentId}"), (r.Kind, r.Status, r.Reference)));
        await using var context = await db.CreateDbContextAsync();
        var audit = Assert.Single(await context.AuditEntries.ToListAsync());
        Assert.Equal(("ada@example.com", IncidentReaderNotices.AuditAction), (audit.Actor, audit.Action));
    }

    [Fact]
    public async Task The_preview_renders_the_notice_for_a_sample_reader_in_a_sandboxed_frame_and_sends_nothing()
    {
        var cut = Render<IncidentReaderNoticePanel>(p => p.Add(x => x.IncidentId, incidentId));
        cut.WaitForAssertion(() => cut.Find("#notice-count"));

        cut.Find("#notice-preview").Click();

        cut.WaitForAssertion(() => Assert.Equal("Today's Astropal email may be late", cut.Find("#notice-preview-subject").TextContent));
        var frame = cut.Find("iframe");
        Assert.Equal("", frame.GetAttribute("sandbox"));
        Assert.Contains("Re-sending the morning emails now.", frame.GetAttribute("srcdoc"), StringComparison.Ordinal);
        Assert.Contains("https://astropal.example/status", frame.GetAttribute("srcdoc"), StringComparison.Ordinal);
        Assert.Empty(await RowsAsync());
    }

    private async Task<List<DeliveryRecord>> RowsAsync()
    {
        await using var context = await db.CreateDbContextAsync();
        return await context.Deliveries.AsNoTracking().ToListAsync();
    }
}
