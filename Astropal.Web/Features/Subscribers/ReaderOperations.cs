using System.Globalization;
using Astropal.Core.Billing;
using Astropal.Core.Branding;
using Astropal.Core.Content;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Delivery;
using Astropal.Web.Features.Readers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Subscribers;

/// <summary>
/// What an operator can do to one reader (the subscribers and beta pages): pause and resume, preview and resend a day's
/// email, change the tier, suppress and unsuppress the address, send a portal link, export, delete, reveal birth data.
/// Each takes the acting operator and writes an audit entry (<c>reader.*</c>) with its change, or refuses with a
/// reason and changes nothing. Export and delete are the reader's own (<see cref="ReaderData"/>), named after the operator.
/// </summary>
public sealed class ReaderOperations(
    IDbContextFactory<AstropalDbContext> dbFactory,
    AuditLog audit,
    DeliveryLedger ledger,
    IReaderEmailComposer composer,
    ReaderData data,
    SignInLinks signInLinks,
    IOptions<BrandOptions> brand,
    LedgerRows ledgerRows,
    TimeProvider clock)
{
    /// <summary>The token shown in previews in place of a signed one: links keep their shape and lead nowhere.</summary>
    public const string PreviewToken = "preview";

    private const int DeliveryHistory = 90;

    public async Task<ReaderDetail?> DetailAsync(Guid readerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await db.Readers.AsNoTracking().FirstOrDefaultAsync(r => r.Id == readerId, cancellationToken);
        if (reader is null)
        {
            return null;
        }

        var deliveries = await db.Deliveries.AsNoTracking()
            .Where(d => d.ReaderId == readerId)
            .OrderByDescending(d => d.LocalDate).ThenBy(d => d.Kind)
            .Take(DeliveryHistory)
            .ToListAsync(cancellationToken);
        var ids = deliveries.Select(d => d.Id).ToList();
        var engagement = await db.EngagementEvents.AsNoTracking()
            .Where(e => e.ReaderId == readerId && ids.Contains(e.DeliveryId))
            .Select(e => new { e.DeliveryId, e.Kind, e.At, e.IsMachine })
            .ToListAsync(cancellationToken);
        var byDelivery = engagement.ToLookup(e => e.DeliveryId);
        var changes = await db.PerspectiveChanges.AsNoTracking().Where(c => c.ReaderId == readerId).ToListAsync(cancellationToken);
        string? suppression = null;
        if (reader.Email is { } email)
        {
            var hash = AddressHash.Of(email);
            suppression = await db.SuppressedAddresses.AsNoTracking().Where(s => s.AddressHash == hash).Select(s => s.Reason).FirstOrDefaultAsync(cancellationToken);
        }

        return new ReaderDetail(
            reader.Id, reader.Email, reader.Name, reader.Status, reader.Tier, reader.TrialEndsAt, reader.Perspective, reader.FocusAreas,
            reader.Locale, reader.TimeZone, reader.DeliveryTime, reader.Cohort, reader.ReferralCode, reader.ReferredBy,
            reader.BirthDate is not null, reader.CreatedAt, reader.ConfirmedAt, reader.LastActivityAt, reader.InvitedAt, reader.InvitationAcceptedAt,
            reader.TermsAcceptedAt, reader.MarketingConsent, reader.MarketingConsentAt, reader.ServiceNotices, suppression, LocalToday(reader.TimeZone),
            deliveries.Select(d =>
            {
                var events = byDelivery[d.Id].ToList();
                return new ReaderDeliveryRow(
                    d.Id, d.Kind, d.LocalDate, d.Status, d.Attempts, d.TargetAt, d.SentAt, d.LatenessSeconds, d.LastError,
                    events.Where(e => e.Kind == EngagementKind.Open && !e.IsMachine).Select(e => (DateTimeOffset?)e.At).Min(),
                    events.Count(e => e.Kind == EngagementKind.Click),
                    events.Count(e => e.Kind == EngagementKind.Open && e.IsMachine));
            }).ToList(),
            changes.OrderByDescending(c => c.At).ToList());
    }

    /// <summary>The reader's birth data, for an operator who asked to see it; the reveal is audited.</summary>
    public async Task<RevealedBirthData?> RevealBirthDataAsync(Guid readerId, string actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await Live(db).AsNoTracking().FirstOrDefaultAsync(r => r.Id == readerId, cancellationToken);
        if (reader is null)
        {
            return null;
        }

        audit.Add(db, actor, "reader.birth-data-revealed", Target(readerId));
        await db.SaveChangesAsync(cancellationToken);
        return new RevealedBirthData(reader.BirthDate, reader.BirthTime, reader.BirthPlaceName, reader.BirthLatitude, reader.BirthLongitude, reader.BirthTimeZone);
    }

    /// <summary>Stops an active reader's emails until resumed.</summary>
    public Task<ReaderActionResult> PauseAsync(Guid readerId, string actor, CancellationToken cancellationToken) =>
        ChangeStatusAsync(readerId, ReaderStatus.Active, ReaderStatus.Paused, actor, "reader.paused", "Paused: no emails until resumed.", cancellationToken);

    /// <summary>Starts a paused reader's emails again from the next due one.</summary>
    public Task<ReaderActionResult> ResumeAsync(Guid readerId, string actor, CancellationToken cancellationToken) =>
        ChangeStatusAsync(readerId, ReaderStatus.Paused, ReaderStatus.Active, actor, "reader.resumed", "Resumed: emails start again from the next due one.", cancellationToken);

    /// <summary>
    /// The reader's morning email for <paramref name="localDate"/> as delivery would compose it, with inert links
    /// (<see cref="PreviewToken"/> in place of signed tokens); nothing is sent or stored but the audit entry.
    /// </summary>
    public async Task<ReaderEmailPreview> PreviewDayAsync(Guid readerId, DateOnly localDate, string actor, CancellationToken cancellationToken)
    {
        Reader? reader;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            reader = await Live(db).AsNoTracking().FirstOrDefaultAsync(r => r.Id == readerId, cancellationToken);
            if (reader is null)
            {
                return new(null, ReaderActionResult.NoSuchReader.Message);
            }

            audit.Add(db, actor, "reader.email-previewed", Target(readerId), $"daily {Day(localDate)}");
            await db.SaveChangesAsync(cancellationToken);
        }

        try
        {
            return new(await composer.ComposeAsync(reader, EmailTemplate.Daily, localDate, InertLinks(brand.Value.SiteUrl), cancellationToken), null);
        }
        catch (Exception ex) when (ex is ContentUnavailableException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return new(null, ex.Message);
        }
    }

    /// <summary>
    /// Sends the reader's morning email of <paramref name="localDate"/> again through the ledger on the next dispatcher run:
    /// a failed or skipped row is queued again (its Message-ID kept), a sent one is queued with a new Message-ID (so the
    /// mailbox does not drop it as a duplicate), a missing one is added. Refused for a reader who cannot receive email
    /// and for a row already pending or sending.
    /// </summary>
    public async Task<ReaderActionResult> ResendDayAsync(Guid readerId, DateOnly localDate, string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await Live(db).AsNoTracking().FirstOrDefaultAsync(r => r.Id == readerId, cancellationToken);
        if (reader is null)
        {
            return ReaderActionResult.NoSuchReader;
        }

        if (reader.Status != ReaderStatus.Active || reader.Email is null)
        {
            return ReaderActionResult.Refused($"Not resent: the reader is {Lower(reader.Status)}; only active readers get emails.");
        }

        if (await IsSuppressedAsync(db, reader.Email, cancellationToken))
        {
            return ReaderActionResult.Refused("Not resent: the address is on the suppression list; unsuppress it first.");
        }

        var row = await db.Deliveries.FirstOrDefaultAsync(d => d.ReaderId == readerId && d.Kind == EmailTemplate.Daily && d.LocalDate == localDate, cancellationToken);
        string detail;
        if (row is null)
        {
            var added = ledgerRows.NewPending(readerId, EmailTemplate.Daily, localDate, now, now);
            added.LastError = "added by an operator's resend";
            db.Deliveries.Add(added);
            detail = "daily " + Day(localDate) + " added to the ledger";
        }
        else if (row.Status is DeliveryStatus.Pending or DeliveryStatus.Sending)
        {
            return ReaderActionResult.Refused($"Not resent: the {Day(localDate)} email is already {Lower(row.Status)}.");
        }
        else if (row.Status == DeliveryStatus.Failed)
        {
            // The console's own resend of a failed row: one rule for both pages.
            if (!await ledger.ResendAsync(row.Id, cancellationToken))
            {
                return ReaderActionResult.Refused("Not resent: that email changed status meanwhile; reload.");
            }

            detail = "daily " + Day(localDate) + " failed, queued again";
        }
        else
        {
            var wasSent = row.Status == DeliveryStatus.Sent;
            var before = row.Status;
            row.Status = DeliveryStatus.Pending;
            row.Attempts = 0;
            row.NextAttemptAt = null;
            row.LeaseUntil = null;
            row.TargetAt = now;
            row.LastError = $"resend requested by an operator; was {Lower(before)}" + (row.SentAt is { } sent ? $" at {sent:u}" : "");
            row.UpdatedAt = now;
            if (wasSent)
            {
                row.MessageId = EmailMessage.StableMessageId(DeliveryRules.MessageIdKey(Guid.CreateVersion7(now)), brand.Value.FromAddress);
            }

            detail = $"daily {Day(localDate)} {Lower(before)}, queued again";
        }

        audit.Add(db, actor, "reader.email-resent", Target(readerId), detail);
        await db.SaveChangesAsync(cancellationToken);
        return ReaderActionResult.Ok($"Queued: the next dispatcher run sends the {Day(localDate)} email.");
    }

    /// <summary>Sets the reader's tier by hand (a complimentary plan); billing is not touched.</summary>
    public async Task<ReaderActionResult> ChangeTierAsync(Guid readerId, Tier tier, string actor, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(tier))
        {
            return ReaderActionResult.Refused($"Unknown tier '{tier}'.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await Live(db).FirstOrDefaultAsync(r => r.Id == readerId, cancellationToken);
        if (reader is null)
        {
            return ReaderActionResult.NoSuchReader;
        }

        if (reader.Tier == tier)
        {
            return ReaderActionResult.Refused($"The reader is already on {tier}.");
        }

        var before = reader.Tier;
        reader.Tier = tier;
        reader.UpdatedAt = clock.GetUtcNow();
        audit.Add(db, actor, "reader.tier-changed", Target(readerId), $"{Lower(before)} → {Lower(tier)} (comp)");
        await db.SaveChangesAsync(cancellationToken);
        return ReaderActionResult.Ok($"Tier changed from {before} to {tier}.");
    }

    /// <summary>Puts the reader's address on the suppression list: nothing is sent to it until unsuppressed.</summary>
    public async Task<ReaderActionResult> SuppressAsync(Guid readerId, string actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await Live(db).AsNoTracking().FirstOrDefaultAsync(r => r.Id == readerId, cancellationToken);
        if (reader?.Email is not { } email)
        {
            return ReaderActionResult.NoSuchReader;
        }

        if (await IsSuppressedAsync(db, email, cancellationToken))
        {
            return ReaderActionResult.Refused("The address is already suppressed.");
        }

        db.SuppressedAddresses.Add(new SuppressedAddress { AddressHash = AddressHash.Of(email), Reason = "operator: suppressed from the console", At = clock.GetUtcNow() });
        audit.Add(db, actor, "reader.suppressed", Target(readerId));
        await db.SaveChangesAsync(cancellationToken);
        return ReaderActionResult.Ok("Suppressed: nothing is sent to this address until it is unsuppressed.");
    }

    /// <summary>Takes the address off the suppression list; a reader marked bounced becomes active again.</summary>
    public async Task<ReaderActionResult> UnsuppressAsync(Guid readerId, string actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await Live(db).FirstOrDefaultAsync(r => r.Id == readerId, cancellationToken);
        if (reader?.Email is not { } email)
        {
            return ReaderActionResult.NoSuchReader;
        }

        var hash = AddressHash.Of(email);
        var entry = await db.SuppressedAddresses.FirstOrDefaultAsync(s => s.AddressHash == hash, cancellationToken);
        if (entry is null)
        {
            return ReaderActionResult.Refused("The address is not suppressed.");
        }

        db.SuppressedAddresses.Remove(entry);
        var reactivated = reader.Status == ReaderStatus.Bounced;
        if (reactivated)
        {
            reader.Status = ReaderStatus.Active;
            reader.UpdatedAt = clock.GetUtcNow();
        }

        audit.Add(db, actor, "reader.unsuppressed", Target(readerId), $"was: {entry.Reason}" + (reactivated ? "; bounced → active" : ""));
        await db.SaveChangesAsync(cancellationToken);
        return ReaderActionResult.Ok(reactivated ? "Unsuppressed, and the reader is active again." : "Unsuppressed.");
    }

    /// <summary>Emails the reader a one-time sign-in link to their preferences portal (within the hourly limit per address).</summary>
    public async Task<ReaderActionResult> SendPortalLinkAsync(Guid readerId, string actor, CancellationToken cancellationToken)
    {
        Reader? reader;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            reader = await Live(db).AsNoTracking().FirstOrDefaultAsync(r => r.Id == readerId, cancellationToken);
        }

        if (reader is null)
        {
            return ReaderActionResult.NoSuchReader;
        }

        if (!SignInLinks.MayHaveLink(reader.Status))
        {
            return ReaderActionResult.Refused($"No link sent: a {Lower(reader.Status)} reader cannot sign in to the portal.");
        }

        var sent = await signInLinks.SendAsync(reader, cancellationToken);
        await audit.RecordAsync(actor, "reader.portal-link-sent", Target(readerId), sent ? "sent" : "not sent (hourly limit or the email failed)", cancellationToken);
        return sent
            ? ReaderActionResult.Ok("A sign-in link to the portal is on its way.")
            : ReaderActionResult.Refused("No link sent: the hourly limit for this address is reached or the email failed; see the log.");
    }

    /// <summary>Everything held about the reader, as their own "download my data" file; audited as <c>reader.data-exported</c> by the operator.</summary>
    public Task<ReaderDataExport?> ExportAsync(Guid readerId, string actor, CancellationToken cancellationToken) =>
        data.ExportAsync(readerId, actor, cancellationToken);

    /// <summary>Deletes the account exactly as the reader's own delete does (farewell email, personal data erased), audited by the operator.</summary>
    public async Task<ReaderActionResult> DeleteAsync(Guid readerId, string actor, CancellationToken cancellationToken) =>
        await data.DeleteAsync(readerId, actor, cancellationToken)
            ? ReaderActionResult.Ok("Deleted: personal data erased, the account-deleted email sent.")
            : ReaderActionResult.NoSuchReader;

    /// <summary>Preview links: the real paths with <see cref="PreviewToken"/> in place of every signed token.</summary>
    public static EmailLinks InertLinks(string siteUrl)
    {
        ArgumentNullException.ThrowIfNull(siteUrl);
        var site = siteUrl.TrimEnd('/');
        return new EmailLinks(
            $"{site}{PortalPaths.Home}?t={PreviewToken}",
            $"{site}/u/{PreviewToken}",
            $"{site}/privacy",
            PerspectiveLinks.Create(p => $"{site}{PortalPaths.Perspective(p.Slug)}?t={PreviewToken}"));
    }

    private async Task<ReaderActionResult> ChangeStatusAsync(
        Guid readerId, ReaderStatus from, ReaderStatus to, string actor, string action, string done, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await Live(db).FirstOrDefaultAsync(r => r.Id == readerId, cancellationToken);
        if (reader is null)
        {
            return ReaderActionResult.NoSuchReader;
        }

        if (reader.Status != from)
        {
            return ReaderActionResult.Refused($"Nothing changed: the reader is {Lower(reader.Status)}, not {Lower(from)}.");
        }

        reader.Status = to;
        reader.UpdatedAt = clock.GetUtcNow();
        audit.Add(db, actor, action, Target(readerId));
        await db.SaveChangesAsync(cancellationToken);
        return ReaderActionResult.Ok(done);
    }

    private static IQueryable<Reader> Live(AstropalDbContext db) => db.Readers.Where(r => r.Status != ReaderStatus.Deleted);

    private static Task<bool> IsSuppressedAsync(AstropalDbContext db, string email, CancellationToken cancellationToken)
    {
        var hash = AddressHash.Of(email);
        return db.SuppressedAddresses.AnyAsync(s => s.AddressHash == hash, cancellationToken);
    }

    private DateOnly LocalToday(string zone)
    {
        var now = clock.GetUtcNow();
        return TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var tz)
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, tz).DateTime)
            : DateOnly.FromDateTime(now.UtcDateTime);
    }

    private static string Target(Guid readerId) => readerId.ToString("D");

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
