using Astropal.Core.Places;

namespace Astropal.Tests.Core.Places;

/// <summary>One loaded gazetteer shared by the tests of a class (loading takes a fraction of a second).</summary>
public sealed class GazetteerFixture
{
    public Gazetteer Gazetteer { get; } = CreateLoaded();

    private static Gazetteer CreateLoaded()
    {
        var gazetteer = new Gazetteer();
        gazetteer.EnsureLoaded();
        return gazetteer;
    }
}
