using System.Text;
using Astropal.Web.Features.Readers;

namespace Astropal.Web.Features.Billing;

/// <summary>
/// The billing endpoints that are not pages: the reader's form posts <c>POST /me/billing/checkout</c> (field <c>plan</c>)
/// and <c>POST /me/billing/portal</c> (antiforgery and a reader session; without one, the reader is sent to sign in),
/// each answering 303 to Stripe; and Stripe's <c>POST /webhooks/stripe</c>.
/// </summary>
public static class BillingEndpoints
{
    public static IEndpointRouteBuilder MapBillingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // Form posts: the IFormCollection parameter turns antiforgery validation on.
        endpoints.MapPost(BillingPaths.Checkout, async (HttpContext context, IFormCollection form, BillingCheckout checkout) =>
        {
            if (await ReaderSession.ReadAsync(context) is not { } session)
            {
                return TypedResults.LocalRedirect(PortalPaths.LinkFor("plans"));
            }

            return Answer(context, await checkout.StartAsync(session.ReaderId, form["plan"].ToString(), context.RequestAborted));
        });
        endpoints.MapPost(BillingPaths.Portal, async (HttpContext context, IFormCollection form, BillingCheckout checkout) =>
        {
            if (await ReaderSession.ReadAsync(context) is not { } session)
            {
                return TypedResults.LocalRedirect(PortalPaths.LinkFor("signed-out"));
            }

            return Answer(context, await checkout.PortalAsync(session.ReaderId, context.RequestAborted));
        });

        endpoints.MapPost(StripeWebhook.Path, (HttpRequest request, StripeWebhook webhook, CancellationToken cancellationToken) => webhook.HandleAsync(request, cancellationToken))
            .AllowAnonymous()
            .DisableAntiforgery();
        return endpoints;
    }

    /// <summary>303 See Other to Stripe (the form's POST becomes a GET there), or the problem as text.</summary>
    private static IResult Answer(HttpContext context, CheckoutResult result)
    {
        if (result.RedirectUrl is { } url)
        {
            context.Response.Headers.Location = url;
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
        }

        return TypedResults.Text(result.Problem, "text/plain", Encoding.UTF8, result.ProblemStatus);
    }
}
