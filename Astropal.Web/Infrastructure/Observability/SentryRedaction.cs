using Sentry;

namespace Astropal.Web.Infrastructure.Observability;

/// <summary>Token values out of Sentry events and breadcrumbs (<see cref="LogRedaction"/>): URL, query string, headers, message.</summary>
public static class SentryRedaction
{
    public static SentryEvent Scrub(SentryEvent sentryEvent)
    {
        ArgumentNullException.ThrowIfNull(sentryEvent);
        var request = sentryEvent.Request;
        request.Url = RedactOrNull(request.Url);
        request.QueryString = RedactOrNull(request.QueryString);
        foreach (var header in request.Headers.Keys.ToList())
        {
            request.Headers[header] = LogRedaction.Redact(request.Headers[header]);
        }

        if (sentryEvent.Message is { } message)
        {
            message.Message = RedactOrNull(message.Message);
            message.Formatted = RedactOrNull(message.Formatted);
        }

        sentryEvent.TransactionName = RedactOrNull(sentryEvent.TransactionName);
        foreach (var exception in sentryEvent.SentryExceptions ?? [])
        {
            exception.Value = RedactOrNull(exception.Value);
        }

        return sentryEvent;
    }

    public static Breadcrumb Scrub(Breadcrumb breadcrumb)
    {
        ArgumentNullException.ThrowIfNull(breadcrumb);
        var dataHasToken = breadcrumb.Data?.Values.Any(LogRedaction.MayContainToken) ?? false;
        if (!LogRedaction.MayContainToken(breadcrumb.Message) && !dataHasToken)
        {
            return breadcrumb;
        }

        var data = breadcrumb.Data?.ToDictionary(d => d.Key, d => LogRedaction.Redact(d.Value), StringComparer.Ordinal);
        // BeforeBreadcrumb runs as the breadcrumb is recorded, so its new timestamp is the same moment.
        return new Breadcrumb(RedactOrNull(breadcrumb.Message) ?? "", breadcrumb.Type ?? "default", data, breadcrumb.Category, breadcrumb.Level);
    }

    private static string? RedactOrNull(string? text) => text is null ? null : LogRedaction.Redact(text);
}
