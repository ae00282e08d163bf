using Astropal.Web.Infrastructure.Cli;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace Astropal.Web.Features.Jobs;

public static class JobsSetup
{
    /// <summary>The pause state, the job list and run-now, the Quartz listeners and the <c>jobs</c> command.</summary>
    public static IHostApplicationBuilder AddAstropalJobs(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton<JobPauses>();
        services.TryAddSingleton<JobRunRecorder>();
        services.TryAddSingleton<JobPauseVeto>();
        services.TryAddScoped<JobControl>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ICliCommand, JobsCommand>());
        return builder;
    }

    /// <summary>Called by the scheduler setup: every run is checked against the pause state and recorded.</summary>
    public static IQuartzBuilder AddJobListeners(this IQuartzBuilder quartz)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        quartz.AddTriggerListener(sp => sp.GetRequiredService<JobPauseVeto>());
        quartz.AddJobListener(sp => sp.GetRequiredService<JobRunRecorder>());
        return quartz;
    }
}
