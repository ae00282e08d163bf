using Astropal.Core.Places;

namespace Astropal.Tests.Core.Places;

public sealed class TimeZoneResolverTests(GazetteerFixture fixture) : IClassFixture<GazetteerFixture>
{
    private readonly TimeZoneResolver resolver = new();

    [Fact]
    public void Every_zone_used_by_the_gazetteer_resolves_on_this_runtime()
    {
        var unresolved = fixture.Gazetteer.TimeZoneIds.Where(id => !resolver.TryResolve(id, out _)).ToList();

        Assert.Empty(unresolved);
    }

    [Fact]
    public void Every_fallback_zone_resolves_on_this_runtime()
    {
        Assert.Equal(14, resolver.Fallbacks.Count);
        Assert.All(resolver.Fallbacks.Values, id => Assert.Equal(id, TimeZoneInfo.FindSystemTimeZoneById(id).Id));
    }

    [Fact]
    public void Returns_the_zone_with_its_historical_rules()
    {
        var kolkata = resolver.Resolve("Asia/Kolkata");

        Assert.Equal("Asia/Kolkata", kolkata.Id);
        Assert.Equal(TimeSpan.FromHours(5.5), kolkata.BaseUtcOffset);
    }

    [Fact]
    public void Uses_the_fallback_when_the_runtime_lacks_the_zone()
    {
        var asked = new List<string>();
        var oldTzdata = new TimeZoneResolver(
            TimeZoneResolver.LoadEmbeddedFallbacks(),
            id =>
            {
                asked.Add(id);
                return id == "America/Coyhaique" ? null : TimeZoneInfo.FindSystemTimeZoneById(id);
            });

        var zone = oldTzdata.Resolve("America/Coyhaique");

        Assert.Equal("America/Santiago", zone.Id);
        Assert.Equal(["America/Coyhaique", "America/Santiago"], asked);
    }

    [Fact]
    public void Names_the_zone_and_its_fallback_when_neither_resolves()
    {
        var empty = new TimeZoneResolver(TimeZoneResolver.LoadEmbeddedFallbacks(), _ => null);

        var error = Assert.Throws<TimeZoneNotFoundException>(() => empty.Resolve("Europe/Kyiv"));

        Assert.Contains("'Europe/Kyiv'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Europe/Kiev'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_the_zone_when_it_is_unknown_and_has_no_fallback()
    {
        var error = Assert.Throws<TimeZoneNotFoundException>(() => resolver.Resolve("Mars/Olympus_Mons"));

        Assert.Contains("'Mars/Olympus_Mons'", error.Message, StringComparison.Ordinal);
        Assert.False(resolver.TryResolve("Mars/Olympus_Mons", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/localtime")]
    [InlineData("Europe/Paris\0")]
    [InlineData("Europe Paris")]
    public void Rejects_what_is_not_an_iana_id(string id)
    {
        Assert.ThrowsAny<ArgumentException>(() => resolver.Resolve(id));
        Assert.False(resolver.TryResolve(id, out _));
    }
}
