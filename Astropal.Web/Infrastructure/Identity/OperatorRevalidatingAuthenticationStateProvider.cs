using System.Security.Claims;
using Astropal.Data;
using Astropal.Web.Features.Operators;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Infrastructure.Identity;

/// <summary>
/// Checks an open console circuit's operator every <c>Operators:RevalidateInterval</c>: a disabled operator, a
/// deleted one, one whose security stamp changed (password, 2FA or role change, disabling) or, where two-factor is
/// required, one who signed in without it loses the circuit's authentication, and the console sends them to sign in.
/// </summary>
public sealed class OperatorRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<OperatorOptions> options,
    IHostEnvironment environment)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidateInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        if (options.Value.TwoFactorRequiredIn(environment) && !OperatorClaimsPrincipalFactory.HasTwoFactor(authenticationState.User))
        {
            return false;
        }

        // A framework integration: the circuit outlives any request scope, so each check takes its own.
        await using var scope = scopeFactory.CreateAsyncScope();
        return await IsStillValidAsync(scope.ServiceProvider.GetRequiredService<UserManager<OperatorUser>>(), authenticationState.User, cancellationToken);
    }

    internal static async Task<bool> IsStillValidAsync(UserManager<OperatorUser> users, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var user = await users.GetUserAsync(principal);
        if (user is null || user.DisabledAt is not null)
        {
            return false;
        }

        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }

        var stamp = principal.FindFirstValue(users.Options.ClaimsIdentity.SecurityStampClaimType);
        return string.Equals(stamp, await users.GetSecurityStampAsync(user), StringComparison.Ordinal);
    }
}
