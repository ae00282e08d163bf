using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Astropal.Core.Delivery;
using Astropal.Web.Features.Jobs;
using Astropal.Web.Infrastructure.Metrics;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Delivery;

/// <summary>
/// One run of the delivery engine: the planner puts due emails in the ledger, the claimer leases sendable rows batch
/// by batch, the sender sends each with bounded parallelism and the recorder writes the outcomes in few transactions.
/// Rows left in <c>sending</c> past their lease are retried with the same Message-ID.
/// </summary>
public sealed partial class DeliveryDispatcher(
    DeliveryPlanner planner,
    DeliveryClaimer claimer,
    DeliverySender sender,
    OutcomeRecorder recorder,
    JobPauses pauses,
    DeliveryMetrics metrics,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<DeliveryDispatcher> logger)
{
    public async Task<DispatchSummary> RunAsync(CancellationToken cancellationToken)
    {
        // Belt and braces beside the Quartz veto: a paused dispatcher plans and sends nothing, however it was started.
        if (await pauses.IsPausedAsync(DeliveryDispatchJob.Key, cancellationToken))
        {
            Log.Paused(logger);
            return new DispatchSummary(0, 0, 0, 0, 0, 0, 0);
        }

        var now = time.GetUtcNow();
        var created = await planner.CreateDueRowsAsync(now, cancellationToken);
        var tally = new int[Enum.GetValues<DeliveryStatus>().Length];
        var settings = options.Value;

        // Claimed batches stream through the senders (a worker claims the next batch while the others are still
        // sending); the outcomes go to one recorder that writes them in few transactions, so the senders never
        // wait on each other for the database.
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var outcomes = Channel.CreateBounded<DeliveryOutcome>(new BoundedChannelOptions(Math.Max(64, settings.BatchSize)) { SingleReader = true });
        var recording = recorder.RecordAsync(outcomes.Reader, abort);
        var claimed = new StrongBox<int>();
        var outage = new TransportOutage();
        try
        {
            await Parallel.ForEachAsync(
                claimer.ClaimAllAsync(now, settings, claimed, outage, abort.Token),
                new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = abort.Token },
                async (email, ct) =>
                {
                    var outcome = await sender.SendAsync(email, settings, outage, ct);
                    // An outcome is recorded even when the run is being cancelled: an email that went out is then not sent again.
                    if (!outcomes.Writer.TryWrite(outcome))
                    {
                        await outcomes.Writer.WriteAsync(outcome, abort.Token);
                    }

                    Interlocked.Increment(ref tally[(int)outcome.Status]);
                    metrics.Record(email.Row.Kind, outcome.Status, outcome.Released, outcome.LatenessSeconds);
                });
        }
        finally
        {
            outcomes.Writer.TryComplete();
            await recording;
        }

        metrics.Planned(created);
        metrics.Claimed(claimed.Value);
        if (outage.Reason is { } reason)
        {
            Log.TransportUnavailable(logger, reason, tally[(int)DeliveryStatus.Pending]);
        }

        var summary = new DispatchSummary(
            created, claimed.Value, tally[(int)DeliveryStatus.Sent], tally[(int)DeliveryStatus.Pending], tally[(int)DeliveryStatus.Failed],
            tally[(int)DeliveryStatus.Skipped], tally[(int)DeliveryStatus.Suppressed]);
        if (created > 0 || summary.Claimed > 0)
        {
            Log.RunFinished(logger, summary.Created, summary.Claimed, summary.Sent, summary.Retrying, summary.Failed, summary.Skipped, summary.Suppressed);
        }

        return summary;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Delivery run skipped: the dispatcher is paused (see /ops/jobs)")]
        public static partial void Paused(ILogger logger);

        [LoggerMessage(Level = LogLevel.Information, Message = "Delivery run: created {Created}, claimed {Claimed}, sent {Sent}, retrying {Retrying}, failed {Failed}, skipped {Skipped}, suppressed {Suppressed}")]
        public static partial void RunFinished(ILogger logger, int created, int claimed, int sent, int retrying, int failed, int skipped, int suppressed);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Email transport unavailable ({Reason}): {Pending} emails of this run stay pending, without using up an attempt, and are retried next run")]
        public static partial void TransportUnavailable(ILogger logger, string reason, int pending);
    }
}
