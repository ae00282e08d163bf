using Astropal.Web.Features.Alerts;

namespace Astropal.Tests.Web.Alerts;

public sealed class AlertNotificationBackoffTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(6, 960)]
    [InlineData(7, 1800)]
    [InlineData(8, 1800)]
    [InlineData(40, 1800)]
    public void Retries_wait_30_seconds_doubling_up_to_30_minutes(int failedAttempts, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), AlertNotificationSender.Backoff(failedAttempts));
    }

    [Fact]
    public void The_subject_says_severity_rule_state_and_the_comparison_or_no_data()
    {
        var payload = new AlertPayload("1", "api.response.p95", "api.response.p95", "medium", "resolved", 812.5, 800, DateTimeOffset.UnixEpoch, null, null, "https://a.example/ops/alerts");

        Assert.Equal("[MEDIUM] api.response.p95 resolved: 812.5 > 800", AlertMessageText.Subject(payload));
        Assert.Equal("[MEDIUM] api.response.p95 resolved: no data (threshold 800)", AlertMessageText.Subject(payload with { Value = null }));
    }
}
