using System.Globalization;

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

/// <summary>Either the parsed change or one or more problems per field (the sign-up field names).</summary>
public sealed record PreferencesValidation(ValidPreferences? Preferences, IReadOnlyList<SignupProblem> Problems)
{
    public bool IsValid => Preferences is not null;

    /// <summary>The messages per field in English.</summary>
    public IReadOnlyDictionary<string, string[]> Errors => ErrorsIn(SignupMessages.English);

    /// <summary>The messages per field in <paramref name="culture"/> (<c>es-ES</c>; English otherwise).</summary>
    public IReadOnlyDictionary<string, string[]> ErrorsIn(CultureInfo culture) =>
        SignupMessages.ByField(Problems, culture);
}
