using System.Globalization;
using Astropal.Core.Places;

namespace Astropal.Core.Readers.Signup;

/// <summary>
/// The sign-up rules of SPEC §2, shared by the <c>/start</c> page and the API so that both say the
/// same thing about the same mistake. Dates are judged against today's UTC date.
/// </summary>
public sealed class SignupValidator(TimeProvider clock, Gazetteer gazetteer, TimeZoneResolver zones)
{
    public const int MaxEmailLength = 254;
    public const int MaxNameLength = 50;
    public const int MinimumAge = 18;
    public const int MaximumAge = 120;
    public static readonly TimeOnly EarliestDelivery = new(5, 0);
    public static readonly TimeOnly LatestDelivery = new(10, 0);
    public static readonly TimeOnly DefaultDelivery = new(6, 0);
    public static IReadOnlyList<string> Locales { get; } = ["en-US", "es-ES"];

    public SignupValidation Validate(SignupRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<SignupProblem>();
        void Fail(string field, string code, params object[] arguments) => problems.Add(new SignupProblem(field, code, arguments));

        var email = SignupFieldRules.Email(request.Email, Fail);
        var name = SignupFieldRules.Name(request.Name, Fail);
        var birthDate = ValidateBirthDate(request.BirthDate, Fail);
        var birthTime = SignupFieldRules.Time(request.BirthTime, "birthTime", SignupMessages.BirthTimeFormat, Fail);
        var place = ValidatePlace(request.BirthPlaceId, Fail);
        var timeZone = ValidateTimeZone(request.TimeZone, Fail);
        var delivery = SignupFieldRules.DeliveryTime(request.DeliveryTime, Fail);
        var locale = SignupFieldRules.Locale(request.Locale, Fail);
        var perspective = SignupFieldRules.Perspective(request.Perspective, Fail);
        var focus = SignupFieldRules.FocusAreas(request.FocusAreas, Fail);
        var referral = SignupFieldRules.ReferralCode(request.ReferralCode, Fail);
        if (!request.AcceptTerms)
        {
            Fail("acceptTerms", SignupMessages.TermsRequired);
        }

        if (problems.Count > 0)
        {
            return new SignupValidation(null, problems);
        }

        return new SignupValidation(
            new ValidSignup(email!, name, birthDate!.Value, birthTime, place!, timeZone!, delivery!.Value, locale!,
                perspective!.Value, focus!, request.MarketingConsent, referral),
            []);
    }

    /// <summary>
    /// A change from the preferences portal: each field given (not null or blank) is checked with the
    /// same rule as at sign-up; the others stay as they are.
    /// </summary>
    public PreferencesValidation ValidatePreferences(PreferencesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<SignupProblem>();
        void Fail(string field, string code, params object[] arguments) => problems.Add(new SignupProblem(field, code, arguments));

        var timeZone = string.IsNullOrWhiteSpace(request.TimeZone) ? null : ValidateTimeZone(request.TimeZone, Fail);
        var delivery = string.IsNullOrWhiteSpace(request.DeliveryTime) ? null : SignupFieldRules.DeliveryTime(request.DeliveryTime, Fail);
        var locale = string.IsNullOrWhiteSpace(request.Locale) ? null : SignupFieldRules.Locale(request.Locale, Fail);
        var perspective = string.IsNullOrWhiteSpace(request.Perspective) ? null : SignupFieldRules.Perspective(request.Perspective, Fail);
        var focus = request.FocusAreas is null ? null : SignupFieldRules.FocusAreas(request.FocusAreas, Fail);
        return problems.Count > 0
            ? new PreferencesValidation(null, problems)
            : new PreferencesValidation(new ValidPreferences(timeZone, delivery, locale, perspective, focus), []);
    }

    /// <summary>An address with the sign-up rules (trimmed, lower-cased), or the English message saying what is wrong with it.</summary>
    public static (string? Email, string? Error) ValidateAddress(string? value)
    {
        string? error = null;
        var email = SignupFieldRules.Email(value, (field, code, arguments) => error = SignupMessages.Format(new SignupProblem(field, code, arguments), SignupMessages.English));
        return (email, error);
    }

    private DateOnly? ValidateBirthDate(string? value, SignupProblemSink fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            fail("birthDate", SignupMessages.BirthDateRequired);
            return null;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            fail("birthDate", SignupMessages.BirthDateInvalid, value);
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (date > today)
        {
            fail("birthDate", SignupMessages.BirthDateInFuture);
        }
        else if (date.AddYears(MinimumAge) > today)
        {
            fail("birthDate", SignupMessages.BirthDateTooYoung, MinimumAge);
        }
        else if (date.AddYears(MaximumAge) < today)
        {
            fail("birthDate", SignupMessages.BirthDateTooOld, MaximumAge);
        }

        return date;
    }

    private GazetteerCity? ValidatePlace(int? id, SignupProblemSink fail)
    {
        if (id is null)
        {
            fail("birthPlaceId", SignupMessages.BirthPlaceRequired);
            return null;
        }

        var city = gazetteer.Find(id.Value);
        if (city is null)
        {
            fail("birthPlaceId", SignupMessages.BirthPlaceUnknown, id.Value);
        }

        return city;
    }

    private string? ValidateTimeZone(string? value, SignupProblemSink fail)
    {
        var id = value?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            fail("timeZone", SignupMessages.TimeZoneRequired);
            return null;
        }

        // IANA ids only ("Europe/London"); Windows names would resolve on some hosts and not others.
        if ((!id.Contains('/', StringComparison.Ordinal) && id != "UTC") || !zones.TryResolve(id, out _))
        {
            fail("timeZone", SignupMessages.TimeZoneUnknown, id);
            return null;
        }

        return id;
    }
}
