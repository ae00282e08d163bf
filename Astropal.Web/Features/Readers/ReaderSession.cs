using System.Globalization;
using System.Security.Claims;
using Astropal.Core.Readers;
using Microsoft.AspNetCore.Authentication;

namespace Astropal.Web.Features.Readers;

/// <summary>
/// The reader's portal session: its own cookie scheme (<c>astropal.reader</c>), apart from the
/// operators' Identity cookie, so a reader link never grants anything in the console and an
/// operator's sign-in never opens a reader's portal. The ticket holds the reader id and locale only.
/// </summary>
public static class ReaderSession
{
    public const string Scheme = "Reader";
    public const string CookieName = "astropal.reader";
    public const string LocaleClaim = "astropal:locale";

    public static Task SignInAsync(HttpContext context, Reader reader)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reader);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, reader.Id.ToString("D")), new Claim(LocaleClaim, reader.Locale)],
            Scheme);

        // A browser-session cookie: closing the browser ends it, and the ticket expires after
        // Portal:SessionLifetime without activity in any case.
        return context.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
    }

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(Scheme);

    /// <summary>The signed-in reader's id and locale, or null without a (valid, unexpired) session cookie.</summary>
    public static async Task<(Guid ReaderId, string? Locale)?> ReadAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await context.AuthenticateAsync(Scheme);
        var id = result.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        return result.Succeeded && Guid.TryParse(id, CultureInfo.InvariantCulture, out var readerId)
            ? (readerId, result.Principal!.FindFirstValue(LocaleClaim))
            : null;
    }
}
