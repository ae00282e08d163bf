using Astropal.Web.Features.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Astropal.Tests.Integration.Reports;

/// <summary><c>Reports:DailyAt</c>: a UTC time of day, 21:00 by default, refused at startup otherwise.</summary>
public sealed class ReportsOptionsTests
{
    private static IHost Host(string? dailyAt)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", DisableDefaults = true });
        if (dailyAt is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Reports:DailyAt"] = dailyAt });
        }

        builder.AddAstropalReports();
        return builder.Build();
    }

    [Fact]
    public async Task The_default_is_the_launch_plans_evening_check_at_21_00_utc()
    {
        using var host = Host(null);
        await host.StartAsync();
        Assert.Equal(new TimeSpan(21, 0, 0), host.Services.GetRequiredService<IOptions<ReportsOptions>>().Value.DailyAt);
        Assert.Equal("0 0 21 * * ?", ReportsOptions.CronOf(ReportsOptions.DefaultDailyAt));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_time_of_day_is_accepted_and_scheduled_as_a_daily_cron()
    {
        using var host = Host("06:45");
        await host.StartAsync();
        var at = host.Services.GetRequiredService<IOptions<ReportsOptions>>().Value.DailyAt;
        Assert.Equal("0 45 6 * * ?", ReportsOptions.CronOf(at));
        await host.StopAsync();
    }

    [Theory]
    [InlineData("1.02:00:00")]
    [InlineData("-01:00")]
    public async Task A_value_outside_one_day_stops_the_startup_with_the_setting_named(string value)
    {
        using var host = Host(value);
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Reports:DailyAt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_that_is_not_a_time_stops_the_startup()
    {
        using var host = Host("nine pm");
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => host.StartAsync());
    }
}
