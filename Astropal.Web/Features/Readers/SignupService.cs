using System.Security.Cryptography;
using Astropal.Core.Billing;
using Astropal.Core.Content;
using Astropal.Core.Branding;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Core.Readers.Signup;
using Astropal.Data;
using Astropal.Web.Features.Beta;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Readers;

/// <summary>What a sign-up came to. Callers show the same neutral answer for Accepted whether the address was new or not.</summary>
public abstract record SignupOutcome
{
    public sealed record Accepted : SignupOutcome;

    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : SignupOutcome;

    public sealed record TooManyForAddress(TimeSpan RetryAfter) : SignupOutcome;

    /// <summary>The confirmation email could not be sent; nothing was kept, so trying again later works.</summary>
    public sealed record EmailUnavailable : SignupOutcome;
}

/// <summary>
/// Double opt-in sign-up (SPEC §2): stores a pending reader and sends the confirmation link. An
/// address that is already a reader gets the same answer, so the form tells nobody who subscribes.
/// </summary>
public sealed partial class SignupService(
    IDbContextFactory<AstropalDbContext> dbFactory,
    SignupValidator validator,
    SignInLinks signInLinks,
    InvitationSignup invitations,
    EmailTemplateRenderer renderer,
    IEmailSender sender,
    IOptions<BrandOptions> brand,
    IOptions<RateLimitOptions> limits,
    TimeProvider clock,
    ILogger<SignupService> logger)
{
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromHours(48);
    private static readonly TimeSpan AddressWindow = TimeSpan.FromHours(24);

    public async Task<SignupOutcome> SignUpAsync(SignupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
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

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var reader = await db.Readers.FirstOrDefaultAsync(r => r.Email == signup.Email, cancellationToken);

        if (reader is not null)
        {
            // An active or paused reader gets a sign-in link to the portal instead (bounced addresses
            // nothing), with the same answer as a new address. Pending and unsubscribed addresses confirm (again).
            if (reader.Status is not (ReaderStatus.Pending or ReaderStatus.Unsubscribed or ReaderStatus.Invited))
            {
                Log.ExistingReaderSignedUpAgain(logger, reader.Id, reader.Status);
                if (reader.Status is ReaderStatus.Active or ReaderStatus.Paused)
                {
                    await signInLinks.SendAsync(reader, cancellationToken);
                }

                return new SignupOutcome.Accepted();
            }

            var since = now - AddressWindow;
            var recent = await db.ReaderTokens
                .Where(t => t.ReaderId == reader.Id && t.Purpose == ReaderTokenPurpose.Confirm && t.CreatedAt >= since)
                .Select(t => t.CreatedAt)
                .ToListAsync(cancellationToken);
            if (recent.Count >= limits.Value.SignupsPerAddressPerDay)
            {
                return new SignupOutcome.TooManyForAddress(recent.Min() + AddressWindow - now);
            }

            Apply(reader, signup, now);

            // An invited reader who signs up without the invitation link confirms like anyone else (Features/Beta).
            if (reader.Status == ReaderStatus.Invited)
            {
                reader.Status = ReaderStatus.Pending;
            }
        }
        else
        {
            reader = new Reader
            {
                Id = Guid.NewGuid(),
                Email = signup.Email,
                TimeZone = signup.TimeZone,
                Locale = signup.Locale,
                ReferralCode = NewReferralCode(),
                CreatedAt = now,
                Status = ReaderStatus.Pending,
                Tier = Tier.Trial,
            };
            Apply(reader, signup, now);
            db.Readers.Add(reader);
        }

        var (token, tokenRow) = ReaderToken.Issue(reader.Id, ReaderTokenPurpose.Confirm, now, ConfirmationLifetime);
        db.ReaderTokens.Add(tokenRow);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same address signed up in a parallel request a moment ago: that one sends the link.
            return new SignupOutcome.Accepted();
        }

        // In the language chosen at sign-up: the address is not confirmed, but the reader said how to write to them.
        var email = renderer.Render(
            new ConfirmEmailModel(
                reader.Name,
                ContentLocale.Get(reader.Locale).Perspective(reader.Perspective),
                brand.Value.Absolute($"/start/confirm?t={token}"),
                (int)ConfirmationLifetime.TotalHours),
            reader.Locale);
        var message = EmailMessage.FromRendered(email, reader.Email!, reader.Name,
            EmailMessage.StableMessageId($"confirm-{tokenRow.Id}", brand.Value.FromAddress), unsubscribeUrl: null);
        var sent = await sender.SendAsync(message, cancellationToken);
        if (sent.IsSent)
        {
            return new SignupOutcome.Accepted();
        }

        // Nothing half-done stays behind: without the email the token is useless and would only
        // count against the address's daily limit.
        Log.ConfirmationNotSent(logger, reader.Id, sent.Status);
        db.ReaderTokens.Remove(tokenRow);
        if (reader.ConfirmedAt is null && reader.Status == ReaderStatus.Pending && db.Entry(reader).State != EntityState.Detached)
        {
            var hasOtherTokens = await db.ReaderTokens.AnyAsync(t => t.ReaderId == reader.Id && t.Id != tokenRow.Id, cancellationToken);
            if (!hasOtherTokens)
            {
                db.Readers.Remove(reader);
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
        return new SignupOutcome.EmailUnavailable();
    }

    private static void Apply(Reader reader, ValidSignup signup, DateTimeOffset now)
    {
        reader.Name = signup.Name;
        reader.BirthDate = signup.BirthDate;
        reader.BirthTime = signup.BirthTime;
        reader.BirthPlaceId = signup.BirthPlace.GeonameId;
        reader.BirthPlaceName = signup.BirthPlace.Label;
        reader.BirthLatitude = signup.BirthPlace.Latitude;
        reader.BirthLongitude = signup.BirthPlace.Longitude;
        reader.BirthTimeZone = signup.BirthPlace.TimeZoneId;
        reader.TimeZone = signup.TimeZone;
        reader.DeliveryTime = signup.DeliveryTime;
        reader.Locale = signup.Locale;
        reader.Perspective = signup.Perspective;
        reader.FocusAreas = [.. signup.FocusAreas];
        reader.TermsAcceptedAt = now;
        reader.MarketingConsent = signup.MarketingConsent;
        reader.MarketingConsentAt = signup.MarketingConsent ? now : null;
        reader.ReferredBy ??= signup.ReferralCode;
        reader.UpdatedAt = now;
    }

    private static string NewReferralCode()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(8, alphabet, (span, chars) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[RandomNumberGenerator.GetInt32(chars.Length)];
            }
        });
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Reader {ReaderId} ({Status}) signed up again; active and paused readers get a sign-in link, nobody a confirmation")]
        public static partial void ExistingReaderSignedUpAgain(ILogger logger, Guid readerId, ReaderStatus status);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Confirmation email for reader {ReaderId} not sent: {Status}")]
        public static partial void ConfirmationNotSent(ILogger logger, Guid readerId, EmailSendStatus status);
    }
}
