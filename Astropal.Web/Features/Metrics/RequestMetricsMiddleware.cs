using System.Diagnostics;

namespace Astropal.Web.Features.Metrics;

/// <summary>
/// Times every request into <see cref="RequestMinuteRecorder"/>, except the Blazor circuit, static files and the
/// probe and scrape endpoints (<c>/_blazor</c>, <c>/_framework</c>, <c>/_content</c>, files with an extension,
/// <c>/metrics</c>, <c>/healthz</c>, <c>/readyz</c>).
/// </summary>
public sealed class RequestMetricsMiddleware(RequestDelegate next, RequestMinuteRecorder recorder)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsExcluded(context.Request.Path))
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            var status = failed && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            recorder.Record(status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    public static bool IsExcluded(PathString path)
    {
        if (path.StartsWithSegments("/_blazor") || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content")
            || path.StartsWithSegments("/metrics") || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz"))
        {
            return true;
        }

        var value = path.Value ?? "";
        var lastSegment = value[(value.LastIndexOf('/') + 1)..];
        return lastSegment.Contains('.', StringComparison.Ordinal);
    }
}
