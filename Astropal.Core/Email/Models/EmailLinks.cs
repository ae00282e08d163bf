namespace Astropal.Core.Email.Models;

/// <summary>The footer links of a reader email (SPEC §5): all absolute URLs, each one click.</summary>
public sealed record EmailLinks(
    string PreferencesUrl,
    string UnsubscribeUrl,
    string PrivacyUrl,
    PerspectiveLinks PerspectiveUrls);

/// <summary>One-click "switch to this perspective" URLs, one per <see cref="Readers.PerspectiveId"/>.</summary>
public sealed record PerspectiveLinks(string Calm, string Knowledge, string Success, string Evidence);
