using Astropal.Core.Places;

namespace Astropal.Web.Features.Places;

public static class PlacesSetup
{
    /// <summary>The gazetteer (preloaded in the background at start), time-zone resolution and birth-time conversion.</summary>
    public static IHostApplicationBuilder AddAstropalPlaces(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAstropalPlaces();
        return builder;
    }
}
