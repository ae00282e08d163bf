using Astropal.Core.Readers;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Beta;
using Astropal.Web.Features.Subscribers;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Astropal.Tests.Web.Beta;

/// <summary>The beta page's reader actions (preview, resend, pause and resume today's email) through ReaderOperations.</summary>
public sealed class BetaPageActionsTests : BunitContext, IAsyncLifetime
{
    private const string Operator = "ops@example.org";
    private SubscribersTestHost host = default!;

    public BetaPageActionsTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        AddAuthorization().SetAuthorized(Operator);
    }

    public async Task InitializeAsync()
    {
        host = await SubscribersTestHost.StartAsync("beta-actions");
        Services.AddSingleton(host.Get<ReaderOperations>());
        Services.AddSingleton(new BetaReaders(host.Db, host.Time));
        Services.AddSingleton(ActivatorUtilities.CreateInstance<BetaInvitations>(host.Host.Services));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Pause_then_resume_from_the_beta_page_changes_the_reader_and_audits_the_signed_in_operator()
    {
        var reader = await host.AddReaderAsync("calm@example.org", cohort: "beta");
        var cut = Render<BetaPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#beta-readers .pause")));

        cut.Find("#beta-readers .pause").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#beta-readers .resume")));
        Assert.Equal(ReaderStatus.Paused, await StatusAsync(reader.Id));

        cut.Find("#beta-readers .resume").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#beta-readers .pause")));
        Assert.Equal(ReaderStatus.Active, await StatusAsync(reader.Id));
        var audit = await host.AuditAsync();
        Assert.Equal(["reader.paused", "reader.resumed"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal((Operator, reader.Id.ToString("D")), (a.Actor, a.Target)));
    }

    [Fact]
    public async Task Preview_today_shows_the_readers_email_for_their_local_today_with_inert_links_and_is_audited()
    {
        var reader = await host.AddReaderAsync("know@example.org", cohort: "beta", perspective: PerspectiveId.Knowledge);
        var cut = Render<BetaPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#beta-readers .preview-today")));

        cut.Find("#beta-readers .preview-today").Click();

        // 09:00 UTC on 1 December is the same day in London.
        cut.WaitForAssertion(() => Assert.Contains("2026-12-01", cut.Find("#preview-subject").TextContent, StringComparison.Ordinal));
        Assert.Contains($"t={ReaderOperations.PreviewToken}", host.Composer.LastLinks!.PreferencesUrl, StringComparison.Ordinal);
        Assert.Contains(await host.AuditAsync(), a => a.Target == reader.Id.ToString("D") && a.Actor == Operator);
    }

    [Fact]
    public async Task Resend_today_queues_todays_email_again_and_says_so()
    {
        var reader = await host.AddReaderAsync("win@example.org", cohort: "beta", perspective: PerspectiveId.Success);
        var cut = Render<BetaPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#beta-readers .resend-today")));

        cut.Find("#beta-readers .resend-today").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.Find("#beta-message").TextContent));
        await using var db = await host.Db.CreateDbContextAsync();
        var row = await db.Deliveries.AsNoTracking().SingleAsync(d => d.ReaderId == reader.Id);
        Assert.Equal(new DateOnly(2026, 12, 1), row.LocalDate);
        Assert.Contains(await host.AuditAsync(), a => a.Target == reader.Id.ToString("D") && a.Actor == Operator);
    }

    private async Task<ReaderStatus> StatusAsync(Guid id)
    {
        await using var db = await host.Db.CreateDbContextAsync();
        return (await db.Readers.AsNoTracking().SingleAsync(r => r.Id == id)).Status;
    }
}
