using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Alerts;
using Astropal.Web.Features.Metrics;
using Microsoft.Extensions.Options;

namespace Astropal.Tests.Integration.Alerts;

/// <summary>The <c>Alerts</c> section: defaults, overrides, and a clear message for each bad value.</summary>
public sealed class AlertsOptionsTests
{
    [Fact]
    public async Task The_defaults_are_one_rule_per_metric_named_after_it_plus_the_launch_plans_three()
    {
        await using var host = await AlertsTestHost.StartAsync("alerts-defaults");
        var rules = host.Get<AlertRules>().All();

        Assert.Equal(
            [.. MetricDefinition.All.Select(d => d.Name), AlertRules.BetaUserRegistrationFailed, AlertRules.ContentGenerationFailed, AlertRules.EmailDeliveryIssues],
            rules.Select(r => r.Name));
        var tokens = rules.Single(r => r.Name == MetricNames.LlmTokensDaily);
        Assert.Equal((">", (double?)null, TimeSpan.Zero, AlertSeverity.High), (tokens.Comparison, tokens.Threshold, tokens.Duration, tokens.Severity));
        Assert.Equal("<", rules.Single(r => r.Name == MetricNames.EmailOpenRate).Comparison);
        var beta = rules.Single(r => r.Name == AlertRules.BetaUserRegistrationFailed);
        Assert.Equal(("<", (double?)4, TimeSpan.FromHours(1), AlertSeverity.High, "Check registration logs", "/ops/runbooks/beta-user-registration-failed"),
            (beta.Comparison, beta.Threshold, beta.Duration, beta.Severity, beta.Description, beta.Runbook));
        Assert.Equal("< 4 for 60 min", beta.ConditionText(4));
        Assert.Equal(AlertSeverity.Critical, rules.Single(r => r.Name == AlertRules.ContentGenerationFailed).Severity);
        Assert.All(rules, r => Assert.True(
            r.Runbook.StartsWith(AlertRules.RunbookPathPrefix, StringComparison.Ordinal)
            && File.Exists(Path.Combine(RepositoryRoot.Find(), "docs", "runbooks", r.Runbook[AlertRules.RunbookPathPrefix.Length..] + ".md")),
            r.Runbook));
    }

    [Fact]
    public void Runbook_links_lead_to_the_console_page_unless_a_base_url_overrides_them()
    {
        var byDefault = AlertRules.Build(new AlertsOptions(), new MetricTargetsOptions()).Rules;
        var overridden = AlertRules.Build(new AlertsOptions { RunbookBaseUrl = "https://git.example/astropal/blob/main/" }, new MetricTargetsOptions()).Rules;

        Assert.Equal("/ops/runbooks/email-delivery-issues", byDefault.Single(r => r.Name == AlertRules.EmailDeliveryIssues).Runbook);
        Assert.Equal("/ops/runbooks/launch-metrics", byDefault.Single(r => r.Name == MetricNames.ApiErrorRate).Runbook);
        Assert.Equal("https://git.example/astropal/blob/main/docs/runbooks/email-delivery-issues.md",
            overridden.Single(r => r.Name == AlertRules.EmailDeliveryIssues).Runbook);
    }

    [Fact]
    public async Task A_rule_entry_overrides_a_default_drops_it_or_adds_a_rule_and_the_channels_key_is_ignored()
    {
        await using var host = await AlertsTestHost.StartAsync("alerts-overrides", new Dictionary<string, string?>
        {
            ["Alerts:Rules:llm.tokens.daily:Severity"] = "critical",
            ["Alerts:Rules:llm.tokens.daily:RepeatEvery"] = "01:00:00",
            ["Alerts:Rules:email.open.rate:Enabled"] = "false",
            ["Alerts:Rules:slow-api:Metric"] = "api.response.p95",
            ["Alerts:Rules:slow-api:Comparison"] = ">=",
            ["Alerts:Rules:slow-api:Threshold"] = "2000",
            ["Alerts:Rules:slow-api:Duration"] = "00:05:00",
            ["Alerts:Channels:ops:Type"] = "Webhook",
            ["Alerts:Channels:ops:Url"] = "https://example.com/hook",
        });
        var rules = host.Get<AlertRules>().All();

        var tokens = rules.Single(r => r.Name == MetricNames.LlmTokensDaily);
        Assert.Equal((AlertSeverity.Critical, (TimeSpan?)TimeSpan.FromHours(1), ">"), (tokens.Severity, tokens.RepeatEvery, tokens.Comparison));
        Assert.DoesNotContain(rules, r => r.Name == MetricNames.EmailOpenRate);
        var slow = rules.Single(r => r.Name == "slow-api");
        Assert.Equal((MetricNames.ApiResponseP95, ">=", (double?)2000, TimeSpan.FromMinutes(5), AlertSeverity.Medium), (slow.Metric, slow.Comparison, slow.Threshold, slow.Duration, slow.Severity));
    }

    [Theory]
    [InlineData("Alerts:EvaluationInterval", "00:00:04", "Alerts:EvaluationInterval must be at least 00:00:05")]
    [InlineData("Alerts:ResolveAfter", "0", "Alerts:ResolveAfter must be at least 1 evaluation")]
    [InlineData("Alerts:Rules:llm.tokens.daily:Metric", "llm.tokens.weekly", "Alerts:Rules:llm.tokens.daily:Metric 'llm.tokens.weekly' is not a launch metric")]
    [InlineData("Alerts:Rules:llm.tokens.daily:Comparison", "=>", "Alerts:Rules:llm.tokens.daily:Comparison '=>' is not valid; use one of < <= > >=")]
    [InlineData("Alerts:Rules:llm.tokens.daily:Severity", "urgent", "Alerts:Rules:llm.tokens.daily:Severity 'urgent' is not valid; use critical, high, medium or low")]
    [InlineData("Alerts:Rules:llm.tokens.daily:Duration", "-00:01:00", "Alerts:Rules:llm.tokens.daily:Duration must not be negative")]
    [InlineData("Alerts:Rules:my-rule:Severity", "low", "Alerts:Rules:my-rule is not a default rule, so it is a new rule and needs Metric, Comparison, Threshold")]
    public async Task A_bad_setting_is_refused_with_a_message_naming_it(string key, string value, string message)
    {
        await using var host = await AlertsTestHost.StartAsync("alerts-bad-options", new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => host.Get<IOptionsMonitor<AlertsOptions>>().CurrentValue);

        Assert.Contains(error.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }
}
