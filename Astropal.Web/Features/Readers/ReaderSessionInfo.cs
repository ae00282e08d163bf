namespace Astropal.Web.Features.Readers;

/// <summary>
/// A reader's portal session: who, in which language, and when it was opened from a one-time sign-in
/// link (null when it was opened from the preferences link in an ordinary email, which works for days
/// and may have been forwarded).
/// </summary>
public sealed record ReaderSessionInfo(Guid ReaderId, string? Locale, DateTimeOffset? LinkSignInAt)
{
    /// <summary>How recent a one-time sign-in link must be for the data export and account deletion.</summary>
    public static readonly TimeSpan SensitiveActionWindow = TimeSpan.FromMinutes(15);

    /// <summary>True when the session was opened from a one-time sign-in link within <see cref="SensitiveActionWindow"/> of <paramref name="now"/>.</summary>
    public bool MayExportOrDelete(DateTimeOffset now) =>
        LinkSignInAt is { } at && at <= now && now - at < SensitiveActionWindow;
}
