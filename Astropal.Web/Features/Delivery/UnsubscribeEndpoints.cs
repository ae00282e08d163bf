using System.Net;
using Astropal.Core.Branding;
using Astropal.Core.Readers;
using Astropal.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Delivery;

/// <summary>
/// <c>POST /u/{token}</c>: RFC 8058 one-click unsubscribe (the mail client posts
/// <c>List-Unsubscribe=One-Click</c>; no antiforgery, since the signed token is the proof).
/// <c>GET /u/{token}</c>: a page with a button, because mail scanners follow GETs.
/// </summary>
public static class UnsubscribeEndpoints
{
    public static IEndpointRouteBuilder MapUnsubscribe(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/u/{token}", Show).AllowAnonymous();
        endpoints.MapPost("/u/{token}", UnsubscribeAsync).AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }

    private static ContentHttpResult Show(string token, UnsubscribeTokens tokens, IOptions<BrandOptions> brand)
    {
        var name = WebUtility.HtmlEncode(brand.Value.Name);
        if (!tokens.TryRead(token, out _))
        {
            return Invalid(name);
        }

        var action = "/u/" + Uri.EscapeDataString(token);
        return Page(
            StatusCodes.Status200OK,
            name,
            "Unsubscribe",
            $"""
            <p>Stop all {name} emails to this address?</p>
            <form method="post" action="{WebUtility.HtmlEncode(action)}">
              <input type="hidden" name="List-Unsubscribe" value="One-Click">
              <button type="submit">Unsubscribe</button>
            </form>
            """);
    }

    private static async Task<IResult> UnsubscribeAsync(
        string token, UnsubscribeTokens tokens, IDbContextFactory<AstropalDbContext> dbFactory, TimeProvider time, IOptions<BrandOptions> brand, CancellationToken cancellationToken)
    {
        var name = WebUtility.HtmlEncode(brand.Value.Name);
        if (!tokens.TryRead(token, out var readerId))
        {
            return Invalid(name);
        }

        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Readers
            .Where(r => r.Id == readerId && (r.Status == ReaderStatus.Active || r.Status == ReaderStatus.Paused || r.Status == ReaderStatus.Pending))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReaderStatus.Unsubscribed).SetProperty(r => r.UpdatedAt, now), cancellationToken);

        // Same answer whether or not the reader was still subscribed: unsubscribing is idempotent.
        return Page(StatusCodes.Status200OK, name, "You are unsubscribed", $"<p>You will get no more {name} emails at this address.</p>");
    }

    private static ContentHttpResult Invalid(string name) => Page(
        StatusCodes.Status400BadRequest,
        name,
        "This unsubscribe link is not valid",
        "<p>The link is incomplete or was not issued by us. Use the unsubscribe link at the bottom of one of our emails, or reply to it and we will unsubscribe you by hand.</p>");

    private static ContentHttpResult Page(int status, string brandName, string title, string body) => TypedResults.Content(
        $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex"><title>{title} · {brandName}</title></head>
        <body style="font-family:sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem">
        <h1>{title}</h1>
        {body}
        </body></html>
        """,
        "text/html; charset=utf-8",
        statusCode: status);
}
