using Astropal.Core.Billing;
using Astropal.Core.Readers;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Subscribers;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Astropal.Tests.Web.Subscribers;

public sealed class SubscribersPageTests : BunitContext, IAsyncLifetime
{
    private SubscribersTestHost host = default!;

    public SubscribersPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    public async Task InitializeAsync()
    {
        host = await SubscribersTestHost.StartAsync("subscribers-page");
        Services.AddSingleton(host.Get<SubscriberQuery>());

        // 30 readers signed up a day apart (reader00 newest), every third paused, one Spanish beta reader named Grace.
        for (var i = 0; i < 30; i++)
        {
            await host.AddReaderAsync(
                $"reader{i:00}@example.com",
                status: i % 3 == 0 ? ReaderStatus.Paused : ReaderStatus.Active,
                tier: i % 2 == 0 ? Tier.Pro : Tier.Free,
                createdAt: SubscribersTestHost.Now.AddDays(-i));
        }

        await host.AddReaderAsync("hopper@example.com", name: "Grace", locale: "es-ES", cohort: "beta", createdAt: SubscribersTestHost.Now.AddDays(-100));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public void The_first_page_lists_the_newest_25_readers_of_31_and_links_each_to_its_detail_page()
    {
        var cut = Render<SubscribersPage>();

        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("a.subscriber-link").Count));
        Assert.Contains("31 reader(s) match", cut.Find("#subscriber-total").TextContent, StringComparison.Ordinal);
        var first = cut.FindAll("a.subscriber-link")[0];
        Assert.Equal("reader00@example.com", first.TextContent);
        Assert.StartsWith("/ops/subscribers/", first.GetAttribute("href"), StringComparison.Ordinal);
        Assert.DoesNotContain("1990", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_second_page_holds_the_rest_and_a_new_filter_goes_back_to_the_first_page()
    {
        var cut = Render<SubscribersPage>();
        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("a.subscriber-link").Count));
        var grid = cut.FindComponent<MudDataGrid<SubscriberRow>>();

        await cut.InvokeAsync(() => grid.Instance.NavigateTo(Page.Next));

        cut.WaitForAssertion(() => Assert.Equal(6, cut.FindAll("a.subscriber-link").Count));
        Assert.Equal("hopper@example.com", cut.FindAll("a.subscriber-link")[^1].TextContent);

        var status = cut.FindComponent<MudSelect<ReaderStatus?>>();
        await cut.InvokeAsync(() => status.Instance.ValueChanged.InvokeAsync(ReaderStatus.Paused));

        cut.WaitForAssertion(() => Assert.Contains("10 reader(s) match", cut.Find("#subscriber-total").TextContent, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Equal(10, cut.FindAll("a.subscriber-link").Count));
        Assert.Equal(0, grid.Instance.CurrentPage);
    }

    [Fact]
    public async Task Search_matches_the_email_or_the_name_in_any_case()
    {
        var cut = Render<SubscribersPage>();
        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("a.subscriber-link").Count));
        var search = cut.FindComponent<MudTextField<string>>();

        await cut.InvokeAsync(() => search.Instance.ValueChanged.InvokeAsync("GRACE"));

        cut.WaitForAssertion(() => Assert.Equal("hopper@example.com", Assert.Single(cut.FindAll("a.subscriber-link")).TextContent));

        await cut.InvokeAsync(() => search.Instance.ValueChanged.InvokeAsync("reader1"));

        cut.WaitForAssertion(() => Assert.Equal(10, cut.FindAll("a.subscriber-link").Count));

        await cut.InvokeAsync(() => search.Instance.ValueChanged.InvokeAsync("100%_"));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#no-subscribers")));
    }

    [Fact]
    public async Task Filters_for_tier_perspective_locale_and_cohort_combine()
    {
        var query = host.Get<SubscriberQuery>();

        var pro = await query.PageAsync(new SubscriberFilter(Tier: Tier.Pro, Status: ReaderStatus.Active), CancellationToken.None);
        var beta = await query.PageAsync(new SubscriberFilter(Cohort: "beta", Locale: "es-ES"), CancellationToken.None);
        var noCohort = await query.PageAsync(new SubscriberFilter(Cohort: SubscriberFilter.NoCohort, PageSize: 100), CancellationToken.None);
        var evidence = await query.PageAsync(new SubscriberFilter(Perspective: PerspectiveId.Evidence), CancellationToken.None);
        var oldest = await query.PageAsync(new SubscriberFilter(Sort: SubscriberSort.SignedUpOldest, PageSize: 1), CancellationToken.None);

        Assert.Equal(10, pro.Total);
        Assert.All(pro.Rows, r => Assert.Equal((Tier.Pro, ReaderStatus.Active), (r.Tier, r.Status)));
        Assert.Equal("hopper@example.com", Assert.Single(beta.Rows).Email);
        Assert.Equal(30, noCohort.Total);
        Assert.Equal(0, evidence.Total);
        Assert.Equal(("hopper@example.com", 31), (Assert.Single(oldest.Rows).Email, oldest.Total));
    }
}
