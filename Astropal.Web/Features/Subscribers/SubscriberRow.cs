using Astropal.Core.Billing;
using Astropal.Core.Readers;

namespace Astropal.Web.Features.Subscribers;

/// <summary>One reader in the subscribers list: no birth data.</summary>
public sealed record SubscriberRow(
    Guid Id,
    string? Email,
    string? Name,
    ReaderStatus Status,
    Tier Tier,
    PerspectiveId Perspective,
    string Locale,
    string? Cohort,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastActivityAt);
