using Astropal.Web.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Astropal.Web.Features.Alerts;

/// <summary><c>GET /api/ops/alerts</c>, <c>POST /api/ops/alerts/{id}/acknowledge</c>, <c>/silence</c> and <c>/unsilence</c> on the operator API group.</summary>
public static class AlertsEndpoints
{
    /// <summary>Adds the endpoints to the operator API group (key authentication, console policy, per-call audit).</summary>
    public static RouteGroupBuilder MapAlertsApi(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/alerts", ListAsync).WithName("GetAlerts")
            .WithSummary("Open alert episodes (pending, firing) and those resolved in the last 7 days, newest first, with rule, metric, severity, state, value, threshold, times, acknowledgement, silence and timeline.");
        group.MapPost("/alerts/{id:long}/acknowledge", AcknowledgeAsync).WithName("AcknowledgeAlert")
            .WithSummary("Acknowledges a firing episode: no more reminders. Audited as alert.acknowledged. 409 if it is not firing or already acknowledged.");
        group.MapPost("/alerts/{id:long}/silence", SilenceAsync).WithName("SilenceAlert")
            .WithSummary("Silences an open episode until {\"until\": ISO 8601} (in the future, at most 7 days ahead): no reminders before then. Audited as alert.silenced.");
        group.MapPost("/alerts/{id:long}/unsilence", UnsilenceAsync).WithName("UnsilenceAlert")
            .WithSummary("Ends an episode's silence. Audited as alert.unsilenced.");
        return group;
    }

    private static async Task<Ok<AlertsResource>> ListAsync(AlertOperations operations, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var episodes = await operations.EpisodesAsync(cancellationToken);
        return TypedResults.Ok(new AlertsResource(now, episodes.Select(e => AlertEpisodeResource.From(e, now)).ToList()));
    }

    private static async Task<Results<Ok<AlertEpisodeResource>, ProblemHttpResult>> AcknowledgeAsync(
        long id, AlertOperations operations, TimeProvider clock, HttpContext context, CancellationToken cancellationToken) =>
        await AnswerAsync(id, await operations.AcknowledgeAsync(id, AuditLog.ActorOf(context.User), cancellationToken), operations, clock, StatusCodes.Status409Conflict, cancellationToken);

    private static async Task<Results<Ok<AlertEpisodeResource>, ProblemHttpResult>> SilenceAsync(
        long id, AlertSilenceRequest request, AlertOperations operations, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        if (request.Until is not { } until)
        {
            return TypedResults.Problem("Give \"until\": the end of the silence as an ISO 8601 time, e.g. 2026-12-02T08:00:00Z.", statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
        }

        var outcome = await operations.SilenceAsync(id, until, AuditLog.ActorOf(context.User), cancellationToken);
        return await AnswerAsync(id, outcome, operations, clock, outcome.Error?.StartsWith("This alert", StringComparison.Ordinal) == true ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest, cancellationToken);
    }

    private static async Task<Results<Ok<AlertEpisodeResource>, ProblemHttpResult>> UnsilenceAsync(
        long id, AlertOperations operations, TimeProvider clock, HttpContext context, CancellationToken cancellationToken) =>
        await AnswerAsync(id, await operations.UnsilenceAsync(id, AuditLog.ActorOf(context.User), cancellationToken), operations, clock, StatusCodes.Status409Conflict, cancellationToken);

    private static async Task<Results<Ok<AlertEpisodeResource>, ProblemHttpResult>> AnswerAsync(
        long id, AlertActionOutcome outcome, AlertOperations operations, TimeProvider clock, int refusedStatus, CancellationToken cancellationToken)
    {
        if (!outcome.Found)
        {
            return TypedResults.Problem(outcome.Error, statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        if (outcome.Error is { } error)
        {
            return TypedResults.Problem(error, statusCode: refusedStatus, title: refusedStatus == StatusCodes.Status409Conflict ? "Conflict" : "Bad request");
        }

        var episode = await operations.FindAsync(id, cancellationToken);
        return TypedResults.Ok(AlertEpisodeResource.From(episode!, clock.GetUtcNow()));
    }
}
