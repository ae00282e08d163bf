using System.Globalization;
using System.Net.Mail;

namespace Astropal.Core.Readers.Signup;

/// <summary>
/// The rules of the sign-up fields that need nothing but the value (no clock, gazetteer or zone
/// data): each reports what is wrong to the sink and returns the parsed value, the default of a
/// blank optional field, or null when there is nothing to parse.
/// </summary>
internal static class SignupFieldRules
{
    public static string? Email(string? value, SignupProblemSink fail)
    {
        var email = value?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            fail("email", SignupMessages.EmailRequired);
            return null;
        }

        if (email.Length > SignupValidator.MaxEmailLength)
        {
            fail("email", SignupMessages.EmailTooLong, SignupValidator.MaxEmailLength);
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

    public static string? Name(string? value, SignupProblemSink fail)
    {
        var name = value?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        if (name.Length > SignupValidator.MaxNameLength)
        {
            fail("name", SignupMessages.NameTooLong, SignupValidator.MaxNameLength);
        }

        if (name.IndexOfAny(['<', '>']) >= 0 || name.Any(char.IsControl))
        {
            fail("name", SignupMessages.NameNotPlainText);
        }

        return name;
    }

    public static TimeOnly? Time(string? value, string field, string formatCode, SignupProblemSink fail)
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

    public static TimeOnly? DeliveryTime(string? value, SignupProblemSink fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return SignupValidator.DefaultDelivery;
        }

        var time = Time(value, "deliveryTime", SignupMessages.DeliveryTimeFormat, fail);
        if (time is null)
        {
            return null;
        }

        if (time < SignupValidator.EarliestDelivery || time > SignupValidator.LatestDelivery || time.Value.Minute % 30 != 0)
        {
            fail("deliveryTime", SignupMessages.DeliveryTimeOutOfRange);
            return null;
        }

        return time;
    }

    public static string? Locale(string? value, SignupProblemSink fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return SignupValidator.Locales[0];
        }

        var locale = SignupValidator.Locales.FirstOrDefault(l => string.Equals(l, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (locale is null)
        {
            fail("locale", SignupMessages.LocaleUnknown, string.Join(", ", SignupValidator.Locales), value);
        }

        return locale;
    }

    public static PerspectiveId? Perspective(string? value, SignupProblemSink fail)
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

    public static List<FocusAreaId>? FocusAreas(IReadOnlyList<string>? values, SignupProblemSink fail)
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

    public static string? ReferralCode(string? value, SignupProblemSink fail)
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
