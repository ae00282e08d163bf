using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Readers;

/// <summary>
/// The global cap on confirmation emails (<c>RateLimits:ConfirmationEmailsPerHour</c>): every accepted
/// sign-up takes a slot of a sliding hour, whatever the address turns out to be (the answer must not
/// depend on it), so at most that many confirmation emails leave per hour. Beyond it sign-ups are told
/// to try again later and an alert is recorded, once per hour: audit entry
/// <c>alert.confirmation-cap-reached</c> (actor <c>system</c>) and a Warning log line.
/// The slots live in memory; after a restart they are seeded from the confirmation links of the last hour.
/// </summary>
public sealed partial class ConfirmationEmailCap(
    IDbContextFactory<AstropalDbContext> dbFactory,
    AuditLog audit,
    IOptions<RateLimitOptions> limits,
    TimeProvider clock,
    ILogger<ConfirmationEmailCap> logger) : IDisposable
{
    public const string AlertAction = "alert.confirmation-cap-reached";
    public const string AlertActor = "system";

    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly Lock gate = new();
    private readonly Queue<DateTimeOffset> taken = new();
    private readonly SemaphoreSlim seeding = new(1, 1);
    private volatile bool seeded;
    private DateTimeOffset? lastAlertAt;

    /// <summary>Takes a slot: null when the sign-up may go ahead, else how long until a slot frees up.</summary>
    public async Task<TimeSpan?> TryTakeAsync(CancellationToken cancellationToken)
    {
        await SeedAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var limit = limits.Value.ConfirmationEmailsPerHour;
        TimeSpan retryAfter;
        bool alert;
        lock (gate)
        {
            while (taken.Count > 0 && taken.Peek() <= now - Window)
            {
                taken.Dequeue();
            }

            if (taken.Count < limit)
            {
                taken.Enqueue(now);
                return null;
            }

            retryAfter = taken.Peek() + Window - now;
            alert = lastAlertAt is not { } last || now - last >= Window;
            if (alert)
            {
                lastAlertAt = now;
            }
        }

        if (alert)
        {
            Log.CapReached(logger, limit);
            await audit.RecordAsync(AlertActor, AlertAction, "sign-up",
                $"{limit} confirmation emails in the last hour: further sign-ups are asked to try again later (RateLimits:ConfirmationEmailsPerHour)",
                CancellationToken.None);
        }

        return retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter;
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (seeded)
        {
            return;
        }

        await seeding.WaitAsync(cancellationToken);
        try
        {
            if (seeded)
            {
                return;
            }

            var since = clock.GetUtcNow() - Window;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var recent = await db.ReaderTokens.AsNoTracking()
                .Where(t => t.Purpose == ReaderTokenPurpose.Confirm && t.CreatedAt > since)
                .Select(t => t.CreatedAt)
                .ToListAsync(cancellationToken);
            var alerts = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Action == AlertAction && e.At > since)
                .Select(e => e.At)
                .ToListAsync(cancellationToken);
            lock (gate)
            {
                foreach (var at in recent.Order())
                {
                    taken.Enqueue(at);
                }

                lastAlertAt = alerts.Count > 0 ? alerts.Max() : null;
            }

            seeded = true;
        }
        finally
        {
            seeding.Release();
        }
    }

    public void Dispose() => seeding.Dispose();

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "ALERT confirmation-cap-reached: {Limit} confirmation emails in the last hour; sign-ups are asked to try again later until the hour has passed")]
        public static partial void CapReached(ILogger logger, int limit);
    }
}
