using Astropal.Core.Billing;
using Astropal.Core.Content;
using Astropal.Core.Content.Llm;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Core.Sky;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Astropal.Tests.Integration.Content;

/// <summary>Two layers: one LLM call per segment in use, however many readers share it; the reader's own facts stay.</summary>
public sealed class SegmentReuseTests : IAsyncLifetime, IDisposable
{
    private static readonly DateOnly Day = new(2026, 12, 1);
    private readonly TempDirectory dir = new("segment-reuse");
    private FakeChatServer grok = null!;

    public async Task InitializeAsync()
    {
        grok = await FakeChatServer.StartAsync();
        grok.Reply = (_, _) => FakeReply.Answer(LlmChainTests.ValidAnswer(), promptTokens: 900, completionTokens: 250);
    }

    public async Task DisposeAsync() => await grok.DisposeAsync();

    public void Dispose() => dir.Dispose();

    private static Reader NewReader(int i, PerspectiveId perspective, string locale, Tier tier, FocusAreaId[] focus, DateOnly birthDate, string zone = "Europe/Madrid") => new()
    {
        Id = Guid.NewGuid(),
        Email = $"reader{i}@example.test",
        Name = $"Reader {i}",
        BirthDate = birthDate,
        BirthTime = i % 3 == 0 ? null : new TimeOnly(8, i % 60),
        BirthLatitude = 40.4168,
        BirthLongitude = -3.7038,
        BirthTimeZone = "Europe/Madrid",
        TimeZone = zone,
        Locale = locale,
        Perspective = perspective,
        FocusAreas = [.. focus],
        Tier = tier,
        Status = ReaderStatus.Active,
        ReferralCode = $"R{i:0000}",
    };

    [Fact]
    public async Task Many_readers_make_one_call_per_distinct_segment_and_keep_their_own_transits()
    {
        await using var host = await ContentTestHost.StartAsync(dir.Path, ContentTestHost.TwoProviders(grok));
        var composer = host.Get<ReaderEmailComposer>();
        // 40 readers: two voices, two Sun signs (May and October births), two focus sets; trial shares Basic.
        var readers = Enumerable.Range(0, 40).Select(i => NewReader(
            i,
            i % 2 == 0 ? PerspectiveId.Calm : PerspectiveId.Evidence,
            "en-US",
            i % 4 < 2 ? Tier.Basic : Tier.Trial,
            i % 5 == 0 ? [FocusAreaId.Career] : [FocusAreaId.Career, FocusAreaId.Wellness],
            i % 3 == 0 ? new DateOnly(1990, 5, 17).AddDays(i % 4) : new DateOnly(1985, 10, 10).AddDays(i % 4))).ToList();
        var expected = readers
            .SelectMany(r => ReaderEmailComposer.SegmentKeysFor(composer.RequestFor(r, Day)))
            .Distinct()
            .ToList();

        var emails = await Task.WhenAll(readers.Select(r => composer.ComposeAsync(r, EmailTemplate.Daily, Day, EmailSamples.Links, CancellationToken.None)));

        Assert.Equal(expected.Count, grok.Count);
        Assert.InRange(expected.Count, 4, 12);
        await using (var db = await host.Db.CreateDbContextAsync())
        {
            Assert.Equal(expected.Count, await db.Segments.CountAsync());
            Assert.Equal(expected.Count, await db.LlmCalls.CountAsync());
            Assert.DoesNotContain(await db.Segments.Select(s => s.Tier).ToListAsync(), t => t == Tier.Trial);
        }

        // The shared words came from the LLM; the facts are each reader's own.
        Assert.All(emails, e => Assert.Equal("A steady day to breathe slowly", e.Subject));
        Assert.All(emails, e => Assert.Contains("Today's Energy", e.Text, StringComparison.Ordinal));
        Assert.All(emails, e => Assert.Contains("orb", e.Text, StringComparison.Ordinal));
        Assert.All(emails, e => Assert.Contains("TODAY'S SKY", e.Text, StringComparison.Ordinal));
        Assert.Contains("Reader 1,", emails[1].Text, StringComparison.Ordinal);

        // A second day's run for the same readers reads the stored segments: no new call.
        var again = await composer.ComposeAsync(readers[7], EmailTemplate.Daily, Day, EmailSamples.Links, CancellationToken.None);
        Assert.Equal(emails[7].Html, again.Html);
        Assert.Equal(expected.Count, grok.Count);
    }

