namespace Astropal.Web.Features.Operators;

/// <summary>An operator as the console lists them.</summary>
public sealed record OperatorRow(
    string Id,
    string Email,
    string Role,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset? DisabledAt,
    DateTimeOffset? LockedOutUntil,
    bool TwoFactorEnabled,
    bool HasPassword)
{
    public bool IsDisabled => DisabledAt is not null;
}
