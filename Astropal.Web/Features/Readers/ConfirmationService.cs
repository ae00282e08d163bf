using Astropal.Core.Billing;
using Astropal.Core.Readers;
using Astropal.Core.Readers.Signup;
using Astropal.Core.Sky;
using Astropal.Data;
using Astropal.Web.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Readers;

public enum ConfirmationResult
{
    Confirmed,
    /// <summary>No such token: mistyped, tampered with, or from another installation.</summary>
    Unknown,
    Expired,
    AlreadyUsed,
}

/// <summary>
/// The second half of the double opt-in: a valid link activates the reader, starts the trial on the
/// first confirmation and casts the natal chart once. Each link works once; a second click changes nothing.
/// A link from a repeat sign-up carries that sign-up's details, which are applied only now.
/// </summary>
public sealed class ConfirmationService(
    IDbContextFactory<AstropalDbContext> dbFactory,
    BirthChartCalculator charts,
    IOptions<BillingOptions> billing,
    TimeProvider clock,
    ReaderMetrics metrics)
{
    public async Task<(ConfirmationResult Result, Reader? Reader)> ConfirmAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return (ConfirmationResult.Unknown, null);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hash = ReaderToken.Hash(token.Trim());
        var row = await db.ReaderTokens.AsNoTracking()
            .FirstOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == ReaderTokenPurpose.Confirm, cancellationToken);
        var now = clock.GetUtcNow();
        if (row is null)
        {
            return (ConfirmationResult.Unknown, null);
        }

        if (row.UsedAt is not null)
        {
            return (ConfirmationResult.AlreadyUsed, null);
        }

        if (row.ExpiresAt <= now)
        {
            return (ConfirmationResult.Expired, null);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // Claiming the token by a conditional update makes two clicks at once (or two app
            // instances) confirm exactly once.
            var claimed = await db.ReaderTokens
                .Where(t => t.Id == row.Id && t.UsedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
            if (claimed == 0)
            {
                return (ConfirmationResult.AlreadyUsed, (Reader?)null);
            }

            var reader = await db.Readers.SingleAsync(r => r.Id == row.ReaderId, ct);
            if (reader.Status is ReaderStatus.Pending or ReaderStatus.Unsubscribed or ReaderStatus.Invited)
            {
                // A repeat sign-up's details wait on its own link: the click proves the mailbox, so now
                // they replace the old ones (and the chart is cast again from the new birth data).
                // A reader who became active meanwhile keeps their data: sign-up never changes an active reader.
                if (PendingSignupDetails.FromJson(row.PendingDetailsJson) is { } details)
                {
                    details.ApplyTo(reader, now);
                    reader.NatalChartJson = null;
                }

                reader.Status = ReaderStatus.Active;
            }

            if (reader.ConfirmedAt is null)
            {
                reader.Tier = Tier.Trial;
                reader.TrialEndsAt = now.AddDays(billing.Value.TrialDays);
            }

            reader.ConfirmedAt = now;
            reader.UpdatedAt = now;
            reader.LastActivityAt = now;
            reader.NatalChartJson ??= CastChart(reader);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            metrics.Confirmed();
            return (ConfirmationResult.Confirmed, reader);
        }, cancellationToken);
    }

    private string? CastChart(Reader reader) =>
        reader is { BirthDate: { } date, BirthLatitude: { } lat, BirthLongitude: { } lon, BirthTimeZone: { } zone }
            ? StoredNatalChart.From(charts.Compute(new BirthData(date, reader.BirthTime, lat, lon, zone))).ToJson()
            : null;
}
