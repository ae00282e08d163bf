using System.Text.RegularExpressions;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.Integration.Delivery;

public sealed partial class EngagementTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset SentAt = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

    private readonly FakeTimeProvider clock = new(SentAt.AddMinutes(30));
    private readonly AstropalAppFactory app;
    private Guid deliveryId;
    private string pixel = "";
    private string link = "";

    public EngagementTests() =>
        app = new AstropalAppFactory
        {
            Settings = new Dictionary<string, string?> { ["Brand:SiteUrl"] = "https://astropal.test" },
            TestServices = s => s.AddSingleton<TimeProvider>(clock),
        };

    public void Dispose() => app.Dispose();

    public async Task InitializeAsync()
    {
        deliveryId = await AddDeliveryAsync(SentAt);
        (pixel, link) = Links(deliveryId);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<Guid> AddDeliveryAsync(DateTimeOffset? sentAt)
    {
        await using var db = await Db();
        var reader = new Reader { Id = Guid.NewGuid(), Email = $"r{Guid.NewGuid():N}@example.com", TimeZone = "Europe/London", Locale = "en-US", ReferralCode = Guid.NewGuid().ToString("N")[..8], Status = ReaderStatus.Active };
        var delivery = new DeliveryRecord { Id = Guid.NewGuid(), ReaderId = reader.Id, Kind = EmailTemplate.Daily, LocalDate = new DateOnly(2026, 12, 1), MessageId = $"{Guid.NewGuid():N}@astropal.test", Status = DeliveryStatus.Sent, SentAt = sentAt };
        db.Readers.Add(reader);
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync();
        return delivery.Id;
    }

    private (string Pixel, string Link) Links(Guid delivery)
    {
        var html = app.Services.GetRequiredService<TrackingLinks>().Rewrite("<html><body><a href=\"https://news.example.org/story\">Read</a></body></html>", delivery);
        return (PathOf(PixelSrc().Match(html).Groups[1].Value), PathOf(Href().Match(html).Groups[1].Value));
    }

    private static string PathOf(string url) => new Uri(url).PathAndQuery;

    private Task<AstropalDbContext> Db() => app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync();

    private async Task<List<EngagementEvent>> EventsAsync(Guid delivery)
    {
        await using var db = await Db();
        return await db.EngagementEvents.AsNoTracking().Where(e => e.DeliveryId == delivery).OrderBy(e => e.Id).ToListAsync();
    }

    private async Task GetAsync(string path, string? userAgent = Chrome)
    {
        using var client = app.CreateNonRedirectingClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (userAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        using var response = await client.SendAsync(request);
        Assert.True((int)response.StatusCode is 200 or 302, $"{path}: {response.StatusCode}");
    }

    [Fact]
    public async Task Opens_and_clicks_are_stored_per_delivery_with_the_first_of_each_kind_flagged()
    {
        await GetAsync(pixel);
        clock.Advance(TimeSpan.FromMinutes(1));
        await GetAsync(pixel);
        await GetAsync(link);
        await GetAsync(link);

        var events = await EventsAsync(deliveryId);
        Assert.Equal(
            [(EngagementKind.Open, true, (string?)null), (EngagementKind.Open, false, null), (EngagementKind.Click, true, "https://news.example.org/story"), (EngagementKind.Click, false, "https://news.example.org/story")],
            events.Select(e => (e.Kind, e.IsFirst, e.Link)));
        Assert.All(events, e => Assert.False(e.IsMachine));
        Assert.Equal(SentAt.AddMinutes(30), events[0].At);
        await using var db = await Db();
        var readerId = (await db.Deliveries.SingleAsync(d => d.Id == deliveryId)).ReaderId;
        Assert.All(events, e => Assert.Equal(readerId, e.ReaderId));
        Assert.Equal(clock.GetUtcNow(), (await db.Readers.SingleAsync(r => r.Id == readerId)).LastActivityAt);
    }

    [Fact]
    public async Task An_open_within_two_seconds_of_sending_is_kept_and_flagged_as_a_machine_and_the_first_human_open_stays_first()
    {
        var justSent = await AddDeliveryAsync(clock.GetUtcNow().AddSeconds(-1.5));
        var later = await AddDeliveryAsync(clock.GetUtcNow().AddSeconds(-3));

        await GetAsync(Links(justSent).Pixel);
        await GetAsync(Links(later).Pixel);

        var machine = Assert.Single(await EventsAsync(justSent));
        Assert.True(machine.IsMachine);
        Assert.False(machine.IsFirst);
        Assert.False(Assert.Single(await EventsAsync(later)).IsMachine);

        clock.Advance(TimeSpan.FromMinutes(5));
        await GetAsync(Links(justSent).Pixel);

        var human = Assert.Single(await EventsAsync(justSent), e => !e.IsMachine);
        Assert.True(human.IsFirst);
    }

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)", true)]
    [InlineData("Mozilla/5.0", true)]
    [InlineData("YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html", true)]
    [InlineData(Chrome, false)]
    [InlineData(null, false)]
    public async Task Opens_by_a_mail_privacy_proxy_are_flagged_as_machine(string? userAgent, bool machine)
    {
        await GetAsync(pixel, userAgent);

        Assert.Equal(machine, Assert.Single(await EventsAsync(deliveryId)).IsMachine);
    }

    [Fact]
    public async Task Clicks_are_never_machine_opens_and_an_unknown_delivery_stores_nothing()
    {
        await GetAsync(link, "Mozilla/5.0");
        await GetAsync(Links(Guid.NewGuid()).Pixel);

        Assert.False(Assert.Single(await EventsAsync(deliveryId)).IsMachine);
        await using var db = await Db();
        Assert.Equal(1, await db.EngagementEvents.CountAsync());
    }

    [Fact]
    public async Task Many_pixel_loads_at_once_store_every_open_and_exactly_one_first()
    {
        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => GetAsync(pixel)));
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => GetAsync(link)));

        var events = await EventsAsync(deliveryId);
        Assert.Equal(12, events.Count(e => e.Kind == EngagementKind.Open));
        Assert.Single(events, e => e.Kind == EngagementKind.Open && e.IsFirst);
        Assert.Equal(6, events.Count(e => e.Kind == EngagementKind.Click));
        Assert.Single(events, e => e.Kind == EngagementKind.Click && e.IsFirst);
    }

    [Fact]
    public async Task The_database_refuses_a_second_first_open_of_a_delivery()
    {
        await using var db = await Db();
        var readerId = (await db.Deliveries.SingleAsync(d => d.Id == deliveryId)).ReaderId;
        db.EngagementEvents.Add(new EngagementEvent { DeliveryId = deliveryId, ReaderId = readerId, Kind = EngagementKind.Open, At = SentAt, IsFirst = true });
        db.EngagementEvents.Add(new EngagementEvent { DeliveryId = deliveryId, ReaderId = readerId, Kind = EngagementKind.Open, At = SentAt, IsFirst = false });
        await db.SaveChangesAsync();

        db.EngagementEvents.Add(new EngagementEvent { DeliveryId = deliveryId, ReaderId = readerId, Kind = EngagementKind.Open, At = SentAt, IsFirst = true });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [GeneratedRegex("<img src=\"([^\"]+)\"")]
    private static partial Regex PixelSrc();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
