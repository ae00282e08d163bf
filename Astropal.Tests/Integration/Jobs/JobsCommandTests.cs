using Astropal.Data;
using Astropal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Integration.Jobs;

/// <summary><c>jobs list | pause [--all | NAME] --reason TEXT | resume [--all | NAME]</c> against the real app.</summary>
public sealed class JobsCommandTests
{
    [Fact]
    public async Task Jobs_list_shows_every_job_with_its_schedule_and_state()
    {
        await using var app = new AstropalAppFactory();

        var result = await CliRun.RunAsync(app.Services, null, "jobs", "list");

        Assert.Equal(0, result.ExitCode);
        foreach (var job in new[] { "delivery-dispatch", "segment-preparation", "news-fetch", "reader-token-purge" })
        {
            Assert.Contains(job + " ", result.Out, StringComparison.Ordinal);
        }

        Assert.Contains("Every minute", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("paused", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pausing_one_job_by_name_shows_it_paused_with_its_reason_and_resume_clears_it()
    {
        await using var app = new AstropalAppFactory();

        var paused = await CliRun.RunAsync(app.Services, null, "jobs", "pause", "news-fetch", "--reason", "news API is down");
        var list = await CliRun.RunAsync(app.Services, null, "jobs", "list");
        var resumed = await CliRun.RunAsync(app.Services, null, "jobs", "resume", "news-fetch");
        var again = await CliRun.RunAsync(app.Services, null, "jobs", "list");

        Assert.Equal((0, 0, 0), (paused.ExitCode, list.ExitCode, resumed.ExitCode));
        Assert.Contains("Paused news-fetch: news API is down", paused.Out, StringComparison.Ordinal);
        var line = list.Out.Split('\n').Single(l => l.StartsWith("news-fetch", StringComparison.Ordinal));
        Assert.Contains("paused", line, StringComparison.Ordinal);
        Assert.Contains("by cli: news API is down", line, StringComparison.Ordinal);
        Assert.StartsWith("delivery-dispatch", list.Out.Split('\n').First(l => l.Contains("active", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("Resumed news-fetch.", resumed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("paused", again.Out, StringComparison.Ordinal);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync();
        var audit = await db.AuditEntries.Where(e => e.Action.StartsWith("jobs.")).OrderBy(e => e.Id)
            .Select(e => new { e.Actor, e.Action, e.Target }).ToListAsync();
        Assert.Equal(
            [new { Actor = "cli", Action = "jobs.paused", Target = (string?)"content.news-fetch" }, new { Actor = "cli", Action = "jobs.resumed", Target = (string?)"content.news-fetch" }],
            audit);
    }

    [Fact]
    public async Task An_unknown_job_is_a_clear_error_with_exit_1_and_changes_nothing()
    {
        await using var app = new AstropalAppFactory();

        var result = await CliRun.RunAsync(app.Services, null, "jobs", "pause", "launch-rockets", "--reason", "x");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("There is no job called 'launch-rockets'. Jobs: delivery-dispatch", result.Error, StringComparison.Ordinal);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.JobPauses.ToListAsync());
        Assert.Empty(await db.AuditEntries.Where(e => e.Action.StartsWith("jobs.")).ToListAsync());
    }

    [Theory]
    [InlineData(new[] { "jobs", "pause", "--all" }, "Option --reason is required.")]
    [InlineData(new[] { "jobs", "pause", "--reason", "x" }, "Give --all or a job name")]
    [InlineData(new[] { "jobs", "pause", "news-fetch", "--all", "--reason", "x" }, "Give either --all or a job name, not both.")]
    [InlineData(new[] { "jobs", "resume" }, "Give --all or a job name")]
    [InlineData(new[] { "jobs", "stop", "--all" }, "Unknown jobs command 'stop'")]
    [InlineData(new[] { "jobs" }, "Say what to do: jobs list, jobs pause or jobs resume.")]
    [InlineData(new[] { "jobs", "list", "extra" }, "Unexpected argument 'extra'")]
    public async Task Bad_arguments_print_the_reason_and_usage_and_exit_2(string[] args, string reason)
    {
        await using var app = new AstropalAppFactory();

        var result = await CliRun.RunAsync(app.Services, null, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.Contains("Usage: Astropal.Web jobs list | pause [--all | NAME] --reason TEXT | resume [--all | NAME]", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pausing_all_twice_keeps_the_first_reason_and_says_so()
    {
        await using var app = new AstropalAppFactory();

        var first = await CliRun.RunAsync(app.Services, null, "jobs", "pause", "--all", "--reason", "first");
        var second = await CliRun.RunAsync(app.Services, null, "jobs", "pause", "--all", "--reason", "second");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Contains("all jobs already paused", second.Out, StringComparison.Ordinal);
        Assert.Contains("by cli: first", second.Out, StringComparison.Ordinal);
    }
}
