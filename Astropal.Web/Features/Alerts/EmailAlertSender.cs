using System.Net;
using System.Text;
using Astropal.Core.Branding;
using Astropal.Core.Email;
using Astropal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Alerts;

/// <summary>
/// The Email channel: one message per recipient (the enabled operators with <c>ToRole</c> plus the <c>To</c> addresses)
/// through the configured email transport. Alert emails are not reader emails: nothing is written to the delivery ledger.
/// </summary>
public sealed class EmailAlertSender(
    IEmailSender sender,
    IDbContextFactory<AstropalDbContext> dbFactory,
    IOptions<BrandOptions> brand) : IAlertChannelSender
{
    public AlertChannelType Type => AlertChannelType.Email;

    public async Task<AlertSendResult> SendAsync(AlertDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var recipients = await RecipientsAsync(delivery.Channel, cancellationToken);
        if (recipients.Count == 0)
        {
            return AlertSendResult.Failure(
                $"No recipients: no enabled operator has the role '{delivery.Channel.ToRole}' and no To addresses are set.");
        }

        var subject = AlertMessageText.Subject(delivery.Payload);
        var text = Text(delivery.Payload);
        var html = Html(delivery.Payload);
        var failures = new List<string>();
        foreach (var to in recipients)
        {
            var messageId = EmailMessage.StableMessageId($"alert-{delivery.Payload.Id}-{delivery.Payload.State}-{Guid.NewGuid():N}", brand.Value.FromAddress);
            var result = await sender.SendAsync(new EmailMessage(to, null, subject, html, text, messageId, "alert"), cancellationToken);
            if (!result.IsSent)
            {
                var code = result.SmtpStatusCode is { } smtp ? $"SMTP {smtp} " : "";
                failures.Add($"{to}: {code}{result.Status} {result.Error}".Trim());
            }
        }

        return failures.Count == 0 ? AlertSendResult.Sent : AlertSendResult.Failure(string.Join("; ", failures));
    }

    /// <summary>The channel's addresses and the enabled operators of its role, each once.</summary>
    public async Task<IReadOnlyList<string>> RecipientsAsync(AlertChannelOptions channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var addresses = new List<string>(channel.To.Select(a => a.Trim()));
        if (!string.IsNullOrWhiteSpace(channel.ToRole))
        {
            var role = channel.ToRole.Trim().ToUpperInvariant();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var operators = await (
                    from user in db.Users
                    join link in db.UserRoles on user.Id equals link.UserId
                    join r in db.Roles on link.RoleId equals r.Id
                    where r.NormalizedName == role && user.DisabledAt == null && user.Email != null
                    select user.Email!)
                .ToListAsync(cancellationToken);
            addresses.AddRange(operators.Order(StringComparer.OrdinalIgnoreCase));
        }

        return addresses.Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static string Text(AlertPayload payload)
    {
        var text = new StringBuilder();
        text.AppendLine(AlertMessageText.Subject(payload)).AppendLine();
        foreach (var (label, value) in AlertMessageText.Lines(payload))
        {
            text.Append(label).Append(": ").AppendLine(value);
        }

        return text.ToString();
    }

    private static string Html(AlertPayload payload)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><body style=\"font-family:sans-serif\"><h2>")
            .Append(WebUtility.HtmlEncode(AlertMessageText.Subject(payload)))
            .Append("</h2><table>");
        foreach (var (label, value) in AlertMessageText.Lines(payload))
        {
            var cell = Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? $"<a href=\"{WebUtility.HtmlEncode(value)}\">{WebUtility.HtmlEncode(value)}</a>"
                : WebUtility.HtmlEncode(value);
            html.Append("<tr><th align=\"left\">").Append(WebUtility.HtmlEncode(label)).Append("</th><td>").Append(cell).Append("</td></tr>");
        }

        return html.Append("</table></body></html>").ToString();
    }
}
