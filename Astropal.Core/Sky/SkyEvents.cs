namespace Astropal.Core.Sky;

/// <summary>Kinds of sky events.</summary>
public enum SkyEventKind
{
    Ingress,
    StationRetrograde,
    StationDirect,
    NewMoon,
    FirstQuarter,
    FullMoon,
    LastQuarter,
}

/// <summary>A sky event.</summary>
/// <param name="Utc">When it happens, UTC to the second.</param>
/// <param name="Kind">What happens.</param>
/// <param name="Body">The body (the Moon for lunar phases).</param>
/// <param name="Sign">For an ingress the sign entered; otherwise the body's sign at the event.</param>
/// <param name="IsRetrograde">For an ingress: true when the body moves back into the previous sign.</param>
/// <param name="Longitude">For an ingress the boundary crossed (a multiple of 30); otherwise the body's longitude.</param>
public sealed record SkyEvent(DateTimeOffset Utc, SkyEventKind Kind, Body Body, ZodiacSign Sign, bool IsRetrograde, double Longitude)
{
    /// <summary>The instant rounded to the nearest minute, as almanacs print it.</summary>
    public DateTimeOffset UtcToMinute => new(
        (long)Math.Round(Utc.UtcTicks / (double)TimeSpan.TicksPerMinute, MidpointRounding.AwayFromZero) * TimeSpan.TicksPerMinute,
        TimeSpan.Zero);
}

/// <summary>
/// Finds sign ingresses (all ten bodies, direct and retrograde), stations (Mercury … Pluto) and the four
/// principal lunar phases in a UTC range, by sampling the apparent longitudes and refining each bracketed
/// event by bisection to well under a second.
/// </summary>
public sealed class SkyEventFinder
{
    private const double MoonStep = 0.25;
    private const double PlanetStep = 1.0;
    private const double StationHalfWidth = 0.05;

    private static readonly SkyEventKind[] PhaseKinds = [SkyEventKind.NewMoon, SkyEventKind.FirstQuarter, SkyEventKind.FullMoon, SkyEventKind.LastQuarter];

    /// <summary>Events with <paramref name="fromUtc"/> ≤ instant &lt; <paramref name="toUtc"/>, in time order.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API of an injected service.")]
    public IReadOnlyList<SkyEvent> Find(DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken = default)
    {
        if (toUtc <= fromUtc)
        {
            return [];
        }

        var start = AstroTime.JulianDay(fromUtc);
        var end = AstroTime.JulianDay(toUtc);
        var events = new List<SkyEvent>();
        foreach (var body in Bodies.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            FindIngresses(body, start, end, events);
            if (body.CanStation())
            {
                FindStations(body, start, end, events);
            }
        }

        FindLunarPhases(start, end, events);
        return events
            .Where(e => e.Utc >= fromUtc && e.Utc < toUtc)
            .OrderBy(e => e.Utc)
            .ThenBy(e => e.Body)
            .ToList();
    }

    private static double Longitude(Body body, double jd)
    {
        EphemerisCore.ComputeBody(body, jd, out var state);
        return state.Longitude;
    }

    private static IEnumerable<(double A, double B)> Steps(double start, double end, double step)
    {
        for (var a = start; a < end; a += step)
        {
            yield return (a, Math.Min(a + step, end));
        }
    }

    private static void FindIngresses(Body body, double start, double end, List<SkyEvent> events)
    {
        var step = body == Body.Moon ? MoonStep : PlanetStep;
        var previous = Longitude(body, start);
        foreach (var (a, b) in Steps(start, end, step))
        {
            var next = Longitude(body, b);
            var fromSign = (int)Math.Floor(previous / 30);
            var toSign = (int)Math.Floor(next / 30);
            if (fromSign != toSign)
            {
                var forward = Angle.Wrap180(next - previous) > 0;
                var boundary = forward ? 30.0 * toSign : 30.0 * fromSign;
                double Offset(double jd) => Angle.Wrap180(Longitude(body, jd) - boundary);
                var jd = RootFinder.Refine(Offset, a, Offset(a), b, Offset(b));
                var entered = forward ? (ZodiacSign)toSign : ((ZodiacSign)fromSign).Previous();
                events.Add(new SkyEvent(RootFinder.ToSecond(jd), SkyEventKind.Ingress, body, entered, !forward, Angle.Normalize(boundary)));
            }

            previous = next;
        }
    }

    private static void FindStations(Body body, double start, double end, List<SkyEvent> events)
    {
        // The rate is the ±0.05 day chord of the apparent longitude, which follows the reference definition
        // (d lon / dt = 0) more closely than the analytic rate near a station.
        double Rate(double jd) => Angle.Wrap180(Longitude(body, jd + StationHalfWidth) - Longitude(body, jd - StationHalfWidth));
        var previous = Rate(start);
        foreach (var (a, b) in Steps(start, end, PlanetStep))
        {
            var next = Rate(b);
            if (previous >= 0 != next >= 0)
            {
                var jd = RootFinder.Refine(Rate, a, previous, b, next);
                var longitude = Longitude(body, jd);
                var kind = previous >= 0 ? SkyEventKind.StationRetrograde : SkyEventKind.StationDirect;
                events.Add(new SkyEvent(RootFinder.ToSecond(jd), kind, body, Zodiac.SignOf(longitude), false, longitude));
            }

            previous = next;
        }
    }

    private static void FindLunarPhases(double start, double end, List<SkyEvent> events)
    {
        double Elongation(double jd) => Angle.Normalize(Longitude(Body.Moon, jd) - Longitude(Body.Sun, jd));
        var previous = Elongation(start);
        foreach (var (a, b) in Steps(start, end, MoonStep))
        {
            var next = Elongation(b);
            for (var quarter = 0; quarter < 4; quarter++)
            {
                var target = 90.0 * quarter;
                var before = Angle.Wrap180(previous - target);
                var after = Angle.Wrap180(next - target);
                if (before < 0 && after >= 0 && after - before < 90)
                {
                    double Offset(double jd) => Angle.Wrap180(Elongation(jd) - target);
                    var jd = RootFinder.Refine(Offset, a, before, b, after);
                    var moon = Longitude(Body.Moon, jd);
                    events.Add(new SkyEvent(RootFinder.ToSecond(jd), PhaseKinds[quarter], Body.Moon, Zodiac.SignOf(moon), false, moon));
                }
            }

            previous = next;
        }
    }
}
