using Astropal.Data;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Jobs;
using Astropal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Features.OperatorApi;

/// <summary>
/// The operator API under <c>/api/ops</c>: API-key authentication only (never the console cookie), the console's
/// policies, problem details for errors, and an audit entry (<c>api.get</c>, <c>api.post</c>, ...) for every call
/// that passed authorization.
/// </summary>
public static class OperatorApiEndpoints
{
    public const string Prefix = "/api/ops";
    public const int MaxPageSize = 100;

    /// <summary>The authorization every operator API endpoint needs at least: an operator (Admin or Operator) by API key.</summary>
    public static AuthorizeAttribute Console { get; } = new(OperatorPolicies.Console) { AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName };

    /// <summary>Maps the group and its endpoints; returns the group so another feature can add its own (e.g. beta import).</summary>
    public static RouteGroupBuilder MapOperatorApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix)
            .RequireAuthorization(Console)
            .WithTags("Operator API")
            .AddEndpointFilter(AuditCallAsync)
            .DisableAntiforgery();

        group.MapGet("/readers", FindReadersAsync).WithName("FindReaders")
            .WithSummary("Readers by exact email (?email=), by part of an email or name (?search=), or all; paged (?page=1&pageSize=50).");
        group.MapGet("/readers/{id:guid}", GetReaderAsync).WithName("GetReader").WithSummary("One reader.");
        group.MapGet("/jobs", ListJobsAsync).WithName("ListJobs").WithSummary("Every scheduled job with its schedule, pause, last and next run.");
        group.MapPost("/jobs/pause", PauseJobsAsync).WithName("PauseJobs")
            .WithSummary("Pauses one job ({\"job\": NAME}) or all ({\"all\": true}); a reason is required. Holds across instances and restarts.");
        group.MapPost("/jobs/resume", ResumeJobsAsync).WithName("ResumeJobs").WithSummary("Resumes one job ({\"job\": NAME}) or all ({\"all\": true}).");
        group.MapGet("/audit", ReadAuditAsync).WithName("ReadAudit")
            .WithSummary("The audit log, newest first; filter by ?action= and ?actor=; paged.");
        return group;
    }

    private static async ValueTask<object?> AuditCallAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        var outcome = result is INestedHttpResult nested ? nested.Result : result;
        var status = outcome is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
        var verb = http.Request.Method.ToUpperInvariant() switch
        {
            "GET" => "get",
            "POST" => "post",
            "PUT" => "put",
            "PATCH" => "patch",
            "DELETE" => "delete",
            _ => "call",
        };
        var audit = http.RequestServices.GetRequiredService<AuditLog>();
        await audit.RecordAsync(AuditLog.ActorOf(http.User), "api." + verb, $"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}",
            $"status {status}", CancellationToken.None);
        return result;
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    private static string? CheckPage(int page, int pageSize) =>
        page < 1 ? "page counts from 1."
        : pageSize is < 1 or > MaxPageSize ? $"pageSize must be between 1 and {MaxPageSize}."
        : null;

    private static async Task<Results<Ok<PagedResult<ReaderResource>>, ProblemHttpResult>> FindReadersAsync(
        OperatorApiReaders readers, CancellationToken cancellationToken, string? email = null, string? search = null, int page = 1, int pageSize = 50)
    {
        if (!string.IsNullOrWhiteSpace(email) && !string.IsNullOrWhiteSpace(search))
        {
            return BadRequest("Give email (an exact address) or search (part of an address or name), not both.");
        }

        if (CheckPage(page, pageSize) is { } error)
        {
            return BadRequest(error);
        }

        return TypedResults.Ok(await readers.FindAsync(email, search, page, pageSize, cancellationToken));
    }

    private static async Task<Results<Ok<ReaderResource>, ProblemHttpResult>> GetReaderAsync(
        Guid id, OperatorApiReaders readers, CancellationToken cancellationToken) =>
        await readers.GetAsync(id, cancellationToken) is { } reader
            ? TypedResults.Ok(reader)
            : TypedResults.Problem($"There is no reader {id}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static async Task<Ok<IReadOnlyList<JobResource>>> ListJobsAsync(JobControl control, CancellationToken cancellationToken)
    {
        var jobs = await control.ListAsync(cancellationToken);
        IReadOnlyList<JobResource> list = jobs.Select(j => new JobResource(
            j.Job.Name, j.Job.Id, j.Job.Schedule, j.Job.Purpose,
            j.IsPaused, j.Pause?.JobKey == JobPause.AllJobs, j.Pause?.Reason, j.Pause?.PausedBy, j.Pause?.PausedAt,
            j.LastRun?.LastStartedAt, j.LastRun?.LastFinishedAt, j.LastRun?.LastOutcome, j.LastRun?.LastError,
            j.LastDuration?.TotalSeconds, j.NextRunAt)).ToList();
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<JobChangeResult>, ProblemHttpResult>> PauseJobsAsync(
        JobChangeRequest request, JobPauses pauses, HttpContext context, CancellationToken cancellationToken)
    {
        if (Target(request) is { Error: { } error })
        {
            return BadRequest(error);
        }

        return Outcome(await pauses.PauseAsync(request.All ? null : request.Job, request.Reason, AuditLog.ActorOf(context.User), cancellationToken));
    }

    private static async Task<Results<Ok<JobChangeResult>, ProblemHttpResult>> ResumeJobsAsync(
        JobChangeRequest request, JobPauses pauses, HttpContext context, CancellationToken cancellationToken)
    {
        if (Target(request) is { Error: { } error })
        {
            return BadRequest(error);
        }

        return Outcome(await pauses.ResumeAsync(request.All ? null : request.Job, AuditLog.ActorOf(context.User), cancellationToken));
    }

    private static (bool Ok, string? Error) Target(JobChangeRequest request) =>
        (request.All, string.IsNullOrWhiteSpace(request.Job)) switch
        {
            (true, true) or (false, false) => (true, null),
            (true, false) => (false, "Give either \"all\": true or a \"job\", not both."),
            _ => (false, $"Give \"all\": true or a \"job\" ({JobCatalog.Names})."),
        };

    private static Results<Ok<JobChangeResult>, ProblemHttpResult> Outcome(JobChangeResult result) =>
        result.Succeeded ? TypedResults.Ok(result) : BadRequest(result.Message);

    private static async Task<Results<Ok<PagedResult<AuditEntryResource>>, ProblemHttpResult>> ReadAuditAsync(
        IDbContextFactory<AstropalDbContext> dbFactory, CancellationToken cancellationToken,
        string? action = null, string? actor = null, int page = 1, int pageSize = 50)
    {
        if (CheckPage(page, pageSize) is { } error)
        {
            return BadRequest(error);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        IQueryable<AuditEntry> query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(action))
        {
            query = query.Where(e => e.Action == action.Trim());
        }

        if (!string.IsNullOrWhiteSpace(actor))
        {
            query = query.Where(e => e.Actor == actor.Trim());
        }

        var total = await query.CountAsync(cancellationToken);
        var entries = await query.OrderByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new AuditEntryResource(e.Id, e.At, e.Actor, e.Action, e.Target, e.Detail)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<AuditEntryResource>(entries, page, pageSize, total));
    }
}
