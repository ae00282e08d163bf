using Astropal.Core.Billing;
using Astropal.Core.Email;
using Astropal.Core.Readers;

namespace Astropal.Core.Delivery;

/// <summary>Who gets which scheduled email when (SPEC §5 tier table), DST-correct. Pure functions.</summary>
public static class DeliverySchedule
{
    public static TimeOnly EveningTime { get; } = new(19, 0);

    public static TimeOnly MiddayTime { get; } = new(12, 0);

    public static TimeOnly WeeklyTime { get; } = new(8, 0);

    public const DayOfWeek WeeklyDay = DayOfWeek.Sunday;

    private static readonly EmailTemplate[] FreeKinds = [EmailTemplate.Daily, EmailTemplate.Weekly];
    private static readonly EmailTemplate[] BasicKinds = [EmailTemplate.Daily, EmailTemplate.Evening, EmailTemplate.Weekly];
    private static readonly EmailTemplate[] ProKinds = [EmailTemplate.Daily, EmailTemplate.Midday, EmailTemplate.Evening, EmailTemplate.Weekly];

    /// <summary>The scheduled kinds of a tier: trial and basic get daily, evening and weekly; free daily and weekly; pro adds midday.</summary>
    public static IReadOnlyList<EmailTemplate> KindsFor(Tier tier) => tier switch
    {
        Tier.Free => FreeKinds,
        Tier.Trial or Tier.Basic => BasicKinds,
        Tier.Pro => ProKinds,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier."),
    };

    /// <summary>The local time of a kind for a reader whose morning email is at <paramref name="deliveryTime"/>.</summary>
    public static TimeOnly LocalTimeOf(EmailTemplate kind, TimeOnly deliveryTime) => kind switch
    {
        EmailTemplate.Daily => deliveryTime,
        EmailTemplate.Evening => EveningTime,
        EmailTemplate.Midday => MiddayTime,
        EmailTemplate.Weekly => WeeklyTime,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a scheduled email kind."),
    };

    /// <summary>Whether the kind goes out on that local date (weekly: Sundays only).</summary>
    public static bool OccursOn(EmailTemplate kind, DateOnly localDate) =>
        kind != EmailTemplate.Weekly || localDate.DayOfWeek == WeeklyDay;

    /// <summary>
    /// The UTC instant of a local wall-clock time in a zone. A time that does not exist (spring-forward gap)
    /// moves forward by the gap (02:30 → 03:30); an ambiguous one (fall-back) is its first occurrence.
    /// </summary>
    public static DateTimeOffset ToUtc(DateOnly localDate, TimeOnly localTime, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = localDate.ToDateTime(localTime, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // The offset before the gap applied to the skipped wall time lands just as far past the gap's end.
            var before = zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local - before, TimeSpan.Zero);
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var first = offsets.Max();
            return new DateTimeOffset(local - first, TimeSpan.Zero);
        }

        return new DateTimeOffset(local - zone.GetUtcOffset(local), TimeSpan.Zero);
    }

    /// <summary>The reader's local date at an instant.</summary>
    public static DateOnly LocalDateAt(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }

    /// <summary>
    /// The scheduled emails of a reader whose target lies in (<paramref name="now"/> − <paramref name="lookBack"/>, <paramref name="now"/>]
    /// and not before <paramref name="notBefore"/> (e.g. the confirmation): the ones a dispatcher run should have in the ledger.
    /// </summary>
    public static IEnumerable<DueEmail> Due(Tier tier, TimeOnly deliveryTime, TimeZoneInfo zone, DateTimeOffset now, TimeSpan lookBack, DateTimeOffset? notBefore = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = LocalDateAt(now, zone);
        var from = now - lookBack;
        var days = (int)Math.Ceiling(lookBack.TotalDays) + 1;
        for (var d = days; d >= 0; d--)
        {
            var date = today.AddDays(-d);
            foreach (var kind in KindsFor(tier))
            {
                if (!OccursOn(kind, date))
                {
                    continue;
                }

                var target = ToUtc(date, LocalTimeOf(kind, deliveryTime), zone);
                if (target <= now && target > from && (notBefore is null || target >= notBefore))
                {
                    yield return new DueEmail(kind, date, target);
                }
            }
        }
    }

    /// <summary>Due emails for a reader (see the other overload); an unknown zone id throws <see cref="TimeZoneNotFoundException"/>.</summary>
    public static IEnumerable<DueEmail> Due(Reader reader, DateTimeOffset now, TimeSpan lookBack)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(reader.TimeZone);
        return Due(reader.Tier, reader.DeliveryTime, zone, now, lookBack, reader.ConfirmedAt);
    }
}
