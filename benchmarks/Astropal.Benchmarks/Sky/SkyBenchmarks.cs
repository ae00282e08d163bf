using Astropal.Core.Sky;
using BenchmarkDotNet.Attributes;

namespace Astropal.Benchmarks.Sky;

/// <summary>
/// Targets (issue 3): all ten bodies with motion for one instant ≤ 25 µs; a full natal chart with
/// houses and aspects ≤ 50 µs. Run: dotnet run -c Release --project benchmarks/Astropal.Benchmarks -- --filter '*Sky*'
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class SkyBenchmarks
{
    private readonly Ephemeris _ephemeris = new();
    private readonly NatalChartCalculator _natal = new(new Ephemeris(), new HouseCalculator(), new AspectFinder());
    private readonly NatalChartRequest _birth = new(new DateTimeOffset(1990, 7, 14, 8, 30, 0, TimeSpan.Zero), BirthTimeKnown: true, 48.8566, 2.3522);
    private readonly DateTimeOffset _instant = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);
    private readonly BodyState[] _states = new BodyState[Bodies.Count];
    private double _julianDay;

    private readonly TransitFinder _transits = new(new Ephemeris());
    private readonly SkyEventFinder _events = new();
    private NatalChart _chart = null!;

    [GlobalSetup]
    public void Setup()
    {
        _julianDay = AstroTime.JulianDay(_instant);
        _chart = _natal.Compute(_birth);
    }

    [Benchmark(Description = "Ten bodies with motion (core, no result objects)")]
    public double TenBodiesCore()
    {
        EphemerisCore.Compute(_julianDay, _states, out var frame);
        return _states[9].Longitude + frame.PhaseAngle;
    }

    [Benchmark(Description = "Ten bodies with motion (SkySnapshot)")]
    public SkySnapshot TenBodiesSnapshot() => _ephemeris.Compute(_instant);

    [Benchmark(Description = "Natal chart with Placidus houses and aspects")]
    public NatalChart NatalChart() => _natal.Compute(_birth);

    [Benchmark(Description = "Ranked transits for a day, with exact instants")]
    public int TransitsForDay() => _transits.FindForDay(_chart, new DateOnly(2026, 12, 1)).Count;

    [Benchmark(Description = "All events of one month")]
    public int EventsOfMonth() => _events.Find(_instant, _instant.AddMonths(1)).Count;
}
