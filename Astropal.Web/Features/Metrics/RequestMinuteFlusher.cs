namespace Astropal.Web.Features.Metrics;

/// <summary>Writes this instance's completed request minutes every 15 seconds, and everything left at shutdown.</summary>
public sealed class RequestMinuteFlusher(RequestMinuteRecorder recorder, TimeProvider clock) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await recorder.FlushAsync(includeCurrent: false, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the final flush happens in StopAsync.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await recorder.FlushAsync(includeCurrent: true, cancellationToken);
    }
}
