using System.Collections.Concurrent;
using Astropal.Core.Branding;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Places;
using Astropal.Core.Readers;
using Astropal.Core.Readers.Signup;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Beta;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Astropal.Tests.Web.Beta;

public sealed class BetaConsoleTests : BunitContext, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory dir = new("beta-console");
    private readonly CapturingSender sender = new();
    private SubscribersTestHost operations = default!;

    public BetaConsoleTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        Services.AddAstropalDbContext(DatabaseProvider.Sqlite, $"Data Source={dir.File("beta.db")}");
        var places = new Gazetteer();
        places.EnsureLoaded();
        Services.AddSingleton(places);
        Services.AddSingleton<TimeZoneResolver>();
        Services.AddSingleton<SignupValidator>();
        Services.AddSingleton(Options.Create(new BrandOptions()));
        Services.AddSingleton<EmailTemplateRenderer>();
        Services.AddSingleton<IEmailSender>(sender);
        Services.AddLogging();
        Services.AddSingleton<AuditLog>();
        Services.AddScoped<BetaInvitations>();
        Services.AddScoped<BetaImport>();
        Services.AddScoped<BetaReaders>();
        AddAuthorization().SetAuthorized("admin@example.org");
    }

    private IDbContextFactory<AstropalDbContext> Factory => Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();

    private static Reader Beta(string email, PerspectiveId perspective, ReaderStatus status) => new()
    {
        Id = Guid.NewGuid(), Email = email, TimeZone = "Europe/London", Locale = "en-US", ReferralCode = email[..4].ToUpperInvariant() + "0001",
        Status = status, Cohort = "beta", Perspective = perspective, FocusAreas = [FocusAreaId.Career], InvitedAt = Now.AddDays(-3),
        InvitationAcceptedAt = status == ReaderStatus.Active ? Now.AddDays(-2) : null,
    };

    [Fact]
    public async Task The_beta_page_shows_each_beta_reader_with_strip_and_engagement_warns_of_missing_perspectives_and_resends_an_invitation()
    {
        var invited = Beta("calm@example.org", PerspectiveId.Calm, ReaderStatus.Invited);
        var active = Beta("know@example.org", PerspectiveId.Knowledge, ReaderStatus.Active);
        await using (var db = await Factory.CreateDbContextAsync())
        {
            await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
            db.Readers.AddRange(invited, active);
            db.Readers.Add(new Reader { Id = Guid.NewGuid(), Email = "plain@example.org", TimeZone = "UTC", Locale = "en-US", ReferralCode = "PLAIN001", Status = ReaderStatus.Active, Perspective = PerspectiveId.Success });
            var today = new DeliveryRecord { Id = Guid.NewGuid(), ReaderId = active.Id, Kind = EmailTemplate.Daily, LocalDate = new DateOnly(2026, 12, 1), Status = DeliveryStatus.Sent, SentAt = Now.AddHours(-3), MessageId = "a@astropal.test" };
            var yesterday = new DeliveryRecord { Id = Guid.NewGuid(), ReaderId = active.Id, Kind = EmailTemplate.Daily, LocalDate = new DateOnly(2026, 11, 30), Status = DeliveryStatus.Failed, MessageId = "b@astropal.test" };
            db.Deliveries.AddRange(today, yesterday);
            db.EngagementEvents.AddRange(
                new EngagementEvent { DeliveryId = today.Id, ReaderId = active.Id, Kind = EngagementKind.Open, At = Now.AddHours(-3), IsFirst = true, IsMachine = true },
                new EngagementEvent { DeliveryId = today.Id, ReaderId = active.Id, Kind = EngagementKind.Open, At = Now.AddHours(-2) },
                new EngagementEvent { DeliveryId = today.Id, ReaderId = active.Id, Kind = EngagementKind.Open, At = Now.AddHours(-1) },
                new EngagementEvent { DeliveryId = today.Id, ReaderId = active.Id, Kind = EngagementKind.Click, At = Now.AddHours(-1), IsFirst = true, Link = "https://example.org" },
                new EngagementEvent { DeliveryId = today.Id, ReaderId = active.Id, Kind = EngagementKind.Open, At = Now.AddDays(-8) });
            await db.SaveChangesAsync();
        }

        var cut = Render<BetaPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("#beta-readers tbody tr").Count));
        Assert.Empty(cut.FindAll("tr[data-email='plain@example.org']"));
        var row = cut.Find("tr[data-email='know@example.org']");
        Assert.Equal("active", row.QuerySelector(".status")!.TextContent);
        Assert.Equal("2", row.QuerySelector(".opens")!.TextContent);
        Assert.Equal("1", row.QuerySelector(".clicks")!.TextContent);
        Assert.Contains("accepted 2026-11-29", row.QuerySelector(".invitation")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            ["NotDue", "NotDue", "NotDue", "NotDue", "NotDue", "Failed", "Sent"],
            row.QuerySelectorAll("[data-mark]").Select(m => m.GetAttribute("data-mark")));
        Assert.Equal("2026-11-30: failed", row.QuerySelectorAll("[data-mark]")[5].GetAttribute("aria-label"));
        Assert.Empty(row.QuerySelectorAll("button.resend-invitation"));
        Assert.Contains("Missing: Success & Achievement, Evidence-Based.", cut.Find("#perspective-banner").TextContent, StringComparison.Ordinal);

        cut.Find("tr[data-email='calm@example.org'] button.resend-invitation").Click();

        cut.WaitForAssertion(() => Assert.Contains("A new invitation is on its way to calm@example.org", cut.Find("#beta-message").TextContent, StringComparison.Ordinal));
        var mail = Assert.Single(sender.Sent);
        Assert.Equal(("calm@example.org", "invitation"), (mail.To, mail.Kind));
        await using var check = await Factory.CreateDbContextAsync();
        var audit = Assert.Single(await check.AuditEntries.ToListAsync());
        Assert.Equal(("admin@example.org", "beta.invitation-resent", "calm@example.org"), (audit.Actor, audit.Action, audit.Target));
    }

    [Fact]
    public async Task No_banner_when_all_four_perspectives_have_a_beta_reader()
    {
        await using (var db = await Factory.CreateDbContextAsync())
        {
            await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
            db.Readers.AddRange(
                Beta("calm@example.org", PerspectiveId.Calm, ReaderStatus.Invited),
                Beta("know@example.org", PerspectiveId.Knowledge, ReaderStatus.Active),
                Beta("succ@example.org", PerspectiveId.Success, ReaderStatus.Paused),
                Beta("evid@example.org", PerspectiveId.Evidence, ReaderStatus.Active));
            await db.SaveChangesAsync();
        }

        var cut = Render<BetaPage>();

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("#beta-readers tbody tr").Count));
        Assert.Empty(cut.FindAll("#perspective-banner"));
        Assert.Equal("paused", cut.Find("tr[data-email='succ@example.org'] .status").TextContent);
    }

    [Fact]
    public async Task The_import_page_previews_the_file_then_imports_it_on_confirm_as_the_signed_in_operator()
    {
        await using (var db = await Factory.CreateDbContextAsync())
        {
            await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
        }

        var cut = Render<BetaImportPage>();
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            """[{"email":"a@example.org","perspective":"calm","focusAreas":["career"],"locale":"en-US"},{"email":"b@example.org","perspective":"evidence","focusAreas":["wellness"],"locale":"es-ES"}]""",
            "beta.json"));

        cut.WaitForAssertion(() => Assert.Contains("Preview of beta.json: 2 invite.", cut.Find("#import-summary").TextContent, StringComparison.Ordinal));
        Assert.Equal(2, cut.FindAll("#import-lines tr[data-outcome=Invite]").Count);
        Assert.Empty(sender.Sent);
        await using (var db = await Factory.CreateDbContextAsync())
        {
            Assert.Empty(await db.Readers.ToListAsync());
        }

        cut.Find("#confirm-import").Click();

        cut.WaitForAssertion(() => Assert.Contains("Imported beta.json: 2 invite.", cut.Find("#import-summary").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("#confirm-import"));
        Assert.Equal(2, sender.Sent.Count);
        await using var check = await Factory.CreateDbContextAsync();
        Assert.Equal(2, await check.Readers.CountAsync(r => r.Status == ReaderStatus.Invited && r.Cohort == "beta"));
        var audit = Assert.Single(await check.AuditEntries.ToListAsync());
        Assert.Equal(("admin@example.org", "beta.imported", "beta.json"), (audit.Actor, audit.Action, audit.Target));
    }

    [Fact]
    public async Task A_bad_file_is_refused_on_the_import_page_with_index_and_field_and_no_confirm()
    {
        await using (var db = await Factory.CreateDbContextAsync())
        {
            await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
        }

        var cut = Render<BetaImportPage>();
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            """[{"email":"a@example.org","perspective":"calm","focusAreas":["career"]},{"email":"b@example.org","perspective":"zen","focusAreas":["career"]}]""",
            "bad.json"));

        cut.WaitForAssertion(() => Assert.Contains("Entry 1, field perspective:", cut.Find("#import-error").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("#confirm-import"));
        Assert.Empty(sender.Sent);
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        // The page's reader actions (BetaPageActionsTests covers them); these tests do not use them.
        operations = await SubscribersTestHost.StartAsync("beta-console-ops");
        Services.AddSingleton(operations.Get<Astropal.Web.Features.Subscribers.ReaderOperations>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await operations.DisposeAsync();
        dir.Dispose();
    }

    private sealed class CapturingSender : IEmailSender
    {
        public ConcurrentQueue<EmailMessage> Sent { get; } = new();

        public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            Sent.Enqueue(message);
            return Task.FromResult(EmailSendResult.Sent);
        }
    }
}
