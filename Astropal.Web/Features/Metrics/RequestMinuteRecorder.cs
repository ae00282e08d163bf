using System.Collections.Concurrent;
using Astropal.Data;
using Astropal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Features.Metrics;

/// <summary>
/// This instance's request tallies, one per UTC minute, in memory (no write per request). Completed minutes are
/// written to <c>RequestMinutes</c> by <see cref="RequestMinuteFlusher"/>; (instance, minute) is unique there, so a
/// flush retried after a lost answer does not count a minute twice.
/// </summary>
public sealed partial class RequestMinuteRecorder(IDbContextFactory<AstropalDbContext> dbFactory, TimeProvider clock, ILogger<RequestMinuteRecorder> logger)
{
    private readonly ConcurrentDictionary<DateTimeOffset, Tally> _minutes = new();

    /// <summary>This process's instance id: the machine name and a random suffix, fixed for the life of the process.</summary>
    public string Instance { get; } = $"{Environment.MachineName}-{Guid.NewGuid():N}"[..Math.Min(100, Environment.MachineName.Length + 33)];

    public static DateTimeOffset MinuteOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, TimeSpan.Zero);
    }

    /// <summary>Counts one finished request.</summary>
    public void Record(int statusCode, double milliseconds)
    {
        var tally = _minutes.GetOrAdd(MinuteOf(clock.GetUtcNow()), _ => new Tally());
        Interlocked.Increment(ref tally.Requests);
        if (statusCode >= 500)
        {
            Interlocked.Increment(ref tally.ServerErrors);
        }

        Interlocked.Increment(ref tally.Buckets[RequestDurationBuckets.IndexOf(milliseconds)]);
    }

    /// <summary>Counts one sign-up attempt (<paramref name="failed"/>: it failed on our side) for the status page's Sign-up component.</summary>
    public void RecordSignup(bool failed)
    {
        var tally = _minutes.GetOrAdd(MinuteOf(clock.GetUtcNow()), _ => new Tally());
        Interlocked.Increment(ref tally.SignupAttempts);
        if (failed)
        {
            Interlocked.Increment(ref tally.SignupErrors);
        }
    }

    /// <summary>Counts a sign-up that failed after its answer (the confirmation email could not be sent).</summary>
    public void RecordSignupFailure()
    {
        var tally = _minutes.GetOrAdd(MinuteOf(clock.GetUtcNow()), _ => new Tally());
        Interlocked.Increment(ref tally.SignupErrors);
    }

    /// <summary>
    /// Writes every minute before the current one (every minute, with <paramref name="includeCurrent"/>, at shutdown)
    /// and forgets it once written. A minute already stored for this instance is not written again. Returns how many rows were written.
    /// </summary>
    public async Task<int> FlushAsync(bool includeCurrent, CancellationToken cancellationToken)
    {
        var current = MinuteOf(clock.GetUtcNow());
        var written = 0;
        foreach (var minute in _minutes.Keys.Where(m => includeCurrent || m < current).Order().ToList())
        {
            if (!_minutes.TryRemove(minute, out var tally))
            {
                continue;
            }

            // Requests finishing right now may still add to a removed tally: they are few and counted in no other minute.
            try
            {
                written += await WriteAsync(minute, tally, cancellationToken) ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Put it back for the next flush (the unique key makes a retry of a write that did land harmless).
                _minutes.TryAdd(minute, tally);
                Log.FlushFailed(logger, ex, minute);
            }
        }

        return written;
    }

    private async Task<bool> WriteAsync(DateTimeOffset minute, Tally tally, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RequestMinutes.AnyAsync(r => r.Instance == Instance && r.Minute == minute, cancellationToken))
        {
            return false;
        }

        db.RequestMinutes.Add(new RequestMinute
        {
            Instance = Instance,
            Minute = minute,
            Requests = (int)Interlocked.Read(ref tally.Requests),
            ServerErrors = (int)Interlocked.Read(ref tally.ServerErrors),
            SignupAttempts = (int)Interlocked.Read(ref tally.SignupAttempts),
            SignupErrors = (int)Interlocked.Read(ref tally.SignupErrors),
            DurationBuckets = RequestDurationBuckets.Format(tally.Buckets),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return false;
        }
    }

    private sealed class Tally
    {
#pragma warning disable SA1401, CA1051 // Interlocked needs fields.
        public long Requests;
        public long ServerErrors;
        public long SignupAttempts;
        public long SignupErrors;
        public readonly long[] Buckets = new long[RequestDurationBuckets.Count];
#pragma warning restore SA1401, CA1051
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store the request counts of {Minute:u}; retrying at the next flush")]
        public static partial void FlushFailed(ILogger logger, Exception exception, DateTimeOffset minute);
    }
}
