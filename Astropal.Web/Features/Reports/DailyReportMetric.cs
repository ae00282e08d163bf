using Astropal.Web.Features.Metrics;

namespace Astropal.Web.Features.Reports;

/// <summary>
/// One launch metric on the report's day and the day before, against its effective target. States are the words of
/// <c>/ops/metrics</c>: <c>ok</c>, <c>warning</c>, <c>alert</c> or <c>no-data</c>. <see cref="Source"/> says where the
/// day's value comes from: <c>current</c> (computed now, for today) or <c>sample</c> (the day's last stored sample).
/// </summary>
public sealed record DailyReportMetric(
    string Name,
    string Title,
    string Unit,
    double? Value,
    string State,
    string Source,
    double? Yesterday,
    string YesterdayState,
    double Target,
    double AlertThreshold,
    string Direction)
{
    public const string AlertState = "alert";

    public static DailyReportMetric From(MetricDefinition definition, MetricTarget target, double? value, string source, double? yesterday)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(target);
        return new DailyReportMetric(
            definition.Name,
            definition.Title,
            definition.Unit,
            value,
            MetricResource.StateName(target.StateOf(value)),
            source,
            yesterday,
            MetricResource.StateName(target.StateOf(yesterday)),
            target.Target,
            target.AlertThreshold,
            target.Direction == MetricDirection.HigherIsBetter ? "higher-is-better" : "lower-is-better");
    }
}
