using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Astropal.Web.Features.Alerts;

/// <summary>The Slack channel: an incoming-webhook message (<c>text</c> for notifications, <c>blocks</c> with a section and links).</summary>
public sealed class SlackAlertSender(IHttpClientFactory clients) : IAlertChannelSender
{
    public const string ClientName = "alerts-slack";

    public AlertChannelType Type => AlertChannelType.Slack;

    public async Task<AlertSendResult> SendAsync(AlertDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Channel.Url)
        {
            Content = new StringContent(Message(delivery.Payload), Encoding.UTF8, "application/json"),
        };
        return await AlertHttp.SendAsync(clients.CreateClient(ClientName), request, cancellationToken);
    }

    /// <summary>The incoming-webhook JSON for <paramref name="payload"/>.</summary>
    public static string Message(AlertPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var subject = AlertMessageText.Subject(payload);
        var details = new StringBuilder().Append('*').Append(Escape(subject)).Append('*');
        foreach (var (label, value) in AlertMessageText.Lines(payload).Where(l => l.Label is not ("Runbook" or "Console")))
        {
            details.Append('\n').Append(label).Append(": ").Append(Escape(value));
        }

        var links = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(payload.Runbook))
        {
            links.Append('<').Append(payload.Runbook).Append("|Runbook>  ·  ");
        }

        links.Append('<').Append(payload.ConsoleUrl).Append(AlertMessageText.IsIncident(payload) ? "|Incident in the console>" : "|Alerts console>");
        var message = new JsonObject
        {
            ["text"] = subject,
            ["blocks"] = new JsonArray(
                new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = details.ToString() } },
                new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = links.ToString() } }),
        };
        return message.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    /// <summary>Slack's three control characters in mrkdwn text.</summary>
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
