using System.Globalization;
using System.Security.Claims;
using Astropal.Core.Readers;
using Microsoft.AspNetCore.Authentication;

namespace Astropal.Web.Features.Readers;

/// <summary>
/// The reader's portal session: its own cookie scheme (<c>astropal.reader</c>), apart from the
/// operators' Identity cookie, so a reader link never grants anything in the console and an
/// operator's sign-in never opens a reader's portal. The ticket holds the reader id, the locale and, for a
/// session opened from a one-time sign-in link, when that was (<see cref="LinkSignInClaim"/>).
/// </summary>
public static class ReaderSession
{
    public const string Scheme = "Reader";
    public const string CookieName = "astropal.reader";
    public const string LocaleClaim = "astropal:locale";

    /// <summary>When the session was opened from a one-time sign-in link (Unix seconds); absent for email-link sessions.</summary>
    public const string LinkSignInClaim = "astropal:link-sign-in";

    /// <summary>
    /// Opens (or renews, e.g. with a new locale) the session. <paramref name="linkSignInAt"/>: when a one-time
    /// sign-in link opened it (kept across renewals), which the data export and account deletion require to be recent.
    /// </summary>
    public static Task SignInAsync(HttpContext context, Reader reader, DateTimeOffset? linkSignInAt = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reader);
        List<Claim> claims = [new Claim(ClaimTypes.NameIdentifier, reader.Id.ToString("D")), new Claim(LocaleClaim, reader.Locale)];
        if (linkSignInAt is { } at)
        {
            claims.Add(new Claim(LinkSignInClaim, at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        }

        var identity = new ClaimsIdentity(claims, Scheme);

        // A browser-session cookie: closing the browser ends it, and the ticket expires after
        // Portal:SessionLifetime without activity in any case.
        return context.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
    }

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(Scheme);

    /// <summary>The signed-in reader's session, or null without a (valid, unexpired) session cookie.</summary>
    public static async Task<ReaderSessionInfo?> ReadAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await context.AuthenticateAsync(Scheme);
        var id = result.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!result.Succeeded || !Guid.TryParse(id, CultureInfo.InvariantCulture, out var readerId))
        {
            return null;
        }

        var linkSignIn = long.TryParse(result.Principal!.FindFirstValue(LinkSignInClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : (DateTimeOffset?)null;
        return new ReaderSessionInfo(readerId, result.Principal.FindFirstValue(LocaleClaim), linkSignIn);
    }
}
