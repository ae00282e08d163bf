using Astropal.Web.Features.Status;

namespace Astropal.Tests.Web.Status;

/// <summary>The Status:Thresholds and Status:SnapshotTtl settings are validated with a message naming the key.</summary>
public sealed class StatusOptionsTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new StatusOptionsValidator().Validate(null, new StatusOptions()).Succeeded);
    }

    [Fact]
    public void Thresholds_out_of_order_and_a_bad_ttl_are_refused_naming_the_setting()
    {
        var options = new StatusOptions { SnapshotTtl = TimeSpan.Zero };
        options.Thresholds.EmailDeliveryRate = new StatusBand { Degraded = 0.5, Partial = 0.9, Major = 0.1 };
        options.Thresholds.WebsiteErrorRate = new StatusBand { Degraded = 0.5, Partial = 0.1, Major = 0.9 };
        options.Thresholds.ContentFailures = new StatusBand { Degraded = -1, Partial = 1, Major = 2 };

        var result = new StatusOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("Status:SnapshotTtl", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Status:Thresholds:EmailDeliveryRate", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Status:Thresholds:WebsiteErrorRate", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Status:Thresholds:ContentFailures", StringComparison.Ordinal));
        Assert.Equal(4, failures.Count);
    }

    [Fact]
    public void A_band_crosses_at_each_threshold_in_its_direction()
    {
        var above = new StatusBand { Degraded = 1, Partial = 5, Major = 20 };
        Assert.Equal([Astropal.Data.ComponentState.Operational, Astropal.Data.ComponentState.DegradedPerformance, Astropal.Data.ComponentState.PartialOutage, Astropal.Data.ComponentState.MajorOutage],
            new double[] { 0, 1, 5, 20 }.Select(above.Above));
        var below = new StatusBand { Degraded = 0.98, Partial = 0.9, Major = 0.5 };
        Assert.Equal([Astropal.Data.ComponentState.Operational, Astropal.Data.ComponentState.DegradedPerformance, Astropal.Data.ComponentState.PartialOutage, Astropal.Data.ComponentState.MajorOutage],
            new[] { 0.98, 0.97, 0.89, 0.49 }.Select(below.Below));
    }
}
