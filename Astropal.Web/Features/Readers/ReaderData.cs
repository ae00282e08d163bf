using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Astropal.Core.Branding;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Readers;

/// <summary>Everything we hold about one reader (SPEC §13), as the portal's "download my data" file.</summary>
public sealed record ReaderDataExport(
    DateTimeOffset ExportedAt,
    string Service,
    ReaderProfileExport Profile,
    ReaderConsentsExport Consents,
    JsonNode? NatalChart,
    IReadOnlyList<PerspectiveChangeExport> PerspectiveChanges,
    IReadOnlyList<DeliveryExport> Deliveries,
    IReadOnlyList<TokenExport> Links,
    SuppressionExport? Suppression);

public sealed record ReaderProfileExport(
    Guid Id,
    string? Email,
    string? Name,
    DateOnly? BirthDate,
    TimeOnly? BirthTime,
    int? BirthPlaceId,
    string? BirthPlaceName,
    double? BirthLatitude,
    double? BirthLongitude,
    string? BirthTimeZone,
    string TimeZone,
    TimeOnly DeliveryTime,
    string Locale,
    string Perspective,
    IReadOnlyList<string> FocusAreas,
    string Tier,
    DateTimeOffset? TrialEndsAt,
    string Status,
    string ReferralCode,
    string? ReferredBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ConfirmedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? LastActivityAt,
    bool ServiceNotices);

public sealed record ReaderConsentsExport(DateTimeOffset TermsAcceptedAt, bool MarketingConsent, DateTimeOffset? MarketingConsentAt);

public sealed record PerspectiveChangeExport(DateTimeOffset At, string From, string To, string Source);

public sealed record DeliveryExport(
    string Kind, DateOnly LocalDate, string Status, int Attempts, DateTimeOffset TargetAt, DateTimeOffset? SentAt, string MessageId, string? LastError,
    string Reference);

/// <summary>A link we issued: what for and when; never the token or its hash.</summary>
public sealed record TokenExport(string Purpose, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt);

public sealed record SuppressionExport(string Reason, DateTimeOffset At);

