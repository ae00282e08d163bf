using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Infrastructure.Security;

/// <summary>
/// Every public endpoint under a per-client-IP limit (<see cref="PublicRateLimitOptions"/>): one global
/// limiter of ASP.NET Core rate limiting, partitioned by (kind of endpoint, client IP), fixed one-minute
/// windows, answering 429 with <c>Retry-After</c>. Static files and the Blazor circuit are not limited. The
/// client IP is the connection's, or X-Forwarded-For's from a known proxy (<see cref="ForwardedHeadersSetup"/>).
/// Named policies of features (the sign-up limit) apply on top.
/// </summary>
public static class PublicRateLimits
{
    /// <summary>Largest webhook body accepted (<c>/webhooks/*</c>).</summary>
    public const long MaxWebhookBodyBytes = 256 * 1024;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IHostApplicationBuilder AddAstropalRateLimits(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<PublicRateLimitOptions>()
            .BindConfiguration(PublicRateLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The same RateLimiterOptions that AddRateLimiter (ReadersSetup) configures: this adds the global limiter.
        services.Configure<RateLimiterOptions>(o => o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, (string Kind, string Client)>(Partition));
        services.PostConfigure<RateLimiterOptions>(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var earlier = o.OnRejected;
            o.OnRejected = async (context, cancellationToken) =>
            {
                if (earlier is not null)
                {
                    await earlier(context, cancellationToken);
                }

                var response = context.HttpContext.Response;
                if (string.IsNullOrEmpty(response.Headers.RetryAfter))
                {
                    var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : Window;
                    response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                // A body of its own, so the friendly status pages leave the 429 as it is.
                if (!response.HasStarted)
                {
                    response.ContentType = "text/plain; charset=utf-8";
                    await response.WriteAsync($"Too many requests. Try again in {response.Headers.RetryAfter} seconds.", cancellationToken);
                }
            };
        });
        return builder;
    }

    /// <summary>The kind of endpoint a path belongs to, or null when it is not limited (static files, Blazor's circuit).</summary>
    public static string? KindOf(PathString path)
    {
        if (path.StartsWithSegments("/_blazor") || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content"))
        {
            return null;
        }

        if (path.StartsWithSegments("/u"))
        {
            return "unsubscribe";
        }

        if (path.StartsWithSegments("/t"))
        {
            return "tracking";
        }

        if (path.StartsWithSegments("/webhooks"))
        {
            return "webhooks";
        }

        // Probes and the Prometheus scrape (a few a minute) share the machine endpoints' bucket.
        if (path.StartsWithSegments("/readyz") || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/metrics"))
        {
            return "health";
        }

        if (path.StartsWithSegments("/account"))
        {
            return "sign-in";
        }

        // The public status page and its feeds are served from memory and polled by monitors and widgets.
        if (path.StartsWithSegments("/status") || path.Equals("/status.json", StringComparison.OrdinalIgnoreCase))
        {
            return "status";
        }

        if (path.StartsWithSegments("/start/confirm"))
        {
            return "confirm";
        }

        if (path.StartsWithSegments("/me"))
        {
            return "portal";
        }

        // Static files (app.css, brand/logo.svg, favicon.png…): no page or endpoint has a dot in its last segment.
        return Path.HasExtension(path.Value) ? null : "pages";
    }

    /// <summary>
    /// <c>/webhooks/*</c> bodies are capped at <see cref="MaxWebhookBodyBytes"/>: a larger declared length is
    /// refused at once (413), a chunked body is cut off by the server when it grows past the cap.
    /// </summary>
    public static WebApplication UseAstropalWebhookBodyLimit(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/webhooks"), webhooks => webhooks.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > MaxWebhookBodyBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("Too large.", context.RequestAborted);
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxWebhookBodyBytes;
            }

            await next(context);
        }));
        return app;
    }

    private static RateLimitPartition<(string Kind, string Client)> Partition(HttpContext context)
    {
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (KindOf(context.Request.Path) is not { } kind)
        {
            return RateLimitPartition.GetNoLimiter(("none", client));
        }

        var limits = context.RequestServices.GetRequiredService<IOptions<PublicRateLimitOptions>>().Value;
        var permits = kind switch
        {
            "unsubscribe" => limits.UnsubscribePerIpPerMinute,
            "tracking" => limits.TrackingPerIpPerMinute,
            "webhooks" => limits.WebhooksPerIpPerMinute,
            "health" => limits.HealthPerIpPerMinute,
            "sign-in" => limits.SignInPerIpPerMinute,
            "confirm" => limits.ConfirmPerIpPerMinute,
            "portal" => limits.PortalPerIpPerMinute,
            "status" => limits.StatusPerIpPerMinute,
            _ => limits.PagesPerIpPerMinute,
        };
        return RateLimitPartition.GetFixedWindowLimiter((kind, client), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
