using System.Globalization;
using System.Net;
using Astropal.Core.Branding;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Web.Infrastructure.Metrics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
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

    private static ContentHttpResult Show(string token, UnsubscribeTokens tokens, IOptions<BrandOptions> brand, IStringLocalizerFactory localizers)
    {
        var text = Texts(localizers);
        var name = brand.Value.Name;
        if (!tokens.TryRead(token, out _))
        {
            return Invalid(text, name);
        }

        var action = "/u/" + Uri.EscapeDataString(token);
        return Page(
            StatusCodes.Status200OK,
            name,
            text["Title"],
            $"""
            <p>{Encode(text["Question", name])}</p>
            <form method="post" action="{Encode(action)}">
              <input type="hidden" name="List-Unsubscribe" value="One-Click">
              <button type="submit">{Encode(text["Button"])}</button>
            </form>
            """);
    }

    private static async Task<IResult> UnsubscribeAsync(
        string token,
        UnsubscribeTokens tokens,
        IDbContextFactory<AstropalDbContext> dbFactory,
        TimeProvider time,
        IOptions<BrandOptions> brand,
        IStringLocalizerFactory localizers,
        ReaderMetrics metrics,
        CancellationToken cancellationToken)
    {
        var text = Texts(localizers);
        var name = brand.Value.Name;
        if (!tokens.TryRead(token, out var readerId))
        {
            return Invalid(text, name);
        }

        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changed = await db.Readers
            .Where(r => r.Id == readerId && (r.Status == ReaderStatus.Active || r.Status == ReaderStatus.Paused || r.Status == ReaderStatus.Pending))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReaderStatus.Unsubscribed).SetProperty(r => r.UpdatedAt, now), cancellationToken);
        if (changed == 1)
        {
            metrics.Unsubscribed("link");
        }

        // Same answer whether or not the reader was still subscribed: unsubscribing is idempotent.
        return Page(StatusCodes.Status200OK, name, text["DoneTitle"], $"<p>{Encode(text["DoneText", name])}</p>");
    }

    // In the reader's language: the request culture comes from the token (ReaderTokenCultureProvider).
    private static IStringLocalizer Texts(IStringLocalizerFactory localizers) => localizers.Create(typeof(UnsubscribeEndpoints));

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static ContentHttpResult Invalid(IStringLocalizer text, string brandName) => Page(
        StatusCodes.Status400BadRequest,
        brandName,
        text["InvalidTitle"],
        $"<p>{Encode(text["InvalidText"])}</p>");

    private static ContentHttpResult Page(int status, string brandName, string title, string body) => TypedResults.Content(
        $"""
        <!DOCTYPE html>
        <html lang="{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex"><title>{Encode(title)} · {Encode(brandName)}</title></head>
        <body style="font-family:sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem">
        <h1>{Encode(title)}</h1>
        {body}
        </body></html>
        """,
        "text/html; charset=utf-8",
        statusCode: status);
}
