using System.Globalization;
using Astropal.Core.Branding;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Readers;

/// <summary>
/// Emails a one-time sign-in link to the preferences portal. Callers answer the same whatever happens
/// here (no reader, a reader who may not have one, the hourly limit reached), so the answer tells
/// nobody whether an address subscribes.
/// </summary>
public sealed partial class SignInLinks(
    IDbContextFactory<AstropalDbContext> dbFactory,
    EmailTemplateRenderer renderer,
    ReaderEmailSender sender,
    IOptions<BrandOptions> brand,
    IOptions<PortalOptions> portal,
    IOptions<RateLimitOptions> limits,
    TimeProvider clock,
    ILogger<SignInLinks> logger)
{
    private static readonly TimeSpan AddressWindow = TimeSpan.FromHours(1);

    /// <summary>Readers who may open the portal from a new link: bounced addresses get nothing (the mail would bounce).</summary>
    public static bool MayHaveLink(ReaderStatus status) =>
        status is ReaderStatus.Active or ReaderStatus.Paused or ReaderStatus.Unsubscribed;

    /// <summary>"Email me a new link": sends one if <paramref name="email"/> (already validated, lower case) is a reader who may have one.</summary>
    public async Task SendToAddressAsync(string email, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reader = await db.Readers.AsNoTracking().FirstOrDefaultAsync(r => r.Email == email, cancellationToken);
        if (reader is null || !MayHaveLink(reader.Status))
        {
            return;
        }

        await SendAsync(reader, cancellationToken);
    }

    /// <summary>Stores a new sign-in token (hash only) and emails its link; false when the hourly limit is reached or the email failed.</summary>
    public async Task<bool> SendAsync(Reader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.Email is null || !MayHaveLink(reader.Status))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var since = now - AddressWindow;
        var recent = await db.ReaderTokens.CountAsync(
            t => t.ReaderId == reader.Id && t.Purpose == ReaderTokenPurpose.SignIn && t.CreatedAt >= since, cancellationToken);
        if (recent >= limits.Value.SignInLinksPerAddressPerHour)
        {
            Log.LimitReached(logger, reader.Id);
            return false;
        }

        var lifetime = portal.Value.SignInLinkLifetime;
        var (token, row) = ReaderToken.Issue(reader.Id, ReaderTokenPurpose.SignIn, now, lifetime);
        db.ReaderTokens.Add(row);
        await db.SaveChangesAsync(cancellationToken);

        var email = renderer.Render(new SignInEmailModel(
            reader.Name, brand.Value.Absolute($"{PortalPaths.Home}?t={token}"), Duration(renderer, reader.Locale, lifetime)),
            reader.Locale);
        var message = EmailMessage.FromRendered(email, reader.Email, reader.Name,
            EmailMessage.StableMessageId($"sign-in-{row.Id}", brand.Value.FromAddress), unsubscribeUrl: null);
        var sent = await sender.SendAsync(message, cancellationToken);
        if (sent.IsSent)
        {
            return true;
        }

        // A link nobody received (after the retries) should not count against the hourly limit.
        Log.NotSent(logger, reader.Id, sent.Status);
        db.ReaderTokens.Remove(row);
        await db.SaveChangesAsync(CancellationToken.None);
        return false;
    }

    /// <summary>"1 hour", "90 minutes", "2 days": how long a link works, as the email says it in the reader's language.</summary>
    internal static string Duration(EmailTemplateRenderer renderer, string locale, TimeSpan lifetime)
    {
        var (count, unit) = lifetime switch
        {
            { TotalDays: >= 1 } when lifetime.TotalDays % 1 == 0 => ((int)lifetime.TotalDays, "day"),
            { TotalHours: >= 1 } when lifetime.TotalHours % 1 == 0 => ((int)lifetime.TotalHours, "hour"),
            _ => ((int)Math.Ceiling(lifetime.TotalMinutes), "minute"),
        };
        return renderer.Phrase(locale, "sign-in.duration." + unit + (count == 1 ? "" : "s"), new { Count = count });
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in link for reader {ReaderId} not sent: hourly limit reached")]
        public static partial void LimitReached(ILogger logger, Guid readerId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in link for reader {ReaderId} not sent: {Status}")]
        public static partial void NotSent(ILogger logger, Guid readerId, EmailSendStatus status);
    }
}
