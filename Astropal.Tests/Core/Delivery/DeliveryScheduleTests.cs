using Astropal.Core.Billing;
using Astropal.Core.Delivery;
using Astropal.Core.Email;

namespace Astropal.Tests.Core.Delivery;

public sealed class DeliveryScheduleTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static DateTimeOffset Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(Tier.Free, new[] { EmailTemplate.Daily, EmailTemplate.Weekly })]
    [InlineData(Tier.Trial, new[] { EmailTemplate.Daily, EmailTemplate.Evening, EmailTemplate.Weekly })]
    [InlineData(Tier.Basic, new[] { EmailTemplate.Daily, EmailTemplate.Evening, EmailTemplate.Weekly })]
    [InlineData(Tier.Pro, new[] { EmailTemplate.Daily, EmailTemplate.Midday, EmailTemplate.Evening, EmailTemplate.Weekly })]
    public void Kinds_follow_the_tier_table(Tier tier, EmailTemplate[] expected) =>
        Assert.Equal(expected.Order(), DeliverySchedule.KindsFor(tier).Order());

    [Fact]
    public void Local_times_are_the_chosen_time_evening_19_midday_12_weekly_sunday_08()
    {
        var chosen = new TimeOnly(7, 30);
        Assert.Equal(chosen, DeliverySchedule.LocalTimeOf(EmailTemplate.Daily, chosen));
        Assert.Equal(new TimeOnly(19, 0), DeliverySchedule.LocalTimeOf(EmailTemplate.Evening, chosen));
        Assert.Equal(new TimeOnly(12, 0), DeliverySchedule.LocalTimeOf(EmailTemplate.Midday, chosen));
        Assert.Equal(new TimeOnly(8, 0), DeliverySchedule.LocalTimeOf(EmailTemplate.Weekly, chosen));
        Assert.True(DeliverySchedule.OccursOn(EmailTemplate.Weekly, new DateOnly(2026, 11, 29)));
        Assert.False(DeliverySchedule.OccursOn(EmailTemplate.Weekly, new DateOnly(2026, 11, 30)));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeliverySchedule.LocalTimeOf(EmailTemplate.Welcome, chosen));
    }

    [Fact]
    public void New_York_six_oclock_is_six_local_on_both_sides_of_spring_forward()
    {
        // 2026-03-08: clocks go 02:00 EST → 03:00 EDT.
        Assert.Equal(Utc(2026, 3, 7, 11), DeliverySchedule.ToUtc(new DateOnly(2026, 3, 7), new TimeOnly(6, 0), NewYork));
        Assert.Equal(Utc(2026, 3, 8, 10), DeliverySchedule.ToUtc(new DateOnly(2026, 3, 8), new TimeOnly(6, 0), NewYork));
        Assert.Equal(Utc(2026, 3, 9, 10), DeliverySchedule.ToUtc(new DateOnly(2026, 3, 9), new TimeOnly(6, 0), NewYork));
    }

    [Fact]
    public void New_York_six_oclock_is_six_local_on_both_sides_of_fall_back()
    {
        // 2026-11-01: clocks go 02:00 EDT → 01:00 EST.
        Assert.Equal(Utc(2026, 10, 31, 10), DeliverySchedule.ToUtc(new DateOnly(2026, 10, 31), new TimeOnly(6, 0), NewYork));
        Assert.Equal(Utc(2026, 11, 1, 11), DeliverySchedule.ToUtc(new DateOnly(2026, 11, 1), new TimeOnly(6, 0), NewYork));
    }

    [Fact]
    public void A_time_in_the_spring_gap_moves_forward_by_the_gap()
    {
        // New York 02:30 on 2026-03-08 does not exist: 03:30 EDT = 07:30 UTC.
        Assert.Equal(Utc(2026, 3, 8, 7, 30), DeliverySchedule.ToUtc(new DateOnly(2026, 3, 8), new TimeOnly(2, 30), NewYork));

        // London 01:30 on 2026-03-29 does not exist: 02:30 BST = 01:30 UTC.
        Assert.Equal(Utc(2026, 3, 29, 1, 30), DeliverySchedule.ToUtc(new DateOnly(2026, 3, 29), new TimeOnly(1, 30), London));
    }

    [Fact]
    public void An_ambiguous_time_is_its_first_occurrence()
    {
        // London 01:30 on 2026-10-25 happens twice (BST then GMT); the first is 00:30 UTC.
        Assert.Equal(Utc(2026, 10, 25, 0, 30), DeliverySchedule.ToUtc(new DateOnly(2026, 10, 25), new TimeOnly(1, 30), London));
    }

    [Fact]
    public void London_six_oclock_across_both_changes()
    {
        Assert.Equal(Utc(2026, 3, 28, 6), DeliverySchedule.ToUtc(new DateOnly(2026, 3, 28), new TimeOnly(6, 0), London));
        Assert.Equal(Utc(2026, 3, 29, 5), DeliverySchedule.ToUtc(new DateOnly(2026, 3, 29), new TimeOnly(6, 0), London));
        Assert.Equal(Utc(2026, 10, 24, 5), DeliverySchedule.ToUtc(new DateOnly(2026, 10, 24), new TimeOnly(6, 0), London));
        Assert.Equal(Utc(2026, 10, 25, 6), DeliverySchedule.ToUtc(new DateOnly(2026, 10, 25), new TimeOnly(6, 0), London));
    }

    [Fact]
    public void Due_lists_what_has_come_within_the_look_back_and_not_before_confirmation()
    {
        // Sunday 2026-11-29 20:00 in London (GMT): daily 06:00, weekly 08:00 and evening 19:00 have come.
        var now = Utc(2026, 11, 29, 20);
        var due = DeliverySchedule.Due(Tier.Basic, new TimeOnly(6, 0), London, now, TimeSpan.FromHours(24)).ToList();
        Assert.Equal(
            [(EmailTemplate.Daily, Utc(2026, 11, 29, 6)), (EmailTemplate.Weekly, Utc(2026, 11, 29, 8)), (EmailTemplate.Evening, Utc(2026, 11, 29, 19))],
            due.Select(d => (d.Kind, d.TargetAt)).OrderBy(d => d.TargetAt));
        Assert.All(due, d => Assert.Equal(new DateOnly(2026, 11, 29), d.LocalDate));

        var confirmedAt7 = DeliverySchedule.Due(Tier.Basic, new TimeOnly(6, 0), London, now, TimeSpan.FromHours(24), Utc(2026, 11, 29, 7)).ToList();
        Assert.DoesNotContain(confirmedAt7, d => d.Kind == EmailTemplate.Daily);

        // At 05:59 nothing of the day is due yet; yesterday's evening (19:00) still is.
        var early = DeliverySchedule.Due(Tier.Free, new TimeOnly(6, 0), London, Utc(2026, 11, 30, 5, 59), TimeSpan.FromHours(24)).ToList();
        Assert.DoesNotContain(early, d => d.LocalDate == new DateOnly(2026, 11, 30));
    }

    [Fact]
    public void Backoff_doubles_and_is_capped()
    {
        var baseDelay = TimeSpan.FromMinutes(1);
        Assert.Equal(TimeSpan.FromMinutes(1), DeliveryRules.Backoff(1, baseDelay));
        Assert.Equal(TimeSpan.FromMinutes(2), DeliveryRules.Backoff(2, baseDelay));
        Assert.Equal(TimeSpan.FromMinutes(8), DeliveryRules.Backoff(4, baseDelay));
        Assert.Equal(TimeSpan.FromHours(1), DeliveryRules.Backoff(30, baseDelay));
        Assert.True(DeliveryRules.IsTooLate(Utc(2026, 1, 1, 0), Utc(2026, 1, 1, 6, 1), TimeSpan.FromHours(6)));
        Assert.False(DeliveryRules.IsTooLate(Utc(2026, 1, 1, 0), Utc(2026, 1, 1, 6), TimeSpan.FromHours(6)));
    }

    [Fact]
    public void Address_hash_ignores_case_and_spaces()
    {
        Assert.Equal(AddressHash.Of("Ada@Example.com "), AddressHash.Of("ada@example.com"));
        Assert.Equal(64, AddressHash.Of("ada@example.com").Length);
    }
}
