using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Readers;

/// <summary>
/// Sign-up requests per client IP per hour (<c>RateLimits:SignupsPerIpPerHour</c>), counting every
/// request, valid or not, from the API and the <c>/start</c> page alike. Fixed one-hour windows on the
/// app's clock, in memory (one app instance; a restart starts the windows afresh).
/// </summary>
public sealed class SignupRequestLimiter(IOptions<RateLimitOptions> limits, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Above this many addresses, windows that have ended are swept out on the next request.</summary>
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Counter> counters = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="address"/> may sign up now (and counts it); else how long until it may.</summary>
    public bool TryAcquire(string address, out TimeSpan retryAfter)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        var now = clock.GetUtcNow();
        if (counters.Count > SweepAbove)
        {
            foreach (var (key, old) in counters)
            {
                if (old.Ended(now))
                {
                    counters.TryRemove(key, out _);
                }
            }
        }

        var counter = counters.GetOrAdd(address, _ => new Counter(now));
        return counter.TryTake(now, limits.Value.SignupsPerIpPerHour, out retryAfter);
    }

    private sealed class Counter(DateTimeOffset start)
    {
        private readonly Lock gate = new();
        private DateTimeOffset windowStart = start;
        private int count;

        public bool Ended(DateTimeOffset now)
        {
            lock (gate)
            {
                return now >= windowStart + Window;
            }
        }

        public bool TryTake(DateTimeOffset now, int limit, out TimeSpan retryAfter)
        {
            lock (gate)
            {
                if (now >= windowStart + Window)
                {
                    windowStart = now;
                    count = 0;
                }

                if (count < limit)
                {
                    count++;
                    retryAfter = TimeSpan.Zero;
                    return true;
                }

                retryAfter = windowStart + Window - now;
                return false;
            }
        }
    }
}
