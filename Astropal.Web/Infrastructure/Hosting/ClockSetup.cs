using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Astropal.Web.Infrastructure.Hosting;

public static class ClockSetup
{
    /// <summary>
    /// The one clock of the app and its CLI: the system <see cref="TimeProvider"/>, unless a host (a test, a
    /// benchmark) registered its own first.
    /// </summary>
    public static IHostApplicationBuilder AddAstropalClock(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
