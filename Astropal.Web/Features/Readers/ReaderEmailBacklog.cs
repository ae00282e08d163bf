using System.Threading.Channels;

namespace Astropal.Web.Features.Readers;

/// <summary>
/// The emails whose sending would tell an address's state by the answer or its timing (sign-up
/// confirmations, sign-in links): the request only queues them here and answers at once, the same for
/// every address; <see cref="ReaderEmailWorker"/> does the rest. Bounded (<see cref="Capacity"/>): when full
/// the caller answers "try again later", for every address alike. In memory: jobs still queued when the
/// app stops are lost, and logged as such.
/// </summary>
public sealed partial class ReaderEmailBacklog(ILogger<ReaderEmailBacklog> logger)
{
    public const int Capacity = 1000;

    private readonly Channel<ReaderEmailJob> channel = Channel.CreateBounded<ReaderEmailJob>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    private readonly Lock gate = new();
    private int outstanding;
    private TaskCompletionSource idle = Completed();

    internal ChannelReader<ReaderEmailJob> Reader => channel.Reader;

    /// <summary>Jobs queued or being worked on.</summary>
    public int Outstanding
    {
        get
        {
            lock (gate)
            {
                return outstanding;
            }
        }
    }

    /// <summary>Queues <paramref name="job"/>; false when the queue is full.</summary>
    public bool TryEnqueue(ReaderEmailJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (gate)
        {
            if (++outstanding == 1)
            {
                idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        if (channel.Writer.TryWrite(job))
        {
            return true;
        }

        Done();
        Log.Full(logger, job.Kind);
        return false;
    }

    /// <summary>Completes when every job queued so far has been worked on (sent, refused or failed and logged).</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return idle.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>One job finished, whatever its result.</summary>
    internal void Done()
    {
        lock (gate)
        {
            if (--outstanding == 0)
            {
                idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Reader email queue full: a {Kind} job was refused and its email not sent")]
        public static partial void Full(ILogger logger, string kind);
    }
}
