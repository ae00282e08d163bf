using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Astropal.Tests.Integration.Delivery;

public sealed class UnsubscribeEndpointTests
{
    private static async Task<Guid> AddReaderAsync(AstropalAppFactory app)
    {
        var reader = new Reader
        {
            Id = Guid.NewGuid(),
            Email = "ada@example.com",
            TimeZone = "Europe/London",
            Locale = "en-US",
            ReferralCode = "ADA12345",
            Status = ReaderStatus.Active,
        };
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync();
        db.Readers.Add(reader);
        await db.SaveChangesAsync();
        return reader.Id;
    }

    private static async Task<ReaderStatus> StatusAsync(AstropalAppFactory app, Guid id)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync();
        return (await db.Readers.SingleAsync(r => r.Id == id)).Status;
    }

    [Fact]
    public async Task One_click_post_unsubscribes_in_one_request_and_get_only_shows_a_button()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateNonRedirectingClient();
        var id = await AddReaderAsync(app);
        var token = app.Services.GetRequiredService<UnsubscribeTokens>().Create(id);

        var page = await client.GetAsync(new Uri($"/u/{token}", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<form method=\"post\"", html, StringComparison.Ordinal);
        Assert.Equal(ReaderStatus.Active, await StatusAsync(app, id));

        // What a mail client sends for List-Unsubscribe-Post (RFC 8058): no cookies, no antiforgery token.
        using var body = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        var post = await client.PostAsync(new Uri($"/u/{token}", UriKind.Relative), body);

        Assert.Equal(System.Net.HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(ReaderStatus.Unsubscribed, await StatusAsync(app, id));
        using var again = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.PostAsync(new Uri($"/u/{token}", UriKind.Relative), again)).StatusCode);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAA")]
    public async Task An_invalid_token_gets_a_400_page_that_says_so(string token)
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateNonRedirectingClient();

        var get = await client.GetAsync(new Uri($"/u/{token}", UriKind.Relative));
        using var body = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        var post = await client.PostAsync(new Uri($"/u/{token}", UriKind.Relative), body);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, get.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("not valid", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_scheduler_on_quartz_keeps_its_own_sqlite_file_and_schedules_the_dispatcher()
    {
        await using var app = AstropalAppFactory.WithSettings(new Dictionary<string, string?> { ["Scheduler:Enabled"] = "true" });
        using var client = app.CreateClient();

        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        Assert.True(File.Exists(Path.Combine(app.DataDirectory.Path, "quartz.db")));
        Assert.NotNull(await scheduler.GetJobDetail(DeliveryDispatchJob.Key));
    }
}
