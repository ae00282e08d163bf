using Astropal.Core.Branding;
using Astropal.Core.Content;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Readers;
using Astropal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Beta;

/// <summary>
/// Invitation links and emails of beta readers. Tokens are random, stored as hashes, single use and valid
/// for <see cref="Lifetime"/>. Sending is claimed first (<see cref="Reader.InvitedAt"/> set by a conditional
/// update), so a second import, a retry or two imports at once send one email; a failed send gives the claim back.
/// </summary>
public sealed partial class BetaInvitations(
    IDbContextFactory<AstropalDbContext> dbFactory,
    EmailTemplateRenderer renderer,
    IEmailSender sender,
    IOptions<BrandOptions> brand,
    AuditLog audit,
    TimeProvider clock,
    ILogger<BetaInvitations> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    /// <summary>The <see cref="Reader.Cohort"/> of imported readers.</summary>
    public const string Cohort = "beta";

    public const string ResendAction = "beta.invitation-resent";

    /// <summary>
    /// Makes the entry an invited reader and claims its invitation: the reader's id when this call is to send
    /// it, otherwise the reader as found (already invited, active or otherwise), or neither when another import won the race.
    /// </summary>
    internal async Task<(Guid? ReaderId, Reader? Existing)> ClaimForImportAsync(ValidBetaUser user, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var reader = await db.Readers.AsNoTracking().FirstOrDefaultAsync(r => r.Email == user.Email, cancellationToken);
        if (reader is null)
        {
            var id = Guid.NewGuid();
            db.Readers.Add(new Reader
            {
                Id = id,
                Email = user.Email,
                Name = user.Name,
                Locale = user.Locale,
                Perspective = user.Perspective,
                FocusAreas = [.. user.FocusAreas],
                // The zone the reader lives in is asked for on the sign-up form; UTC until then (nothing is sent to an invited reader).
                TimeZone = "UTC",
                ReferralCode = ReferralCodes.New(),
                Status = ReaderStatus.Invited,
                Cohort = Cohort,
                CreatedAt = now,
                UpdatedAt = now,
                InvitedAt = now,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (id, null);
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                // The same address arrived a moment ago (another import, a sign-up): that one decides.
                return (null, null);
            }
        }

        if (reader is { Status: ReaderStatus.Invited, InvitedAt: null })
        {
            var claimed = await db.Readers
                .Where(r => r.Id == reader.Id && r.Status == ReaderStatus.Invited && r.InvitedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.InvitedAt, now).SetProperty(r => r.UpdatedAt, now), cancellationToken);
            return claimed == 1 ? (reader.Id, null) : (null, null);
        }

        return (null, reader);
    }

    /// <summary>
    /// Issues a token and sends the invitation of a reader whose sending this caller claimed. When the email
    /// cannot be sent, the token is removed and <see cref="Reader.InvitedAt"/> goes back to <paramref name="previousInvitedAt"/>.
    /// </summary>
    internal async Task<bool> SendClaimedAsync(Guid readerId, DateTimeOffset? previousInvitedAt, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await db.Readers.AsNoTracking().SingleAsync(r => r.Id == readerId, cancellationToken);
        var (token, row) = ReaderToken.Issue(reader.Id, ReaderTokenPurpose.Invitation, clock.GetUtcNow(), Lifetime);
        db.ReaderTokens.Add(row);
        await db.SaveChangesAsync(cancellationToken);

        var locale = ContentLocale.Get(reader.Locale);
        var email = renderer.Render(
            new InvitationEmailModel(
                reader.Name,
                locale.Perspective(reader.Perspective),
                string.Join(", ", reader.FocusAreas.Select(locale.FocusArea)),
                brand.Value.Absolute($"/start?invite={token}"),
                (int)Lifetime.TotalDays),
            locale.Name);
        var message = EmailMessage.FromRendered(email, reader.Email!, reader.Name,
            EmailMessage.StableMessageId($"invitation-{row.Id}", brand.Value.FromAddress), unsubscribeUrl: null);
        var sent = await sender.SendAsync(message, cancellationToken);
        if (sent.IsSent)
        {
            return true;
        }

        Log.InvitationNotSent(logger, reader.Id, sent.Status);
        await db.ReaderTokens.Where(t => t.Id == row.Id).ExecuteDeleteAsync(CancellationToken.None);
        await db.Readers.Where(r => r.Id == reader.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.InvitedAt, previousInvitedAt), CancellationToken.None);
        return false;
    }

    /// <summary>A new link by email to a reader who is still invited (the console's "resend the invitation"); audited.</summary>
    public async Task<InvitationResend> ResendAsync(Guid readerId, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await db.Readers.AsNoTracking().FirstOrDefaultAsync(r => r.Id == readerId, cancellationToken);
        if (reader is not { Status: ReaderStatus.Invited, Email: not null })
        {
            return InvitationResend.NotInvited;
        }

        var now = clock.GetUtcNow();
        var previous = reader.InvitedAt;
        // Claimed against the value just read, so two clicks at once send one email.
        var claimed = await db.Readers
            .Where(r => r.Id == readerId && r.Status == ReaderStatus.Invited && r.InvitedAt == previous)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.InvitedAt, now).SetProperty(r => r.UpdatedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return InvitationResend.NotInvited;
        }

        if (!await SendClaimedAsync(readerId, previous, cancellationToken))
        {
            return InvitationResend.SendFailed;
        }

        await audit.RecordAsync(actor, ResendAction, reader.Email, null, cancellationToken);
        return InvitationResend.Sent;
    }

    /// <summary>The invitation a link holds, with what it fills in on the sign-up form.</summary>
    public async Task<InvitationLookup> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return new InvitationLookup(InvitationState.Unknown);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hash = ReaderToken.Hash(token.Trim());
        var row = await db.ReaderTokens.AsNoTracking()
            .FirstOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == ReaderTokenPurpose.Invitation, cancellationToken);
        if (row is null)
        {
            return new InvitationLookup(InvitationState.Unknown);
        }

        var reader = await db.Readers.AsNoTracking().FirstOrDefaultAsync(r => r.Id == row.ReaderId, cancellationToken);
        if (row.UsedAt is not null || reader is not { Status: ReaderStatus.Invited, Email: not null })
        {
            return new InvitationLookup(InvitationState.Used);
        }

        if (row.ExpiresAt <= clock.GetUtcNow())
        {
            return new InvitationLookup(InvitationState.Expired);
        }

        return new InvitationLookup(InvitationState.Valid, row.Id, reader.Id, reader.Email, reader.Name, reader.Perspective, reader.FocusAreas, reader.Locale);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Invitation email for reader {ReaderId} not sent: {Status}")]
        public static partial void InvitationNotSent(ILogger logger, Guid readerId, EmailSendStatus status);
    }
}
