using Astropal.Core.Billing;
using Astropal.Core.Branding;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stripe;

namespace Astropal.Web.Features.Billing;

/// <summary>
/// Starts a Stripe Checkout for a signed-in reader (creating and storing their Stripe customer once) and opens the
/// Stripe customer portal. A reader still in trial keeps the rest of it (<c>subscription_data.trial_end</c>) when at least
/// <see cref="MinimumTrialLeft"/> is left, Stripe's minimum for Checkout; with less the subscription starts at once.
/// </summary>
public sealed partial class BillingCheckout(
    IDbContextFactory<AstropalDbContext> dbFactory,
    StripeGateway gateway,
    IOptions<BillingOptions> billing,
    IOptions<BrandOptions> brand,
    TimeProvider clock,
    ILogger<BillingCheckout> logger)
{
    public static readonly TimeSpan MinimumTrialLeft = TimeSpan.FromHours(48);

    public const string NotConfigured = "Paid plans are not available yet: billing is not configured (Stripe:SecretKey).";

    public async Task<CheckoutResult> StartAsync(Guid readerId, string? plan, CancellationToken cancellationToken)
    {
        var tier = plan?.Trim().ToLowerInvariant() switch
        {
            "basic" => Tier.Basic,
            "pro" => Tier.Pro,
            _ => (Tier?)null,
        };
        if (tier is not { } chosen)
        {
            return CheckoutResult.Fail(StatusCodes.Status400BadRequest, $"Unknown plan '{plan}': choose basic or pro.");
        }

        if (!gateway.IsConfigured)
        {
            return CheckoutResult.Fail(StatusCodes.Status503ServiceUnavailable, NotConfigured);
        }

        var priceId = billing.Value.Plan(chosen).StripePriceId;
        if (string.IsNullOrWhiteSpace(priceId))
        {
            return CheckoutResult.Fail(StatusCodes.Status503ServiceUnavailable, $"The {plan} plan cannot be bought yet: Billing:{chosen}:StripePriceId is not set.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await db.Readers.AsNoTracking().FirstOrDefaultAsync(r => r.Id == readerId, cancellationToken);
        if (reader is null || reader.Email is null || reader.Status is not (ReaderStatus.Active or ReaderStatus.Paused))
        {
            return CheckoutResult.Fail(StatusCodes.Status409Conflict, "Only a confirmed, subscribed reader can choose a paid plan.");
        }

        var row = await db.ReaderBillings.AsNoTracking().FirstOrDefaultAsync(b => b.ReaderId == readerId, cancellationToken);
        var site = brand.Value.SiteUrl.TrimEnd('/');
        try
        {
            if (row is not null && SubscriptionSnapshot.IsLive(row.SubscriptionStatus) && row.StripeCustomerId is { } existing)
            {
                // Already subscribed: plan changes go through the customer portal, not a second subscription.
                return CheckoutResult.Redirect(await gateway.CreatePortalSessionAsync(existing, site + "/me", cancellationToken));
            }

            var customerId = row?.StripeCustomerId ?? await CreateCustomerAsync(reader, cancellationToken);
            var now = clock.GetUtcNow();
            DateTimeOffset? trialEnd = reader.Tier == Tier.Trial && reader.TrialEndsAt is { } ends && ends - now >= MinimumTrialLeft ? ends : null;
            var url = await gateway.CreateCheckoutSessionAsync(
                new CheckoutRequest(readerId, customerId, priceId, site + BillingPaths.CheckoutDone, site + BillingPaths.CheckoutCancelled, trialEnd),
                cancellationToken);
            Log.CheckoutStarted(logger, readerId, chosen);
            return CheckoutResult.Redirect(url);
        }
        catch (StripeException ex)
        {
            Log.StripeFailed(logger, readerId, ex);
            return CheckoutResult.Fail(StatusCodes.Status502BadGateway, "Stripe could not start the checkout; please try again in a minute.");
        }
    }

    public async Task<CheckoutResult> PortalAsync(Guid readerId, CancellationToken cancellationToken)
    {
        if (!gateway.IsConfigured)
        {
            return CheckoutResult.Fail(StatusCodes.Status503ServiceUnavailable, NotConfigured);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await db.ReaderBillings.AsNoTracking().Where(b => b.ReaderId == readerId).Select(b => b.StripeCustomerId).FirstOrDefaultAsync(cancellationToken);
        if (customer is null)
        {
            // Nothing bought yet: the plans are where to start.
            return CheckoutResult.Redirect(BillingPaths.Plans);
        }

        try
        {
            return CheckoutResult.Redirect(await gateway.CreatePortalSessionAsync(customer, brand.Value.SiteUrl.TrimEnd('/') + "/me", cancellationToken));
        }
        catch (StripeException ex)
        {
            Log.StripeFailed(logger, readerId, ex);
            return CheckoutResult.Fail(StatusCodes.Status502BadGateway, "Stripe could not open the billing portal; please try again in a minute.");
        }
    }

    /// <summary>Creates the customer and stores it; when a concurrent request stored one first, that one is used.</summary>
    private async Task<string> CreateCustomerAsync(Reader reader, CancellationToken cancellationToken)
    {
        var customerId = await gateway.CreateCustomerAsync(reader.Id, reader.Email!, reader.Name, cancellationToken);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await BillingStateUpdater.RowForAsync(db, reader.Id, now, cancellationToken);
        if (row.StripeCustomerId is { } stored)
        {
            return stored;
        }

        row.StripeCustomerId = customerId;
        row.UpdatedAt = now;
        row.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return customerId;
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || UniqueViolation.Is(ex))
        {
            await using var again = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await again.ReaderBillings.AsNoTracking().Where(b => b.ReaderId == reader.Id).Select(b => b.StripeCustomerId).FirstOrDefaultAsync(cancellationToken)
                   ?? throw new InvalidOperationException($"Reader {reader.Id} has no stored Stripe customer after a concurrent checkout.");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Checkout started for reader {ReaderId} ({Tier})")]
        public static partial void CheckoutStarted(ILogger logger, Guid readerId, Tier tier);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe call failed for reader {ReaderId}")]
        public static partial void StripeFailed(ILogger logger, Guid readerId, Exception exception);
    }
}
