using Astropal.Core.Places;

namespace Astropal.Core.Readers.Signup;

/// <summary>A sign-up that passed every rule, with its values parsed.</summary>
public sealed record ValidSignup(
    string Email,
    string? Name,
    DateOnly BirthDate,
    TimeOnly? BirthTime,
    GazetteerCity BirthPlace,
    string TimeZone,
    TimeOnly DeliveryTime,
    string Locale,
    PerspectiveId Perspective,
    IReadOnlyList<FocusAreaId> FocusAreas,
    bool MarketingConsent,
    string? ReferralCode);
