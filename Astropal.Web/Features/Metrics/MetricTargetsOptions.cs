using Microsoft.Extensions.Configuration;

namespace Astropal.Web.Features.Metrics;

/// <summary>
/// The <c>Metrics:Targets</c> section: each launch metric's target and alert threshold, defaulting to the launch
/// plan's table (e.g. <c>Metrics:Targets:email.open.rate:Target</c> = 0.40, <c>:AlertThreshold</c> = 0.20).
/// An Admin's override in the console wins over these (<see cref="MetricTargets"/>).
/// </summary>
public sealed class MetricTargetsOptions
{
    public const string SectionName = "Metrics:Targets";

    [ConfigurationKeyName(MetricNames.UserRegistrations)]
    public MetricTarget UserRegistrations { get; set; } = Higher(4, 4);

    [ConfigurationKeyName(MetricNames.UserActiveDaily)]
    public MetricTarget UserActiveDaily { get; set; } = Higher(4, 3);

    [ConfigurationKeyName(MetricNames.EmailDeliveryRate)]
    public MetricTarget EmailDeliveryRate { get; set; } = Higher(0.98, 0.95);

    [ConfigurationKeyName(MetricNames.EmailOpenRate)]
    public MetricTarget EmailOpenRate { get; set; } = Higher(0.40, 0.20);

    [ConfigurationKeyName(MetricNames.ApiErrorRate)]
    public MetricTarget ApiErrorRate { get; set; } = Lower(0.01, 0.05);

    [ConfigurationKeyName(MetricNames.ApiResponseP95)]
    public MetricTarget ApiResponseP95 { get; set; } = Lower(300, 500);

    [ConfigurationKeyName(MetricNames.CostDailyTotal)]
    public MetricTarget CostDailyTotal { get; set; } = Lower(5, 10);

    [ConfigurationKeyName(MetricNames.LlmTokensDaily)]
    public MetricTarget LlmTokensDaily { get; set; } = Lower(10000, 20000);

    [ConfigurationKeyName(MetricNames.ContentGenerationFailures)]
    public MetricTarget ContentGenerationFailures { get; set; } = Lower(0, 0);

    /// <summary>The configured target of each metric, by name.</summary>
    public IReadOnlyDictionary<string, MetricTarget> ByName() => new Dictionary<string, MetricTarget>(StringComparer.OrdinalIgnoreCase)
    {
        [MetricNames.UserRegistrations] = UserRegistrations,
        [MetricNames.UserActiveDaily] = UserActiveDaily,
        [MetricNames.EmailDeliveryRate] = EmailDeliveryRate,
        [MetricNames.EmailOpenRate] = EmailOpenRate,
        [MetricNames.ApiErrorRate] = ApiErrorRate,
        [MetricNames.ApiResponseP95] = ApiResponseP95,
        [MetricNames.CostDailyTotal] = CostDailyTotal,
        [MetricNames.LlmTokensDaily] = LlmTokensDaily,
        [MetricNames.ContentGenerationFailures] = ContentGenerationFailures,
    };

    private static MetricTarget Higher(double target, double alert) => new() { Target = target, AlertThreshold = alert, Direction = MetricDirection.HigherIsBetter };

    private static MetricTarget Lower(double target, double alert) => new() { Target = target, AlertThreshold = alert, Direction = MetricDirection.LowerIsBetter };
}
