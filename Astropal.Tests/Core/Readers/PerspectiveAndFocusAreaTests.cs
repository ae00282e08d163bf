using Astropal.Core.Readers;

namespace Astropal.Tests.Core.Readers;

public sealed class PerspectiveAndFocusAreaTests
{
    [Fact]
    public void Perspectives_and_focus_areas_parse_from_their_slugs_only()
    {
        Assert.True(Perspective.TryParse("Evidence", out var evidence));
        Assert.Equal(PerspectiveId.Evidence, evidence.Id);
        Assert.False(Perspective.TryParse("stoic", out _));
        Assert.True(FocusArea.TryParse("evidence-based", out var focus));
        Assert.Equal(FocusAreaId.EvidenceBased, focus.Id);
        Assert.False(FocusArea.TryParse("money", out _));
    }
}
