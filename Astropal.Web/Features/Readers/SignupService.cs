using Astropal.Core.Billing;
using Astropal.Core.Content;
using Astropal.Core.Branding;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Core.Readers.Signup;
using Astropal.Data;
using Astropal.Web.Features.Beta;
using Astropal.Web.Features.Metrics;
using Astropal.Web.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Readers;

/// <summary>
/// What a sign-up came to. The answer never depends on the address: a new address, a pending, an
/// active or a bounced reader all get <see cref="Accepted"/>; what happens next is decided in the background.
/// </summary>
public abstract record SignupOutcome
{
    public sealed record Accepted : SignupOutcome;

    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : SignupOutcome;

    /// <summary>
    /// Not now: this client's hourly limit, the global hourly cap of confirmation emails or a full
    /// email queue. Nothing was kept; the same request works after <paramref name="RetryAfter"/>.
    /// </summary>
    public sealed record TryLater(TimeSpan RetryAfter) : SignupOutcome;
}

/// <summary>
/// Double opt-in sign-up (SPEC §2). <see cref="SignUpAsync"/> is the one entrance (the API and the
/// <c>/start</c> page): it applies the limits (per client IP, the global cap), validates, queues the work
/// and answers, the same for every address. <see cref="ProcessAsync"/>, run by <see cref="ReaderEmailWorker"/>,
/// stores a new pending reader or keeps a repeat sign-up's details on its new link, applies the per-address
/// limit and sends the confirmation link (or, to an active reader, a sign-in link).
/// </summary>
public sealed partial class SignupService(
    IDbContextFactory<AstropalDbContext> dbFactory,
    SignupValidator validator,
    SignInLinks signInLinks,
    InvitationSignup invitations,
    EmailTemplateRenderer renderer,
    ReaderEmailSender sender,
    ClientAddress client,
    SignupRequestLimiter perClient,
    ConfirmationEmailCap cap,
    ReaderEmailBacklog queue,
    IOptions<BrandOptions> brand,
    IOptions<RateLimitOptions> limits,
    TimeProvider clock,
    ReaderMetrics metrics,
    RequestMinuteRecorder requestMinutes,
    ILogger<SignupService> logger)
{
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromHours(48);
    private static readonly TimeSpan AddressWindow = TimeSpan.FromHours(24);
    private static readonly TimeSpan QueueFullRetry = TimeSpan.FromMinutes(1);

    /// <summary>Answers a sign-up; each attempt (and each failure on our side) is counted for the status page's Sign-up component.</summary>
    public async Task<SignupOutcome> SignUpAsync(SignupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        SignupOutcome outcome;
        try
        {
            outcome = await AnswerAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            requestMinutes.RecordSignup(failed: true);
            throw;
        }

        requestMinutes.RecordSignup(failed: false);
        return outcome;
    }

    private async Task<SignupOutcome> AnswerAsync(SignupRequest request, CancellationToken cancellationToken)
    {

        // Every request counts against its client, valid or not, invitation or not.
        if (!perClient.TryAcquire(client.Current, out var clientRetry))
        {
            return new SignupOutcome.TryLater(clientRetry);
        }

        if (!string.IsNullOrWhiteSpace(request.Invitation))
        {
            // An invitation proves the mailbox: no confirmation email, the reader is active at once (Features/Beta).
            return await invitations.CompleteAsync(request, cancellationToken);
        }

        var validation = validator.Validate(request);
        if (validation.Signup is not { } signup)
        {
            return new SignupOutcome.Invalid(validation.Errors);
        }

        if (await cap.TryTakeAsync(cancellationToken) is { } capRetry)
        {
            return new SignupOutcome.TryLater(capRetry);
        }

        if (!queue.TryEnqueue(new ReaderEmailJob.Signup(signup, clock.GetUtcNow())))
        {
            // The work queue is full: the sign-up cannot be taken, a failure on our side.
            requestMinutes.RecordSignupFailure();
            return new SignupOutcome.TryLater(QueueFullRetry);
        }

        return new SignupOutcome.Accepted();
    }

    /// <summary>The address-dependent half of a sign-up, after the answer (see the class summary).</summary>
    public async Task ProcessAsync(ValidSignup signup, DateTimeOffset submittedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signup);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var details = PendingSignupDetails.From(signup, submittedAt);
        var reader = await db.Readers.FirstOrDefaultAsync(r => r.Email == signup.Email, cancellationToken);
        string? pendingDetails = null;

        if (reader is not null)
        {
            // An active or paused reader gets a sign-in link to the portal instead (bounced addresses
            // nothing); their data never changes through sign-up. Pending, unsubscribed and invited
            // addresses confirm (again), with the new details kept on the new link until it is used
            // (an invited reader who signs up without the invitation link confirms like anyone else).
            if (reader.Status is not (ReaderStatus.Pending or ReaderStatus.Unsubscribed or ReaderStatus.Invited))
            {
                Log.ExistingReaderSignedUpAgain(logger, reader.Id, reader.Status);
                if (reader.Status is ReaderStatus.Active or ReaderStatus.Paused)
                {
                    await signInLinks.SendAsync(reader, cancellationToken);
                }

                return;
            }

            var since = now - AddressWindow;
            var recent = await db.ReaderTokens
                .CountAsync(t => t.ReaderId == reader.Id && t.Purpose == ReaderTokenPurpose.Confirm && t.CreatedAt >= since, cancellationToken);
            if (recent >= limits.Value.SignupsPerAddressPerDay)
            {
                Log.AddressLimitReached(logger, reader.Id);
                return;
            }

            pendingDetails = details.ToJson();
        }
        else
        {
            reader = new Reader
            {
                Id = Guid.NewGuid(),
                Email = signup.Email,
                TimeZone = signup.TimeZone,
                Locale = signup.Locale,
                ReferralCode = ReferralCodes.New(),
                CreatedAt = now,
                Status = ReaderStatus.Pending,
                Tier = Tier.Trial,
            };
            details.ApplyTo(reader, now);
            db.Readers.Add(reader);
        }

        var (token, tokenRow) = ReaderToken.Issue(reader.Id, ReaderTokenPurpose.Confirm, now, ConfirmationLifetime);
        tokenRow.PendingDetailsJson = pendingDetails;
        db.ReaderTokens.Add(tokenRow);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same address signed up in a parallel request a moment ago: that one sends the link.
            Log.ParallelSignup(logger);
            return;
        }

        metrics.SignedUp(returning: pendingDetails is not null);

        // In the language and voice chosen with this sign-up, and without the name: nobody has proved
        // the mailbox yet, so the email carries no text of the sender's choosing (nor does its To header).
        var email = renderer.Render(
            new ConfirmEmailModel(
                ContentLocale.Get(signup.Locale).Perspective(signup.Perspective),
                brand.Value.Absolute($"/start/confirm?t={token}"),
                (int)ConfirmationLifetime.TotalHours),
            signup.Locale);
        var message = EmailMessage.FromRendered(email, signup.Email, null,
            EmailMessage.StableMessageId($"confirm-{tokenRow.Id}", brand.Value.FromAddress), unsubscribeUrl: null);
        var sent = await sender.SendAsync(message, cancellationToken);
        if (sent.IsSent)
        {
            return;
        }

        // Nothing half-done stays behind: without the email the token is useless and would only
        // count against the address's daily limit. The reader has to sign up again; the log says so.
        Log.ConfirmationNotSent(logger, reader.Id, sent.Status);
        requestMinutes.RecordSignupFailure();
        db.ReaderTokens.Remove(tokenRow);
        if (reader.ConfirmedAt is null && reader.Status == ReaderStatus.Pending && db.Entry(reader).State != EntityState.Detached)
        {
            var hasOtherTokens = await db.ReaderTokens.AnyAsync(t => t.ReaderId == reader.Id && t.Id != tokenRow.Id, CancellationToken.None);
            if (!hasOtherTokens)
            {
                db.Readers.Remove(reader);
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Reader {ReaderId} ({Status}) signed up again; active and paused readers get a sign-in link, nobody a confirmation")]
        public static partial void ExistingReaderSignedUpAgain(ILogger logger, Guid readerId, ReaderStatus status);

        [LoggerMessage(Level = LogLevel.Information, Message = "Reader {ReaderId} signed up again beyond RateLimits:SignupsPerAddressPerDay; no confirmation sent")]
        public static partial void AddressLimitReached(ILogger logger, Guid readerId);

        [LoggerMessage(Level = LogLevel.Information, Message = "A sign-up lost the race with a parallel sign-up of the same address; that one sends the link")]
        public static partial void ParallelSignup(ILogger logger);

        [LoggerMessage(Level = LogLevel.Error, Message = "Confirmation email for reader {ReaderId} not sent ({Status}) and dropped: the sign-up was undone, the reader has to sign up again")]
        public static partial void ConfirmationNotSent(ILogger logger, Guid readerId, EmailSendStatus status);
    }
}
