using Astropal.Core.Email;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Infrastructure.Email;

/// <summary>
/// Spaces sends evenly to at most <c>Email:MaxPerSecond</c> (0: no limit). Each caller reserves the
/// next free slot and waits for it, so concurrent senders together stay under the limit.
/// </summary>
internal sealed class SendRateLimiter(IOptions<EmailOptions> options, TimeProvider time)
{
    private readonly Lock gate = new();
    private long nextSlot;

    public ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        var perSecond = options.Value.MaxPerSecond;
        if (perSecond <= 0)
        {
            return ValueTask.CompletedTask;
        }

        var interval = (long)(time.TimestampFrequency / perSecond);
        var now = time.GetTimestamp();
        long slot;
        lock (gate)
        {
            slot = Math.Max(now, nextSlot);
            nextSlot = slot + interval;
        }

        var wait = time.GetElapsedTime(now, slot);
        return wait <= TimeSpan.Zero ? ValueTask.CompletedTask : new ValueTask(Task.Delay(wait, time, cancellationToken));
    }
}
