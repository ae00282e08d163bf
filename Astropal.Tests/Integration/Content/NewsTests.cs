using Astropal.Core.Content;
using Astropal.Core.Content.News;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.Core.Content;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Content.News;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.Integration.Content;

/// <summary>NewsAPI headlines end to end: the app against a fake NewsAPI on loopback, stored in a SQLite file.</summary>
public sealed class NewsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 10, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly string[] Categories = ["science", "technology", "business", "health"];

    private static AstropalAppFactory App(FakeNewsApi? api, CapturedLogs? logs = null, string? key = "test-key", FakeTimeProvider? time = null, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["News:ApiKey"] = key,
            ["News:BaseUrl"] = api?.BaseUrl ?? "http://127.0.0.1:9/v2",
        };
        foreach (var (k, v) in extra ?? [])
        {
            settings[k] = v;
        }

        var clock = time ?? new FakeTimeProvider(Now);
        return new AstropalAppFactory
        {
            Settings = settings,
            TestServices = services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                if (logs is not null)
                {
                    services.AddSingleton<ILoggerProvider>(logs);
                }
            },
        };
    }

    private static async Task<List<NewsHeadline>> StoredAsync(AstropalAppFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync();
        return await db.NewsHeadlines.AsNoTracking().OrderBy(h => h.Id).ToListAsync();
    }

    [Fact]
    public async Task A_fetch_asks_each_category_with_the_key_in_a_header_and_stores_the_headlines()
    {
        await using var api = await FakeNewsApi.StartAsync();
        await using var app = App(api);

        var summary = await app.Services.GetRequiredService<NewsFetcher>().FetchAsync(CancellationToken.None);

        var requests = api.Requests.ToList();
        Assert.Equal(4, requests.Count);
        Assert.All(requests, r =>
        {
            Assert.Equal("/v2/top-headlines", r.Path);
            Assert.Equal("test-key", r.ApiKeyHeader);
            Assert.False(r.Query.ContainsKey("apiKey"), "the key must not travel in the address");
            Assert.Equal("us", r.Query["country"]);
            Assert.Equal("10", r.Query["pageSize"]);
            Assert.False(string.IsNullOrEmpty(r.UserAgent));
        });
        Assert.Equal(Categories.Order(), requests.Select(r => r.Query["category"]).Order());

        var stored = await StoredAsync(app);
        Assert.Equal((4, 0, 9), (summary.Requests, summary.Failed, summary.Stored));
        Assert.Equal(9, stored.Count); // 2 per category + the shared link once; "[Removed]" is dropped
        Assert.All(stored, h => Assert.Equal(Today, h.FetchedOn));
        Assert.Equal(FakeNewsApi.StoredTitles("science"), stored.Where(h => h.Category == "science" && h.Url != "https://news.test/shared").Select(h => h.Title));
        Assert.Equal("Example News", stored.First(h => h.Url == "https://news.test/science/1").Source);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 6, 30, 0, TimeSpan.Zero), stored[0].PublishedAt);
        Assert.Single(stored, h => h.Url == "https://news.test/shared");
        Assert.DoesNotContain(stored, h => h.Title == "[Removed]");
    }

    [Fact]
    public async Task Fetching_twice_stores_each_headline_once_and_the_daily_job_then_asks_nothing()
    {
        await using var api = await FakeNewsApi.StartAsync();
        await using var app = App(api);
        var fetcher = app.Services.GetRequiredService<NewsFetcher>();

        await fetcher.FetchAsync(CancellationToken.None);
        var second = await fetcher.FetchAsync(CancellationToken.None);
        var job = await fetcher.EnsureTodayAsync(onDemand: false, CancellationToken.None);

        Assert.Equal(0, second.Stored);
        Assert.Equal(9, (await StoredAsync(app)).Count);
        Assert.Equal(0, job.Requests);
        Assert.Equal(8, api.Requests.Count);
    }

    [Fact]
    public async Task Two_instances_fetching_the_same_day_at_once_store_each_headline_once()
    {
        await using var api = await FakeNewsApi.StartAsync();
        using var shared = new TempDirectory("news-shared");
        var settings = new Dictionary<string, string?> { ["Storage:DataDirectory"] = shared.Path };
        await using var first = App(api, extra: settings);
        await using var second = App(api, extra: settings);
        var one = first.Services.GetRequiredService<NewsFetcher>();
        var two = second.Services.GetRequiredService<NewsFetcher>();

        var results = await Task.WhenAll(one.FetchAsync(CancellationToken.None), two.FetchAsync(CancellationToken.None));

        var stored = await StoredAsync(first);
        Assert.Equal(9, stored.Count);
        Assert.Equal(9, results.Sum(r => r.Stored));
        Assert.Equal(stored.Count, stored.Select(h => h.Url).Distinct().Count());
    }

    [Theory]
    [InlineData(FakeNewsAnswer.Unauthorized, "HTTP 401 apiKeyInvalid")]
    [InlineData(FakeNewsAnswer.ServerError, "HTTP 500 unexpectedError")]
    [InlineData(FakeNewsAnswer.Malformed, "malformed answer")]
    [InlineData(FakeNewsAnswer.Slow, "timed out after 1 s")]
    public async Task A_failed_answer_is_logged_as_an_error_stores_nothing_and_throws_nothing(FakeNewsAnswer answer, string logged)
    {
        await using var api = await FakeNewsApi.StartAsync();
        api.Answer = answer;
        var logs = new CapturedLogs();
        await using var app = App(api, logs, extra: new() { ["News:TimeoutSeconds"] = "1", ["News:Categories"] = "science" });

        var summary = await app.Services.GetRequiredService<NewsFetcher>().EnsureTodayAsync(onDemand: false, CancellationToken.None);

        Assert.Equal((1, 1, 0), (summary.Requests, summary.Failed, summary.Stored));
        Assert.Empty(await StoredAsync(app));
        var error = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error && e.Category.Contains("News", StringComparison.Ordinal)).Message;
        Assert.Contains("category science failed", error, StringComparison.Ordinal);
        Assert.Contains(logged, error, StringComparison.Ordinal);
        Assert.DoesNotContain("test-key", string.Join("\n", logs.Entries.Select(e => e.Message)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_nothing_is_fetched_and_emails_carry_no_news()
    {
        await using var api = await FakeNewsApi.StartAsync();
        await using var app = App(api, key: null);
        var fetcher = app.Services.GetRequiredService<NewsFetcher>();
        var composer = app.Services.GetRequiredService<IReaderEmailComposer>();
        var reader = NewsReader(PerspectiveId.Knowledge);

        var fetched = await fetcher.FetchAsync(CancellationToken.None);
        var job = await fetcher.EnsureTodayAsync(onDemand: false, CancellationToken.None);
        var headlines = await app.Services.GetRequiredService<INewsHeadlineSource>().ForLocalDateAsync(Today, CancellationToken.None);
        var daily = await composer.ComposeAsync(reader, EmailTemplate.Daily, Today, EmailSamples.Links, CancellationToken.None);
        var midday = await Assert.ThrowsAsync<ContentUnavailableException>(() => composer.ComposeAsync(reader, EmailTemplate.Midday, Today, EmailSamples.Links, CancellationToken.None));

        Assert.Empty(api.Requests);
        Assert.Equal("News:ApiKey is not set", fetched.SkippedBecause);
        Assert.Equal("News:ApiKey is not set", job.SkippedBecause);
        Assert.Empty(headlines);
        Assert.DoesNotContain("news.test", daily.Html, StringComparison.Ordinal);
        Assert.Contains("No news headlines for 2026-12-01", midday.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_on_a_day_without_headlines_fetches_them_on_demand_once_and_uses_them()
    {
        await using var api = await FakeNewsApi.StartAsync();
        await using var app = App(api);
        var composer = app.Services.GetRequiredService<IReaderEmailComposer>();

        var knowledge = await composer.ComposeAsync(NewsReader(PerspectiveId.Knowledge), EmailTemplate.Daily, Today, EmailSamples.Links, CancellationToken.None);
        var evidence = await composer.ComposeAsync(NewsReader(PerspectiveId.Evidence), EmailTemplate.Daily, Today, EmailSamples.Links, CancellationToken.None);
        var calm = await composer.ComposeAsync(NewsReader(PerspectiveId.Calm), EmailTemplate.Daily, Today, EmailSamples.Links, CancellationToken.None);

        Assert.Equal(4, api.Requests.Count);
        Assert.Contains("https://news.test/science/1", knowledge.Html, StringComparison.Ordinal);
        Assert.Contains("Science headline one", knowledge.Text, StringComparison.Ordinal);
        Assert.Contains("In the news: how we know", knowledge.Html, StringComparison.Ordinal);
        Assert.Contains("In the news: what was measured", evidence.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("news.test", calm.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_on_demand_fetch_leaves_the_news_out_and_is_not_retried_for_15_minutes()
    {
        await using var api = await FakeNewsApi.StartAsync();
        api.Answer = FakeNewsAnswer.ServerError;
        var time = new FakeTimeProvider(Now);
        await using var app = App(api, time: time);
        var source = app.Services.GetRequiredService<INewsHeadlineSource>();

        var first = await source.ForLocalDateAsync(Today, CancellationToken.None);
        var again = await source.ForLocalDateAsync(Today, CancellationToken.None);
        api.Answer = FakeNewsAnswer.Headlines;
        time.Advance(TimeSpan.FromMinutes(16));
        var later = await source.ForLocalDateAsync(Today, CancellationToken.None);

        Assert.Empty(first);
        Assert.Empty(again);
        Assert.Equal(8, api.Requests.Count); // 4 failed, none during the cooldown, 4 succeeded
        Assert.Equal(9, later.Count);
    }

    [Fact]
    public async Task A_readers_day_uses_that_days_headlines_or_else_the_day_befores_and_old_dates_fetch_nothing()
    {
        await using var api = await FakeNewsApi.StartAsync();
        await using var app = App(api);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync())
        {
            db.NewsHeadlines.Add(Stored(Today, "science", "Today's probe"));
            db.NewsHeadlines.Add(Stored(Today.AddDays(-1), "science", "Yesterday's probe"));
            db.NewsHeadlines.Add(Stored(new DateOnly(2026, 11, 1), "health", "An old story"));
            await db.SaveChangesAsync();
        }

        var source = app.Services.GetRequiredService<INewsHeadlineSource>();

        Assert.Equal(["Today's probe"], (await source.ForLocalDateAsync(Today, CancellationToken.None)).Select(h => h.Title));
        Assert.Equal(["Today's probe"], (await source.ForLocalDateAsync(Today.AddDays(1), CancellationToken.None)).Select(h => h.Title));
        Assert.Equal(["An old story"], (await source.ForLocalDateAsync(new DateOnly(2026, 11, 2), CancellationToken.None)).Select(h => h.Title));
        Assert.Empty(await source.ForLocalDateAsync(new DateOnly(2026, 10, 1), CancellationToken.None));
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task The_midday_digest_retells_the_days_headlines_in_the_readers_voice()
    {
        await using var api = await FakeNewsApi.StartAsync();
        await using var app = App(api);
        await app.Services.GetRequiredService<NewsFetcher>().FetchAsync(CancellationToken.None);
        var composer = app.Services.GetRequiredService<IReaderEmailComposer>();

        var success = await composer.ComposeAsync(NewsReader(PerspectiveId.Success), EmailTemplate.Midday, Today, EmailSamples.Links, CancellationToken.None);
        var calm = await composer.ComposeAsync(NewsReader(PerspectiveId.Calm, "es-ES"), EmailTemplate.Midday, Today, EmailSamples.Links, CancellationToken.None);

        Assert.Equal(EmailTemplate.Midday, success.Template);
        Assert.InRange(success.Subject.Length, 10, 60);
        Assert.InRange(success.Preheader.Length, 20, 100);
        foreach (var category in Categories)
        {
            Assert.Contains($"https://news.test/{category}/1", success.Html, StringComparison.Ordinal);
        }

        Assert.Contains("Ada", success.Text, StringComparison.Ordinal);
        Assert.Contains("Success &amp; Achievement", success.Html, StringComparison.Ordinal);
        Assert.Contains("Calma y centro", calm.Html, StringComparison.Ordinal);
        Assert.NotEqual(success.Subject, calm.Subject);
        Assert.Contains(EmailSamples.UnsubscribeUrl, success.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("News:BaseUrl", "ftp://news.example", "News:BaseUrl")]
    [InlineData("News:Country", "USA", "News:Country")]
    [InlineData("News:Categories", "science,weather", "News:Categories")]
    [InlineData("News:PageSize", "0", "News:PageSize")]
    [InlineData("News:TimeoutSeconds", "600", "News:TimeoutSeconds")]
    public async Task Invalid_news_settings_stop_startup_naming_the_setting(string key, string value, string named)
    {
        await using var app = AstropalAppFactory.WithSettings(new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException;
        Assert.True(validation is not null, error.ToString());
        Assert.Contains(validation.Failures, f => f.Contains(named, StringComparison.Ordinal));
    }

    private static NewsHeadline Stored(DateOnly day, string category, string title) => new()
    {
        FetchedOn = day,
        Category = category,
        Title = title,
        Source = "Example",
        Url = $"https://news.test/{day:yyyyMMdd}/{category}",
        FetchedAt = Now,
    };

    private static Reader NewsReader(PerspectiveId perspective, string locale = "en-US") =>
        ContentTestKit.Reader(perspective, new TimeOnly(8, 30), locale, Astropal.Core.Billing.Tier.Pro);
}
