using System.Globalization;
using System.Threading.RateLimiting;
using Astropal.Core.Readers.Signup;
using Astropal.Web.Features.Beta;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Readers;

public static class ReadersSetup
{
    public const string SignupPolicy = "signup-per-ip";
    public const int MaxSignupBodyBytes = 16 * 1024;

    public static IHostApplicationBuilder AddAstropalReaders(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddAstropalReaderPortal();
        var services = builder.Services;
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SignupValidator>();
        services.AddScoped<SignupService>();
        services.AddScoped<ConfirmationService>();
        services.AddScoped<WelcomeEmail>();
        services.AddSingleton<ReaderTokenPurge>();
        services.AddTransient<ReaderTokenPurgeJob>();
        services.AddProblemDetails();

        // Behind a reverse proxy the client address comes from X-Forwarded-For; only proxies in
        // KnownProxies/KnownNetworks are believed (loopback by default).
        services.Configure<ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignupPolicy, context =>
            {
                var perHour = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.SignupsPerIpPerHour;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 });
            });
            limiter.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromHours(1);
                context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds(retryAfter);
                return ValueTask.CompletedTask;
            };
        });
        return builder;
    }

    public static WebApplication MapAstropalReaders(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapAstropalReaderPortal();
        app.MapPost("/api/readers", SignUpAsync)
            .RequireRateLimiting(SignupPolicy)
            .WithMetadata(new RequestSizeLimitAttribute(MaxSignupBodyBytes))
            .DisableAntiforgery()
            .WithName("SignUp");
        return app;
    }

    /// <summary>Retry-After in whole seconds, rounded up so a client never retries too early.</summary>
    private static string RetryAfterSeconds(TimeSpan wait) =>
        ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    internal const string NeutralAnswer =
        "Thanks! If this address can subscribe, a confirmation link is on its way. Check your inbox (and spam folder).";

    internal const string InvitationAnswer =
        "Welcome! Your subscription is active; the welcome email is on its way and your first reading arrives the next morning.";

    private static async Task<IResult> SignUpAsync(SignupRequest request, SignupService signups, HttpContext context)
    {
        var outcome = await signups.SignUpAsync(request, context.RequestAborted);
        switch (outcome)
        {
            case SignupOutcome.Invalid invalid:
                return TypedResults.ValidationProblem(invalid.Errors, title: "The sign-up has mistakes.");
            case SignupOutcome.TooManyForAddress tooMany:
                context.Response.Headers.RetryAfter = RetryAfterSeconds(tooMany.RetryAfter);
                return TypedResults.Problem("This address was signed up recently. Use the link in that email, or try again later.",
                    statusCode: StatusCodes.Status429TooManyRequests);
            case InvitationAccepted accepted:
                return TypedResults.Ok(new { status = "active", message = InvitationAnswer, welcomeSent = accepted.WelcomeSent });
            case SignupOutcome.EmailUnavailable:
                return TypedResults.Problem("We could not send the confirmation email just now. Nothing was saved; please try again in a few minutes.",
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            default:
                return TypedResults.Accepted((string?)null, new { status = "check-your-inbox", message = NeutralAnswer });
        }
    }
}
