namespace Astropal.Web.Features.Delivery;

/// <summary>What one dispatcher run did.</summary>
public sealed record DispatchSummary(int Created, int Claimed, int Sent, int Retrying, int Failed, int Skipped, int Suppressed);
