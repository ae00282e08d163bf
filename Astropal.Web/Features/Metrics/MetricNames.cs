namespace Astropal.Web.Features.Metrics;

/// <summary>The launch metrics' names (the launch plan's table and issue 13), as the API and the sample table spell them.</summary>
public static class MetricNames
{
    public const string UserRegistrations = "user.registrations";
    public const string UserActiveDaily = "user.active.daily";
    public const string EmailDeliveryRate = "email.delivery.rate";
    public const string EmailOpenRate = "email.open.rate";
    public const string ApiErrorRate = "api.error.rate";
    public const string ApiResponseP95 = "api.response.p95";
    public const string CostDailyTotal = "cost.daily.total";
    public const string LlmTokensDaily = "llm.tokens.daily";
    public const string ContentGenerationFailures = "content.generation.failures";
}
