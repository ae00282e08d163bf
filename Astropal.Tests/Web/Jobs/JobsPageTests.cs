using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Jobs;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Astropal.Tests.Web.Jobs;

public sealed class JobsPageTests : BunitContext, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory dir = new("jobs-page");
    private IDbContextFactory<AstropalDbContext> db = default!;

    public JobsPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        Services.AddAstropalDbContext(DatabaseProvider.Sqlite, $"Data Source={dir.File("jobs.db")}");
        Services.AddSingleton<AuditLog>();
        Services.AddSingleton<JobPauses>();
        Services.AddScoped<JobControl>();
        AddAuthorization().SetAuthorized("ada@example.com");
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        db = Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();
        await using var context = await db.CreateDbContextAsync();
        await DatabaseMigrator.MigrateAsync(context, CancellationToken.None);
        context.JobRuns.Add(new JobRunRecord
        {
            JobKey = "delivery.delivery-dispatch", LastStartedAt = Now.AddMinutes(-1), LastFinishedAt = Now.AddMinutes(-1).AddSeconds(2.5), LastOutcome = "succeeded",
        });
        context.JobRuns.Add(new JobRunRecord
        {
            JobKey = "content.news-fetch", LastStartedAt = Now.AddMinutes(-50), LastFinishedAt = Now.AddMinutes(-50), LastOutcome = "failed", LastError = "news API 503",
        });
        await context.SaveChangesAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        dir.Dispose();
    }

    [Fact]
    public void Every_job_is_listed_with_its_schedule_and_last_run()
    {
        var cut = Render<JobsPage>();

        cut.WaitForAssertion(() => Assert.Equal(JobCatalog.All.Count, cut.FindAll("#jobs tbody tr").Count));
        var dispatch = cut.Find("tr[data-job=delivery-dispatch]");
        Assert.Contains("Every minute", dispatch.TextContent, StringComparison.Ordinal);
        Assert.Contains("2026-12-01 08:59 UTC", dispatch.TextContent, StringComparison.Ordinal);
        Assert.Contains("2.5 s", dispatch.TextContent, StringComparison.Ordinal);
        Assert.Equal("succeeded", cut.Find("tr[data-job=delivery-dispatch] td[data-cell=outcome]").TextContent);
        Assert.Equal("news API 503", cut.Find("tr[data-job=news-fetch] td[data-cell=outcome]").GetAttribute("title"));
        Assert.Equal("never", cut.Find("tr[data-job=reader-token-purge]").Children[3].TextContent);
        // No scheduler in this host: run now is off and the page says why.
        Assert.NotNull(cut.Find("#scheduler-off"));
        Assert.True(cut.Find("tr[data-job=delivery-dispatch] button.run-now").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Pause_all_needs_a_reason_then_pauses_every_job_shows_the_banner_and_resume_all_clears_it()
    {
        var cut = Render<JobsPage>();
        var banner = Render<PausedBanner>();
        cut.WaitForAssertion(() => Assert.Equal(JobCatalog.All.Count, cut.FindAll("#jobs tbody tr").Count));

        cut.Find("#pause-all").Click();
        cut.WaitForAssertion(() => Assert.Contains("A reason is required", cut.Find("#jobs-message").TextContent, StringComparison.Ordinal));
        await using (var check = await db.CreateDbContextAsync())
        {
            Assert.Empty(await check.JobPauses.ToListAsync());
        }

        cut.Find("#pause-reason").Input("bad horoscopes going out");
        cut.Find("#pause-all").Click();

        cut.WaitForAssertion(() => Assert.Contains("Paused all jobs", cut.Find("#jobs-message").TextContent, StringComparison.Ordinal));
        Assert.All(cut.FindAll("td[data-cell=state]"), cell => Assert.Contains("Paused (all): bad horoscopes going out", cell.TextContent, StringComparison.Ordinal));
        banner.WaitForAssertion(() => Assert.Contains("bad horoscopes going out", banner.Find("#jobs-paused-banner").TextContent, StringComparison.Ordinal));
        Assert.Contains("ada@example.com", banner.Find("#jobs-paused-banner").TextContent, StringComparison.Ordinal);
        await using (var check = await db.CreateDbContextAsync())
        {
            var audit = await check.AuditEntries.SingleAsync();
            Assert.Equal(("ada@example.com", "jobs.paused", "all", "bad horoscopes going out"), (audit.Actor, audit.Action, audit.Target, audit.Detail));
        }

        cut.Find("#resume-all").Click();

        cut.WaitForAssertion(() => Assert.Contains("Resumed all jobs.", cut.Find("#jobs-message").TextContent, StringComparison.Ordinal));
        Assert.All(cut.FindAll("td[data-cell=state]"), cell => Assert.Equal("Active", cell.TextContent.Trim()));
        banner.WaitForAssertion(() => Assert.Empty(banner.FindAll("#jobs-paused-banner")));
    }

    [Fact]
    public void One_job_is_paused_and_resumed_from_its_row()
    {
        var cut = Render<JobsPage>();
        cut.WaitForAssertion(() => Assert.Equal(JobCatalog.All.Count, cut.FindAll("#jobs tbody tr").Count));

        cut.Find("#pause-reason").Input("news API is down");
        cut.Find("tr[data-job=news-fetch] button.pause").Click();

        cut.WaitForAssertion(() => Assert.Contains("Paused: news API is down", cut.Find("tr[data-job=news-fetch] td[data-cell=state]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Active", cut.Find("tr[data-job=delivery-dispatch] td[data-cell=state]").TextContent.Trim());

        cut.Find("tr[data-job=news-fetch] button.resume").Click();

        cut.WaitForAssertion(() => Assert.Equal("Active", cut.Find("tr[data-job=news-fetch] td[data-cell=state]").TextContent.Trim()));
    }
}
