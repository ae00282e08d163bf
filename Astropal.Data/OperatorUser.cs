using Microsoft.AspNetCore.Identity;

namespace Astropal.Data;

/// <summary>A person who signs in to the operator console. Readers are not Identity users.</summary>
public sealed class OperatorUser : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>Set when an Admin disables the account: no sign-in, sessions end, API keys stop working.</summary>
    public DateTimeOffset? DisabledAt { get; set; }
}
