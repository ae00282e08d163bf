using Astropal.Core.Sky;
using Astropal.Web.Infrastructure.Cli;

namespace Astropal.Web.Features.Sky;

public static class SkySetup
{
    /// <summary>The ephemeris, houses, aspects, transits, events and natal charts, and the <c>sky</c> command.</summary>
    public static IHostApplicationBuilder AddAstropalSky(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSkyCalculations();
        builder.Services.AddSingleton<ICliCommand, SkyCommand>();
        return builder;
    }
}
