using Astropal.Data;
using Astropal.Web.Features.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.TestSupport;

/// <summary>The metrics host plus the alerts feature, with a <see cref="RecordingAlertOutbox"/> in place of the channels.</summary>
internal static class AlertsTestHost
{
    public static Task<MetricsTestHost> StartAsync(string name, IDictionary<string, string?>? settings = null, string? dataDirectory = null, FakeTimeProvider? time = null) =>
        MetricsTestHost.StartAsync(
            name,
            settings,
            builder =>
            {
                builder.Services.AddSingleton<RecordingAlertOutbox>();
                builder.Services.AddSingleton<IAlertOutbox>(sp => sp.GetRequiredService<RecordingAlertOutbox>());
                builder.AddAstropalAlerts();
            },
            dataDirectory,
            time);

    public static Task<AlertEvaluation> EvaluateAsync(this MetricsTestHost host) =>
        host.Get<AlertEvaluator>().EvaluateAsync(CancellationToken.None);

    /// <summary>The episodes of <paramref name="rule"/>, oldest first.</summary>
    public static async Task<List<AlertEpisode>> EpisodesAsync(this MetricsTestHost host, string rule)
    {
        await using var db = await host.Db.CreateDbContextAsync();
        return await db.AlertEpisodes.AsNoTracking().Include(e => e.Events).Where(e => e.Rule == rule).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>The kinds of the messages queued for <paramref name="rule"/>'s episodes, oldest first.</summary>
    public static async Task<List<string>> MessagesAsync(this MetricsTestHost host, string rule)
    {
        await using var db = await host.Db.CreateDbContextAsync();
        var ids = await db.AlertEpisodes.Where(e => e.Rule == rule).Select(e => (long?)e.Id).ToListAsync();
        return await db.AlertNotifications.Where(n => ids.Contains(n.EpisodeId)).OrderBy(n => n.Id).Select(n => n.Kind).ToListAsync();
    }
}
