using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Astropal.Web.Features.Reports;

public static class ReportsSetup
{
    /// <summary>The daily operations report: <c>Reports</c> options (validated at startup), the builder and the sender.</summary>
    public static IHostApplicationBuilder AddAstropalReports(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ReportsOptions>()
            .BindConfiguration(ReportsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton<DailyReportBuilder>();
        builder.Services.TryAddSingleton<DailyReportSender>();
        return builder;
    }
}
