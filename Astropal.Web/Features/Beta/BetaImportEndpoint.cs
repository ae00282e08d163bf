using Astropal.Web.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Astropal.Web.Features.Beta;

/// <summary>One entry of an import as the operator API answers it.</summary>
public sealed record BetaImportLineResource(int Index, string Email, string Outcome, string? Detail);

/// <summary>The operator API's answer to a beta import.</summary>
public sealed record BetaImportResource(bool DryRun, bool Succeeded, string Summary, IReadOnlyList<BetaImportLineResource> Entries);

/// <summary><c>POST /api/ops/beta/import</c>: the same import as the command and the console (<see cref="BetaImport"/>).</summary>
public static class BetaImportEndpoint
{
    /// <summary>A beta list is a few entries; a megabyte is far more than any real one.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>Adds the endpoint to the operator API group (key authentication, console policy, per-call audit).</summary>
    public static RouteGroupBuilder MapBetaImport(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/beta/import", ImportAsync)
            .WithName("ImportBetaUsers")
            .WithSummary("Imports beta users: the body is a JSON array in the launch plan's BETA_USERS shape (email, perspective, focusAreas, locale, optional name). "
                + "?dryRun=true only says what would happen. A bad entry refuses the whole file (400, with index and field); nothing is stored or sent.")
            .Accepts<BetaUserEntry[]>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        return group;
    }

    private static async Task<Results<Ok<BetaImportResource>, ProblemHttpResult>> ImportAsync(
        HttpContext context, BetaImport import, CancellationToken cancellationToken, bool dryRun = false)
    {
        var result = await import.ImportAsync(context.Request.Body, "api", dryRun, AuditLog.ActorOf(context.User), cancellationToken);
        if (result.Error is { } error)
        {
            return TypedResults.Problem(
                error.ToString(),
                statusCode: StatusCodes.Status400BadRequest,
                title: "The beta file has a mistake; nothing was stored or sent.",
                extensions: new Dictionary<string, object?> { ["index"] = error.Index, ["field"] = error.Field });
        }

        return TypedResults.Ok(new BetaImportResource(
            result.DryRun,
            result.Succeeded,
            result.Summary(),
            result.Entries.Select(e => new BetaImportLineResource(e.Index, e.Email, Slug(e.Outcome), e.Detail)).ToList()));
    }

    /// <summary><c>AlreadyInvited</c> → <c>already-invited</c>.</summary>
    internal static string Slug(BetaImportOutcome outcome) =>
        string.Concat(outcome.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
