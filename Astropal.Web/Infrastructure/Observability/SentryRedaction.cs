using Sentry;

namespace Astropal.Web.Infrastructure.Observability;

/// <summary>
/// What leaves for Sentry carries no token (<see cref="LogRedaction"/>) and no personal data (<see cref="PersonalDataRedaction"/>):
/// email addresses anywhere, and the values of name, email, birth-data, token and password fields, in the request (URL,
/// query string, headers, cookies, body), the message, exceptions, extras, tags, the user and breadcrumbs.
/// </summary>
public static class SentryRedaction
{
    public static SentryEvent Scrub(SentryEvent sentryEvent)
    {
        ArgumentNullException.ThrowIfNull(sentryEvent);
        var request = sentryEvent.Request;
        request.Url = PersonalDataRedaction.RedactOrNull(request.Url);
        request.QueryString = PersonalDataRedaction.RedactOrNull(request.QueryString);
        request.Cookies = null;
        request.Data = null;
        foreach (var header in request.Headers.Keys.ToList())
        {
            request.Headers[header] = PersonalDataRedaction.IsPersonalKey(header) ? PersonalDataRedaction.Mask : PersonalDataRedaction.Redact(request.Headers[header]);
        }

        // No user: an id, address, IP or name would all identify the reader.
        sentryEvent.User = new SentryUser();

        foreach (var (key, value) in sentryEvent.Extra.ToList())
        {
            sentryEvent.SetExtra(key, PersonalDataRedaction.RedactField(key, value));
        }

        foreach (var (key, value) in sentryEvent.Tags.ToList())
        {
            sentryEvent.SetTag(key, PersonalDataRedaction.IsPersonalKey(key) ? PersonalDataRedaction.Mask : PersonalDataRedaction.Redact(value));
        }

        if (sentryEvent.Message is { } message)
        {
            // A message made from a template with a personal placeholder is rebuilt from the template with that field masked.
            message.Formatted = PersonalDataRedaction.TemplateHasPersonalField(message.Message) && message.Message is { } template
                ? PersonalDataRedaction.RedactTemplate(template, key => ValueOf(sentryEvent, key))
                : PersonalDataRedaction.RedactOrNull(message.Formatted);
            message.Message = PersonalDataRedaction.RedactOrNull(message.Message);
            message.Params = null;
        }

        sentryEvent.TransactionName = PersonalDataRedaction.RedactOrNull(sentryEvent.TransactionName);
        foreach (var exception in sentryEvent.SentryExceptions ?? [])
        {
            exception.Value = PersonalDataRedaction.RedactOrNull(exception.Value);
        }

        return sentryEvent;
    }

    public static Breadcrumb Scrub(Breadcrumb breadcrumb)
    {
        ArgumentNullException.ThrowIfNull(breadcrumb);
        var dataNeedsScrub = breadcrumb.Data?.Any(d => PersonalDataRedaction.IsPersonalKey(d.Key) || NeedsScrub(d.Value)) ?? false;
        if (!NeedsScrub(breadcrumb.Message) && !dataNeedsScrub)
        {
            return breadcrumb;
        }

        var data = breadcrumb.Data?.ToDictionary(
            d => d.Key,
            d => PersonalDataRedaction.IsPersonalKey(d.Key) ? PersonalDataRedaction.Mask : PersonalDataRedaction.Redact(d.Value),
            StringComparer.Ordinal);
        // BeforeBreadcrumb runs as the breadcrumb is recorded, so its new timestamp is the same moment.
        return new Breadcrumb(PersonalDataRedaction.RedactOrNull(breadcrumb.Message) ?? "", breadcrumb.Type ?? "default", data, breadcrumb.Category, breadcrumb.Level);
    }

    private static bool NeedsScrub(string? text) =>
        text is not null && (LogRedaction.MayContainToken(text) || text.Contains('@', StringComparison.Ordinal));

    private static string? ValueOf(SentryEvent sentryEvent, string key) =>
        sentryEvent.Tags.TryGetValue(key, out var tag) ? tag
        : sentryEvent.Extra.TryGetValue(key, out var extra) ? Convert.ToString(extra, System.Globalization.CultureInfo.InvariantCulture)
        : null;
}
