using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.OperatorApi;

/// <summary>
/// <c>Authorization: Bearer KEY</c> for the operator API. The principal carries the operator's email as its name, their
/// id and their roles, so the console's policies apply unchanged. A missing, unknown or revoked key, or one of a
/// disabled or locked-out operator, is a 401 problem; a role that may not is a 403 problem.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    OperatorApiKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "OperatorApiKey";

    /// <summary>The key's id on the principal (for the audit and for revoking).</summary>
    public const string KeyIdClaim = "astropal:api-key";

    private const string RefusalItem = "astropal.api-key.refusal";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("Send the key as Authorization: Bearer KEY.");
        }

        var (owner, refusal) = await keys.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (owner is null)
        {
            return Fail(refusal ?? "The key is not valid.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, owner.Operator.Id),
            new(ClaimTypes.Name, owner.Operator.Email ?? owner.Operator.UserName ?? owner.Operator.Id),
            new(KeyIdClaim, owner.Key.Id.ToString()),
        };
        claims.AddRange(owner.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var identity = new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private AuthenticateResult Fail(string reason)
    {
        Context.Items[RefusalItem] = reason;
        return AuthenticateResult.Fail(reason);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var detail = Context.Items[RefusalItem] as string ?? "This API needs an operator API key: Authorization: Bearer KEY.";
        Response.Headers.WWWAuthenticate = "Bearer";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "The key's operator has no role that may do this.");

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        var problems = Context.RequestServices.GetRequiredService<IProblemDetailsService>();
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
