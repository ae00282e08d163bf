using System.ComponentModel.DataAnnotations;

namespace Astropal.Core.Delivery;

/// <summary>Settings of the <c>Delivery</c> section (docs/settings-delivery.md).</summary>
public sealed class DeliveryOptions : IValidatableObject
{
    public const string SectionName = "Delivery";

    /// <summary>An email later than this after its target time is skipped, not sent. Default 6 h.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "2.00:00:00", ErrorMessage = "Delivery:MaxLateness must be between 00:01:00 and 2.00:00:00.")]
    public TimeSpan MaxLateness { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Emails composed and sent at the same time by one instance.</summary>
    [Range(1, 256, ErrorMessage = "Delivery:Parallelism must be between 1 and 256.")]
    public int Parallelism { get; set; } = 8;

    /// <summary>How long a claimed row is this instance's; after that a crashed send is retried by any instance.</summary>
    [Range(10, 3600, ErrorMessage = "Delivery:LeaseSeconds must be between 10 and 3600.")]
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>Attempts before a transient failure becomes <c>failed</c>.</summary>
    [Range(1, 50, ErrorMessage = "Delivery:MaxAttempts must be between 1 and 50.")]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First retry delay after a transient failure; doubles per attempt (capped at 1 h).</summary>
    [Range(1, 3600, ErrorMessage = "Delivery:RetryBaseSeconds must be between 1 and 3600.")]
    public int RetryBaseSeconds { get; set; } = 60;

    /// <summary>Rows claimed per batch by one run.</summary>
    [Range(1, 10000, ErrorMessage = "Delivery:BatchSize must be between 1 and 10000.")]
    public int BatchSize { get; set; } = 500;

    /// <summary>Open pixel and click redirects in reader emails.</summary>
    public bool Tracking { get; set; } = true;

    /// <summary>Resend's webhook signing secret (<c>whsec_…</c>, Svix). Unset: <c>POST /webhooks/resend</c> answers 404.</summary>
    public string? WebhookSecret { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(WebhookSecret) && WebhookSecretBytes(WebhookSecret) is null)
        {
            yield return new ValidationResult(
                "Delivery:WebhookSecret must be the signing secret from Resend (whsec_ followed by base64).",
                [nameof(WebhookSecret)]);
        }
    }

    /// <summary>The HMAC key of a <c>whsec_</c> secret; null when it is not one.</summary>
    public static byte[]? WebhookSecretBytes(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        const string prefix = "whsec_";
        if (!secret.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var buffer = new byte[secret.Length];
        return Convert.TryFromBase64String(secret[prefix.Length..], buffer, out var written) && written > 0 ? buffer[..written] : null;
    }
}
