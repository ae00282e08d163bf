using Astropal.Data;
using Astropal.Web.Features.Operators;
using Astropal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Astropal.Web.Features.Account;

public static class AccountEndpoints
{
    public static WebApplication MapAstropalAccount(this WebApplication app)
    {
        // A POST with an antiforgery token (the [FromForm] parameter turns validation on):
        // a GET sign-out link could be triggered by any page.
        app.MapPost(IdentitySetup.SignOutPath, async (
            HttpContext context,
            [FromServices] SignInManager<OperatorUser> signInManager,
            [FromServices] OperatorAccounts accounts,
            [FromForm] string? returnUrl) =>
        {
            var email = context.User.Identity?.Name;
            await signInManager.SignOutAsync();
            if (email is not null)
            {
                await accounts.RecordAsync(email, "operator.signed-out", null, null, context.RequestAborted);
            }

            return TypedResults.LocalRedirect(IdentitySetup.SignInPath);
        });
        return app;
    }
}
