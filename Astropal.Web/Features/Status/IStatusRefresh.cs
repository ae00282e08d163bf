namespace Astropal.Web.Features.Status;

/// <summary>
/// Recomputes every component's shown state now (derived state, open incidents, maintenance windows), records the changes
/// and rebuilds the public status snapshot. The incidents service calls it after every change it commits, so that
/// <c>/status</c> and <c>/status.json</c> show an incident as soon as the API call that opened it returns.
/// </summary>
public interface IStatusRefresh
{
    Task RefreshAsync(CancellationToken cancellationToken);
}
