using System.Text;
using Astropal.Core.Billing;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Stripe;

namespace Astropal.Web.Features.Billing;

/// <summary>
/// <c>POST /webhooks/stripe</c>: Stripe's events, verified with <see cref="EventUtility.ConstructEvent(string, string, string, long, long, bool)"/>
/// against <c>Stripe:WebhookSecret</c> with a 300 s tolerance measured on the app's <see cref="TimeProvider"/>. A bad or
/// old signature answers 400 and changes nothing. Each event id is applied once: its row in the processed-events ledger
/// is inserted in the same transaction as the state change, so a concurrent retry (here or on another instance) fails
/// on the key and changes nothing. Unknown types answer 200 and are recorded as ignored. A Stripe API error while
/// handling answers 502 (Stripe retries).
/// </summary>
public sealed partial class StripeWebhook(
    IOptions<StripeOptions> options,
    IDbContextFactory<AstropalDbContext> dbFactory,
    StripeGateway gateway,
    BillingStateUpdater updater,
    BillingEmails emails,
    TimeProvider clock,
    ILogger<StripeWebhook> logger)
{
    public const string Path = "/webhooks/stripe";

    /// <summary>Seconds a signature's timestamp may be away from now.</summary>
    public const long ToleranceSeconds = 300;

    private const int MaxBodyBytes = 512 * 1024;
    private const int MaxAttempts = 3;

    public async Task<ContentHttpResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (options.Value.WebhookSecret is not { Length: > 0 } secret)
        {
            return Plain(StatusCodes.Status404NotFound, "Webhook not configured (Stripe:WebhookSecret).");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return Plain(StatusCodes.Status413PayloadTooLarge, "Too large.");
        }

        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(cancellationToken);
        }

        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(
                body, request.Headers["Stripe-Signature"].ToString(), secret, ToleranceSeconds, clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException ex)
        {
            Log.Rejected(logger, ex.Message);
            return Plain(StatusCodes.Status400BadRequest, "Signature not valid: " + ex.Message);
        }
        catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            return Plain(StatusCodes.Status400BadRequest, "Not a Stripe event.");
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = await ProcessAsync(stripeEvent, cancellationToken);
                Log.Processed(logger, stripeEvent.Type, stripeEvent.Id, outcome);
                return Plain(StatusCodes.Status200OK, outcome);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                // The same event is being (or was just) applied by a concurrent delivery: that one counts.
                return Plain(StatusCodes.Status200OK, "already processed");
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                // Another event for the same reader landed in between: read again and apply on top of it.
            }
            catch (StripeException ex)
            {
                Log.ApiFailed(logger, stripeEvent.Type, stripeEvent.Id, ex);
                return Plain(StatusCodes.Status502BadGateway, "Stripe API error; retry later.");
            }
        }
    }

    private async Task<string> ProcessAsync(Event stripeEvent, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.ProcessedWebhookEvents.AnyAsync(e => e.Id == stripeEvent.Id, cancellationToken))
        {
            return "already processed";
        }

        var ledger = new ProcessedWebhookEvent { Id = stripeEvent.Id, Type = Cap(stripeEvent.Type, 50), ReceivedAt = now };
        db.ProcessedWebhookEvents.Add(ledger);
        var created = new DateTimeOffset(DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc));
        var outcome = stripeEvent.Type switch
        {
            "checkout.session.completed" when stripeEvent.Data.Object is Stripe.Checkout.Session session => await CheckoutCompletedAsync(db, session, now, cancellationToken),
            "customer.subscription.created" or "customer.subscription.updated" or "customer.subscription.deleted"
                when stripeEvent.Data.Object is Subscription subscription => await SubscriptionChangedAsync(db, subscription, created, now, cancellationToken),
            "invoice.payment_succeeded" when stripeEvent.Data.Object is Invoice invoice => await PaymentSucceededAsync(db, invoice, cancellationToken),
            "invoice.payment_failed" when stripeEvent.Data.Object is Invoice invoice => await PaymentFailedAsync(db, invoice, now, cancellationToken),
            _ => "ignored",
        };
        ledger.Outcome = Cap(outcome, 300);
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    private static async Task<string> CheckoutCompletedAsync(AstropalDbContext db, Stripe.Checkout.Session session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(session.ClientReferenceId, out var readerId) || !await db.Readers.AnyAsync(r => r.Id == readerId, cancellationToken))
        {
            return $"no reader for client_reference_id '{session.ClientReferenceId}'";
        }

        // Links the customer (and the subscription, when the subscription events have not come yet); the state itself
        // comes with the customer.subscription.* events.
        var row = await BillingStateUpdater.RowForAsync(db, readerId, now, cancellationToken);
        if (row.StripeCustomerId is null && session.CustomerId is { Length: > 0 } customer)
        {
            if (await db.ReaderBillings.AnyAsync(b => b.StripeCustomerId == customer && b.ReaderId != readerId, cancellationToken))
            {
                return $"customer {customer} belongs to another reader; not linked to {readerId:D}";
            }

            row.StripeCustomerId = customer;
        }

        row.SubscriptionId ??= session.SubscriptionId;
        row.UpdatedAt = now;
        row.Version++;
        return $"reader {readerId:D}: checkout completed (customer {session.CustomerId}, subscription {session.SubscriptionId})";
    }

    private async Task<string> SubscriptionChangedAsync(AstropalDbContext db, Subscription subscription, DateTimeOffset created, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var snapshot = SubscriptionSnapshot.From(subscription);
        var (reader, row) = await FindAsync(db, snapshot.CustomerId, snapshot.ReaderId, now, cancellationToken);
        if (reader is null || row is null)
        {
            return $"no reader for customer {snapshot.CustomerId}";
        }

        var stateAt = created;
        var prefix = "";
        if (row.StateCreatedAt is { } stored && created <= stored && (row.SubscriptionId is null || row.SubscriptionId == snapshot.Id))
        {
            // Late or out of order: what the event says may be older than what is stored. The API has the current state.
            snapshot = SubscriptionSnapshot.From(await gateway.GetSubscriptionAsync(snapshot.Id, cancellationToken));
            stateAt = stored;
            prefix = "older than the stored state; retrieved: ";
        }

        return prefix + await updater.ApplyAsync(db, reader, row, snapshot, stateAt, now, cancellationToken);
    }

    private static async Task<string> PaymentSucceededAsync(AstropalDbContext db, Invoice invoice, CancellationToken cancellationToken)
    {
        // Stripe sends the receipt; the subscription's status change (e.g. past_due → active) comes as customer.subscription.updated.
        var row = invoice.CustomerId is { Length: > 0 } customer
            ? await db.ReaderBillings.AsNoTracking().FirstOrDefaultAsync(b => b.StripeCustomerId == customer, cancellationToken)
            : null;
        return row is null ? $"no reader for customer {invoice.CustomerId}" : $"reader {row.ReaderId:D}: invoice {invoice.Id} paid";
    }

    private async Task<string> PaymentFailedAsync(AstropalDbContext db, Invoice invoice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (reader, _) = await FindAsync(db, invoice.CustomerId, null, now, cancellationToken, create: false);
        if (reader is null)
        {
            return $"no reader for customer {invoice.CustomerId}";
        }

        var queued = await emails.QueueNowAsync(db, reader, EmailTemplate.PaymentFailed, invoice.Id, now, cancellationToken);
        return $"reader {reader.Id:D}: invoice {invoice.Id} payment failed; " + (queued ? "payment-failed email queued" : "payment-failed email already queued");
    }

    /// <summary>The reader of a customer (or, before the customer is linked, of the subscription's <c>reader_id</c> metadata).</summary>
    private static async Task<(Reader? Reader, ReaderBilling? Row)> FindAsync(
        AstropalDbContext db, string? customerId, Guid? readerId, DateTimeOffset now, CancellationToken cancellationToken, bool create = true)
    {
        var row = customerId is { Length: > 0 } ? await db.ReaderBillings.FirstOrDefaultAsync(b => b.StripeCustomerId == customerId, cancellationToken) : null;
        if (row is null && readerId is { } id && await db.Readers.AnyAsync(r => r.Id == id, cancellationToken))
        {
            if (!create)
            {
                return (await db.Readers.FirstAsync(r => r.Id == id, cancellationToken), null);
            }

            row = await BillingStateUpdater.RowForAsync(db, id, now, cancellationToken);
            if (row.StripeCustomerId is null && customerId is { Length: > 0 } && !await db.ReaderBillings.AnyAsync(b => b.StripeCustomerId == customerId, cancellationToken))
            {
                row.StripeCustomerId = customerId;
            }
        }

        if (row is null)
        {
            return (null, null);
        }

        var reader = await db.Readers.FirstOrDefaultAsync(r => r.Id == row.ReaderId && r.Status != ReaderStatus.Deleted, cancellationToken);
        return (reader, row);
    }

    private static string Cap(string text, int length) => text.Length > length ? text[..length] : text;

    // Always a body: an empty 4xx would be re-executed by the status-code pages as a POST to the Blazor not-found page.
    private static ContentHttpResult Plain(int status, string text) => TypedResults.Text(text, "text/plain", Encoding.UTF8, status);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Stripe webhook {Type} ({EventId}): {Outcome}")]
        public static partial void Processed(ILogger logger, string type, string eventId, string outcome);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe webhook rejected: {Reason}")]
        public static partial void Rejected(ILogger logger, string reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe webhook {Type} ({EventId}): the Stripe API failed; answered 502 for a retry")]
        public static partial void ApiFailed(ILogger logger, string type, string eventId, Exception exception);
    }
}