/// <summary>
/// The reader's data rights from the portal: export everything held about them, and delete the
/// account (personal data erased, delivery history kept without it, an audit entry that names no one).
/// </summary>
public sealed partial class ReaderData(
    IDbContextFactory<AstropalDbContext> dbFactory,
    EmailTemplateRenderer renderer,
    IEmailSender sender,
    IOptions<BrandOptions> brand,
    IOptions<PortalOptions> portal,
    TimeProvider clock,
    ILogger<ReaderData> logger)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The actor of what a reader does from the portal.</summary>
    public const string ReaderActor = "reader";

    public Task<ReaderDataExport?> ExportAsync(Guid readerId, CancellationToken cancellationToken) =>
        ExportAsync(readerId, ReaderActor, cancellationToken);

    /// <summary>The reader's data file; the audit entry names <paramref name="actor"/> (the reader, or the operator who exported it).</summary>
    public async Task<ReaderDataExport?> ExportAsync(Guid readerId, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await db.Readers.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == readerId && r.Status != ReaderStatus.Deleted, cancellationToken);
        if (reader is null)
        {
            return null;
        }

        var changes = await db.PerspectiveChanges.AsNoTracking().Where(c => c.ReaderId == readerId).ToListAsync(cancellationToken);
        var deliveries = await db.Deliveries.AsNoTracking().Where(d => d.ReaderId == readerId).ToListAsync(cancellationToken);
        var tokens = await db.ReaderTokens.AsNoTracking().Where(t => t.ReaderId == readerId).ToListAsync(cancellationToken);
        SuppressedAddress? suppressed = null;
        if (reader.Email is { } email)
        {
            var hash = AddressHash.Of(email);
            suppressed = await db.SuppressedAddresses.AsNoTracking().FirstOrDefaultAsync(s => s.AddressHash == hash, cancellationToken);
        }

        var now = clock.GetUtcNow();
        db.AuditEntries.Add(new AuditEntry { At = now, Actor = actor, Action = "reader.data-exported", Target = readerId.ToString("D") });
        await db.SaveChangesAsync(cancellationToken);

        return new ReaderDataExport(
            now,
            brand.Value.Name,
            new ReaderProfileExport(
                reader.Id, reader.Email, reader.Name, reader.BirthDate, reader.BirthTime, reader.BirthPlaceId, reader.BirthPlaceName,
                reader.BirthLatitude, reader.BirthLongitude, reader.BirthTimeZone, reader.TimeZone, reader.DeliveryTime, reader.Locale,
                Perspective.Get(reader.Perspective).Slug, reader.FocusAreas.Select(f => FocusArea.Get(f).Slug).ToList(),
                Lower(reader.Tier), reader.TrialEndsAt, Lower(reader.Status), reader.ReferralCode, reader.ReferredBy,
                reader.CreatedAt, reader.ConfirmedAt, reader.UpdatedAt, reader.LastActivityAt, reader.ServiceNotices),
            new ReaderConsentsExport(reader.TermsAcceptedAt, reader.MarketingConsent, reader.MarketingConsentAt),
            reader.NatalChartJson is { } chart ? JsonNode.Parse(chart) : null,
            changes.OrderBy(c => c.At)
                .Select(c => new PerspectiveChangeExport(c.At, Perspective.Get(c.From).Slug, Perspective.Get(c.To).Slug, c.Source))
                .ToList(),
            deliveries.OrderBy(d => d.TargetAt)
                .Select(d => new DeliveryExport(d.Kind.Slug(), d.LocalDate, Lower(d.Status), d.Attempts, d.TargetAt, d.SentAt, d.MessageId, d.LastError, d.Reference))
                .ToList(),
            tokens.OrderBy(t => t.CreatedAt)
                .Select(t => new TokenExport(Lower(t.Purpose), t.CreatedAt, t.ExpiresAt, t.UsedAt))
                .ToList(),
            suppressed is null ? null : new SuppressionExport(suppressed.Reason, suppressed.At));
    }

    /// <summary>
    /// Deletes the account: the account-deleted email first (while there is still an address), then
    /// every personal field erased, links, perspective history and delivery errors removed, the row kept
    /// as <see cref="ReaderStatus.Deleted"/> so the delivery history keeps its key. False when there is no such reader.
    /// </summary>
    public Task<bool> DeleteAsync(Guid readerId, CancellationToken cancellationToken) =>
        DeleteAsync(readerId, ReaderActor, cancellationToken);

    /// <summary>The same deletion on an operator's word: the audit entry names <paramref name="actor"/>.</summary>
    public Task<bool> DeleteAsync(Guid readerId, string actor, CancellationToken cancellationToken) =>
        DeleteAsync(readerId, actor, why: null, cancellationToken);

    /// <summary>
    /// The same deletion for another reason (<paramref name="why"/>, e.g. the inactivity purge, which told the reader 30
    /// days before): no account-deleted email (its words are "as you asked"), and the audit detail says why.
    /// </summary>
    public async Task<bool> DeleteAsync(Guid readerId, string actor, string? why, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await db.Readers.FirstOrDefaultAsync(r => r.Id == readerId && r.Status != ReaderStatus.Deleted, cancellationToken);
        if (reader is null)
        {
            return false;
        }

        var farewell = reader.Email is null || why is not null ? EmailSendStatus.PermanentFailure : await SendFarewellAsync(reader, now, cancellationToken);

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.ReaderTokens.Where(t => t.ReaderId == readerId).ExecuteDeleteAsync(ct);
            await db.PerspectiveChanges.Where(c => c.ReaderId == readerId).ExecuteDeleteAsync(ct);

            // Bounce texts quote the address; the rest of a delivery row (kind, date, status, timing) is not personal.
            await db.Deliveries.Where(d => d.ReaderId == readerId && d.LastError != null)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastError, "erased with the reader's account"), ct);
            await db.Deliveries.Where(d => d.ReaderId == readerId && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Sending))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(d => d.Status, DeliveryStatus.Skipped)
                        .SetProperty(d => d.LastError, "reader deleted their account")
                        .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null)
                        .SetProperty(d => d.UpdatedAt, now),
                    ct);

            Erase(reader, now);
            db.AuditEntries.Add(new AuditEntry
            {
                At = now,
                Actor = actor,
                Action = "reader.deleted",
                Target = readerId.ToString("D"),
                Detail = why is not null ? $"personal data erased: {why}"
                    : actor == ReaderActor
                    ? $"personal data erased at the reader's request; account-deleted email {Lower(farewell)}"
                    : $"personal data erased by an operator; account-deleted email {Lower(farewell)}",
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        return true;
    }

    private async Task<EmailSendStatus> SendFarewellAsync(Reader reader, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(reader.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var culture = CultureInfo.GetCultureInfo(reader.Locale);
        var model = new AccountDeletedEmailModel(
            reader.Name,
            TimeZoneInfo.ConvertTime(now, zone).ToString("D", culture),
            portal.Value.BackupRetentionDays);
        var message = EmailMessage.FromRendered(renderer.Render(model, reader.Locale), reader.Email!, reader.Name,
            EmailMessage.StableMessageId($"deleted-{reader.Id:N}", brand.Value.FromAddress), unsubscribeUrl: null);
        var result = await sender.SendAsync(message, cancellationToken);
        if (!result.IsSent)
        {
            // The deletion goes ahead: a reader's right to erasure does not wait for their mailbox.
            Log.FarewellNotSent(logger, reader.Id, result.Status);
        }

        return result.Status;
    }

    private static void Erase(Reader reader, DateTimeOffset now)
    {
        reader.Email = null;
        reader.Name = null;
        reader.BirthDate = null;
        reader.BirthTime = null;
        reader.BirthPlaceId = null;
        reader.BirthPlaceName = null;
        reader.BirthLatitude = null;
        reader.BirthLongitude = null;
        reader.BirthTimeZone = null;
        reader.NatalChartJson = null;
        reader.TimeZone = "UTC";
        reader.FocusAreas = [];
        reader.MarketingConsent = false;
        reader.MarketingConsentAt = null;
        reader.ReferredBy = null;

        // The referral code is unique and required; a fresh random one links to nobody.
        reader.ReferralCode = "X" + Convert.ToHexString(RandomNumberGenerator.GetBytes(7));
        reader.Status = ReaderStatus.Deleted;
        reader.DeletedAt = now;
        reader.UpdatedAt = now;
        reader.LastActivityAt = null;
    }

    private static string Lower<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Account-deleted email for reader {ReaderId} not sent: {Status}; the account is deleted anyway")]
        public static partial void FarewellNotSent(ILogger logger, Guid readerId, EmailSendStatus status);
    }
}
