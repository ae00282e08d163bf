using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Data;
using Astropal.Web.Features.Delivery;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Features.Billing;

/// <summary>
/// Queues the billing emails (trial ending/ended, subscription started/ended, payment failed) as Pending rows of the
/// delivery ledger, inside the caller's unit of work; the delivery dispatcher sends them exactly once. One row per reader,
/// kind and reference (<c>trial</c>, a subscription or an invoice id), whatever the date.
/// </summary>
public sealed class BillingEmails(LedgerRows ledgerRows)
{
    public const string TrialReference = "trial";

    /// <summary>Adds the row unless the reader already has one of that kind and reference; returns whether it added one.</summary>
    public async Task<bool> QueueAsync(
        AstropalDbContext db, Guid readerId, EmailTemplate kind, string reference, DateOnly localDate, DateTimeOffset targetAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        reference = reference.Length > 64 ? reference[..64] : reference;
        if (db.Deliveries.Local.Any(d => d.ReaderId == readerId && d.Kind == kind && d.Reference == reference)
            || await db.Deliveries.AnyAsync(d => d.ReaderId == readerId && d.Kind == kind && d.Reference == reference, cancellationToken))
        {
            return false;
        }

        db.Deliveries.Add(ledgerRows.NewPending(readerId, kind, localDate, targetAt, now, reference));
        return true;
    }

    /// <summary>Queues an email due now (lifecycle emails do not wait for the delivery hour).</summary>
    public Task<bool> QueueNowAsync(AstropalDbContext db, Core.Readers.Reader reader, EmailTemplate kind, string reference, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var zone = FindZone(reader.TimeZone);
        return QueueAsync(db, reader.Id, kind, reference, DeliverySchedule.LocalDateAt(now, zone), now, now, cancellationToken);
    }

    /// <summary>The reader's zone; UTC for an unknown id (the email still goes, at a UTC hour).</summary>
    public static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
