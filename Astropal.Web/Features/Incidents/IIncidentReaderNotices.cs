namespace Astropal.Web.Features.Incidents;

/// <summary>
/// Notices to readers about an incident that affects their email: queued through the delivery ledger, once per reader,
/// incident and notice kind (the ledger's unique key), so a retry or a second instance never sends one twice.
/// </summary>
public interface IIncidentReaderNotices
{
    /// <summary>How many readers a notice would reach now (readers who turned notices off are not counted).</summary>
    Task<int> CountAsync(long incidentId, ReaderNoticeAudience audience, CancellationToken cancellationToken);

    /// <summary>Queues the incident notice to the audience; returns how many were newly queued (0 the second time).</summary>
    Task<int> NotifyAsync(long incidentId, ReaderNoticeAudience audience, string actor, CancellationToken cancellationToken);

    /// <summary>Queues the "resolved" notice to every reader the incident notice went to; returns how many were newly queued.</summary>
    Task<int> NotifyResolvedAsync(long incidentId, string actor, CancellationToken cancellationToken);
}