    [Fact]
    public async Task Two_instances_generating_the_same_segment_at_once_store_it_once_and_agree()
    {
        var settings = ContentTestHost.TwoProviders(grok);
        grok.Reply = (_, n) => FakeReply.Answer(LlmChainTests.ValidAnswer($"Answer number {n} for today, calm"));
        await using var first = await ContentTestHost.StartAsync(dir.Path, settings);
        await using var second = await ContentTestHost.StartAsync(dir.Path, settings);
        var key = new SegmentKey(Day, "en-US", PerspectiveId.Calm, Tier.Pro, "focus:career");

        var results = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? first : second).Get<SegmentService>().GetAsync(key, CancellationToken.None)));

        Assert.Single(results.Select(r => r.Content.Subject).Distinct());
        await using var db = await first.Db.CreateDbContextAsync();
        Assert.Equal(1, await db.Segments.CountAsync());
        Assert.InRange(grok.Count, 1, 2); // at most one generation per instance
    }

    [Fact]
    public async Task The_preparation_job_makes_only_the_segments_active_readers_need_for_the_next_36_hours()
    {
        await using var host = await ContentTestHost.StartAsync(dir.Path, ContentTestHost.TwoProviders(grok));
        var paused = NewReader(99, PerspectiveId.Success, "es-ES", Tier.Pro, [FocusAreaId.Spiritual], new DateOnly(1970, 1, 20));
        paused.Status = ReaderStatus.Paused;
        await host.AddReadersAsync(
        [
            NewReader(1, PerspectiveId.Knowledge, "es-ES", Tier.Free, [FocusAreaId.Social], new DateOnly(1990, 5, 17), "Pacific/Auckland"),
            NewReader(2, PerspectiveId.Knowledge, "es-ES", Tier.Free, [FocusAreaId.Social], new DateOnly(1990, 5, 18), "America/Los_Angeles"),
            paused,
        ]);
        // 2026-11-30 00:05 UTC: Auckland is on Nov 30 13:05 and reaches Dec 2 before now + 36 h; Los Angeles is on Nov 29 and reaches Nov 30.
        var run = await host.Get<SegmentPreparer>().RunAsync(CancellationToken.None);

        Assert.Equal(2, run.Readers);
        await using var db = await host.Db.CreateDbContextAsync();
        var stored = await db.Segments.OrderBy(s => s.LocalDate).ThenBy(s => s.SubjectKey).ToListAsync();
        Assert.All(stored, s => Assert.Equal(("es-ES", PerspectiveId.Knowledge, Tier.Free), (s.Locale, s.Perspective, s.Tier)));
        Assert.Equal(
            [new DateOnly(2026, 11, 29), new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 2)],
            stored.Select(s => s.LocalDate).Distinct());
        Assert.Equal(["focus:social", "sign:taurus"], stored.Select(s => s.SubjectKey).Distinct().Order());
        Assert.Equal(8, stored.Count);
        Assert.Equal(8, grok.Count);

        var again = await host.Get<SegmentPreparer>().RunAsync(CancellationToken.None);
        Assert.Equal(0, again.Generated);
        Assert.Equal(8, grok.Count);
    }

    [Fact]
    public async Task A_reader_with_a_stored_chart_needs_no_birth_fields_and_reads_the_same_email()
    {
        await using var host = await ContentTestHost.StartAsync(dir.Path);
        var composer = host.Get<ReaderEmailComposer>();
        var reader = NewReader(5, PerspectiveId.Calm, "en-US", Tier.Basic, [FocusAreaId.Relationships], new DateOnly(1990, 5, 17));
        var computed = await composer.ComposeAsync(reader, EmailTemplate.Daily, Day, EmailSamples.Links, CancellationToken.None);

        reader.NatalChartJson = StoredNatalChart.From(host.Get<BirthChartCalculator>().Compute(
            new BirthData(reader.BirthDate!.Value, reader.BirthTime, 40.4168, -3.7038, "Europe/Madrid"))).ToJson();
        reader.BirthDate = null;
        reader.BirthLatitude = null;
        var fromStored = await composer.ComposeAsync(reader, EmailTemplate.Daily, Day, EmailSamples.Links, CancellationToken.None);

        Assert.Equal(computed.Text, fromStored.Text);
    }

    [Fact]
    public void A_provider_with_a_key_needs_a_price_for_its_model()
    {
        var options = new LlmOptions();
        options.Providers.OpenAI.ApiKey = "k";
        options.Providers.OpenAI.Model = "gpt-5-nano";
        options.Order = "OpenAI, Gemini";

        var result = new LlmOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Llm:Prices:gpt-5-nano is required", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Llm:Order: unknown provider 'Gemini'", StringComparison.Ordinal));
        Assert.Equal([LlmProviderId.Grok, LlmProviderId.OpenAI, LlmProviderId.Offline], new LlmOptions().Chain());
        Assert.Empty(new LlmOptions().Configured());
    }
}
