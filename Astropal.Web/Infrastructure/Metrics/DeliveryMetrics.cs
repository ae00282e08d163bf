using System.Diagnostics.Metrics;
using Astropal.Core.Delivery;
using Astropal.Core.Email;

namespace Astropal.Web.Infrastructure.Metrics;

/// <summary>The <c>Astropal.Delivery</c> meter: what the delivery engine planned, claimed and made of each email (docs/observability.md).</summary>
public sealed class DeliveryMetrics
{
    public const string MeterName = "Astropal.Delivery";

    private readonly Counter<long> sent;
    private readonly Counter<long> failed;
    private readonly Counter<long> outcomes;
    private readonly Counter<long> planned;
    private readonly Counter<long> claimed;
    private readonly Histogram<double> lateness;

    public DeliveryMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        sent = meter.CreateCounter<long>("astropal.email.sent", "{email}", "Emails the transport accepted.");
        failed = meter.CreateCounter<long>("astropal.email.failed", "{email}", "Emails that failed for good (permanent error or out of attempts).");
        outcomes = meter.CreateCounter<long>("astropal.email.outcomes", "{email}", "Every attempt's outcome: sent, failed, retrying, released, skipped, suppressed.");
        planned = meter.CreateCounter<long>("astropal.delivery.planned", "{email}", "Ledger rows the planner created.");
        claimed = meter.CreateCounter<long>("astropal.delivery.claimed", "{email}", "Ledger rows claimed for sending.");
        lateness = meter.CreateHistogram<double>(
            "astropal.email.lateness",
            "s",
            "How long after its target time an email was accepted by the transport.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400] });
    }

    /// <summary>Records what became of one claimed email.</summary>
    internal void Record(EmailTemplate kind, DeliveryStatus status, bool released, double? latenessSeconds)
    {
        var kindTag = new KeyValuePair<string, object?>("kind", MetricTags.Kind(kind));
        var outcome = released ? "released" : status switch
        {
            DeliveryStatus.Sent => "sent",
            DeliveryStatus.Failed => "failed",
            DeliveryStatus.Skipped => "skipped",
            DeliveryStatus.Suppressed => "suppressed",
            DeliveryStatus.Pending => "retrying",
            _ => MetricTags.Lower(status.ToString()),
        };
        outcomes.Add(1, kindTag, new KeyValuePair<string, object?>("outcome", outcome));
        if (released)
        {
            return;
        }

        if (status == DeliveryStatus.Sent)
        {
            sent.Add(1, kindTag);
            if (latenessSeconds is { } seconds)
            {
                lateness.Record(Math.Max(0, seconds), kindTag);
            }
        }
        else if (status == DeliveryStatus.Failed)
        {
            failed.Add(1, kindTag);
        }
    }

    public void Planned(int rows)
    {
        if (rows > 0)
        {
            planned.Add(rows);
        }
    }

    public void Claimed(int rows)
    {
        if (rows > 0)
        {
            claimed.Add(rows);
        }
    }
}
