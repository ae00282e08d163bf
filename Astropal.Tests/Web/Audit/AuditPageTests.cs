using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Audit;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Astropal.Tests.Web.Audit;

public sealed class AuditPageTests : BunitContext, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory dir = new("audit-page");

    public AuditPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        Services.AddAstropalDbContext(DatabaseProvider.Sqlite, $"Data Source={dir.File("audit.db")}");
        Services.AddSingleton<AuditQuery>();
        var factory = Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
        // 60 entries over three days: ada signs in every hour, bob disables someone every third hour.
        for (var i = 0; i < 60; i++)
        {
            var bob = i % 3 == 0;
            db.AuditEntries.Add(AuditLog.Entry(Start.AddHours(i), bob ? "bob@example.com" : "ada@example.com",
                bob ? "operator.disabled" : "operator.signed-in", bob ? $"target{i}@example.com" : null, $"entry {i}"));
        }

        await db.SaveChangesAsync();
    }

    [Fact]
    public void Entries_are_shown_newest_first_one_page_at_a_time()
    {
        var cut = Render<AuditPage>();

        cut.WaitForAssertion(() => Assert.Equal(50, cut.FindAll("#audit-entries tbody tr").Count), Wait);
        var details = cut.FindAll("#audit-entries tbody tr .detail").Select(d => d.TextContent).ToList();
        Assert.Equal("entry 59", details[0]);
        Assert.Equal("entry 10", details[^1]);
        Assert.Contains("60 entries match", cut.Find("#audit-total").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Filtering_by_operator_and_date_narrows_the_entries()
    {
        var cut = Render<AuditPage>();
        cut.WaitForAssertion(() => Assert.Equal(50, cut.FindAll("#audit-entries tbody tr").Count), Wait);

        cut.Find("#filter-actor input").Change("bob@");
        cut.Find("#filter-from input").Change("2026-12-02");
        cut.Find("#filter-to input").Change("2026-12-02");
        cut.Find("#apply-filter").Click();

        // Bob's entries on 2 December (UTC): hours 16..39 after the start at 08:00 on 1 December, every third one.
        cut.WaitForAssertion(() => Assert.Equal(8, cut.FindAll("#audit-entries tbody tr").Count), Wait);
        Assert.All(cut.FindAll("#audit-entries tbody tr .actor"), a => Assert.Equal("bob@example.com", a.TextContent));
        Assert.Equal("entry 39", cut.Find("#audit-entries tbody tr .detail").TextContent);
    }

    [Fact]
    public async Task Filtering_by_action_uses_the_actions_in_the_log()
    {
        var query = Services.GetRequiredService<AuditQuery>();

        Assert.Equal(["operator.disabled", "operator.signed-in"], await query.ActionsAsync(CancellationToken.None));
        var page = await query.PageAsync(new AuditFilter(Action: "operator.disabled"), 0, 5, CancellationToken.None);
        Assert.Equal(20, page.Total);
        Assert.Equal(5, page.Entries.Count);
        Assert.All(page.Entries, e => Assert.Equal("operator.disabled", e.Action));
    }

    [Fact]
    public void A_bad_date_is_reported_and_the_entries_stay()
    {
        var cut = Render<AuditPage>();
        cut.WaitForAssertion(() => Assert.Equal(50, cut.FindAll("#audit-entries tbody tr").Count), Wait);

        cut.Find("#filter-from input").Change("02/12/2026");
        cut.Find("#apply-filter").Click();

        cut.WaitForAssertion(() => Assert.Contains("yyyy-MM-dd", cut.Find("#filter-error").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal(50, cut.FindAll("#audit-entries tbody tr").Count);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAllAsync();

    private async Task DisposeAllAsync()
    {
        await DisposeAsync();
        dir.Dispose();
    }
}
