using System.Net;
using System.Text.RegularExpressions;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Integration.Delivery;

public sealed class TrackingTests
{
    [Fact]
    public async Task Clicks_redirect_only_to_links_of_the_email_and_opens_serve_a_pixel_and_count_as_activity()
    {
        await using var app = AstropalAppFactory.WithSettings(new Dictionary<string, string?> { ["Brand:SiteUrl"] = "https://astropal.test" });
        using var client = app.CreateNonRedirectingClient();
        var readerId = Guid.NewGuid();
        var deliveryId = Guid.NewGuid();
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync())
        {
            db.Readers.Add(new Reader { Id = readerId, Email = "ada@example.com", TimeZone = "Europe/London", Locale = "en-US", ReferralCode = "ADA00001", Status = ReaderStatus.Active });
            db.Deliveries.Add(new Astropal.Core.Delivery.DeliveryRecord { Id = deliveryId, ReaderId = readerId, Kind = Astropal.Core.Email.EmailTemplate.Daily, LocalDate = new DateOnly(2026, 12, 1), MessageId = "m@astropal.test" });
            await db.SaveChangesAsync();
        }

        var tracking = app.Services.GetRequiredService<TrackingLinks>();
        var html = tracking.Rewrite(
            "<html><body><a href=\"https://news.example.org/story?a=1&amp;b=2\">Read</a><a href=\"https://astropal.test/u/TOKEN\">Unsubscribe</a></body></html>",
            deliveryId);

        var hrefs = Regex.Matches(html, "href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.StartsWith("https://astropal.test/t/c/", hrefs[0], StringComparison.Ordinal);
        Assert.Equal("https://astropal.test/u/TOKEN", hrefs[1]);
        var pixel = Regex.Match(html, "<img src=\"([^\"]+)\"").Groups[1].Value;
        Assert.StartsWith("https://astropal.test/t/o/", pixel, StringComparison.Ordinal);

        var click = await client.GetAsync(new Uri(new Uri(hrefs[0]).PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        Assert.Equal("https://news.example.org/story?a=1&b=2", click.Headers.Location!.AbsoluteUri);

        var tampered = hrefs[0][..^3] + (hrefs[0].EndsWith("AAA", StringComparison.Ordinal) ? "BBB" : "AAA");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri(new Uri(tampered).PathAndQuery, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri("/t/c/aHR0cHM6Ly9ldmlsLmV4YW1wbGU", UriKind.Relative))).StatusCode);

        var open = await client.GetAsync(new Uri(new Uri(pixel).PathAndQuery, UriKind.Relative));
        Assert.Equal("image/gif", open.Content.Headers.ContentType!.MediaType);
        await using var check = await app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync();
        Assert.NotNull((await check.Readers.SingleAsync(r => r.Id == readerId)).LastActivityAt);
    }
}
