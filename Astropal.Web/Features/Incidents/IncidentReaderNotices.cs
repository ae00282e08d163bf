using System.Globalization;
using Astropal.Core.Branding;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Incidents;

/// <summary>
/// The reader notices of an incident, queued as pending rows of the delivery ledger (kind
/// <see cref="EmailTemplate.IncidentNotice"/> or <see cref="EmailTemplate.IncidentResolved"/>, Reference <c>incident:&lt;id&gt;</c>,
/// due now) and sent by the delivery dispatcher with its leases and retries, exactly once across instances.
/// </summary>
/// <remarks>
/// The audience is every active reader with an address that is not suppressed and who did not turn service notices off
/// (<see cref="Reader.ServiceNotices"/>); with a window, only those whose morning email's local time
/// (<see cref="Reader.DeliveryTime"/>) falls in it. A reader who already has a row of the kind for the incident, on any
/// local date, is left out: a second call, even on the reader's next day, queues nothing new. Two calls at the same moment
/// (two instances) may both see a reader without a row; the ledger's unique key (reader, kind, local date, reference) then
/// lets only one insert land.
/// </remarks>
public sealed class IncidentReaderNotices(
    IDbContextFactory<AstropalDbContext> dbFactory,
    AuditLog audit,
    LedgerRows ledgerRows,
    TimeProvider time) : IIncidentReaderNotices
{
    /// <summary>The audit action of every queued notice (the detail says which and how many).</summary>
    public const string AuditAction = "incident.readers-notified";

    /// <summary>How many readers <see cref="NotifyAsync"/> would queue now: the audience less those who already have the notice.</summary>
    public async Task<int> CountAsync(long incidentId, ReaderNoticeAudience audience, CancellationToken cancellationToken)
    {
        Validate(audience);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await IncidentAsync(db, incidentId, cancellationToken);
        var reference = IncidentNoticeComposer.ReferenceOf(incidentId);
        var readers = await AudienceAsync(db, audience, cancellationToken);
        var already = await HaveAsync(db, EmailTemplate.IncidentNotice, reference, cancellationToken);
        return readers.Count(r => !already.Contains(r.Id));
    }

    /// <exception cref="ArgumentException">A window with one bound only, or its start after its end.</exception>
    /// <exception cref="KeyNotFoundException">No such incident.</exception>
    /// <exception cref="InvalidOperationException">The incident is resolved (send the resolved notice instead).</exception>
    public async Task<int> NotifyAsync(long incidentId, ReaderNoticeAudience audience, string actor, CancellationToken cancellationToken)
    {
        Validate(audience);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        List<AudienceReader> readers;
        HashSet<Guid> already;
        var reference = IncidentNoticeComposer.ReferenceOf(incidentId);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var incident = await IncidentAsync(db, incidentId, cancellationToken);
            if (incident.Status == IncidentStatus.Resolved)
            {
                throw new InvalidOperationException($"Incident {incidentId} is resolved: readers get the resolved notice, not a new one.");
            }

            readers = await AudienceAsync(db, audience, cancellationToken);
            already = await HaveAsync(db, EmailTemplate.IncidentNotice, reference, cancellationToken);
        }

        var queued = await QueueAsync(readers.Where(r => !already.Contains(r.Id)), EmailTemplate.IncidentNotice, reference, cancellationToken);
        await audit.RecordAsync(
            actor, AuditAction, reference,
            $"incident notice queued to {queued} readers ({Describe(audience)}; {readers.Count} in the audience, {readers.Count - queued} already had it)",
            cancellationToken);
        return queued;
    }

    /// <summary>
    /// Queues the resolved notice to every reader who got the incident notice or still has it queued (sent, pending or
    /// sending), who is still active, not suppressed and did not turn notices off since.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such incident.</exception>
    public async Task<int> NotifyResolvedAsync(long incidentId, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var reference = IncidentNoticeComposer.ReferenceOf(incidentId);
        List<AudienceReader> readers;
        HashSet<Guid> noticed;
        HashSet<Guid> already;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await IncidentAsync(db, incidentId, cancellationToken);
            noticed = (await db.Deliveries.AsNoTracking()
                    .Where(d => d.Kind == EmailTemplate.IncidentNotice && d.Reference == reference
                                && (d.Status == DeliveryStatus.Sent || d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Sending))
                    .Select(d => d.ReaderId)
                    .ToListAsync(cancellationToken))
                .ToHashSet();
            readers = noticed.Count == 0 ? [] : await AudienceAsync(db, ReaderNoticeAudience.AllActive, cancellationToken);
            already = await HaveAsync(db, EmailTemplate.IncidentResolved, reference, cancellationToken);
        }

        var queued = await QueueAsync(
            readers.Where(r => noticed.Contains(r.Id) && !already.Contains(r.Id)), EmailTemplate.IncidentResolved, reference, cancellationToken);
        if (noticed.Count > 0)
        {
            // An incident that never notified readers has nothing to say at resolution: no audit entry either.
            await audit.RecordAsync(
                actor, AuditAction, reference,
                $"resolved notice queued to {queued} readers ({noticed.Count} got the incident notice)",
                cancellationToken);
        }

        return queued;
    }

    /// <summary>One reader of the audience for the console's preview (one who has no notice yet first), or null when it is empty.</summary>
    public async Task<Reader?> SampleReaderAsync(long incidentId, ReaderNoticeAudience audience, CancellationToken cancellationToken)
    {
        Validate(audience);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var readers = await AudienceAsync(db, audience, cancellationToken);
        if (readers.Count == 0)
        {
            return null;
        }

        var already = await HaveAsync(db, EmailTemplate.IncidentNotice, IncidentNoticeComposer.ReferenceOf(incidentId), cancellationToken);
        var sample = readers.FirstOrDefault(r => !already.Contains(r.Id)) ?? readers[0];
        return await db.Readers.AsNoTracking().FirstOrDefaultAsync(r => r.Id == sample.Id, cancellationToken);
    }

    /// <summary>The ledger rows of an incident's notices, by kind and status, for the console.</summary>
    public async Task<IReadOnlyList<IncidentNoticeCounts>> CountsAsync(long incidentId, CancellationToken cancellationToken)
    {
        var reference = IncidentNoticeComposer.ReferenceOf(incidentId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Deliveries.AsNoTracking()
            .Where(d => d.Reference == reference && (d.Kind == EmailTemplate.IncidentNotice || d.Kind == EmailTemplate.IncidentResolved))
            .GroupBy(d => new { d.Kind, d.Status })
            .Select(g => new { g.Key.Kind, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. new[] { EmailTemplate.IncidentNotice, EmailTemplate.IncidentResolved }.Select(kind => new IncidentNoticeCounts(
            kind, rows.Where(r => r.Kind == kind).ToDictionary(r => r.Status, r => r.Count)))];
    }

    /// <summary>A window needs both bounds, start not after end (morning delivery times never cross midnight).</summary>
    internal static void Validate(ReaderNoticeAudience audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        if ((audience.From is null) != (audience.To is null))
        {
            throw new ArgumentException("A delivery-time window needs both a start and an end (or neither, for all active readers).", nameof(audience));
        }

        if (audience.From > audience.To)
        {
            throw new ArgumentException(
                $"The delivery-time window starts ({audience.From:HH\\:mm}) after it ends ({audience.To:HH\\:mm}).", nameof(audience));
        }
    }

    /// <summary>"all active readers" or "morning email between 06:00 and 06:30 local time".</summary>
    public static string Describe(ReaderNoticeAudience audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        return audience.IsWindow
            ? string.Create(CultureInfo.InvariantCulture, $"morning email between {audience.From:HH\\:mm} and {audience.To:HH\\:mm} local time")
            : "all active readers";
    }

    private static async Task<Incident> IncidentAsync(AstropalDbContext db, long incidentId, CancellationToken cancellationToken) =>
        await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken)
        ?? throw new KeyNotFoundException($"Incident {incidentId} does not exist.");

    /// <summary>Active readers with an address, notices on, not suppressed, in the window if there is one.</summary>
    internal static async Task<List<AudienceReader>> AudienceAsync(AstropalDbContext db, ReaderNoticeAudience audience, CancellationToken cancellationToken)
    {
        var readers = await db.Readers.AsNoTracking()
            .Where(r => r.Status == ReaderStatus.Active && r.Email != null && r.ServiceNotices)
            .Select(r => new AudienceReader(r.Id, r.Email!, r.TimeZone, r.DeliveryTime))
            .ToListAsync(cancellationToken);
        if (audience.IsWindow)
        {
            readers = readers.Where(r => r.DeliveryTime >= audience.From!.Value && r.DeliveryTime <= audience.To!.Value).ToList();
        }

        if (readers.Count == 0)
        {
            return readers;
        }

        // The suppression list is small (bounces and complaints): read it whole rather than send every address's hash.
        var suppressed = (await db.SuppressedAddresses.AsNoTracking().Select(s => s.AddressHash).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        return suppressed.Count == 0 ? readers : readers.Where(r => !suppressed.Contains(AddressHash.Of(r.Email))).ToList();
    }

    /// <summary>Readers with a row of this kind for this incident, on any local date and in any status.</summary>
    private static async Task<HashSet<Guid>> HaveAsync(AstropalDbContext db, EmailTemplate kind, string reference, CancellationToken cancellationToken) =>
        (await db.Deliveries.AsNoTracking()
            .Where(d => d.Kind == kind && d.Reference == reference)
            .Select(d => d.ReaderId)
            .ToListAsync(cancellationToken))
        .ToHashSet();

    private async Task<int> QueueAsync(IEnumerable<AudienceReader> readers, EmailTemplate kind, string reference, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var zones = new Dictionary<string, TimeZoneInfo>(StringComparer.Ordinal);
        var rows = readers.Select(r => ledgerRows.NewPending(r.Id, kind, LocalDate(r.TimeZone), now, now, reference)).ToList();
        return await ledgerRows.InsertOnceAsync(rows, cancellationToken);

        // The reader's local date now; a zone unknown on this host counts in UTC.
        DateOnly LocalDate(string zoneId)
        {
            if (!zones.TryGetValue(zoneId, out var zone))
            {
                zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
                zones[zoneId] = zone;
            }

            return DeliverySchedule.LocalDateAt(now, zone);
        }
    }

    internal sealed record AudienceReader(Guid Id, string Email, string TimeZone, TimeOnly DeliveryTime);
}
