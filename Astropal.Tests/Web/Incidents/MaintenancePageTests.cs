using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Incidents;
using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;

namespace Astropal.Tests.Web.Incidents;

public sealed class MaintenancePageTests : BunitContext, IAsyncLifetime
{
    private MetricsTestHost host = default!;

    public MaintenancePageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    public async Task InitializeAsync()
    {
        host = await IncidentsConsoleHost.StartAsync("maintenance-page");
        IncidentsConsoleHost.AddTo(Services, host);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task A_window_ending_before_it_starts_is_refused_then_a_valid_one_is_scheduled_and_cancelled()
    {
        AddAuthorization().SetAuthorized("olu@example.com");
        var cut = Render<MaintenancePage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#maintenance-upcoming .empty")));

        cut.Find("#maintenance-title input").Change("Database upgrade");
        cut.Find("#maintenance-text textarea").Change("Sign-up pauses for an hour.");
        cut.Find("#maintenance-start").Change("2026-12-02 03:00");
        cut.Find("#maintenance-end").Change("2026-12-02 02:00");
        cut.Find("#maintenance-database").Change(true);
        cut.Find("#schedule-button").Click();
        cut.WaitForAssertion(() => Assert.Equal("The window must end after it starts.", cut.Find("#maintenance-message").TextContent.Trim()));

        cut.Find("#maintenance-end").Change("2026-12-02 04:00");
        cut.Find("#schedule-button").Click();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#maintenance-upcoming tr.window")));
        Assert.Contains("Database", cut.Find("#maintenance-upcoming tr.window").TextContent, StringComparison.Ordinal);

        cut.Find("#maintenance-upcoming tr.window .cancel").Click();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#maintenance-past tr.window[data-phase=cancelled]")));

        await using var db = await host.Db.CreateDbContextAsync();
        Assert.Equal(
            [MaintenanceService.ScheduledAction, MaintenanceService.CancelledAction],
            await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(1, await db.Maintenances.CountAsync());
    }
}
