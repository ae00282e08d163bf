using Astropal.Data;
using Astropal.Web.Features.Status;

namespace Astropal.Tests.Web.Status;

/// <summary>The 90-day bars: per UTC day, the worst state shown and the minutes not operational.</summary>
public sealed class StatusUptimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_day_shows_its_worst_state_and_the_minutes_spent_in_any_other_state_than_operational()
    {
        var days = StatusUptime.Bars(
            ComponentState.Operational,
            [
                (ComponentState.DegradedPerformance, Now.AddDays(-1).AddHours(-2)),
                (ComponentState.MajorOutage, Now.AddDays(-1).AddHours(-1)),
                (ComponentState.Operational, Now.AddDays(-1).AddHours(-0.5)),
                (ComponentState.PartialOutage, Now.AddMinutes(-10)),
            ],
            Now);

        Assert.Equal(StatusUptime.Days, days.Count);
        Assert.Equal(new DateOnly(2026, 12, 5), days[^1].Day);
        Assert.Equal(new StatusDay(new DateOnly(2026, 12, 4), ComponentState.MajorOutage, 90), days[^2]);
        Assert.Equal(new StatusDay(new DateOnly(2026, 12, 5), ComponentState.PartialOutage, 10), days[^1]);
        Assert.Equal(new StatusDay(new DateOnly(2026, 12, 3), ComponentState.Operational, 0), days[^3]);
    }

    [Fact]
    public void Days_before_the_first_record_have_no_state_and_an_outage_across_midnight_counts_on_both_days()
    {
        var days = StatusUptime.Bars(
            null,
            [
                (ComponentState.Operational, Now.AddDays(-3)),
                (ComponentState.MajorOutage, new DateTimeOffset(2026, 12, 3, 23, 0, 0, TimeSpan.Zero)),
                (ComponentState.Operational, new DateTimeOffset(2026, 12, 4, 1, 0, 0, TimeSpan.Zero)),
            ],
            Now);

        Assert.Null(days[^5].Worst);
        Assert.Equal(new StatusDay(new DateOnly(2026, 12, 2), ComponentState.Operational, 0), days[^4]);
        Assert.Equal((ComponentState.MajorOutage, 60), (days[^3].Worst, days[^3].MinutesNotOperational));
        Assert.Equal((ComponentState.MajorOutage, 60), (days[^2].Worst, days[^2].MinutesNotOperational));
    }

    [Fact]
    public void The_worst_of_several_ranks_maintenance_below_every_outage()
    {
        Assert.Equal(ComponentState.DegradedPerformance, StatusStates.Worst([ComponentState.UnderMaintenance, ComponentState.DegradedPerformance, ComponentState.Operational]));
        Assert.Equal(ComponentState.UnderMaintenance, StatusStates.Worst([ComponentState.Operational, ComponentState.UnderMaintenance]));
        Assert.Equal("critical", PublicIncident.ImpactOf(IncidentSeverity.P1));
        Assert.Equal("major", PublicIncident.ImpactOf(IncidentSeverity.P2));
        Assert.Equal("minor", PublicIncident.ImpactOf(IncidentSeverity.P3));
        Assert.Equal("none", PublicIncident.ImpactOf(IncidentSeverity.P4));
    }
}
