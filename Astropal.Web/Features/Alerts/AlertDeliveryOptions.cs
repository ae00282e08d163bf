using System.ComponentModel.DataAnnotations;

namespace Astropal.Web.Features.Alerts;

/// <summary>Settings of <c>Alerts:Delivery</c>: how alert notifications are retried.</summary>
public sealed class AlertDeliveryOptions
{
    public const string SectionName = "Alerts:Delivery";

    /// <summary>
    /// Attempts per notification before it is marked Failed (default 8: with the backoff of 30 s doubling up to 30 min,
    /// about an hour of trying).
    /// </summary>
    [Range(1, 100, ErrorMessage = "Alerts:Delivery:MaxAttempts must be between 1 and 100.")]
    public int MaxAttempts { get; set; } = 8;
}
