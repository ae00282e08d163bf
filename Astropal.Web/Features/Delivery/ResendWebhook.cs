using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Astropal.Core.Delivery;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Delivery;

/// <summary>
/// <c>POST /webhooks/resend</c>: Resend's events, signed by Svix. The signature is checked over the raw body
/// (<c>{svix-id}.{svix-timestamp}.{body}</c>, HMAC-SHA256, timestamps within 5 minutes); each event id is applied
/// once. A permanent bounce suppresses the address and marks the reader bounced; a complaint unsubscribes the
/// reader and suppresses the address; <c>email.delivered</c> is acknowledged.
/// </summary>
public static partial class ResendWebhook
{
    public const string Path = "/webhooks/resend";

    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapResendWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, HandleAsync).AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }

    /// <summary>The <c>svix-signature</c> value for a payload (also used by tests to sign).</summary>
    public static string Sign(byte[] key, string id, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(key);
        var content = Encoding.UTF8.GetBytes($"{id}.{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }

    /// <summary>Whether any <c>v1</c> signature in the header matches (constant-time) and the timestamp is recent.</summary>
    public static bool Verify(byte[] key, string? id, string? timestamp, string? signatures, string body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(signatures)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(key, id, seconds, body));
        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(candidate)))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult> HandleAsync(
        HttpRequest request, IOptions<DeliveryOptions> options, IDbContextFactory<AstropalDbContext> dbFactory, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (options.Value.WebhookSecret is not { Length: > 0 } secret || DeliveryOptions.WebhookSecretBytes(secret) is not { } key)
        {
            return Plain(StatusCodes.Status404NotFound, "Webhook not configured (Delivery:WebhookSecret).");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return Plain(StatusCodes.Status413PayloadTooLarge, "Too large.");
        }

        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(cancellationToken);
        }

        var id = request.Headers["svix-id"].ToString();
        var now = time.GetUtcNow();
        if (body.Length > MaxBodyBytes || !Verify(key, id, request.Headers["svix-timestamp"], request.Headers["svix-signature"], body, now))
        {
            return Plain(StatusCodes.Status401Unauthorized, "Signature not valid.");
        }

        string type;
        string[] recipients;
        bool permanent;
        try
        {
            using var json = JsonDocument.Parse(body);
            type = json.RootElement.GetProperty("type").GetString() ?? string.Empty;
            var data = json.RootElement.GetProperty("data");
            recipients = data.TryGetProperty("to", out var to)
                ? to.ValueKind == JsonValueKind.Array ? [.. to.EnumerateArray().Select(t => t.GetString() ?? string.Empty)] : [to.GetString() ?? string.Empty]
                : [];
            permanent = !data.TryGetProperty("bounce", out var bounce)
                || !bounce.TryGetProperty("type", out var bounceType)
                || !string.Equals(bounceType.GetString(), "Transient", StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return Plain(StatusCodes.Status400BadRequest, "Not a Resend event.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.ProcessedWebhookEvents.AnyAsync(e => e.Id == id, cancellationToken))
        {
            return Plain(StatusCodes.Status200OK, "ok");
        }

        db.ProcessedWebhookEvents.Add(new ProcessedWebhookEvent { Id = id, Type = type.Length > 50 ? type[..50] : type, ReceivedAt = now });
        var suppress = (type == "email.bounced" && permanent) || type == "email.complained";
        if (suppress)
        {
            foreach (var address in recipients.Where(a => a.Contains('@', StringComparison.Ordinal)).Select(a => a.Trim().ToLowerInvariant()).Distinct())
            {
                var hash = AddressHash.Of(address);
                if (!await db.SuppressedAddresses.AnyAsync(s => s.AddressHash == hash, cancellationToken))
                {
                    db.SuppressedAddresses.Add(new SuppressedAddress { AddressHash = hash, Reason = type == "email.complained" ? "complaint" : "hard-bounce", At = now });
                }

                var readerRow = await db.Readers.FirstOrDefaultAsync(r => r.Email == address, cancellationToken);
                if (readerRow is not null && readerRow.Status is ReaderStatus.Active or ReaderStatus.Paused or ReaderStatus.Pending)
                {
                    readerRow.Status = type == "email.complained" ? ReaderStatus.Unsubscribed : ReaderStatus.Bounced;
                    readerRow.UpdatedAt = now;
                }
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // The same event arrived twice at once: the other request applied it.
        }

        var logger = loggers.CreateLogger("Astropal.Web.Features.Delivery.ResendWebhook");
        Log.EventProcessed(logger, type, id);
        return Plain(StatusCodes.Status200OK, "ok");
    }

    // Always a body: an empty 4xx would be re-executed by the status-code pages as a POST to the Blazor not-found page.
    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Plain(int status, string text) => TypedResults.Text(text, "text/plain", Encoding.UTF8, status);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Resend webhook {Type} ({EventId}) processed")]
        public static partial void EventProcessed(ILogger logger, string type, string eventId);
    }
}
