using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Status;

public static class StatusSetup
{
    /// <summary>Output-cache policy of the rendered <c>/status</c> pages: per language, evicted at every snapshot rebuild.</summary>
    public const string PagePolicy = "status-page";

    /// <summary>
    /// The status page: <c>Status</c> options (validated at startup), the component catalog, the derivation of each
    /// component's state, the updater behind <see cref="IStatusRefresh"/> and the in-memory public snapshot.
    /// </summary>
    public static IHostApplicationBuilder AddAstropalStatus(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<StatusOptions>().BindConfiguration(StatusOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StatusOptions>, StatusOptionsValidator>());
        services.TryAddSingleton<StatusComponentCatalog>();
        services.AddHealthChecks();
        services.TryAddSingleton<StatusDerivation>();
        services.TryAddSingleton<StatusSnapshotBuilder>();
        services.TryAddSingleton<StatusSnapshotStore>();
        services.TryAddSingleton<StatusUpdater>();
        services.TryAddSingleton<IStatusRefresh>(sp => sp.GetRequiredService<StatusUpdater>());
        services.AddOutputCache(o => o.AddPolicy(PagePolicy, policy => policy
            .Expire(TimeSpan.FromMinutes(5))
            .Tag(StatusSnapshotStore.CacheTag)
            .SetVaryByQuery("culture")
            .VaryByValue(_ => new KeyValuePair<string, string>("lang", CultureInfo.CurrentUICulture.Name))));

        return builder;
    }

    /// <summary>The public outputs: <c>/status.json</c>, <c>/status/history.json</c>, <c>/status/feed.atom</c> (the pages are Razor components).</summary>
    public static WebApplication MapAstropalStatus(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(IsStatusPage, page => page.Use(DropAntiforgeryCookie));
        app.UseOutputCache();
        app.MapGet("/status.json", (StatusSnapshotStore store, HttpContext context) => WriteAsync(context, store, s => s.SummaryJson, "application/json; charset=utf-8"))
            .WithName("StatusSummary").ExcludeFromDescription();
        app.MapGet("/status/history.json", (StatusSnapshotStore store, HttpContext context) => WriteAsync(context, store, s => s.HistoryJson, "application/json; charset=utf-8"))
            .WithName("StatusHistory").ExcludeFromDescription();
        app.MapGet("/status/feed.atom", (StatusSnapshotStore store, HttpContext context) => WriteAsync(context, store, s => s.AtomFeed, "application/atom+xml; charset=utf-8"))
            .WithName("StatusFeed").ExcludeFromDescription();
        return app;
    }

    private static bool IsStatusPage(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && (context.Request.Path.Equals("/status", StringComparison.OrdinalIgnoreCase) || context.Request.Path.Equals("/status/history", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The Blazor endpoint issues an antiforgery cookie with every page; the status pages have no form, and a response that
    /// sets a cookie is never output-cached, so that cookie is dropped from them (a language switch's cookie stays, and
    /// that response is not cached).
    /// </summary>
    private static Task DropAntiforgeryCookie(HttpContext context, RequestDelegate next)
    {
        var cookie = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>>().Value.Cookie.Name ?? ".AspNetCore.Antiforgery.";
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var kept = headers.SetCookie.Where(c => c is not null && !c.StartsWith(cookie, StringComparison.Ordinal)).ToArray();
            if (kept.Length != headers.SetCookie.Count)
            {
                headers.SetCookie = kept;
                headers.CacheControl = "no-cache";
                headers.Pragma = Microsoft.Extensions.Primitives.StringValues.Empty;
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    private static async Task WriteAsync(HttpContext context, StatusSnapshotStore store, Func<StatusSnapshot, byte[]> body, string contentType)
    {
        var snapshot = await store.GetAsync(context.RequestAborted);
        var bytes = body(snapshot);
        context.Response.ContentType = contentType;
        context.Response.Headers.CacheControl = "public, max-age=10";
        context.Response.Headers.AccessControlAllowOrigin = "*";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }
}
