using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Alerts;
using Astropal.Web.Features.Metrics;
using Astropal.Web.Features.Status;

namespace Astropal.Tests.Integration.Alerts;

/// <summary>A rule whose component is in an active maintenance window sends no firing or reminder message until the window ends.</summary>
public sealed class AlertMaintenanceSuppressionTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_rule_on_a_component_under_maintenance_does_not_fire_until_the_window_ends()
    {
        // No beta readers: user.registrations = 0 < 4, a rule on the Sign-up component.
        await using var host = await AlertsTestHost.StartAsync("alerts-maintenance");
        var now = host.Time.GetUtcNow();
        var window = new Maintenance { Title = "Sign-up upgrade", Message = "m", StartsAt = now.AddMinutes(-1), EndsAt = now.AddMinutes(10), CreatedAt = now, UpdatedAt = now, CreatedBy = "ops" };
        window.Components.Add(new MaintenanceComponent { Component = StatusComponentKeys.SignUp });
        await host.AddAsync(window);

        await host.EvaluateAsync();
        host.Time.Advance(Minute);
        await host.EvaluateAsync();

        Assert.Equal(StatusComponentKeys.SignUp, host.Get<AlertRules>().Find(MetricNames.UserRegistrations)!.Component);
        Assert.Equal(AlertEpisodeState.Pending, Assert.Single(await host.EpisodesAsync(MetricNames.UserRegistrations)).State);
        Assert.Empty(await host.MessagesAsync(MetricNames.UserRegistrations));

        // A rule on another component is not suppressed.
        Assert.Equal([AlertMessageKinds.Firing], await host.MessagesAsync(MetricNames.UserActiveDaily));

        host.Time.Advance(TimeSpan.FromMinutes(10));
        await host.EvaluateAsync();

        Assert.Equal(AlertEpisodeState.Firing, Assert.Single(await host.EpisodesAsync(MetricNames.UserRegistrations)).State);
        Assert.Equal([AlertMessageKinds.Firing], await host.MessagesAsync(MetricNames.UserRegistrations));
    }

    [Fact]
    public async Task A_rule_component_must_be_a_status_component_and_can_be_cleared()
    {
        var bad = new AlertsOptions();
        bad.Rules["email.open.rate"] = new AlertRuleOptions { Component = "mail" };
        var (_, problems) = AlertRules.Build(bad, new MetricTargetsOptions());
        Assert.Contains(problems, p => p.StartsWith("Alerts:Rules:email.open.rate:Component 'mail' is not a status component", StringComparison.Ordinal));

        var cleared = new AlertsOptions();
        cleared.Rules["email.open.rate"] = new AlertRuleOptions { Component = "" };
        cleared.Rules["api.response.p95"] = new AlertRuleOptions { Component = "Database" };
        var (rules, none) = AlertRules.Build(cleared, new MetricTargetsOptions());
        Assert.Empty(none);
        Assert.Null(rules.Single(r => r.Name == "email.open.rate").Component);
        Assert.Equal(StatusComponentKeys.Database, rules.Single(r => r.Name == "api.response.p95").Component);
    }
}
