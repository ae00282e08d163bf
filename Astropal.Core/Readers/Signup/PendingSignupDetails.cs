using System.Text.Json;
using System.Text.Json.Serialization;

namespace Astropal.Core.Readers.Signup;

/// <summary>
/// What a second sign-up for a pending or unsubscribed address asked for, kept on its confirmation
/// token (<see cref="ReaderToken.PendingDetailsJson"/>) and applied to the reader only when that link
/// is confirmed: without proof of the mailbox nobody can change a reader's name, birth data or consents.
/// </summary>
public sealed record PendingSignupDetails(
    string? Name,
    DateOnly BirthDate,
    TimeOnly? BirthTime,
    int BirthPlaceId,
    string BirthPlaceName,
    double BirthLatitude,
    double BirthLongitude,
    string BirthTimeZone,
    string TimeZone,
    TimeOnly DeliveryTime,
    string Locale,
    PerspectiveId Perspective,
    IReadOnlyList<FocusAreaId> FocusAreas,
    bool MarketingConsent,
    string? ReferralCode,
    DateTimeOffset SubmittedAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static PendingSignupDetails From(ValidSignup signup, DateTimeOffset submittedAt)
    {
        ArgumentNullException.ThrowIfNull(signup);
        return new PendingSignupDetails(
            signup.Name, signup.BirthDate, signup.BirthTime, signup.BirthPlace.GeonameId, signup.BirthPlace.Label,
            signup.BirthPlace.Latitude, signup.BirthPlace.Longitude, signup.BirthPlace.TimeZoneId, signup.TimeZone,
            signup.DeliveryTime, signup.Locale, signup.Perspective, [.. signup.FocusAreas], signup.MarketingConsent,
            signup.ReferralCode, submittedAt);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The details stored on a token; null for a token without any (or text this version cannot read).</summary>
    public static PendingSignupDetails? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<PendingSignupDetails>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes these details onto the reader (name, birth data, schedule, voice, consents as given at <see cref="SubmittedAt"/>).</summary>
    public void ApplyTo(Reader reader, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Name = Name;
        reader.BirthDate = BirthDate;
        reader.BirthTime = BirthTime;
        reader.BirthPlaceId = BirthPlaceId;
        reader.BirthPlaceName = BirthPlaceName;
        reader.BirthLatitude = BirthLatitude;
        reader.BirthLongitude = BirthLongitude;
        reader.BirthTimeZone = BirthTimeZone;
        reader.TimeZone = TimeZone;
        reader.DeliveryTime = DeliveryTime;
        reader.Locale = Locale;
        reader.Perspective = Perspective;
        reader.FocusAreas = [.. FocusAreas];
        reader.TermsAcceptedAt = SubmittedAt;
        reader.MarketingConsent = MarketingConsent;
        reader.MarketingConsentAt = MarketingConsent ? SubmittedAt : null;
        reader.ReferredBy ??= ReferralCode;
        reader.UpdatedAt = now;
    }
}
