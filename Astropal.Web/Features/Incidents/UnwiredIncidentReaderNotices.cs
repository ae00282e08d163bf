namespace Astropal.Web.Features.Incidents;

/// <summary>
/// Placeholder until the reader notices land (issue 14, same wave): their implementation replaces this registration and
/// this file is deleted. Queues nothing.
/// </summary>
internal sealed class UnwiredIncidentReaderNotices : IIncidentReaderNotices
{
    public Task<int> CountAsync(long incidentId, ReaderNoticeAudience audience, CancellationToken cancellationToken) => Task.FromResult(0);

    public Task<int> NotifyAsync(long incidentId, ReaderNoticeAudience audience, string actor, CancellationToken cancellationToken) => Task.FromResult(0);

    public Task<int> NotifyResolvedAsync(long incidentId, string actor, CancellationToken cancellationToken) => Task.FromResult(0);
}
