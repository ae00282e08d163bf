using System.Security.Claims;
using Astropal.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Infrastructure.Identity;

/// <summary>Identity's claims plus <see cref="TwoFactorClaim"/> when the operator has an authenticator enrolled.</summary>
public sealed class OperatorClaimsPrincipalFactory(
    UserManager<OperatorUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<OperatorUser, IdentityRole>(userManager, roleManager, options)
{
    /// <summary>Present (value <c>true</c>) on an operator whose account has two-factor authentication turned on.</summary>
    public const string TwoFactorClaim = "astropal:2fa";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(OperatorUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(TwoFactorClaim, "true"));
        }

        return identity;
    }

    public static bool HasTwoFactor(ClaimsPrincipal user) => user?.HasClaim(TwoFactorClaim, "true") ?? false;
}
