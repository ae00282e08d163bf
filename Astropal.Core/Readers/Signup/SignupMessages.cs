using System.Globalization;
using System.Resources;
using Astropal.Core.Content;

namespace Astropal.Core.Readers.Signup;

/// <summary>
/// The sign-up messages, one code per rule, worded per language in <c>SignupMessages.resx</c> (English)
/// and <c>SignupMessages.es-ES.resx</c>, so the page speaks the reader's language while the API keeps English.
/// </summary>
public static class SignupMessages
{
    public const string EmailRequired = nameof(EmailRequired);
    public const string EmailTooLong = nameof(EmailTooLong);
    public const string EmailInvalid = nameof(EmailInvalid);
    public const string NameTooLong = nameof(NameTooLong);
    public const string NameNotPlainText = nameof(NameNotPlainText);
    public const string BirthDateRequired = nameof(BirthDateRequired);
    public const string BirthDateInvalid = nameof(BirthDateInvalid);
    public const string BirthDateInFuture = nameof(BirthDateInFuture);
    public const string BirthDateTooYoung = nameof(BirthDateTooYoung);
    public const string BirthDateTooOld = nameof(BirthDateTooOld);
    public const string BirthTimeFormat = nameof(BirthTimeFormat);
    public const string BirthPlaceRequired = nameof(BirthPlaceRequired);
    public const string BirthPlaceUnknown = nameof(BirthPlaceUnknown);
    public const string TimeZoneRequired = nameof(TimeZoneRequired);
    public const string TimeZoneUnknown = nameof(TimeZoneUnknown);
    public const string DeliveryTimeFormat = nameof(DeliveryTimeFormat);
    public const string DeliveryTimeOutOfRange = nameof(DeliveryTimeOutOfRange);
    public const string LocaleUnknown = nameof(LocaleUnknown);
    public const string PerspectiveUnknown = nameof(PerspectiveUnknown);
    public const string PerspectiveRequired = nameof(PerspectiveRequired);
    public const string FocusAreasRequired = nameof(FocusAreasRequired);
    public const string FocusAreasTooMany = nameof(FocusAreasTooMany);
    public const string FocusAreaUnknown = nameof(FocusAreaUnknown);
    public const string FocusAreaTwice = nameof(FocusAreaTwice);
    public const string ReferralCodeInvalid = nameof(ReferralCodeInvalid);
    public const string TermsRequired = nameof(TermsRequired);

    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo(SupportedLocales.English);

    /// <summary>Every code, for the tests that check each has a message in every language.</summary>
    public static IReadOnlyList<string> Codes { get; } = typeof(SignupMessages)
        .GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();

    internal static ResourceManager Resources { get; } = new("Astropal.Core.Readers.Signup.SignupMessages", typeof(SignupMessages).Assembly);

    /// <summary>The message of <paramref name="problem"/> in <paramref name="culture"/>; English for a language we do not have.</summary>
    public static string Format(SignupProblem problem, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(culture);
        var template = Resources.GetString(problem.Code, culture)
            ?? throw new InvalidOperationException($"SignupMessages.resx has no message '{problem.Code}'.");
        var locale = ContentLocale.TryGet(culture.Name, out var found) ? found : ContentLocale.English;
        var arguments = problem.Arguments.Select(a => a is FocusAreaId focus ? locale.FocusArea(focus) : a).ToArray();
        return string.Format(culture, template, arguments);
    }

    /// <summary>The messages of <paramref name="problems"/> per field (camelCase names, in the order found) in <paramref name="culture"/>.</summary>
    public static IReadOnlyDictionary<string, string[]> ByField(IEnumerable<SignupProblem> problems, CultureInfo culture) =>
        problems.GroupBy(p => p.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => Format(p, culture)).ToArray(), StringComparer.Ordinal);
}
