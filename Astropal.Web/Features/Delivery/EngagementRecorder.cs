using Astropal.Core.Delivery;
using Astropal.Data;
using Astropal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Features.Delivery;

/// <summary>
/// Stores each open and click of a delivered email as an <see cref="EngagementEvent"/>, flagging machine opens
/// (<see cref="MachineOpens"/>) and the first human event of each kind per delivery (so "first opens" are the
/// human first opens the open rate counts; a mail-privacy proxy's fetch never takes that place), and counts a
/// human event as the reader's activity (a proxy's fetch is not the reader).
/// The first-of-kind flag holds under concurrent requests: a unique index allows one first per delivery and
/// kind, and the request that loses the race stores its event as not first.
/// </summary>
public sealed class EngagementRecorder(IDbContextFactory<AstropalDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxLinkLength = 2000;

    /// <returns>The stored event, or null when the delivery is unknown (deleted since, or another installation's).</returns>
    public async Task<EngagementEvent?> RecordAsync(Guid deliveryId, EngagementKind kind, string? link, string? userAgent, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var delivery = await db.Deliveries.AsNoTracking()
            .Where(d => d.Id == deliveryId)
            .Select(d => new { d.ReaderId, d.SentAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (delivery is null)
        {
            return null;
        }

        var machine = kind == EngagementKind.Open && MachineOpens.IsMachine(delivery.SentAt, now, userAgent);
        var seen = machine || await db.EngagementEvents.AnyAsync(e => e.DeliveryId == deliveryId && e.Kind == kind && e.IsFirst, cancellationToken);
        var engagement = new EngagementEvent
        {
            DeliveryId = deliveryId,
            ReaderId = delivery.ReaderId,
            Kind = kind,
            At = now,
            Link = link is { Length: > MaxLinkLength } ? link[..MaxLinkLength] : link,
            IsFirst = !seen,
            IsMachine = machine,
        };
        db.EngagementEvents.Add(engagement);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (engagement.IsFirst && UniqueViolation.Is(e))
        {
            // Another request stored the first one between our look and our write.
            db.ChangeTracker.Clear();
            engagement.Id = 0;
            engagement.IsFirst = false;
            db.EngagementEvents.Add(engagement);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (!machine)
        {
            await db.Readers.Where(r => r.Id == delivery.ReaderId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastActivityAt, now), cancellationToken);
        }

        return engagement;
    }
}
