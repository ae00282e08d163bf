using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Alerts;
using Astropal.Web.Features.Metrics;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Astropal.Tests.Web.Alerts;

public sealed class AlertsPageTests : BunitContext, IAsyncLifetime
{
    private MetricsTestHost host = default!;

    public AlertsPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        ComponentFactories.AddStub<AlertChannelsPanel>(); // its own tests: AlertChannelsPanelTests
    }

    public async Task InitializeAsync()
    {
        host = await AlertsTestHost.StartAsync("alerts-page");
        Services.AddSingleton(host.Get<AlertOperations>());
        Services.AddSingleton(host.Get<AlertRules>());
        Services.AddSingleton(host.Get<MetricsReport>());
        Services.AddSingleton(host.Get<IOptionsMonitor<AlertsOptions>>());
        Services.AddSingleton<TimeProvider>(host.Time);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Episodes_are_grouped_by_state_with_their_timeline_and_the_rules_table_shows_each_condition()
    {
        AddAuthorization().SetAuthorized("olu@example.com");
        // Firing: user.registrations and user.active.daily; pending: beta-user-registration-failed (1 hour).
        await host.EvaluateAsync();

        var cut = Render<AlertsPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"#episodes-firing [data-rule='{MetricNames.UserRegistrations}']")));
        Assert.NotNull(cut.Find($"#episodes-pending [data-rule='{AlertRules.BetaUserRegistrationFailed}']"));
        Assert.Empty(cut.FindAll("#episodes-resolved .episode"));
        var timeline = cut.Find($"#episodes-firing [data-rule='{MetricNames.UserRegistrations}'] .timeline");
        Assert.Equal(["pending", "fired"], timeline.QuerySelectorAll("tr[data-kind]").Select(r => r.GetAttribute("data-kind")));
        Assert.Equal("< 4 for 60 min", cut.Find($"#rules tr[data-rule='{AlertRules.BetaUserRegistrationFailed}'] .condition").TextContent.Trim());
        Assert.Equal("> 20000", cut.Find($"#rules tr[data-rule='{MetricNames.LlmTokensDaily}'] .condition").TextContent.Trim());
        Assert.Equal("none", cut.Find($"#rules tr[data-rule='{MetricNames.LlmTokensDaily}'] .repeat").TextContent.Trim());
        Assert.Contains("/ops/runbooks/email-delivery-issues", cut.Find($"#rules tr[data-rule='{AlertRules.EmailDeliveryIssues}']").InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledging_and_silencing_move_the_episode_and_are_audited()
    {
        AddAuthorization().SetAuthorized("olu@example.com");
        await host.EvaluateAsync();
        var cut = Render<AlertsPage>();
        var selector = $"[data-rule='{MetricNames.UserRegistrations}']";
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"#episodes-firing {selector}")));

        cut.Find($"#episodes-firing {selector} .acknowledge").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"#episodes-acknowledged {selector}")));
        Assert.Contains("acknowledged by olu@example.com", cut.Find($"#episodes-acknowledged {selector}").TextContent, StringComparison.Ordinal);

        cut.Find($"#episodes-acknowledged {selector} .silence-custom-value").Change("2020-01-01 00:00");
        cut.Find($"#episodes-acknowledged {selector} .silence-custom").Click();
        cut.WaitForAssertion(() => Assert.Equal("The silence must end in the future.", cut.Find("#alert-message").TextContent.Trim()));

        cut.Find($"#episodes-acknowledged {selector} .silence-tomorrow").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"#episodes-silenced {selector}")));
        Assert.Contains("silenced until 2026-12-02 08:00", cut.Find($"#episodes-silenced {selector}").TextContent, StringComparison.Ordinal);

        cut.Find($"#episodes-silenced {selector} .unsilence").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"#episodes-acknowledged {selector}")));

        await using var db = await host.Db.CreateDbContextAsync();
        Assert.Equal(
            [AlertOperations.AcknowledgedAction, AlertOperations.SilencedAction, AlertOperations.UnsilencedAction],
            await db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.All(await db.AuditEntries.ToListAsync(), a => Assert.Equal("olu@example.com", a.Actor));
    }
}
