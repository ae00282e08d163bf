using System.Globalization;
using Astropal.Data;
using Astropal.Web.Features.Operators;
using Astropal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Account;

public static class AccountEndpoints
{
    /// <summary>The whole body of a refused sign-in: the same for every account, known or not.</summary>
    public const string TooManyAttemptsMessage = "Too many sign-in attempts from your network. Try again later.";

    public static WebApplication MapAstropalAccount(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(ThrottleSignInAsync);
        app.Use(RequireTwoFactorAsync);

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

    // Before the password (or code) is even looked at: an address past its failed attempts gets 429 and one
    // fixed body, whichever account it names, so the answer tells nothing about the account.
    private static async Task ThrottleSignInAsync(HttpContext context, Func<Task> next)
    {
        if (HttpMethods.IsPost(context.Request.Method)
            && (context.Request.Path.Equals(IdentitySetup.SignInPath, StringComparison.OrdinalIgnoreCase)
                || context.Request.Path.Equals(IdentitySetup.TwoFactorSignInPath, StringComparison.OrdinalIgnoreCase))
            && context.RequestServices.GetRequiredService<SignInThrottle>().RetryAfter(context.Connection.RemoteIpAddress) is { } wait)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(TooManyAttemptsMessage, context.RequestAborted);
            return;
        }

        await next();
    }

    // Outside Development (or with Operators:RequireTwoFactor = true) an operator without an authenticator
    // reaches no console page: they are sent to enrol first.
    private static Task RequireTwoFactorAsync(HttpContext context, Func<Task> next)
    {
        if (context.Request.Path.StartsWithSegments("/ops", StringComparison.OrdinalIgnoreCase)
            && context.User.Identity?.IsAuthenticated == true
            && !OperatorClaimsPrincipalFactory.HasTwoFactor(context.User)
            && context.RequestServices.GetRequiredService<IOptions<OperatorOptions>>().Value
                .TwoFactorRequiredIn(context.RequestServices.GetRequiredService<IHostEnvironment>()))
        {
            var returnUrl = context.Request.Path + context.Request.QueryString;
            context.Response.Redirect($"{IdentitySetup.TwoFactorPath}?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
            return Task.CompletedTask;
        }

        return next();
    }
}
