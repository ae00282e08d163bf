using System.Text.RegularExpressions;

namespace Astropal.Web.Infrastructure.Observability;

/// <summary>
/// Personal data out of error reports: email addresses anywhere in a text, and the values of fields whose name says
/// they hold an email address, a name, birth data (date, time, place, coordinates) or a token, key or password.
/// Used by <see cref="SentryRedaction"/> beside the token-link redaction of <see cref="LogRedaction"/>.
/// </summary>
public static partial class PersonalDataRedaction
{
    public const string Mask = "[redacted]";

    public const string EmailMask = "[email]";

    /// <summary>Parts of a field name that mark its value as personal or secret (compared without case, ignoring <c>_</c> and <c>-</c>).</summary>
    private static readonly string[] PersonalNameParts =
    [
        "email", "mail", "name", "birth", "natal", "place", "latitude", "longitude", "token", "password", "secret", "apikey", "authorization", "cookie",
    ];

    /// <summary>Field names that contain a personal part but are not personal (names of things, not people).</summary>
    private static readonly HashSet<string> NotPersonal = new(StringComparer.OrdinalIgnoreCase)
    {
        "eventname", "jobname", "jobkey", "categoryname", "hostname", "machinename", "servername", "environmentname", "applicationname",
        "templatename", "providername", "metername", "schedulername", "tokenpurpose", "transactionname", "modulename",
    };

    /// <summary>Whether a field of this name holds personal data or a secret (<c>Email</c>, <c>ReaderName</c>, <c>BirthDate</c>, <c>Token</c>…).</summary>
    public static bool IsPersonalKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        var compact = key.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        if (NotPersonal.Contains(compact))
        {
            return false;
        }

        return PersonalNameParts.Any(part => compact.Contains(part, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary><paramref name="text"/> with email addresses replaced by <see cref="EmailMask"/> and token links by <see cref="LogRedaction.Mask"/>.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var masked = LogRedaction.Redact(text);
        return masked.Contains('@', StringComparison.Ordinal) ? EmailAddress().Replace(masked, EmailMask) : masked;
    }

    public static string? RedactOrNull(string? text) => text is null ? null : Redact(text);

    /// <summary>A field's value: masked whole when its name is personal, otherwise a string with addresses and tokens redacted.</summary>
    public static object? RedactField(string key, object? value) =>
        IsPersonalKey(key) && value is not null ? Mask : value switch
        {
            string s => Redact(s),
            _ => LogRedaction.RedactValue(value),
        };

    /// <summary>
    /// A message template's text with the placeholders of personal fields (<c>{Email}</c>, <c>{Name}</c>…) and any
    /// address or token in the text masked, e.g. for a log message formatted from such a template.
    /// </summary>
    public static string RedactTemplate(string template, Func<string, string?> valueOf)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(valueOf);
        var filled = Placeholder().Replace(template, match =>
        {
            var key = match.Groups["key"].Value;
            return IsPersonalKey(key) ? Mask : valueOf(key) ?? match.Value;
        });
        return Redact(filled);
    }

    /// <summary>Whether a template names a personal field in a placeholder.</summary>
    public static bool TemplateHasPersonalField(string? template) =>
        template is not null && Placeholder().Matches(template).Any(m => IsPersonalKey(m.Groups["key"].Value));

    [GeneratedRegex("""[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+""", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    // {Email}, {@Reader}, {BirthDate:yyyy-MM-dd}
    [GeneratedRegex("""\{[@$]?(?<key>[A-Za-z_][A-Za-z0-9_]*)(?:[,:][^}]*)?\}""", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
