using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Astropal.Core.Branding;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Delivery;

public static class TrackingEndpoints
{
    // A transparent 1×1 GIF.
    private static readonly byte[] Pixel = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static IEndpointRouteBuilder MapTracking(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/t/o/{token}", OpenAsync).AllowAnonymous();
        endpoints.MapGet("/t/c/{token}", ClickAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<FileContentHttpResult> OpenAsync(
        string token, TrackingLinks tracking, EngagementRecorder engagement, HttpContext context, CancellationToken cancellationToken)
    {
        if (tracking.TryRead(token, out var deliveryId, out _))
        {
            await engagement.RecordAsync(deliveryId, EngagementKind.Open, null, context.Request.Headers.UserAgent.ToString(), cancellationToken);
        }

        // The pixel is served either way: a mail client shows nothing broken.
        return TypedResults.File(Pixel, "image/gif");
    }

    private static async Task<Results<RedirectHttpResult, ContentHttpResult>> ClickAsync(
        string token, TrackingLinks tracking, EngagementRecorder engagement, HttpContext context, CancellationToken cancellationToken)
    {
        if (!tracking.TryRead(token, out var deliveryId, out var url)
            || !Uri.TryCreate(url, UriKind.Absolute, out var target)
            || (target.Scheme != Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttp))
        {
            return TypedResults.Content(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Link not valid</title></head><body><h1>This link is not valid</h1><p>It is incomplete or was not in one of our emails.</p></body></html>",
                "text/html; charset=utf-8",
                statusCode: StatusCodes.Status400BadRequest);
        }

        await engagement.RecordAsync(deliveryId, EngagementKind.Click, target.AbsoluteUri, context.Request.Headers.UserAgent.ToString(), cancellationToken);
        return TypedResults.Redirect(target.AbsoluteUri);
    }
}
