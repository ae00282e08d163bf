using Astropal.Core.Readers;

namespace Astropal.Core.Email.Models;

/// <summary>The footer links of a reader email (SPEC §5): all absolute URLs, each one click.</summary>
public sealed record EmailLinks(
    string PreferencesUrl,
    string UnsubscribeUrl,
    string PrivacyUrl,
    PerspectiveLinks PerspectiveUrls);

/// <summary>One-click "switch to this perspective" URLs, one per <see cref="PerspectiveId"/>.</summary>
public sealed record PerspectiveLinks(string Calm, string Knowledge, string Success, string Evidence)
{
    /// <summary>The four links from one rule, e.g. <c>p =&gt; $"{site}/me/perspective/{p.Slug}?t={token}"</c>.</summary>
    public static PerspectiveLinks Create(Func<Perspective, string> url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new(url(Perspective.Calm), url(Perspective.Knowledge), url(Perspective.Success), url(Perspective.Evidence));
    }
}
