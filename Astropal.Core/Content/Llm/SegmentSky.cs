using Astropal.Core.Sky;

namespace Astropal.Core.Content.Llm;

/// <summary>
/// The sky a shared segment may speak of. A segment is read on one local date in every zone, and that date
/// starts earliest at UTC+14 and ends latest at UTC−12; a claim must be true for both of those days (and for
/// UTC, which the prompt's facts are taken from), so it is true for every reader of the segment.
/// </summary>
public sealed record SegmentSky(DailySky Reference, DailySky Earliest, DailySky Latest)
{
    public const string ReferenceZone = "Etc/UTC";
    public const string EarliestZone = "Etc/GMT-14";
    public const string LatestZone = "Etc/GMT+12";

    public static SegmentSky Compute(DailySkyCalculator calculator, DateOnly localDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        return new SegmentSky(
            calculator.Compute(localDate, ReferenceZone, cancellationToken),
            calculator.Compute(localDate, EarliestZone, cancellationToken),
            calculator.Compute(localDate, LatestZone, cancellationToken));
    }

    private IEnumerable<DailySky> All => [Earliest, Reference, Latest];

    /// <summary>Every problem <see cref="ContentValidator"/> finds against any of the three days, once each.</summary>
    public IReadOnlyList<string> Validate(GeneratedContent content, ContentLocale locale) =>
        All.SelectMany(sky => ContentValidator.Validate(content, sky, locale))
            .Select(p => p.Replace($" on {Reference.LocalDate:yyyy-MM-dd}", "", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The body's sign when it is the same for every reader of the date, else null.</summary>
    public ZodiacSign? SafeSign(Body body)
    {
        var sign = Reference.Noon[body].Sign;
        return All.All(sky => ContentValidator.AllowedSigns(body, sky).Contains(sign)) ? sign : null;
    }

    /// <summary>Whether every reader of the date may read that the body is retrograde.</summary>
    public bool SafeRetrograde(Body body) => All.All(sky => ContentValidator.RetrogradeAllowed(body, sky));

    /// <summary>The Moon's phase name when it holds for every reader of the date, else null.</summary>
    public MoonPhaseName? SafePhase()
    {
        var phase = Reference.Noon.Moon.Name;
        return All.All(sky => ContentValidator.AllowedPhases(sky).Contains(phase)) ? phase : null;
    }
}
