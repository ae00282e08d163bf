using Astropal.Core.Billing;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Readers;

namespace Astropal.Web.Features.Subscribers;

/// <summary>What the reader detail page shows: the profile without birth data, consents, deliveries with engagement, perspective history.</summary>
public sealed record ReaderDetail(
    Guid Id,
    string? Email,
    string? Name,
    ReaderStatus Status,
    Tier Tier,
    DateTimeOffset? TrialEndsAt,
    PerspectiveId Perspective,
    IReadOnlyList<FocusAreaId> FocusAreas,
    string Locale,
    string TimeZone,
    TimeOnly DeliveryTime,
    string? Cohort,
    string ReferralCode,
    string? ReferredBy,
    bool HasBirthData,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ConfirmedAt,
    DateTimeOffset? LastActivityAt,
    DateTimeOffset? InvitedAt,
    DateTimeOffset? InvitationAcceptedAt,
    DateTimeOffset TermsAcceptedAt,
    bool MarketingConsent,
    DateTimeOffset? MarketingConsentAt,
    bool ServiceNotices,
    string? SuppressionReason,
    DateOnly LocalToday,
    IReadOnlyList<ReaderDeliveryRow> Deliveries,
    IReadOnlyList<PerspectiveChange> PerspectiveChanges);

/// <summary>One email of the reader's history with what they did with it (human opens only; machine opens counted apart).</summary>
public sealed record ReaderDeliveryRow(
    Guid Id,
    EmailTemplate Kind,
    DateOnly LocalDate,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset TargetAt,
    DateTimeOffset? SentAt,
    double? LatenessSeconds,
    string? LastError,
    DateTimeOffset? FirstOpenedAt,
    int Clicks,
    int MachineOpens);

/// <summary>The birth data an operator revealed (the reveal is audited).</summary>
public sealed record RevealedBirthData(DateOnly? BirthDate, TimeOnly? BirthTime, string? BirthPlaceName, double? Latitude, double? Longitude, string? BirthTimeZone);

/// <summary>A reader's email for a date as it would be sent, with inert links; or why there is none.</summary>
public sealed record ReaderEmailPreview(RenderedEmail? Email, string? Error);
