using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Core.Sky;

namespace Astropal.Tests.Core.Content;

/// <summary>The reader email composer takes the natal chart stored at confirmation instead of casting it again.</summary>
public sealed class ReaderNatalChartTests
{
    private static readonly DateOnly Day = new(2026, 12, 1);

    private static readonly EmailLinks Links = new(
        "https://astropal.test/preferences",
        "https://astropal.test/u/token",
        "https://astropal.test/privacy",
        PerspectiveLinks.Create(p => $"https://astropal.test/p/{p.Slug}"));

    [Theory]
    [InlineData(8, 30)]
    [InlineData(null, null)]
    public async Task The_stored_chart_gives_the_chart_a_fresh_cast_gives(int? hour, int? minute)
    {
        var birthTime = hour is { } h ? new TimeOnly(h, minute!.Value) : (TimeOnly?)null;
        var withoutStored = ContentTestKit.Reader(birthTime: birthTime);
        var withStored = ContentTestKit.Reader(birthTime: birthTime);
        withStored.NatalChartJson = StoredNatalChart.From(ContentTestKit.BirthCharts.Compute(
            new BirthData(withStored.BirthDate!.Value, birthTime, withStored.BirthLatitude!.Value, withStored.BirthLongitude!.Value, withStored.BirthTimeZone!))).ToJson();

        var cast = ContentTestKit.ReaderComposer.RequestFor(withoutStored, Day).Natal;
        var stored = ContentTestKit.ReaderComposer.RequestFor(withStored, Day).Natal;

        Assert.Equal(cast.Request, stored.Request);
        Assert.Equal(cast.BirthTimeKnown, stored.BirthTimeKnown);
        Assert.Equal(cast.IsMoonSignCertain, stored.IsMoonSignCertain);
        Assert.All(Enum.GetValues<Body>(), body =>
        {
            Assert.Equal(cast[body].Longitude, stored[body].Longitude, 1e-6);
            Assert.Equal(cast[body].DailyMotion, stored[body].DailyMotion, 1e-6);
            Assert.Equal(cast.HouseOf(body), stored.HouseOf(body));
        });
        Assert.Equal(cast.Ascendant, stored.Ascendant);
        Assert.Equal(cast.Houses?.Cusps, stored.Houses?.Cusps);
        Assert.Equal(
            cast.Aspects.Select(a => (a.First, a.Second, a.Type)),
            stored.Aspects.Select(a => (a.First, a.Second, a.Type)));
        var fromCast = await ContentTestKit.ReaderComposer.ComposeAsync(withoutStored, EmailTemplate.Daily, Day, Links, CancellationToken.None);
        var fromStored = await ContentTestKit.ReaderComposer.ComposeAsync(withStored, EmailTemplate.Daily, Day, Links, CancellationToken.None);
        Assert.Equal(fromCast.Text, fromStored.Text);
    }

    [Fact]
    public void The_stored_chart_is_used_rather_than_the_birth_fields()
    {
        var reader = ContentTestKit.Reader(birthTime: new TimeOnly(8, 30));
        // Stored for another birthday: what the composer uses must be the stored chart, not a new cast.
        var other = ContentTestKit.BirthCharts.Compute(new BirthData(new DateOnly(1971, 11, 3), new TimeOnly(23, 10), 51.5, -0.12, "Europe/London"));
        reader.NatalChartJson = StoredNatalChart.From(other).ToJson();

        var natal = ContentTestKit.ReaderComposer.RequestFor(reader, Day).Natal;

        Assert.Equal(other.Chart[Body.Sun].Longitude, natal[Body.Sun].Longitude, 1e-6);
        Assert.Equal(other.Chart.Ascendant!.Value, natal.Ascendant!.Value, 1e-9);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"version\":99,\"bodies\":[]}")]
    public void An_unreadable_stored_chart_is_cast_again_from_the_birth_fields(string json)
    {
        var reader = ContentTestKit.Reader(birthTime: new TimeOnly(8, 30));
        var expected = ContentTestKit.ReaderComposer.RequestFor(reader, Day).Natal;
        reader.NatalChartJson = json;

        var natal = ContentTestKit.ReaderComposer.RequestFor(reader, Day).Natal;

        Assert.Equal(expected[Body.Sun].Longitude, natal[Body.Sun].Longitude);
        Assert.Equal(expected.Ascendant, natal.Ascendant);
    }
}
