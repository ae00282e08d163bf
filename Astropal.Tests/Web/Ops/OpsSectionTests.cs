using Astropal.Web.Features.Ops;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Astropal.Tests.Web.Ops;

public sealed class OpsSectionTests : BunitContext, IAsyncLifetime
{
    public OpsSectionTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void A_section_not_built_yet_says_so_plainly_with_its_purpose()
    {
        var cut = Render<SectionNotBuilt>(p => p.Add(c => c.Slug, "metrics"));

        var notice = cut.Find("#not-built").TextContent;
        Assert.Contains("not built yet", notice, StringComparison.Ordinal);
        Assert.Contains("Launch metrics against their targets", notice, StringComparison.Ordinal);
        Assert.Contains("Live metrics", cut.Find("h1").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_section_is_named_as_unknown()
    {
        var cut = Render<SectionNotBuilt>(p => p.Add(c => c.Slug, "treasure"));

        Assert.Contains("There is no console section called “treasure”", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#not-built"));
    }

    [Fact]
    public void Every_section_of_the_spec_is_in_the_navigation_with_a_unique_address()
    {
        var titles = OpsNavigation.Sections.Select(s => s.Title).ToList();

        foreach (var expected in new[] { "Overview", "Beta users", "Subscribers", "Deliveries", "Email outbox", "Content", "Live metrics", "Alerts", "Incidents", "Status components", "Jobs", "Runbooks", "Audit log", "Operators" })
        {
            Assert.Contains(expected, titles);
        }

        Assert.Equal(OpsNavigation.Sections.Count, OpsNavigation.Sections.Select(s => s.Href).Distinct().Count());
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
