using System.Globalization;
using System.Net.Mail;
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

/// <summary>
/// Either the parsed sign-up or one or more problems per field (camelCase field names, as in the API).
/// </summary>
public sealed record SignupValidation(ValidSignup? Signup, IReadOnlyList<SignupProblem> Problems)
{
    public bool IsValid => Signup is not null;

    /// <summary>The messages per field in English: what the API answers.</summary>
    public IReadOnlyDictionary<string, string[]> Errors => ErrorsIn(SignupMessages.English);

    /// <summary>The messages per field in <paramref name="culture"/> (<c>es-ES</c>; English otherwise).</summary>
    public IReadOnlyDictionary<string, string[]> ErrorsIn(CultureInfo culture) =>
        SignupMessages.ByField(Problems, culture);
}

/// <summary>
/// The sign-up rules of SPEC §2, shared by the <c>/start</c> page and the API so that both say the
/// same thing about the same mistake. Dates are judged against today's UTC date.
/// </summary>
public sealed class SignupValidator(TimeProvider clock, Gazetteer gazetteer, TimeZoneResolver zones)
{
    private delegate void ProblemSink(string field, string code, params object[] arguments);

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

        var email = ValidateEmail(request.Email, Fail);
        var name = ValidateName(request.Name, Fail);
        var birthDate = ValidateBirthDate(request.BirthDate, Fail);
        var birthTime = ParseTime(request.BirthTime, "birthTime", SignupMessages.BirthTimeFormat, Fail);
        var place = ValidatePlace(request.BirthPlaceId, Fail);
        var timeZone = ValidateTimeZone(request.TimeZone, Fail);
        var delivery = ValidateDelivery(request.DeliveryTime, Fail);
        var locale = ValidateLocale(request.Locale, Fail);
        var perspective = ValidatePerspective(request.Perspective, Fail);
        var focus = ValidateFocusAreas(request.FocusAreas, Fail);
        var referral = ValidateReferral(request.ReferralCode, Fail);
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
        var delivery = string.IsNullOrWhiteSpace(request.DeliveryTime) ? null : ValidateDelivery(request.DeliveryTime, Fail);
        var locale = string.IsNullOrWhiteSpace(request.Locale) ? null : ValidateLocale(request.Locale, Fail);
        var perspective = string.IsNullOrWhiteSpace(request.Perspective) ? null : ValidatePerspective(request.Perspective, Fail);
        var focus = request.FocusAreas is null ? null : ValidateFocusAreas(request.FocusAreas, Fail);
        return problems.Count > 0
            ? new PreferencesValidation(null, problems)
            : new PreferencesValidation(new ValidPreferences(timeZone, delivery, locale, perspective, focus), []);
    }

    /// <summary>An address with the sign-up rules (trimmed, lower-cased), or the English message saying what is wrong with it.</summary>
    public static (string? Email, string? Error) ValidateAddress(string? value)
    {
        string? error = null;
        var email = ValidateEmail(value, (field, code, arguments) => error = SignupMessages.Format(new SignupProblem(field, code, arguments), SignupMessages.English));
        return (email, error);
    }

    private static string? ValidateEmail(string? value, ProblemSink fail)
    {
        var email = value?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            fail("email", SignupMessages.EmailRequired);
            return null;
        }

        if (email.Length > MaxEmailLength)
        {
            fail("email", SignupMessages.EmailTooLong, MaxEmailLength);
            return null;
        }

        // MailAddress accepts display names and dotless domains; a newsletter address needs neither.
        if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || parsed.DisplayName.Length > 0
            || !parsed.Host.Contains('.', StringComparison.Ordinal) || parsed.Host.EndsWith('.') || email.Any(char.IsWhiteSpace))
        {
            fail("email", SignupMessages.EmailInvalid);
            return null;
        }

        return email.ToLowerInvariant();
    }

    private static string? ValidateName(string? value, ProblemSink fail)
    {
        var name = value?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        if (name.Length > MaxNameLength)
        {
            fail("name", SignupMessages.NameTooLong, MaxNameLength);
        }

        if (name.IndexOfAny(['<', '>']) >= 0 || name.Any(char.IsControl))
        {
            fail("name", SignupMessages.NameNotPlainText);
        }

        return name;
    }

    private DateOnly? ValidateBirthDate(string? value, ProblemSink fail)
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

    private static TimeOnly? ParseTime(string? value, string field, string formatCode, ProblemSink fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!TimeOnly.TryParseExact(value.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            fail(field, formatCode, value);
            return null;
        }

        return time;
    }

    private GazetteerCity? ValidatePlace(int? id, ProblemSink fail)
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

    private string? ValidateTimeZone(string? value, ProblemSink fail)
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

    private static TimeOnly? ValidateDelivery(string? value, ProblemSink fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultDelivery;
        }

        var time = ParseTime(value, "deliveryTime", SignupMessages.DeliveryTimeFormat, fail);
        if (time is null)
        {
            return null;
        }

        if (time < EarliestDelivery || time > LatestDelivery || time.Value.Minute % 30 != 0)
        {
            fail("deliveryTime", SignupMessages.DeliveryTimeOutOfRange);
            return null;
        }

        return time;
    }

    private static string? ValidateLocale(string? value, ProblemSink fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Locales[0];
        }

        var locale = Locales.FirstOrDefault(l => string.Equals(l, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (locale is null)
        {
            fail("locale", SignupMessages.LocaleUnknown, string.Join(", ", Locales), value);
        }

        return locale;
    }

    private static PerspectiveId? ValidatePerspective(string? value, ProblemSink fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return PerspectiveId.Calm;
        }

        if (!Readers.Perspective.TryParse(value, out var perspective))
        {
            fail("perspective", SignupMessages.PerspectiveUnknown, string.Join(", ", Readers.Perspective.All.Select(p => p.Slug)), value);
            return null;
        }

        return perspective.Id;
    }

    private static List<FocusAreaId>? ValidateFocusAreas(IReadOnlyList<string>? values, ProblemSink fail)
    {
        if (values is null || values.Count == 0)
        {
            fail("focusAreas", SignupMessages.FocusAreasRequired);
            return null;
        }

        if (values.Count > 3)
        {
            fail("focusAreas", SignupMessages.FocusAreasTooMany);
            return null;
        }

        var result = new List<FocusAreaId>();
        foreach (var value in values)
        {
            if (!FocusArea.TryParse(value, out var focus))
            {
                fail("focusAreas", SignupMessages.FocusAreaUnknown, value, string.Join(", ", FocusArea.All.Select(f => f.Slug)));
                return null;
            }

            if (result.Contains(focus.Id))
            {
                fail("focusAreas", SignupMessages.FocusAreaTwice, focus.Id);
                return null;
            }

            result.Add(focus.Id);
        }

        return result;
    }

    private static string? ValidateReferral(string? value, ProblemSink fail)
    {
        var code = value?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        if (code.Length is < 4 or > 16 || !code.All(char.IsAsciiLetterOrDigit))
        {
            fail("referralCode", SignupMessages.ReferralCodeInvalid);
            return null;
        }

        return code.ToUpperInvariant();
    }
}
