using Astropal.Core.Readers;

namespace Astropal.Web.Features.Beta;

/// <summary>Whether an invitation link still works.</summary>
public enum InvitationState
{
    Valid,
    /// <summary>No such token: mistyped, tampered with, or from another installation.</summary>
    Unknown,
    Expired,
    /// <summary>Used already (the reader completed the sign-up), or the reader is no longer invited.</summary>
    Used,
}

/// <summary>An invitation as the sign-up page shows it: what it fills in, when it is <see cref="InvitationState.Valid"/>.</summary>
public sealed record InvitationLookup(
    InvitationState State,
    long TokenId = 0,
    Guid ReaderId = default,
    string? Email = null,
    string? Name = null,
    PerspectiveId Perspective = PerspectiveId.Calm,
    IReadOnlyList<FocusAreaId>? FocusAreas = null,
    string Locale = SupportedLocales.Default);
