using Quartz;

namespace Astropal.Web.Features.Delivery;

/// <summary>When delivery's Quartz jobs run; called by the scheduler setup when Quartz is enabled.</summary>
public static class DeliveryJobs
{
    /// <summary>One dispatcher run every minute (<see cref="DeliveryDispatchJob"/> never runs twice at once per scheduler).</summary>
    public static IQuartzBuilder AddDeliveryJobs(this IQuartzBuilder quartz)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        quartz.ScheduleJob<DeliveryDispatchJob>(
            trigger => trigger.WithIdentity("delivery-dispatch-every-minute", "delivery")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever()),
            job => job.WithIdentity(DeliveryDispatchJob.Key));
        return quartz;
    }
}
