using Astropal.Core.Billing;
using Astropal.Core.Branding;
using Astropal.Core.Content;
using Astropal.Core.Content.Evening;
using Astropal.Core.Content.Llm;
using Astropal.Core.Content.News;
using Astropal.Core.Content.Offline;
using Astropal.Core.Content.Weekly;
using Astropal.Core.Email;
using Astropal.Core.Places;
using Astropal.Core.Readers;
using Astropal.Core.Sky;
using Astropal.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace Astropal.Tests.Core.Content;

/// <summary>The content engine wired by hand, as the app wires it, plus readers to write for.</summary>
internal static class ContentTestKit
{
    public static readonly Ephemeris Ephem = new();
    public static readonly AspectFinder Aspects = new();
    public static readonly TransitFinder TransitCalc = new(Ephem);
    public static readonly DailySkyCalculator SkyCalculator = new(Ephem, new SkyEventFinder(), Aspects);
    public static readonly OfflineDailyComposer Composer = new(SkyCalculator, TransitCalc);
    public static readonly BirthChartCalculator BirthCharts = new(
        new BirthMomentResolver(new TimeZoneResolver()),
        new NatalChartCalculator(Ephem, new HouseCalculator(), Aspects));
    public static readonly EmailTemplateRenderer Renderer = new(Options.Create(new BrandOptions()));
    public static readonly EveningReflectionComposer Evening = new(SkyCalculator, TransitCalc, Renderer);
    public static readonly WeeklyOverviewComposer Weekly = new(SkyCalculator, Renderer);
    public static readonly ReaderEmailComposer ReaderComposer = new(Composer, BirthCharts, Renderer, OfflineSegments(), new NoNewsHeadlines(), new MiddayDigestComposer(new NoNewsHeadlines(), SkyCalculator, Renderer), Evening, Weekly);

    public static readonly DateOnly Start = new(2026, 12, 1);

    /// <summary>Segments in memory through a chain with no keys: the offline composer writes every one.</summary>
    public static SegmentService OfflineSegments()
    {
        var options = Options.Create(new LlmOptions());
        var generator = new SegmentGenerator(
            new OpenAiCompatibleChat(new NoHttpClientFactory(), options),
            Composer,
            SkyCalculator,
            new MemoryLlmCallLog(),
            options,
            TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SegmentGenerator>.Instance);
        return new SegmentService(new MemorySegmentStore(), generator, TimeProvider.System);
    }

    public static readonly string[] BannedPhrases =
    [
        "guaranteed", "will definitely", "diagnos", "invest in", "garantizado", "sin duda ocurrirá", "diagnóst", "invierte en",
        "you will meet", "{", "}",
    ];

    public static NatalChart Natal(DateOnly birthDate, TimeOnly? birthTime = null) =>
        BirthCharts.Compute(new BirthData(birthDate, birthTime, 40.4168, -3.7038, "Europe/Madrid")).Chart;

    /// <summary>One birth date per Sun sign (mid-sign), 1990.</summary>
    public static IReadOnlyList<DateOnly> SunSignBirthDates { get; } =
        Enumerable.Range(0, 12).Select(i => new DateOnly(1990, 4, 5).AddDays(i * 30)).ToList();

    public static DailyContentRequest Request(
        PerspectiveId perspective,
        DateOnly date,
        NatalChart? natal = null,
        string locale = "en-US",
        Tier tier = Tier.Basic,
        string? name = "Ada",
        IReadOnlyList<FocusAreaId>? focus = null) => new(
            name,
            natal ?? Natal(new DateOnly(1990, 5, 17), new TimeOnly(8, 30)),
            "Europe/Madrid",
            locale,
            perspective,
            focus ?? [FocusAreaId.Career, FocusAreaId.Wellness],
            tier,
            date,
            "https://astropal.test/plans");

    public static DailyContent Compose(PerspectiveId perspective, DateOnly date, NatalChart? natal = null, string locale = "en-US", Tier tier = Tier.Basic, string? name = "Ada", IReadOnlyList<FocusAreaId>? focus = null) =>
        Composer.Compose(Request(perspective, date, natal, locale, tier, name, focus));

    /// <summary>Every word a reader sees in the content (not the template chrome).</summary>
    public static string AllText(DailyContent content) => string.Join(
        "\n",
        new[] { content.Subject, content.Preheader, content.Greeting, content.Snippet, content.Practice.Title, content.Practice.Text, content.DateLabel }
            .Concat(content.Sections.SelectMany(s => new[] { s.Heading, s.Body }))
            .Concat(content.SkyFacts.SelectMany(f => new[] { f.Label, f.Detail }))
            .Concat(content.Transits.SelectMany(t => new[] { t.Title, t.Aspect, t.Orb, t.ExactAt, t.Meaning }))
            .Concat(content.FocusGuidance.SelectMany(f => new[] { f.Area, f.Text })));

    public static Reader Reader(PerspectiveId perspective = PerspectiveId.Calm, TimeOnly? birthTime = null, string locale = "en-US", Tier tier = Tier.Basic) => new()
    {
        Id = Guid.NewGuid(),
        Email = "ada@example.test",
        Name = "Ada",
        BirthDate = new DateOnly(1990, 5, 17),
        BirthTime = birthTime,
        BirthLatitude = 40.4168,
        BirthLongitude = -3.7038,
        BirthTimeZone = "Europe/Madrid",
        TimeZone = "America/New_York",
        Locale = locale,
        Perspective = perspective,
        FocusAreas = [FocusAreaId.Relationships, FocusAreaId.Career],
        Tier = tier,
        ReferralCode = "ADA123",
    };
}
