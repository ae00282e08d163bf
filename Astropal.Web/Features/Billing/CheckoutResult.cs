namespace Astropal.Web.Features.Billing;

/// <summary>What a checkout or portal request came to: a URL to send the reader to, or a problem to tell them.</summary>
public sealed record CheckoutResult(string? RedirectUrl, int ProblemStatus, string? Problem)
{
    public static CheckoutResult Redirect(string url) => new(url, 0, null);

    public static CheckoutResult Fail(int status, string problem) => new(null, status, problem);
}
