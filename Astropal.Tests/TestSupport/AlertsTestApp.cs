using Astropal.Data;
using Astropal.Web.Features.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.TestSupport;

/// <summary>The app with alert channels configured and a <see cref="FakeTimeProvider"/>; helpers to add episodes and read notifications.</summary>
internal sealed class AlertsTestApp : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private AlertsTestApp(AstropalAppFactory app, FakeTimeProvider time)
    {
        App = app;
        Time = time;
    }

    public AstropalAppFactory App { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => App.Services;

    public IDbContextFactory<AstropalDbContext> Db => Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();

    public AlertNotificationSender Sender => Services.GetRequiredService<AlertNotificationSender>();

    public static AlertsTestApp Create(IDictionary<string, string?> settings)
    {
        var time = new FakeTimeProvider(Now);
        var all = new Dictionary<string, string?>(settings) { ["Brand:SiteUrl"] = "https://astropal.example" };
        var app = new AstropalAppFactory
        {
            Settings = all,
            TestServices = s => s.AddSingleton<TimeProvider>(time),
        };
        _ = app.Services;
        return new AlertsTestApp(app, time);
    }

    /// <summary>A firing episode of <paramref name="rule"/> (saved), like the evaluator opens.</summary>
    public async Task<AlertEpisode> AddEpisodeAsync(string rule = "email.delivery.rate", string severity = "high", double? value = 0.91, double threshold = 0.95)
    {
        await using var db = await Db.CreateDbContextAsync();
        var episode = NewEpisode(rule, severity, value, threshold);
        db.AlertEpisodes.Add(episode);
        await db.SaveChangesAsync();
        return episode;
    }

    public static AlertEpisode NewEpisode(string rule = "email.delivery.rate", string severity = "high", double? value = 0.91, double threshold = 0.95) => new()
    {
        Rule = rule,
        Metric = rule,
        Severity = severity,
        State = AlertEpisodeState.Firing,
        StartedAt = Now.AddMinutes(-60),
        FiredAt = Now,
        LastEvaluatedAt = Now,
        Value = value,
        Threshold = threshold,
        Runbook = "https://runbooks.example/" + rule,
    };

    /// <summary>Queues <paramref name="kind"/> for <paramref name="episode"/> through the app's outbox and saves; returns how many.</summary>
    public async Task<int> EnqueueAsync(AlertEpisode episode, string kind = AlertMessageKinds.Firing)
    {
        await using var db = await Db.CreateDbContextAsync();
        var count = Services.GetRequiredService<IAlertOutbox>().Enqueue(db, episode, kind, Time.GetUtcNow());
        await db.SaveChangesAsync();
        return count;
    }

    public async Task<List<AlertNotification>> NotificationsAsync()
    {
        await using var db = await Db.CreateDbContextAsync();
        return await db.AlertNotifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
