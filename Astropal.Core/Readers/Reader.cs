using Astropal.Core.Billing;

namespace Astropal.Core.Readers;

/// <summary>Where a reader is in their life cycle (SPEC §2, §5).</summary>
public enum ReaderStatus
{
    /// <summary>Signed up, address not confirmed yet: no emails but the confirmation.</summary>
    Pending,
    Active,
    Paused,
    Unsubscribed,
    /// <summary>The address hard-bounced or complained: never sent to again.</summary>
    Bounced,
    /// <summary>Personal data erased on request; the row stays so delivery history keeps its key.</summary>
    Deleted,
    /// <summary>Invited by an operator (beta import): no birth data yet, no emails but the invitation.</summary>
    Invited,
}

/// <summary>
/// A newsletter reader. Readers have no password: they reach their preferences from signed links.
/// Every personal field is nullable or erasable so that deletion can keep the row without personal data.
/// </summary>
public sealed class Reader
{
    public Guid Id { get; set; }

    /// <summary>Lower-case address; null once the reader is deleted. Unique.</summary>
    public string? Email { get; set; }

    public string? Name { get; set; }

    public DateOnly? BirthDate { get; set; }

    /// <summary>Local birth time in the birthplace's zone; null when the reader does not know it.</summary>
    public TimeOnly? BirthTime { get; set; }

    /// <summary>GeoNames id of the birthplace (gazetteer).</summary>
    public int? BirthPlaceId { get; set; }

    public string? BirthPlaceName { get; set; }

    public double? BirthLatitude { get; set; }

    public double? BirthLongitude { get; set; }

    /// <summary>IANA zone of the birthplace, with its historical rules, for the natal chart.</summary>
    public string? BirthTimeZone { get; set; }

    /// <summary>IANA zone the reader lives in now; drives delivery times.</summary>
    public required string TimeZone { get; set; }

    /// <summary>Local time of the morning email (05:00–10:00 in 30-minute steps).</summary>
    public TimeOnly DeliveryTime { get; set; } = new(6, 0);

    /// <summary><c>en-US</c> or <c>es-ES</c>.</summary>
    public required string Locale { get; set; }

    public PerspectiveId Perspective { get; set; } = PerspectiveId.Calm;

    /// <summary>1–3 focus areas, in the reader's order (weights 50/30/20 %).</summary>
    public List<FocusAreaId> FocusAreas { get; set; } = [];

    public Tier Tier { get; set; } = Tier.Trial;

    public DateTimeOffset? TrialEndsAt { get; set; }

    public ReaderStatus Status { get; set; } = ReaderStatus.Pending;

    public DateTimeOffset TermsAcceptedAt { get; set; }

    public bool MarketingConsent { get; set; }

    /// <summary>
    /// Service notices: emails about an incident that affects this reader's emails (late or missing) and its
    /// resolution. On by default; the reader turns them off in the portal.
    /// </summary>
    public bool ServiceNotices { get; set; } = true;

    public DateTimeOffset? MarketingConsentAt { get; set; }

    /// <summary>This reader's own code for inviting others (<c>?r=CODE</c>).</summary>
    public required string ReferralCode { get; set; }

    /// <summary>The group the reader belongs to for reporting, e.g. <c>beta</c>; null for ordinary sign-ups.</summary>
    public string? Cohort { get; set; }

    /// <summary>When an operator's invitation was last sent (beta import or resend).</summary>
    public DateTimeOffset? InvitedAt { get; set; }

    /// <summary>When the reader completed the sign-up form from an invitation.</summary>
    public DateTimeOffset? InvitationAcceptedAt { get; set; }

    /// <summary>The code the reader signed up with, if any.</summary>
    public string? ReferredBy { get; set; }

    /// <summary>The natal chart computed once at confirmation, as versioned JSON.</summary>
    public string? NatalChartJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Last open, click or portal visit; readers inactive for 24 months are purged.</summary>
    public DateTimeOffset? LastActivityAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public List<PerspectiveChange> PerspectiveChanges { get; set; } = [];
}
