using Astropal.Core.Places;
using Astropal.Core.Readers;
using Astropal.Core.Readers.Signup;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.Core.Readers;

public sealed class SignupValidatorTests
{
    private const int London = 2643743;
    private static readonly Gazetteer Places = new();
    private readonly SignupValidator _validator = new(
        new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)), Places, new TimeZoneResolver());

    private static SignupRequest Valid => new()
    {
        Email = "Ada@Example.com",
        Name = "Ada",
        BirthDate = "1990-05-17",
        BirthTime = "08:30",
        BirthPlaceId = London,
        TimeZone = "Europe/London",
        DeliveryTime = "06:30",
        Locale = "en-US",
        Perspective = "calm",
        FocusAreas = ["wellness", "spiritual"],
        AcceptTerms = true,
    };

    [Fact]
    public void A_complete_sign_up_is_parsed_with_the_address_lower_cased_and_focus_order_kept()
    {
        var result = _validator.Validate(Valid);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.SelectMany(e => e.Value)));
        var signup = result.Signup!;
        Assert.Equal("ada@example.com", signup.Email);
        Assert.Equal(new DateOnly(1990, 5, 17), signup.BirthDate);
        Assert.Equal(new TimeOnly(8, 30), signup.BirthTime);
        Assert.Equal("London", signup.BirthPlace.Name);
        Assert.Equal([FocusAreaId.Wellness, FocusAreaId.Spiritual], signup.FocusAreas);
        Assert.Equal(new TimeOnly(6, 30), signup.DeliveryTime);
    }

    [Fact]
    public void Optional_fields_take_their_defaults()
    {
        var result = _validator.Validate(Valid with { BirthTime = null, DeliveryTime = null, Locale = null, Perspective = null, Name = " " });

        Assert.True(result.IsValid);
        Assert.Null(result.Signup!.BirthTime);
        Assert.Null(result.Signup.Name);
        Assert.Equal(new TimeOnly(6, 0), result.Signup.DeliveryTime);
        Assert.Equal("en-US", result.Signup.Locale);
        Assert.Equal(PerspectiveId.Calm, result.Signup.Perspective);
    }

    public static TheoryData<string, SignupRequest, string> BadInputs => new()
    {
        { "email", Valid with { Email = null }, "Enter your email address." },
        { "email", Valid with { Email = "ada.example.com" }, "like name@example.com" },
        { "email", Valid with { Email = "Ada <ada@example.com>" }, "like name@example.com" },
        { "email", Valid with { Email = "ada@localhost" }, "like name@example.com" },
        { "email", Valid with { Email = new string('a', 245) + "@example.com" }, "at most 254 characters" },
        { "birthDate", Valid with { BirthDate = null }, "Enter your date of birth." },
        { "birthDate", Valid with { BirthDate = "2023-02-30" }, "is not a date on the calendar" },
        { "birthDate", Valid with { BirthDate = "17/05/1990" }, "is not a date on the calendar" },
        { "birthDate", Valid with { BirthDate = "2027-01-01" }, "can't be in the future" },
        { "birthDate", Valid with { BirthDate = "2008-11-27" }, "at least 18" },
        { "birthDate", Valid with { BirthDate = "1906-11-25" }, "more than 120 years" },
        { "birthTime", Valid with { BirthTime = "8.30" }, "HH:mm" },
        { "birthTime", Valid with { BirthTime = "25:00" }, "HH:mm" },
        { "birthPlaceId", Valid with { BirthPlaceId = null }, "Choose your birthplace" },
        { "birthPlaceId", Valid with { BirthPlaceId = 999999999 }, "We don't know a place with id 999999999" },
        { "timeZone", Valid with { TimeZone = "Mars/Olympus_Mons" }, "not a time zone we know" },
        { "timeZone", Valid with { TimeZone = "GMT Standard Time" }, "not a time zone we know" },
        { "perspective", Valid with { Perspective = "stoic" }, "Perspective must be one of calm, knowledge, success, evidence" },
        { "focusAreas", Valid with { FocusAreas = [] }, "at least one" },
        { "focusAreas", Valid with { FocusAreas = ["career", "social", "wellness", "spiritual"] }, "at most three" },
        { "focusAreas", Valid with { FocusAreas = ["career", "career"] }, "chosen twice" },
        { "focusAreas", Valid with { FocusAreas = ["money"] }, "'money' is not a focus area" },
        { "locale", Valid with { Locale = "fr-FR" }, "en-US, es-ES" },
        { "deliveryTime", Valid with { DeliveryTime = "04:30" }, "between 05:00 and 10:00" },
        { "deliveryTime", Valid with { DeliveryTime = "10:30" }, "between 05:00 and 10:00" },
        { "deliveryTime", Valid with { DeliveryTime = "06:15" }, "on the hour or half hour" },
        { "deliveryTime", Valid with { DeliveryTime = "6.30am" }, "Delivery time must be written HH:mm on a 24-hour clock, e.g. 08:30 (got '6.30am')." },
        { "referralCode", Valid with { ReferralCode = "abc" }, "4 to 16 letters and digits" },
        { "acceptTerms", Valid with { AcceptTerms = false }, "accept the terms" },
        { "name", Valid with { Name = new string('n', 51) }, "at most 50 characters" },
        { "name", Valid with { Name = "<script>alert(1)</script>" }, "plain text" },
        { "referralCode", Valid with { ReferralCode = "no spaces!" }, "4 to 16 letters and digits" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Each_bad_input_gets_a_clear_message_on_its_own_field(string field, SignupRequest request, string message)
    {
        var result = _validator.Validate(request);

        Assert.False(result.IsValid);
        Assert.Null(result.Signup);
        Assert.Equal([field], result.Errors.Keys);
        Assert.Contains(result.Errors[field], m => m.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Several_mistakes_are_reported_together_one_entry_per_field()
    {
        var result = _validator.Validate(new SignupRequest { Email = "x", FocusAreas = ["money"] });

        Assert.Equal(
            new[] { "acceptTerms", "birthDate", "birthPlaceId", "email", "focusAreas", "timeZone" },
            result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_eighteenth_birthday_is_old_enough()
    {
        Assert.True(_validator.Validate(Valid with { BirthDate = "2008-11-26" }).IsValid);
    }

    private static readonly string[] PreferenceFields = ["timeZone", "deliveryTime", "locale", "perspective", "focusAreas"];

    public static TheoryData<string, SignupRequest, string> BadPreferenceInputs
    {
        get
        {
            var data = new TheoryData<string, SignupRequest, string>();
            foreach (var row in BadInputs)
            {
                var (name, request, message) = ((string)row[0], (SignupRequest)row[1], (string)row[2]);
                if (PreferenceFields.Contains(name))
                {
                    data.Add(name, request, message);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(BadPreferenceInputs))]
    public void A_preference_change_breaking_a_sign_up_rule_gets_the_sign_up_message(string field, SignupRequest signup, string message)
    {
        var request = new PreferencesRequest
        {
            TimeZone = field == "timeZone" ? signup.TimeZone : null,
            DeliveryTime = field == "deliveryTime" ? signup.DeliveryTime : null,
            Locale = field == "locale" ? signup.Locale : null,
            Perspective = field == "perspective" ? signup.Perspective : null,
            FocusAreas = field == "focusAreas" ? signup.FocusAreas : null,
        };

        var result = _validator.ValidatePreferences(request);

        Assert.False(result.IsValid);
        Assert.Equal([field], result.Errors.Keys);
        Assert.Contains(result.Errors[field], m => m.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_preference_change_parses_what_is_given_and_leaves_the_rest_unchanged()
    {
        var result = _validator.ValidatePreferences(new PreferencesRequest { DeliveryTime = "09:30", FocusAreas = ["social", "career"], Locale = " " });

        Assert.True(result.IsValid);
        Assert.Equal(new TimeOnly(9, 30), result.Preferences!.DeliveryTime);
        Assert.Equal([FocusAreaId.Social, FocusAreaId.Career], result.Preferences!.FocusAreas);
        Assert.Null(result.Preferences.TimeZone);
        Assert.Null(result.Preferences.Locale);
        Assert.Null(result.Preferences.Perspective);
    }

    [Theory]
    [InlineData(" Ada@Example.COM ", "ada@example.com", null)]
    [InlineData("ada@example", null, "like name@example.com")]
    [InlineData("", null, "Enter your email address.")]
    public void An_address_alone_follows_the_sign_up_rule(string input, string? email, string? message)
    {
        var (parsed, error) = SignupValidator.ValidateAddress(input);

        Assert.Equal(email, parsed);
        if (message is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Contains(message, error, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, SignupRequest, string> SpanishMessages => new()
    {
        { "email", Valid with { Email = "ada.example.com" }, "Escribe una dirección de correo como nombre@ejemplo.com." },
        { "birthDate", Valid with { BirthDate = "2008-11-27" }, "Necesitas tener al menos 18 años para suscribirte." },
        { "birthDate", Valid with { BirthDate = "2027-01-01" }, "Tu fecha de nacimiento no puede estar en el futuro." },
        { "birthTime", Valid with { BirthTime = "8.30" }, "La hora de nacimiento se escribe HH:mm en formato de 24 horas, p. ej. 08:30 (has escrito «8.30»)." },
        { "focusAreas", Valid with { FocusAreas = ["career", "career"] }, "«Carrera y negocios» está elegida dos veces; cada área de interés cuenta una vez." },
        { "name", Valid with { Name = new string('n', 51) }, "Tu nombre puede tener como máximo 50 caracteres." },
        { "acceptTerms", Valid with { AcceptTerms = false }, "Acepta las condiciones y el aviso de privacidad para continuar." },
    };

    [Theory]
    [MemberData(nameof(SpanishMessages))]
    public void The_same_rules_speak_spanish_when_asked_while_the_default_stays_english(string field, SignupRequest request, string message)
    {
        var result = _validator.Validate(request);

        Assert.Equal([message], result.ErrorsIn(System.Globalization.CultureInfo.GetCultureInfo("es-ES"))[field]);
        Assert.DoesNotContain(result.Errors[field], m => m == message);
        Assert.Equal(result.Errors[field], result.ErrorsIn(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))[field]);
    }

    [Fact]
    public void Every_message_code_has_a_message_in_english_and_in_spanish()
    {
        var spanish = System.Globalization.CultureInfo.GetCultureInfo("es-ES");
        Assert.Equal(26, SignupMessages.Codes.Count);
        foreach (var code in SignupMessages.Codes)
        {
            var problem = new SignupProblem("x", code, ["a", "b"]);
            var english = SignupMessages.Format(problem, SignupMessages.English);
            Assert.False(string.IsNullOrWhiteSpace(english), code);
            Assert.NotEqual(english, SignupMessages.Format(problem, spanish));
        }
    }

    [Fact]
    public void A_referral_code_is_kept_trimmed_and_upper_cased()
    {
        var result = _validator.Validate(Valid with { ReferralCode = " friend2026 " });

        Assert.Equal("FRIEND2026", result.Signup!.ReferralCode);
    }
}
