using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Astropal.Web.Features.Alerts;

/// <summary>
/// The Webhook channel: POSTs the payload bytes with <c>X-Astropal-Signature: sha256=&lt;hex HMAC-SHA256 of the body with
/// Secret&gt;</c> and <c>X-Astropal-Timestamp: &lt;unix seconds&gt;</c>. A 2xx answer is success.
/// </summary>
public sealed class WebhookAlertSender(IHttpClientFactory clients, TimeProvider clock) : IAlertChannelSender
{
    public const string ClientName = "alerts-webhook";
    public const string SignatureHeader = "X-Astropal-Signature";
    public const string TimestampHeader = "X-Astropal-Timestamp";

    public AlertChannelType Type => AlertChannelType.Webhook;

    public async Task<AlertSendResult> SendAsync(AlertDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var body = Encoding.UTF8.GetBytes(delivery.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Channel.Url);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(SignatureHeader, Sign(body, delivery.Channel.Secret ?? ""));
        request.Headers.TryAddWithoutValidation(TimestampHeader, clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return await AlertHttp.SendAsync(clients.CreateClient(ClientName), request, cancellationToken);
    }

    /// <summary><c>sha256=</c> and the lowercase hex HMAC-SHA256 of <paramref name="body"/> keyed with <paramref name="secret"/> (UTF-8).</summary>
    public static string Sign(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
