using Astropal.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Infrastructure.Identity;

/// <summary>Identity's sign-in with one rule more: a disabled operator (<see cref="OperatorUser.DisabledAt"/>) cannot sign in, and their cookie stops validating.</summary>
public sealed class OperatorSignInManager(
    UserManager<OperatorUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<OperatorUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<OperatorUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<OperatorUser> confirmation)
    : SignInManager<OperatorUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(OperatorUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.DisabledAt is null && await base.CanSignInAsync(user);
    }

    public override async Task<OperatorUser?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { DisabledAt: null } ? user : null;
    }
}
