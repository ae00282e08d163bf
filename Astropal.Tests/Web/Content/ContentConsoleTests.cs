using Astropal.Core.Billing;
using Astropal.Core.Branding;
using Astropal.Core.Content;
using Astropal.Core.Content.Llm;
using Astropal.Core.Content.News;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.Core.Content;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Content;
using Astropal.Web.Features.Delivery;
using Astropal.Web.Features.Readers;
using Bunit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Astropal.Tests.Web.Content;

public sealed class ContentConsoleTests : BunitContext, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 1);

    // Generous: composing and rendering share two cores with the rest of the suite.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly TempDirectory dir = new("content-console");
    private readonly FixedNews news = new();
    private IDbContextFactory<AstropalDbContext> db = default!;

    public ContentConsoleTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    /// <summary>Headlines handed out for any date (none until a test sets them).</summary>
    private sealed class FixedNews : INewsHeadlineSource
    {
        private readonly Lock gate = new();
        private readonly List<NewsHeadline> headlines = [];

        public void Add(NewsHeadline headline)
        {
            lock (gate)
            {
                headlines.Add(headline);
            }
        }

        public Task<IReadOnlyList<NewsHeadline>> ForLocalDateAsync(DateOnly localDate, CancellationToken cancellationToken)
        {
            lock (gate)
            {
                return Task.FromResult<IReadOnlyList<NewsHeadline>>([.. headlines]);
            }
        }
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        Services.AddAstropalDbContext(DatabaseProvider.Sqlite, $"Data Source={dir.File("console.db")}");
        var composer = new ReaderEmailComposer(
            ContentTestKit.Composer, ContentTestKit.BirthCharts, ContentTestKit.Renderer, ContentTestKit.OfflineSegments(), news,
            new MiddayDigestComposer(news, ContentTestKit.SkyCalculator, ContentTestKit.Renderer), ContentTestKit.Evening, ContentTestKit.Weekly);
        Services.AddSingleton(composer);
        Services.AddSingleton<IReaderEmailComposer>(composer);
        var protection = new EphemeralDataProtectionProvider();
        Services.AddSingleton(new ReaderLinks(
            new UnsubscribeTokens(protection),
            new PortalLinkTokens(protection, Options.Create(new PortalOptions()), new FakeTimeProvider(Now)),
            Options.Create(new BrandOptions { SiteUrl = "https://astropal.test" })));
        Services.AddSingleton(Options.Create(new LlmOptions { DailyBudgetUsd = 5m }));
        Services.AddSingleton<ContentConsole>();
        Services.AddSingleton<AuditLog>();
        AddAuthorization().SetAuthorized("ada.operator@example.com");
        db = Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();
        await using var context = await db.CreateDbContextAsync();
        await DatabaseMigrator.MigrateAsync(context, CancellationToken.None);
    }

    private static Segment NewSegment(string subject, string provider, string model, DateTimeOffset createdAt, PerspectiveId perspective = PerspectiveId.Calm) => new()
    {
        LocalDate = DateOnly.FromDateTime(createdAt.UtcDateTime).AddDays(1),
        Locale = "en-US",
        Perspective = perspective,
        Tier = Tier.Basic,
        SubjectKey = subject,
        Provider = provider,
        Model = model,
        ContentJson = "{}",
        CreatedAt = createdAt,
    };

    private static LlmCall Call(Segment segment, string provider, int input, int output, decimal cost, DateTimeOffset at, LlmCallOutcome outcome = LlmCallOutcome.Success) => new()
    {
        At = at,
        Provider = provider,
        Model = provider == "grok" ? "grok-3-mini" : "gpt-4o-mini",
        SegmentKey = new SegmentKey(segment.LocalDate, segment.Locale, segment.Perspective, segment.Tier, segment.SubjectKey).ToString(),
        InputTokens = input,
        OutputTokens = output,
        CostUsd = cost,
        LatencyMs = 1500,
        Outcome = outcome,
    };

    private static Reader NewReader(string email, PerspectiveId perspective, ReaderStatus status = ReaderStatus.Active)
    {
        var reader = ContentTestKit.Reader(perspective, new TimeOnly(8, 30), tier: Tier.Pro);
        reader.Email = email;
        reader.Status = status;
        reader.ReferralCode = "R" + email.Split('@')[0].ToUpperInvariant();
        return reader;
    }

    [Fact]
    public async Task Todays_segments_show_provider_model_tokens_and_cost_with_totals_and_spend_against_the_budget()
    {
        await using (var context = await db.CreateDbContextAsync())
        {
            var gemini = NewSegment("sign:gemini", "grok", "grok-3-mini", Now.AddHours(-8));
            var career = NewSegment("focus:career", "openai", "gpt-4o-mini", Now.AddHours(-7), PerspectiveId.Success);
            var virgo = NewSegment("sign:virgo", "offline", "phrase-library-v1", Now.AddHours(-6));
            var old = NewSegment("sign:leo", "grok", "grok-3-mini", Now.AddDays(-1));
            context.Segments.AddRange(gemini, career, virgo, old);
            context.LlmCalls.AddRange(
                Call(gemini, "grok", 812, 344, 0.000416m, Now.AddHours(-8)),
                Call(career, "grok", 900, 0, 0m, Now.AddHours(-7), LlmCallOutcome.Timeout),
                Call(career, "openai", 700, 300, 0.000285m, Now.AddHours(-7)),
                Call(old, "grok", 800, 350, 0.0004m, Now.AddDays(-1)));
            await context.SaveChangesAsync();
        }

        var cut = Render<ContentPage>();

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("#segments tr.segment").Count), Wait);
        var row = cut.Find("#segments tr[data-subject='focus:career']");
        Assert.Equal(("openai", "gpt-4o-mini", "1600", "300", "$0.0003"), (
            row.QuerySelector(".provider")!.TextContent, row.QuerySelector(".model")!.TextContent,
            row.QuerySelector(".tokens-in")!.TextContent, row.QuerySelector(".tokens-out")!.TextContent, row.QuerySelector(".cost")!.TextContent));
        Assert.Contains("Success", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("$0.0004", cut.Find("#segments tr[data-subject='sign:gemini'] .cost").TextContent);
        Assert.Empty(cut.FindAll("#segments tr[data-subject='sign:leo']"));
        Assert.Equal("1", cut.Find("#provider-totals tr[data-provider=offline] .segments").TextContent);
        Assert.Equal("3", cut.Find("#segment-totals .segments").TextContent);
        Assert.Equal("$0.0007", cut.Find("#segment-totals .cost").TextContent);
        Assert.Equal("$0.0007", cut.Find("#spend-usd").TextContent);
        Assert.Equal("$5.00", cut.Find("#budget-usd").TextContent);
        Assert.Equal("3", cut.Find("#llm-calls").TextContent);
    }

    [Fact]
    public void Without_segments_or_readers_the_page_says_so_and_measures_the_sample_reader()
    {
        var cut = Render<ContentPage>();

        cut.WaitForAssertion(() => Assert.Contains("sample reader", cut.Find("#distinctness-basis").TextContent, StringComparison.Ordinal), Wait);
        Assert.NotNull(cut.Find("#no-segments"));
        AssertFigureMeetsTargets(cut);
    }

    [Fact]
    public async Task The_distinctness_figure_is_measured_on_todays_active_readers()
    {
        news.Add(new NewsHeadline { FetchedOn = Today, Category = "science", Title = "Probe reaches Jupiter", Source = "Example", Url = "https://news.test/probe" });
        await using (var context = await db.CreateDbContextAsync())
        {
            context.Readers.AddRange(
                NewReader("ada@example.com", PerspectiveId.Calm),
                NewReader("bob@example.com", PerspectiveId.Evidence),
                NewReader("gone@example.com", PerspectiveId.Calm, ReaderStatus.Unsubscribed));
            await context.SaveChangesAsync();
        }

        var cut = Render<ContentPage>();

        cut.WaitForAssertion(() => Assert.Contains("for 2 active reader(s)", cut.Find("#distinctness-basis").TextContent, StringComparison.Ordinal), Wait);
        Assert.Contains("12 voice pair(s)", cut.Find("#distinctness-basis").TextContent, StringComparison.Ordinal);
        AssertFigureMeetsTargets(cut);
    }

    private static void AssertFigureMeetsTargets(IRenderedComponent<ContentPage> cut)
    {
        var between = double.Parse(cut.Find("#between-voices .worst").TextContent, System.Globalization.CultureInfo.InvariantCulture);
        var consecutive = double.Parse(cut.Find("#consecutive-days .worst").TextContent, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(between, 0.0001, 0.10);
        Assert.InRange(consecutive, 0.0001, 0.30);
        Assert.Equal("met", cut.Find("#between-voices .verdict").TextContent);
        Assert.Equal("met", cut.Find("#consecutive-days .verdict").TextContent);
    }

    [Fact]
    public async Task A_readers_email_is_previewed_for_a_chosen_date_in_a_sandboxed_frame_and_nothing_is_stored()
    {
        var reader = NewReader("ada@example.com", PerspectiveId.Knowledge);
        await using (var context = await db.CreateDbContextAsync())
        {
            context.Readers.AddRange(reader, NewReader("bob@example.com", PerspectiveId.Calm));
            await context.SaveChangesAsync();
        }

        var cut = Render<ContentPage>();
        cut.Find("#preview-query input").Change("ADA@");
        cut.Find("#find-reader").Click();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#reader-matches tr.reader-match")), Wait);
        Assert.Equal("2026-12-01", cut.Find("#preview-date input").GetAttribute("value"));
        cut.Find("#preview-date input").Change("2026-12-24");
        cut.Find("#reader-matches .preview-daily").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#preview")), Wait);
        var expected = ContentTestKit.Composer.Compose(ContentTestKit.ReaderComposer.RequestFor(reader, new DateOnly(2026, 12, 24)));
        Assert.Equal(expected.Subject, cut.Find("#preview-subject").TextContent);
        Assert.Equal(expected.Preheader, cut.Find("#preview-preheader").TextContent);
        var frame = cut.Find("#preview iframe");
        Assert.Equal(string.Empty, frame.GetAttribute("sandbox"));
        Assert.Contains("Thursday, December 24", frame.GetAttribute("srcdoc"), StringComparison.Ordinal);
        // The reader's real links (portal sign-in, unsubscribe) never reach the console: every link is inert.
        var html = frame.GetAttribute("srcdoc")!;
        Assert.Contains($"href=\"{ContentConsole.InertLink}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/u/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("?t=", html, StringComparison.Ordinal);
        await using (var audit = await db.CreateDbContextAsync())
        {
            var entry = Assert.Single(await audit.AuditEntries.ToListAsync());
            Assert.Equal(("ada.operator@example.com", "content.previewed", $"reader {reader.Id}", "Daily email for 2026-12-24"), (entry.Actor, entry.Action, entry.Target, entry.Detail));
        }


        // The midday digest without headlines says why there is none; with headlines it is shown.
        cut.Find("#reader-matches .preview-midday").Click();
        cut.WaitForAssertion(() => Assert.Contains("No news headlines for 2026-12-24", cut.Find("#preview-error").TextContent, StringComparison.Ordinal), Wait);
        news.Add(new NewsHeadline { FetchedOn = Today, Category = "science", Title = "Probe reaches Jupiter", Source = "Example", Url = "https://news.test/probe" });
        cut.Find("#reader-matches .preview-midday").Click();
        cut.WaitForAssertion(() => Assert.Contains("Probe reaches Jupiter", cut.Find("#preview iframe").GetAttribute("srcdoc"), StringComparison.Ordinal), Wait);

        // The evening reflection of that date and the overview of the week holding it (Sunday 20 to Saturday 26).
        cut.Find("#reader-matches .preview-evening").Click();
        var evening = ContentTestKit.Evening.Write(ContentTestKit.ReaderComposer.RequestFor(reader, new DateOnly(2026, 12, 24)), EmailSamples.Links);
        cut.WaitForAssertion(() => Assert.Equal(evening.Subject, cut.Find("#preview-subject").TextContent), Wait);
        Assert.Contains("Evening email of ada@example.com for 2026-12-24", cut.Find("#preview").TextContent, StringComparison.Ordinal);
        cut.Find("#reader-matches .preview-weekly").Click();
        cut.WaitForAssertion(() => Assert.Contains("Week of December 20–26, 2026", cut.Find("#preview iframe").GetAttribute("srcdoc"), StringComparison.Ordinal), Wait);

        cut.Find("#preview-date input").Change("24/12/2026");
        cut.Find("#reader-matches .preview-daily").Click();
        cut.WaitForAssertion(() => Assert.Contains("write it as yyyy-MM-dd", cut.Find("#preview-error").TextContent, StringComparison.Ordinal), Wait);

        await using var check = await db.CreateDbContextAsync();
        Assert.Empty(await check.Deliveries.ToListAsync());
        Assert.Empty(await check.Segments.ToListAsync());
    }

    [Fact]
    public void An_unknown_reader_is_reported()
    {
        var cut = Render<ContentPage>();
        cut.Find("#preview-query input").Change(Guid.NewGuid().ToString());
        cut.Find("#find-reader").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#no-readers")), Wait);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        dir.Dispose();
    }
}
