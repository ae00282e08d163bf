using Astropal.Core.Content;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Readers;

namespace Astropal.Web.Features.Delivery;

/// <summary>
/// Sends one claimed email and says what became of it: skipped (reader gone, too late, nothing to say), suppressed,
/// handed back (lease half gone, transport out), sent, failed at once (a permanent failure: bad data, a template
/// error, a refused address) or pending for a retry with backoff (a transient one, until Delivery:MaxAttempts).
/// </summary>
public sealed partial class DeliverySender(
    DeliveryComposer composer,
    IEmailSender sender,
    SuppressionList suppression,
    TimeProvider time,
    ILogger<DeliverySender> logger)
{
    internal async Task<DeliveryOutcome> SendAsync(ClaimedEmail claim, DeliveryOptions settings, TransportOutage outage, CancellationToken cancellationToken)
    {
        var (row, reader, suppressed, lease) = claim;
        var now = time.GetUtcNow();
        // A paused reader still gets the notice that their account is about to be deleted (it is not the newsletter).
        var mayReceive = reader?.Status == ReaderStatus.Active || (reader?.Status == ReaderStatus.Paused && row.Kind == EmailTemplate.InactivityNotice);
        if (reader is null || !mayReceive || reader.Email is null)
        {
            var why = reader is null ? "reader no longer exists" : $"reader is {reader.Status.ToString().ToLowerInvariant()}";
            return Finish(DeliveryStatus.Skipped, why);
        }

        if (suppressed)
        {
            return Finish(DeliveryStatus.Suppressed, "address is on the suppression list");
        }

        if (DeliveryRules.IsTooLate(row.TargetAt, now, settings.MaxLateness))
        {
            var late = now - row.TargetAt;
            return Finish(
                DeliveryStatus.Skipped,
                $"too late: {late:d\\.hh\\:mm} after its target, more than Delivery:MaxLateness ({settings.MaxLateness:d\\.hh\\:mm})");
        }

        if (lease - now < TimeSpan.FromSeconds(settings.LeaseSeconds / 2.0))
        {
            // Waited in the batch for more than half its lease (a slow relay or Email:MaxPerSecond): sending now could
            // outlast the lease and let another instance send it too. Hand it back untouched instead, due from now: the
            // run that handed it back (which claims only rows due at its start) does not claim it again.
            return new DeliveryOutcome(row.Id, lease, DeliveryStatus.Pending, row.LastError, now, null, now) { Released = true };
        }

        if (outage.Reason is { } down)
        {
            // The transport failed a moment ago in this run: hand the rest back rather than try each one.
            return Retry(down);
        }

        EmailMessage message;
        try
        {
            message = await composer.ComposeAsync(row, reader, cancellationToken);
        }
        catch (ContentUnavailableException ex)
        {
            // Nothing to say that day (e.g. a midday digest without headlines): not a failure to retry.
            return Finish(DeliveryStatus.Skipped, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Failed("compose", ex);
        }

        EmailSendResult result;
        try
        {
            result = await sender.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Failed("send", ex);
        }

        now = time.GetUtcNow();
        switch (result.Status)
        {
            case EmailSendStatus.Sent:
                return Finish(DeliveryStatus.Sent, null, (now - row.TargetAt).TotalSeconds);
            case EmailSendStatus.MailboxDoesNotExist:
                await suppression.SuppressAsync(reader, result.Error ?? "mailbox does not exist", cancellationToken);
                return Finish(DeliveryStatus.Suppressed, result.Error);
            case EmailSendStatus.PermanentFailure:
                return Finish(DeliveryStatus.Failed, result.Error);
            case EmailSendStatus.TransportUnavailable:
                outage.Trip(result.Error ?? "email transport unavailable");
                return Retry(result.Error ?? "email transport unavailable");
            default:
                return Transient(result.Error);
        }

        // A throw the classifier calls permanent fails the row now; a transient one is retried like a 4xx.
        DeliveryOutcome Failed(string stage, Exception ex)
        {
            now = time.GetUtcNow();
            var transient = FailureClassifier.IsTransient(ex);
            Log.AttemptThrew(logger, ex, row.Id, stage, transient ? "retried" : "failed");
            var error = $"{stage}: {ex.GetType().Name}: {ex.Message}";
            return transient ? Transient(error) : Finish(DeliveryStatus.Failed, error);
        }

        DeliveryOutcome Transient(string? error)
        {
            var attempts = row.Attempts; // read after the claim, so it counts this attempt
            if (attempts >= settings.MaxAttempts)
            {
                return Finish(DeliveryStatus.Failed, $"gave up after {attempts} attempts: {error}");
            }

            var next = now + DeliveryRules.Backoff(attempts, TimeSpan.FromSeconds(settings.RetryBaseSeconds));
            return Finish(DeliveryStatus.Pending, error, nextAttemptAt: next);
        }

        // Not this email's fault: back to pending without using up an attempt, looked at again after the base delay
        // (every run while the outage lasts, until the email is later than Delivery:MaxLateness and is skipped).
        DeliveryOutcome Retry(string why) =>
            new(row.Id, lease, DeliveryStatus.Pending, Trim(why), now, null, now.AddSeconds(settings.RetryBaseSeconds)) { Released = true };

        DeliveryOutcome Finish(DeliveryStatus status, string? error, double? latenessSeconds = null, DateTimeOffset? nextAttemptAt = null) =>
            new(row.Id, lease, status, Trim(error), now, latenessSeconds, nextAttemptAt);

        static string? Trim(string? error) => error is { Length: > 1000 } ? error[..1000] : error;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: the {Stage} step threw; {Outcome} (transient errors are retried, others fail at once)")]
        public static partial void AttemptThrew(ILogger logger, Exception exception, Guid deliveryId, string stage, string outcome);
    }
}
