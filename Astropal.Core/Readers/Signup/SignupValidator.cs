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

/// <summary>Either the parsed sign-up or one or more messages per field (camelCase field names, as in the API).</summary>
public sealed record SignupValidation(ValidSignup? Signup, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Signup is not null;
}

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
        var errors = new FieldErrors();
        Action<string, string> fail = errors.Add;

        var email = ValidateEmail(request.Email, fail);
        var name = ValidateName(request.Name, fail);
        var birthDate = ValidateBirthDate(request.BirthDate, fail);
        var birthTime = ParseTime(request.BirthTime, "birthTime", "Birth time", fail);
        var place = ValidatePlace(request.BirthPlaceId, fail);
        var timeZone = ValidateTimeZone(request.TimeZone, fail);
        var delivery = ValidateDelivery(request.DeliveryTime, fail);
        var locale = ValidateLocale(request.Locale, fail);
        var perspective = ValidatePerspective(request.Perspective, fail);
        var focus = ValidateFocusAreas(request.FocusAreas, fail);
        var referral = ValidateReferral(request.ReferralCode, fail);
        if (!request.AcceptTerms)
        {
            fail("acceptTerms", "Please accept the terms and the privacy notice to continue.");
        }

        if (errors.Count > 0)
        {
            return new SignupValidation(null, errors.ToDictionary());
        }

        return new SignupValidation(
            new ValidSignup(email!, name, birthDate!.Value, birthTime, place!, timeZone!, delivery!.Value, locale!,
                perspective!.Value, focus!, request.MarketingConsent, referral),
            new Dictionary<string, string[]>(StringComparer.Ordinal));
    }

    /// <summary>
    /// A change from the preferences portal: each field given (not null or blank) is checked with the
    /// same rule as at sign-up; the others stay as they are.
    /// </summary>
    public PreferencesValidation ValidatePreferences(PreferencesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        Action<string, string> fail = errors.Add;

        var timeZone = string.IsNullOrWhiteSpace(request.TimeZone) ? null : ValidateTimeZone(request.TimeZone, fail);
        var delivery = string.IsNullOrWhiteSpace(request.DeliveryTime) ? null : ValidateDelivery(request.DeliveryTime, fail);
        var locale = string.IsNullOrWhiteSpace(request.Locale) ? null : ValidateLocale(request.Locale, fail);
        var perspective = string.IsNullOrWhiteSpace(request.Perspective) ? null : ValidatePerspective(request.Perspective, fail);
        var focus = request.FocusAreas is null ? null : ValidateFocusAreas(request.FocusAreas, fail);
        if (errors.Count > 0)
        {
            return new PreferencesValidation(null, errors.ToDictionary());
        }

        return new PreferencesValidation(
            new ValidPreferences(timeZone, delivery, locale, perspective, focus),
            new Dictionary<string, string[]>(StringComparer.Ordinal));
    }

    /// <summary>An address with the sign-up rules (trimmed, lower-cased), or the message saying what is wrong with it.</summary>
    public static (string? Email, string? Error) ValidateAddress(string? value)
    {
        string? error = null;
        var email = ValidateEmail(value, (_, message) => error = message);
        return (email, error);
    }

    private static string? ValidateEmail(string? value, Action<string, string> fail)
    {
        var email = value?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            fail("email", "Enter your email address.");
            return null;
        }

        if (email.Length > MaxEmailLength)
        {
            fail("email", $"An email address can have at most {MaxEmailLength} characters.");
            return null;
        }

        // MailAddress accepts display names and dotless domains; a newsletter address needs neither.
        if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || parsed.DisplayName.Length > 0
            || !parsed.Host.Contains('.', StringComparison.Ordinal) || parsed.Host.EndsWith('.') || email.Any(char.IsWhiteSpace))
        {
            fail("email", "Enter an email address like name@example.com.");
            return null;
        }

        return email.ToLowerInvariant();
    }

    private static string? ValidateName(string? value, Action<string, string> fail)
    {
        var name = value?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        if (name.Length > MaxNameLength)
        {
            fail("name", $"Your name can have at most {MaxNameLength} characters.");
        }

        if (name.IndexOfAny(['<', '>']) >= 0 || name.Any(char.IsControl))
        {
            fail("name", "Your name can only be plain text: no < or > and no control characters.");
        }

        return name;
    }

    private DateOnly? ValidateBirthDate(string? value, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            fail("birthDate", "Enter your date of birth.");
            return null;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            fail("birthDate", $"'{value}' is not a date on the calendar (use YYYY-MM-DD, e.g. 1990-05-17).");
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (date > today)
        {
            fail("birthDate", "Your date of birth can't be in the future.");
        }
        else if (date.AddYears(MinimumAge) > today)
        {
            fail("birthDate", $"You need to be at least {MinimumAge} to subscribe.");
        }
        else if (date.AddYears(MaximumAge) < today)
        {
            fail("birthDate", $"Please check the year: that is more than {MaximumAge} years ago.");
        }

        return date;
    }

    private static TimeOnly? ParseTime(string? value, string field, string label, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!TimeOnly.TryParseExact(value.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            fail(field, $"{label} must be written HH:mm on a 24-hour clock, e.g. 08:30 (got '{value}').");
            return null;
        }

        return time;
    }

    private GazetteerCity? ValidatePlace(int? id, Action<string, string> fail)
    {
        if (id is null)
        {
            fail("birthPlaceId", "Choose your birthplace from the list.");
            return null;
        }

        var city = gazetteer.Find(id.Value);
        if (city is null)
        {
            fail("birthPlaceId", $"We don't know a place with id {id}. Choose your birthplace from the list.");
        }

        return city;
    }

    private string? ValidateTimeZone(string? value, Action<string, string> fail)
    {
        var id = value?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            fail("timeZone", "Choose the time zone you live in.");
            return null;
        }

        // IANA ids only ("Europe/London"); Windows names would resolve on some hosts and not others.
        if ((!id.Contains('/', StringComparison.Ordinal) && id != "UTC") || !zones.TryResolve(id, out _))
        {
            fail("timeZone", $"'{id}' is not a time zone we know (use an IANA id such as Europe/London).");
            return null;
        }

        return id;
    }

    private static TimeOnly? ValidateDelivery(string? value, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultDelivery;
        }

        var time = ParseTime(value, "deliveryTime", "Delivery time", fail);
        if (time is null)
        {
            return null;
        }

        if (time < EarliestDelivery || time > LatestDelivery || time.Value.Minute % 30 != 0)
        {
            fail("deliveryTime", "Choose a delivery time between 05:00 and 10:00, on the hour or half hour.");
            return null;
        }

        return time;
    }

    private static string? ValidateLocale(string? value, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Locales[0];
        }

        var locale = Locales.FirstOrDefault(l => string.Equals(l, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (locale is null)
        {
            fail("locale", $"Language must be one of {string.Join(", ", Locales)} (got '{value}').");
        }

        return locale;
    }

    private static PerspectiveId? ValidatePerspective(string? value, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return PerspectiveId.Calm;
        }

        if (!Readers.Perspective.TryParse(value, out var perspective))
        {
            fail("perspective", $"Perspective must be one of {string.Join(", ", Readers.Perspective.All.Select(p => p.Slug))} (got '{value}').");
            return null;
        }

        return perspective.Id;
    }

    private static List<FocusAreaId>? ValidateFocusAreas(IReadOnlyList<string>? values, Action<string, string> fail)
    {
        if (values is null || values.Count == 0)
        {
            fail("focusAreas", "Choose at least one focus area.");
            return null;
        }

        if (values.Count > 3)
        {
            fail("focusAreas", "Choose at most three focus areas.");
            return null;
        }

        var result = new List<FocusAreaId>();
        foreach (var value in values)
        {
            if (!FocusArea.TryParse(value, out var focus))
            {
                fail("focusAreas", $"'{value}' is not a focus area (choose from {string.Join(", ", FocusArea.All.Select(f => f.Slug))}).");
                return null;
            }

            if (result.Contains(focus.Id))
            {
                fail("focusAreas", $"{focus.Name} is chosen twice; each focus area counts once.");
                return null;
            }

            result.Add(focus.Id);
        }

        return result;
    }

    private static string? ValidateReferral(string? value, Action<string, string> fail)
    {
        var code = value?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        if (code.Length is < 4 or > 16 || !code.All(char.IsAsciiLetterOrDigit))
        {
            fail("referralCode", "A referral code has 4 to 16 letters and digits.");
            return null;
        }

        return code.ToUpperInvariant();
    }

    /// <summary>Messages collected per field (camelCase field names), in the order found.</summary>
    private sealed class FieldErrors
    {
        private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

        public int Count => errors.Count;

        public void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        public Dictionary<string, string[]> ToDictionary() =>
            errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }
}
