namespace Astropal.Web.Features.Status;

/// <summary>
/// Placeholder until the status page lands (issue 14, same wave): the status page's implementation replaces this
/// registration and this file is deleted. Does nothing.
/// </summary>
internal sealed class UnwiredStatusRefresh : IStatusRefresh
{
    public Task RefreshAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
