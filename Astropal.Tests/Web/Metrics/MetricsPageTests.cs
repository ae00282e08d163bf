using Astropal.Core.Delivery;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Metrics;
using Astropal.Web.Infrastructure.Identity;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Astropal.Tests.Web.Metrics;

public sealed class MetricsPageTests : BunitContext, IAsyncLifetime
{
    private MetricsTestHost host = default!;

    public MetricsPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    public async Task InitializeAsync()
    {
        host = await MetricsTestHost.StartAsync("metrics-page");
        Services.AddSingleton(host.Get<MetricsReport>());
        Services.AddSingleton(host.Get<MetricTargets>());
        Services.AddSingleton<TimeProvider>(host.Time);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Each_metric_is_a_card_with_value_target_threshold_state_and_a_chart()
    {
        AddAuthorization().SetAuthorized("olu@example.com");
        var reader = await host.AddReaderAsync(cohort: "beta");
        await host.AddDeliveryAsync(reader.Id, DeliveryStatus.Sent, MetricsTestHost.Now.AddHours(-1), MetricsTestHost.Now.AddHours(-1));
        await host.AddDeliveryAsync(reader.Id, DeliveryStatus.Failed, MetricsTestHost.Now.AddHours(-2));
        await host.Get<MetricSampler>().SampleAsync(CancellationToken.None);

        var cut = Render<MetricsPage>();

        cut.WaitForAssertion(() => Assert.Equal(MetricDefinition.All.Count, cut.FindAll("[data-state]").Count));
        var delivery = cut.Find("#metric-email-delivery-rate");
        Assert.Equal("alert", delivery.GetAttribute("data-state"));
        Assert.Equal("50.0 %", delivery.QuerySelector(".value")!.TextContent.Trim());
        Assert.Contains("≥ 98.0 %", delivery.QuerySelector(".target")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("< 95.0 %", delivery.QuerySelector(".alert-threshold")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(delivery.QuerySelector("svg"));
        Assert.Equal("alert", cut.Find("#metric-user-registrations").GetAttribute("data-state"));
        Assert.Equal("no-data", cut.Find("#metric-email-open-rate").GetAttribute("data-state"));
        Assert.Contains("no data", cut.Find("#metric-email-open-rate .value").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#edit-target"));
    }

    [Fact]
    public async Task An_admin_changes_a_target_and_the_card_follows_it()
    {
        AddAuthorization().SetAuthorized("ada@example.com").SetPolicies(OperatorPolicies.Admin);
        var cut = Render<MetricsPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#edit-target")));

        cut.FindComponents<MudBlazor.MudNumericField<double>>()[0].Find("input").Change("0.5");
        cut.FindComponents<MudBlazor.MudNumericField<double>>()[1].Find("input").Change("0.3");
        cut.Find("#save-target").Click();

        cut.WaitForAssertion(() => Assert.Contains("Saved: email.open.rate", cut.Find("#edit-message").TextContent, StringComparison.Ordinal));
        Assert.Contains("50.0 %", cut.Find("#metric-email-open-rate .target").TextContent, StringComparison.Ordinal);
        await using var db = await host.Db.CreateDbContextAsync();
        Assert.Equal("metrics.target-changed", (await db.AuditEntries.SingleAsync()).Action);
    }
}
