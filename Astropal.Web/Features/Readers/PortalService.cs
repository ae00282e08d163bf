using System.Globalization;
using Astropal.Core.Branding;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Core.Readers.Signup;
using Astropal.Data;
using Astropal.Web.Features.Delivery;
using Astropal.Web.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Readers;

/// <summary>What a portal action came to.</summary>
public enum PortalOutcomeKind
{
    Changed,
    /// <summary>Nothing to do: the value was already so (e.g. the same perspective, pausing a paused subscription).</summary>
    Unchanged,
    /// <summary>A field broke a rule; <see cref="PortalOutcome.Errors"/> says which. Nothing was stored.</summary>
    Invalid,
    /// <summary>Not possible in the reader's state (e.g. resuming a bounced address). Nothing was stored.</summary>
    NotAllowed,
    /// <summary>No such reader (or deleted).</summary>
    NotFound,
}

public sealed record PortalOutcome(PortalOutcomeKind Kind, IReadOnlyDictionary<string, string[]> Errors)
{
    private static readonly IReadOnlyDictionary<string, string[]> None = new Dictionary<string, string[]>(StringComparer.Ordinal);

    public static PortalOutcome Changed { get; } = new(PortalOutcomeKind.Changed, None);

    public static PortalOutcome Unchanged { get; } = new(PortalOutcomeKind.Unchanged, None);

    public static PortalOutcome NotAllowed { get; } = new(PortalOutcomeKind.NotAllowed, None);

    public static PortalOutcome NotFound { get; } = new(PortalOutcomeKind.NotFound, None);

    public static PortalOutcome Invalid(IReadOnlyDictionary<string, string[]> errors) => new(PortalOutcomeKind.Invalid, errors);
}

public enum SubscriptionChange
{
    Pause,
    Resume,
    Unsubscribe,
}

