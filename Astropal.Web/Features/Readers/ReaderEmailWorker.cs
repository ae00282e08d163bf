namespace Astropal.Web.Features.Readers;

/// <summary>
/// Drains <see cref="ReaderEmailBacklog"/> one job at a time, each in its own service scope. A job that
/// fails is logged (Error, with its kind, never the address) and the next one goes on; an email that
/// could not be sent is logged by the service that tried.
/// </summary>
public sealed partial class ReaderEmailWorker(ReaderEmailBacklog queue, IServiceScopeFactory scopes, ILogger<ReaderEmailWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(job, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Log.JobFailed(logger, job.Kind, ex);
            }
            finally
            {
                queue.Done();
            }
        }
    }

    /// <summary>Runs one job now (the worker's loop, and tests that drive the queue themselves).</summary>
    public async Task RunAsync(ReaderEmailJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var scope = scopes.CreateAsyncScope();
        switch (job)
        {
            case ReaderEmailJob.Signup signup:
                await scope.ServiceProvider.GetRequiredService<SignupService>().ProcessAsync(signup.Details, signup.SubmittedAt, cancellationToken);
                break;
            case ReaderEmailJob.SignInLink link:
                await scope.ServiceProvider.GetRequiredService<SignInLinks>().SendToAddressAsync(link.Email, cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(job), job.Kind, "Unknown reader email job.");
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (queue.Reader.Count is > 0 and var left)
        {
            Log.LostAtShutdown(logger, left);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Reader email job {Kind} failed; its email was not sent")]
        public static partial void JobFailed(ILogger logger, string kind, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} reader emails (sign-up confirmations, sign-in links) were still queued at shutdown and were not sent")]
        public static partial void LostAtShutdown(ILogger logger, int count);
    }
}
