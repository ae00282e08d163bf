using Astropal.Data;

namespace Astropal.Web.Features.Status;

/// <summary>
/// Per component per UTC day: the worst state shown and the minutes not operational (any state but operational, under
/// maintenance included), from the recorded changes. Days before a component's first record have no state.
/// </summary>
public static class StatusUptime
{
    public const int Days = 90;

    /// <summary>
    /// The <see cref="Days"/> days ending today (oldest first) of one component, from its state when the window opened
    /// (<paramref name="initial"/>, null when unknown) and its changes inside the window, in time order.
    /// </summary>
    public static IReadOnlyList<StatusDay> Bars(ComponentState? initial, IEnumerable<(ComponentState State, DateTimeOffset At)> changes, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var first = today.AddDays(-(Days - 1));
        var start = Start(first);
        var segments = new List<(ComponentState? State, DateTimeOffset From, DateTimeOffset To)>();
        var state = initial;
        var from = start;
        foreach (var (next, at) in changes.Where(c => c.At >= start && c.At <= now).OrderBy(c => c.At))
        {
            segments.Add((state, from, at));
            state = next;
            from = at;
        }

        segments.Add((state, from, now));
        var days = new List<StatusDay>(Days);
        for (var day = first; day <= today; day = day.AddDays(1))
        {
            var dayStart = Start(day);
            var dayEnd = dayStart.AddDays(1);
            ComponentState? worst = null;
            var down = 0.0;
            for (var i = 0; i < segments.Count; i++)
            {
                var (s, segFrom, segTo) = segments[i];
                var overlapFrom = segFrom > dayStart ? segFrom : dayStart;
                var overlapTo = segTo < dayEnd ? segTo : dayEnd;

                // The current state counts on its day even at the instant it began.
                var current = i == segments.Count - 1 && segFrom >= dayStart && segFrom < dayEnd;
                if (s is not { } known || (overlapTo <= overlapFrom && !current))
                {
                    continue;
                }

                worst = worst is { } w ? StatusStates.Worst(w, known) : known;
                if (known != ComponentState.Operational)
                {
                    down += Math.Max(0, (overlapTo - overlapFrom).TotalMinutes);
                }
            }

            days.Add(new StatusDay(day, worst, (int)Math.Round(down, MidpointRounding.AwayFromZero)));
        }

        return days;
    }

    /// <summary>The first instant of the window for <paramref name="now"/>.</summary>
    public static DateTimeOffset WindowStart(DateTimeOffset now) => Start(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-(Days - 1)));

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
