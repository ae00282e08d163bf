namespace Astropal.Web.Features.OperatorApi;

/// <summary>A reader as the operator API returns it (enum values in camelCase: <c>active</c>, <c>trial</c>, <c>calm</c>).</summary>
public sealed record ReaderResource(
    Guid Id,
    string? Email,
    string? Name,
    string Status,
    string Tier,
    string? Cohort,
    string Perspective,
    IReadOnlyList<string> FocusAreas,
    string Locale,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ConfirmedAt,
    ReaderEngagement Engagement);
