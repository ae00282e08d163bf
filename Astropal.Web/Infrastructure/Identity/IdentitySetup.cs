using Astropal.Data;
using Astropal.Web.Features.Operators;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Infrastructure.Identity;

public static class IdentitySetup
{
    public const string SignInPath = "/account/sign-in";
    public const string SignOutPath = "/account/sign-out";
    public const string AccessDeniedPath = "/account/access-denied";
    public const string TwoFactorSignInPath = "/account/sign-in/two-factor";
    public const string TwoFactorPath = "/account/two-factor";
    public const string SetPasswordPath = "/account/set-password";

    public static IHostApplicationBuilder AddAstropalIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        // Open console circuits re-check their operator (disabled, security stamp) every Operators:RevalidateInterval.
        services.AddScoped<AuthenticationStateProvider, OperatorRevalidatingAuthenticationStateProvider>();
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<OperatorOptions>>((o, operators) => o.ValidationInterval = operators.Value.RevalidateInterval);
        // The set-password link of an operator invitation is Identity's password reset token.
        services.AddOptions<DataProtectionTokenProviderOptions>()
            .Configure<IOptions<OperatorOptions>>((o, operators) => o.TokenLifespan = operators.Value.InvitationLifetime);
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "astropal.ops";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // outside Development: always Secure, named __Host-astropal.ops (SiteCookies)
            cookie.LoginPath = SignInPath;
            cookie.LogoutPath = SignOutPath;
            cookie.AccessDeniedPath = AccessDeniedPath;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(OperatorPolicies.Console, p => p.RequireRole(OperatorRoles.Admin, OperatorRoles.Operator))
            .AddPolicy(OperatorPolicies.Admin, p => p.RequireRole(OperatorRoles.Admin));

        services.AddIdentityCore<OperatorUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AstropalDbContext>()
            .AddSignInManager<OperatorSignInManager>()
            .AddClaimsPrincipalFactory<OperatorClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        return builder;
    }
}
