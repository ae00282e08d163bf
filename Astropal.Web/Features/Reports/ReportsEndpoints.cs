using Microsoft.AspNetCore.Http.HttpResults;

namespace Astropal.Web.Features.Reports;

/// <summary><c>GET /api/ops/reports/{day}</c> on the operator API group.</summary>
public static class ReportsEndpoints
{
    /// <summary>Adds the endpoint to the operator API group (key authentication, console policy, per-call audit).</summary>
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/reports/{day}", ReportAsync).WithName("GetDailyReport")
            .WithSummary("The daily operations report of one UTC day (yyyy-MM-dd, up to today): metrics of the day and the day before against targets, deliveries, late emails, LLM spend, alerts, readers, voices.");
        return group;
    }

    private static async Task<Results<Ok<DailyReport>, ProblemHttpResult>> ReportAsync(
        string day, DailyReportBuilder builder, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (DailyReportPaths.ParseDay(day) is not { } parsed)
        {
            return TypedResults.Problem($"'{day}' is not a day: write it as yyyy-MM-dd, e.g. 2026-12-05.",
                statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (parsed > today)
        {
            return TypedResults.Problem($"There is no report of {day} yet: today is {today:yyyy-MM-dd} (UTC).",
                statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        return TypedResults.Ok(await builder.BuildAsync(parsed, cancellationToken));
    }
}
