using System.Text.Json;
using System.Text.Json.Serialization;
using Astropal.Core.Sky;

namespace Astropal.Core.Readers;

/// <summary>
/// The natal chart as stored on the reader (computed once, at confirmation). Versioned JSON so a
/// later change of the model can read old rows. Nothing time-dependent is stored when the birth
/// time is unknown.
/// </summary>
public sealed record StoredNatalChart(
    int Version,
    DateTimeOffset Utc,
    bool BirthTimeKnown,
    bool BirthTimeWasAdjusted,
    string TimeZoneId,
    double Latitude,
    double Longitude,
    IReadOnlyList<StoredBody> Bodies,
    double? Ascendant,
    double? Midheaven,
    IReadOnlyList<double>? PlacidusCusps,
    bool IsMoonSignCertain)
{
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static StoredNatalChart From(BirthChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var natal = chart.Chart;
        return new StoredNatalChart(
            CurrentVersion,
            chart.Moment.UtcInstant,
            natal.BirthTimeKnown,
            chart.Moment.WasInGap || chart.Moment.WasAmbiguous,
            chart.Birth.TimeZoneId,
            chart.Birth.Latitude,
            chart.Birth.Longitude,
            natal.Positions.Select(p => new StoredBody(p.Body, Math.Round(p.Longitude, 6), Math.Round(p.DailyMotion, 6))).ToList(),
            natal.Ascendant is { } asc ? Math.Round(asc, 6) : null,
            natal.Midheaven is { } mc ? Math.Round(mc, 6) : null,
            natal.Houses?.PlacidusCusps?.Select(c => Math.Round(c, 6)).ToList(),
            natal.IsMoonSignCertain);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>
    /// The chart back from storage, without the ephemeris: the stored positions, the houses of the stored instant
    /// and place (when the birth time is known) and the aspects among its points.
    /// </summary>
    public NatalChart ToNatalChart()
    {
        if (Bodies.Count != Sky.Bodies.All.Count)
        {
            throw new JsonException($"The stored natal chart has {Bodies.Count} bodies; {Sky.Bodies.All.Count} are expected.");
        }

        var positions = Sky.Bodies.All
            .Select(body => Bodies.FirstOrDefault(b => b.Body == body) ?? throw new JsonException($"The stored natal chart lacks {body}."))
            .Select(b => new BodyPosition(b.Body, b.Longitude, b.DailyMotion))
            .ToList();
        var houses = BirthTimeKnown ? new HouseCalculator().Compute(Utc, Latitude, Longitude) : null;
        var chart = new NatalChart(new NatalChartRequest(Utc, BirthTimeKnown, Latitude, Longitude), positions, houses, [], IsMoonSignCertain);
        return chart with { Aspects = new AspectFinder().Find(chart.Points()).OrderBy(a => a.Orb).ToList() };
    }

    public static StoredNatalChart FromJson(string json)
    {
        var chart = JsonSerializer.Deserialize<StoredNatalChart>(json, Json)
            ?? throw new JsonException("The stored natal chart is empty.");
        return chart.Version == CurrentVersion
            ? chart
            : throw new JsonException($"Stored natal chart version {chart.Version} is not readable by version {CurrentVersion}.");
    }
}

public sealed record StoredBody(
    [property: JsonConverter(typeof(JsonStringEnumConverter<Body>))] Body Body,
    double Longitude,
    double DailyMotion);
