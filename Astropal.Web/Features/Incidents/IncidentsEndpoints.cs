using System.Globalization;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Status;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Astropal.Web.Features.Incidents;

/// <summary>
/// <c>/api/ops/incidents</c> and <c>/api/ops/maintenance</c> on the operator API group. Refused input answers 400 with a
/// validation problem naming the field and the reason (nothing changed); an unknown id answers 404.
/// </summary>
public static class IncidentsEndpoints
{
    public static RouteGroupBuilder MapIncidentsApi(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/incidents", ListAsync).WithName("ListIncidents")
            .WithSummary("Open incidents (newest first), then those resolved in the last 90 days; ?status=open or ?status=resolved narrows the list.");
        group.MapPost("/incidents", OpenAsync).WithName("OpenIncident")
            .WithSummary("Opens an incident: {\"title\", \"severity\": \"P1\"..\"P4\", \"status\", \"message\", \"components\": {\"<component name>\": \"<component status>\"}, \"notifyReaders\": false}. 201 with the incident. A P1 or P2 notifies the alert channels. Audited as incident.opened.");
        group.MapGet("/incidents/{id:long}", GetAsync).WithName("GetIncident")
            .WithSummary("One incident with its public updates, components, internal notes, alert episode links and post-mortem (operator-only).");
        group.MapPost("/incidents/{id:long}/updates", PostUpdateAsync).WithName("PostIncidentUpdate")
            .WithSummary("Posts a public update {\"status\", \"message\", \"components\"}: the status only moves forward (investigating → identified → monitoring → resolved) or stays; a resolved incident reopens within 7 days. 200 with the incident.");
        group.MapGet("/maintenance", ListMaintenanceAsync).WithName("ListMaintenance")
            .WithSummary("Active and upcoming maintenance windows, then past and cancelled ones of the last 90 days.");
        group.MapPost("/maintenance", ScheduleMaintenanceAsync).WithName("ScheduleMaintenance")
            .WithSummary("Schedules a maintenance window {\"title\", \"message\", \"startsAt\", \"endsAt\" (UTC, end after start), \"components\": [names]}. 201 with the window. Audited as maintenance.scheduled.");
        group.MapPost("/maintenance/{id:long}/cancel", CancelMaintenanceAsync).WithName("CancelMaintenance")
            .WithSummary("Cancels a maintenance window that has not ended. Audited as maintenance.cancelled.");
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<IncidentResource>>, ValidationProblem>> ListAsync(
        IncidentService incidents, StatusComponentCatalog catalog, CancellationToken cancellationToken, string? status = null)
    {
        IncidentListFilter filter;
        switch (status?.Trim().ToLowerInvariant())
        {
            case null or "":
                filter = IncidentListFilter.All;
                break;
            case "open":
                filter = IncidentListFilter.Open;
                break;
            case "resolved":
                filter = IncidentListFilter.Resolved;
                break;
            default:
                return Invalid(new Dictionary<string, string[]> { ["status"] = [$"'{status}' is not a filter; use status=open or status=resolved."] });
        }

        IReadOnlyList<IncidentResource> list = (await incidents.ListAsync(filter, cancellationToken)).Select(i => IncidentResource.From(i, catalog)).ToList();
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Created<IncidentResource>, ValidationProblem>> OpenAsync(
        IncidentOpenRequest request, IncidentService incidents, StatusComponentCatalog catalog, HttpContext context, CancellationToken cancellationToken)
    {
        var outcome = await incidents.OpenAsync(
            new IncidentDraft(request.Title, request.Severity, request.Status, request.Message, request.Components, request.AlertEpisodeIds,
                request.NotifyReaders ? ReaderNoticeAudience.AllActive : null),
            AuditLog.ActorOf(context.User), cancellationToken);
        if (!outcome.Succeeded)
        {
            return Invalid(outcome.Errors, outcome.Message);
        }

        var incident = await incidents.FindAsync(outcome.Id!.Value, cancellationToken);
        return TypedResults.Created(IncidentPath(outcome.Id.Value), IncidentResource.From(incident!, catalog));
    }

    private static async Task<Results<Ok<IncidentResource>, ProblemHttpResult>> GetAsync(
        long id, IncidentService incidents, StatusComponentCatalog catalog, CancellationToken cancellationToken) =>
        await incidents.FindAsync(id, cancellationToken) is { } incident
            ? TypedResults.Ok(IncidentResource.From(incident, catalog))
            : NotFound(string.Create(CultureInfo.InvariantCulture, $"There is no incident {id}."));

    private static async Task<Results<Ok<IncidentResource>, ValidationProblem, ProblemHttpResult>> PostUpdateAsync(
        long id, IncidentUpdateRequest request, IncidentService incidents, StatusComponentCatalog catalog, HttpContext context, CancellationToken cancellationToken)
    {
        var outcome = await incidents.PostUpdateAsync(id, new IncidentUpdateDraft(request.Status, request.Message, request.Components),
            AuditLog.ActorOf(context.User), cancellationToken);
        if (!outcome.Found)
        {
            return NotFound(outcome.Message);
        }

        if (!outcome.Succeeded)
        {
            return Invalid(outcome.Errors, outcome.Message);
        }

        var incident = await incidents.FindAsync(id, cancellationToken);
        return TypedResults.Ok(IncidentResource.From(incident!, catalog));
    }

    private static async Task<Ok<IReadOnlyList<MaintenanceResource>>> ListMaintenanceAsync(
        MaintenanceService maintenance, StatusComponentCatalog catalog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<MaintenanceResource> list = (await maintenance.ListAsync(cancellationToken)).Select(m => MaintenanceResource.From(m, catalog, now)).ToList();
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Created<MaintenanceResource>, ValidationProblem>> ScheduleMaintenanceAsync(
        MaintenanceRequest request, MaintenanceService maintenance, StatusComponentCatalog catalog, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var outcome = await maintenance.ScheduleAsync(
            new MaintenanceDraft(request.Title, request.Message, request.StartsAt, request.EndsAt, request.Components),
            AuditLog.ActorOf(context.User), cancellationToken);
        if (!outcome.Succeeded)
        {
            return Invalid(outcome.Errors, outcome.Message);
        }

        var window = await maintenance.FindAsync(outcome.Id!.Value, cancellationToken);
        return TypedResults.Created(
            OperatorApi.OperatorApiEndpoints.Prefix + "/maintenance/" + outcome.Id.Value.ToString(CultureInfo.InvariantCulture),
            MaintenanceResource.From(window!, catalog, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<MaintenanceResource>, ValidationProblem, ProblemHttpResult>> CancelMaintenanceAsync(
        long id, MaintenanceService maintenance, StatusComponentCatalog catalog, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var outcome = await maintenance.CancelAsync(id, AuditLog.ActorOf(context.User), cancellationToken);
        if (!outcome.Found)
        {
            return NotFound(outcome.Message);
        }

        if (!outcome.Succeeded)
        {
            return Invalid(outcome.Errors, outcome.Message);
        }

        var window = await maintenance.FindAsync(id, cancellationToken);
        return TypedResults.Ok(MaintenanceResource.From(window!, catalog, clock.GetUtcNow()));
    }

    private static string IncidentPath(long id) =>
        OperatorApi.OperatorApiEndpoints.Prefix + "/incidents/" + id.ToString(CultureInfo.InvariantCulture);

    private static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(e => e.Key, e => e.Value),
            detail: detail ?? string.Join(" ", errors.SelectMany(e => e.Value)),
            title: "The request was refused; nothing was changed.");

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
