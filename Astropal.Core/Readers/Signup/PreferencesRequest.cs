namespace Astropal.Core.Readers.Signup;

/// <summary>
/// A change of preferences from the portal, as text until validated (like <see cref="SignupRequest"/>).
/// A null or blank field is not being changed; <see cref="FocusAreas"/> null means the same.
/// </summary>
public sealed record PreferencesRequest
{
    public string? TimeZone { get; init; }

    public string? DeliveryTime { get; init; }

    public string? Locale { get; init; }

    public string? Perspective { get; init; }

    /// <summary>1–3 focus area ids, most important first; an empty list is a mistake, not "unchanged".</summary>
    public IReadOnlyList<string>? FocusAreas { get; init; }
}

/// <summary>The fields of a <see cref="PreferencesRequest"/> that passed, parsed; null for the ones not being changed.</summary>
public sealed record ValidPreferences(
    string? TimeZone,
    TimeOnly? DeliveryTime,
    string? Locale,
    PerspectiveId? Perspective,
    IReadOnlyList<FocusAreaId>? FocusAreas);

/// <summary>Either the parsed change or one or more messages per field (the sign-up field names).</summary>
public sealed record PreferencesValidation(ValidPreferences? Preferences, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Preferences is not null;
}
