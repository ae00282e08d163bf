namespace Astropal.Web.Features.Ops;

/// <summary>The live console pages' refresh: runs a tick every interval until the page's token is cancelled (the page closed).</summary>
public static class ConsoleRefresh
{
    /// <summary>
    /// Calls <paramref name="tick"/> every <paramref name="interval"/> on <paramref name="time"/>'s clock until
    /// <paramref name="cancellationToken"/> is cancelled; the page passes a tick that reloads through <c>InvokeAsync</c>.
    /// </summary>
    public static async Task WhileOpenAsync(TimeSpan interval, TimeProvider time, Func<Task> tick, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tick);
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await tick();
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
    }
}