/// <summary>
/// The reader's own changes from the portal and from one-click email links. Every field goes through
/// <see cref="SignupValidator"/>, with the rules of sign-up; a mistake changes nothing.
/// </summary>
public sealed partial class PortalService(
    IDbContextFactory<AstropalDbContext> dbFactory,
    SignupValidator validator,
    EmailTemplateRenderer renderer,
    IEmailSender sender,
    ReaderLinks links,
    IOptions<BrandOptions> brand,
    TimeProvider clock,
    ReaderMetrics metrics,
    ILogger<PortalService> logger)
{
    /// <summary>The reader as the portal shows them; null when there is none or they are deleted.</summary>
    public async Task<Reader?> FindAsync(Guid readerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Readers.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == readerId && r.Status != ReaderStatus.Deleted, cancellationToken);
    }

    /// <summary>A portal visit counts as activity (readers inactive for 24 months are purged).</summary>
    public async Task TouchAsync(Guid readerId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Readers.Where(r => r.Id == readerId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastActivityAt, now), cancellationToken);
    }

    /// <summary>
    /// Switches the voice, logs the change (<paramref name="source"/>: <c>portal</c> or <c>email-link</c>) and
    /// confirms it by email to a subscribed reader.
    /// </summary>
    public async Task<PortalOutcome> ChangePerspectiveAsync(Guid readerId, string? perspective, string source, CancellationToken cancellationToken)
    {
        var validation = validator.ValidatePreferences(new PreferencesRequest { Perspective = perspective });
        if (validation.Preferences?.Perspective is not { } to)
        {
            return PortalOutcome.Invalid(validation.IsValid
                ? SignupMessages.ByField([new SignupProblem("perspective", SignupMessages.PerspectiveRequired, [])], SignupMessages.English)
                : validation.Errors);
        }

        var now = clock.GetUtcNow();
        Reader reader;
        PerspectiveChange change;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var found = await db.Readers.FirstOrDefaultAsync(r => r.Id == readerId && r.Status != ReaderStatus.Deleted, cancellationToken);
            if (found is null)
            {
                return PortalOutcome.NotFound;
            }

            if (found.Perspective == to)
            {
                return PortalOutcome.Unchanged;
            }

            change = new PerspectiveChange { ReaderId = found.Id, From = found.Perspective, To = to, At = now, Source = source };
            found.Perspective = to;
            found.UpdatedAt = now;
            found.LastActivityAt = now;
            db.PerspectiveChanges.Add(change);
            await db.SaveChangesAsync(cancellationToken);
            reader = found;
        }

        if (reader.Email is not null && reader.Status is ReaderStatus.Active or ReaderStatus.Paused)
        {
            await SendPerspectiveChangedAsync(reader, change, now, cancellationToken);
        }

        return PortalOutcome.Changed;
    }

    /// <summary>Focus areas, delivery time, time zone and locale; fields left null are kept.</summary>
    public async Task<PortalOutcome> UpdatePreferencesAsync(Guid readerId, PreferencesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = validator.ValidatePreferences(request with { Perspective = null });
        if (validation.Preferences is not { } valid)
        {
            return PortalOutcome.Invalid(validation.Errors);
        }

        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await db.Readers.FirstOrDefaultAsync(r => r.Id == readerId && r.Status != ReaderStatus.Deleted, cancellationToken);
        if (reader is null)
        {
            return PortalOutcome.NotFound;
        }

        var before = (reader.TimeZone, reader.DeliveryTime, reader.Locale, Focus: string.Join(',', reader.FocusAreas));
        reader.TimeZone = valid.TimeZone ?? reader.TimeZone;
        reader.DeliveryTime = valid.DeliveryTime ?? reader.DeliveryTime;
        reader.Locale = valid.Locale ?? reader.Locale;
        if (valid.FocusAreas is { } focus)
        {
            reader.FocusAreas = [.. focus];
        }

        if (before == (reader.TimeZone, reader.DeliveryTime, reader.Locale, string.Join(',', reader.FocusAreas)))
        {
            return PortalOutcome.Unchanged;
        }

        reader.UpdatedAt = now;
        reader.LastActivityAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return PortalOutcome.Changed;
    }

    /// <summary>Service notices (an incident that makes the reader's email late, and its end) on or off.</summary>
    public async Task<PortalOutcome> SetServiceNoticesAsync(Guid readerId, bool on, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await db.Readers.FirstOrDefaultAsync(r => r.Id == readerId && r.Status != ReaderStatus.Deleted, cancellationToken);
        if (reader is null)
        {
            return PortalOutcome.NotFound;
        }

        if (reader.ServiceNotices == on)
        {
            return PortalOutcome.Unchanged;
        }

        var now = clock.GetUtcNow();
        reader.ServiceNotices = on;
        reader.UpdatedAt = now;
        reader.LastActivityAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return PortalOutcome.Changed;
    }

    /// <summary>
    /// Pause (active → paused), resume (paused or unsubscribed → active: the link proved the address) and
    /// unsubscribe (active, paused or pending → unsubscribed). Bounced addresses cannot resume.
    /// </summary>
    public async Task<PortalOutcome> ChangeSubscriptionAsync(Guid readerId, SubscriptionChange change, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await db.Readers.FirstOrDefaultAsync(r => r.Id == readerId && r.Status != ReaderStatus.Deleted, cancellationToken);
        if (reader is null)
        {
            return PortalOutcome.NotFound;
        }

        ReaderStatus? next = (change, reader.Status) switch
        {
            (SubscriptionChange.Pause, ReaderStatus.Active) => ReaderStatus.Paused,
            (SubscriptionChange.Resume, ReaderStatus.Paused or ReaderStatus.Unsubscribed) => ReaderStatus.Active,
            (SubscriptionChange.Unsubscribe, ReaderStatus.Active or ReaderStatus.Paused or ReaderStatus.Pending) => ReaderStatus.Unsubscribed,
            _ => null,
        };
        if (next is null)
        {
            var already = (change, reader.Status) is (SubscriptionChange.Pause, ReaderStatus.Paused)
                or (SubscriptionChange.Resume, ReaderStatus.Active)
                or (SubscriptionChange.Unsubscribe, ReaderStatus.Unsubscribed);
            return already ? PortalOutcome.Unchanged : PortalOutcome.NotAllowed;
        }

        reader.Status = next.Value;
        reader.UpdatedAt = now;
        reader.LastActivityAt = now;
        await db.SaveChangesAsync(cancellationToken);
        if (next == ReaderStatus.Unsubscribed)
        {
            metrics.Unsubscribed("portal");
        }

        return PortalOutcome.Changed;
    }

    private async Task SendPerspectiveChangedAsync(Reader reader, PerspectiveChange change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var to = Perspective.Get(change.To);
        var readerLinks = links.For(reader.Id);
        var model = new PerspectiveChangedEmailModel(
            reader.Name,
            Perspective.Get(change.From).Name,
            to.Name,
            to.Voice,
            to.Sample,
            FirstEmailLabel(renderer, reader, now),
            readerLinks);
        var message = EmailMessage.FromRendered(renderer.Render(model, reader.Locale), reader.Email!, reader.Name,
            EmailMessage.StableMessageId($"perspective-{change.Id}", brand.Value.FromAddress), readerLinks.UnsubscribeUrl);
        var result = await sender.SendAsync(message, cancellationToken);
        if (!result.IsSent)
        {
            Log.PerspectiveEmailNotSent(logger, reader.Id, result.Status);
        }
    }

    /// <summary>"today at 06:30", "tomorrow at 06:30" in the reader's zone, or "when you resume your emails", in the reader's language.</summary>
    internal static string FirstEmailLabel(EmailTemplateRenderer renderer, Reader reader, DateTimeOffset now)
    {
        string Text(string key, string? time = null) => renderer.Phrase(reader.Locale, "perspective-changed.firstEmailAt." + key, new { Time = time });
        if (reader.Status != ReaderStatus.Active)
        {
            return Text("paused");
        }

        var time = reader.DeliveryTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(reader.TimeZone, out var zone))
        {
            return Text("next", time);
        }

        var today = DeliverySchedule.LocalDateAt(now, zone);
        return DeliverySchedule.ToUtc(today, reader.DeliveryTime, zone) > now ? Text("today", time) : Text("tomorrow", time);
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Perspective-changed email for reader {ReaderId} not sent: {Status}")]
        public static partial void PerspectiveEmailNotSent(ILogger logger, Guid readerId, EmailSendStatus status);
    }
}
