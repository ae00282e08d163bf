using System.Globalization;
using System.Threading.RateLimiting;
using Astropal.Core.Readers.Signup;
using Astropal.Web.Features.Beta;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Astropal.Web.Infrastructure.Metrics;

namespace Astropal.Web.Features.Readers;

public static class ReadersSetup
{
    public const int MaxSignupBodyBytes = 16 * 1024;

    public static IHostApplicationBuilder AddAstropalReaders(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddAstropalReaderPortal();
        var services = builder.Services;
        services.AddAstropalMeters();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SignupValidator>();
        services.AddScoped<SignupService>();
        services.AddHttpContextAccessor();
        services.AddScoped<ClientAddress>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, ClientAddressCircuitHandler>());
        services.AddSingleton<SignupRequestLimiter>();
        services.AddSingleton<ConfirmationEmailCap>();
        services.AddSingleton<ReaderEmailBacklog>();
        services.AddHostedService<ReaderEmailWorker>();
        services.AddScoped<ConfirmationService>();
        services.AddScoped<WelcomeEmail>();
        services.AddSingleton<ReaderTokenPurge>();
        services.AddTransient<ReaderTokenPurgeJob>();
        services.AddInactivityNotice();
        services.TryAddSingleton<Delivery.LedgerRows>();
        services.TryAddScoped<InactiveReaderPurge>();
        services.AddProblemDetails();

        // Behind a reverse proxy the client address comes from X-Forwarded-For; only proxies in
        // KnownProxies/KnownNetworks are believed (loopback by default).
        services.Configure<ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

        // The sign-up limits live in SignupService (SignupRequestLimiter, ConfirmationEmailCap), so the
        // /start page meets them as the API does; the rate limiter middleware stays for app-wide policies.
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromHours(1);
                context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds(retryAfter);
                return ValueTask.CompletedTask;
            };
        });
        return builder;
    }

    /// <summary>
    /// <c>Privacy</c> options (validated at startup) and the inactivity notice's renderer, which the delivery composer
    /// needs too (hosts with delivery but not the readers feature call this through the delivery setup). Registered once.
    /// </summary>
    public static IServiceCollection AddInactivityNotice(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(InactivityNotice)))
        {
            return services;
        }

        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InactivityNotice>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Delivery.IOneOffEmailComposer, InactivityNotice>(sp => sp.GetRequiredService<InactivityNotice>()));
        return services;
    }

    public static WebApplication MapAstropalReaders(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapAstropalReaderPortal();
        app.MapPost("/api/readers", SignUpAsync)
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

    internal const string TryLaterAnswer = "Too many sign-ups just now. Nothing was saved; please try again later.";

    internal const string InvitationAnswer =
        "Welcome! Your subscription is active; the welcome email is on its way and your first reading arrives the next morning.";

    private static async Task<IResult> SignUpAsync(SignupRequest request, SignupService signups, HttpContext context)
    {
        var outcome = await signups.SignUpAsync(request, context.RequestAborted);
        switch (outcome)
        {
            case SignupOutcome.Invalid invalid:
                return TypedResults.ValidationProblem(invalid.Errors, title: "The sign-up has mistakes.");
            case SignupOutcome.TryLater later:
                context.Response.Headers.RetryAfter = RetryAfterSeconds(later.RetryAfter);
                return TypedResults.Problem(TryLaterAnswer, statusCode: StatusCodes.Status429TooManyRequests);
            case InvitationAccepted accepted:
                return TypedResults.Ok(new { status = "active", message = InvitationAnswer, welcomeSent = accepted.WelcomeSent });
            default:
                return TypedResults.Accepted((string?)null, new { status = "check-your-inbox", message = NeutralAnswer });
        }
    }
}
