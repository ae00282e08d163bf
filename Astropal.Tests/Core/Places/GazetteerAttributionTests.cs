using Astropal.Core.Places;

namespace Astropal.Tests.Core.Places;

public sealed class GazetteerAttributionTests
{
    [Fact]
    public void Attribution_names_both_sources_and_their_licences_as_the_gazetteer_requires()
    {
        Assert.Equal(
            "City data © GeoNames (geonames.org), licensed under CC BY 4.0 (creativecommons.org/licenses/by/4.0). Filtered and extended with ASCII names and time zones.\n"
            + "Time zone boundaries from timezone-boundary-builder, © OpenStreetMap contributors, available under the Open Database License (opendatacommons.org/licenses/odbl).",
            GazetteerAttribution.Text);
    }
}
