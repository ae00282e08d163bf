using System.Text.RegularExpressions;
using Astropal.Web.Infrastructure.Email;

namespace Astropal.Web.Features.Email;

/// <summary>
/// Takes the secrets out of an outbox message before an operator sees it: sign-in, confirm, invitation and portal
/// link tokens (<c>?t=</c>, <c>token=</c>, <c>code=</c>), unsubscribe tokens (<c>/u/…</c>) and tracking tokens
/// (<c>/t/o/…</c>, <c>/t/c/…</c>), in the HTML, the text and the headers (List-Unsubscribe). The rest of the link stays,
/// so the operator still sees where it leads.
/// </summary>
internal static partial class OutboxRedaction
{
    public const string Redacted = "REDACTED";

    public static OutboxMessage Redact(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message with
        {
            Html = Text(message.Html),
            Text = Text(message.Text),
            Headers = message.Headers.Select(h => new KeyValuePair<string, string>(h.Key, Text(h.Value) ?? "")).ToList(),
        };
    }

    public static string? Text(string? text) =>
        text is null ? null : PathToken().Replace(QueryToken().Replace(text, Redacted), Redacted);

    // The value of a t=, token= or code= query parameter (also after an HTML-escaped &amp;).
    [GeneratedRegex(@"(?<=(?:[?&]|&amp;)(?:t|token|code)=)[^&#\s""'<>]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QueryToken();

    // The token segment of /u/{token}, /t/o/{token} and /t/c/{token}.
    [GeneratedRegex(@"(?<=/(?:u|t/o|t/c)/)[^/?#&\s""'<>]+", RegexOptions.CultureInvariant)]
    private static partial Regex PathToken();
}
