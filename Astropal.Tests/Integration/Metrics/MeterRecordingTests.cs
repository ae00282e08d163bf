using System.Diagnostics.Metrics;
using Astropal.Core.Content;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Delivery;
using Astropal.Web.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Astropal.Tests.Integration.Metrics;

/// <summary>The app's own code paths record on the astropal meters (read back with MetricCollector).</summary>
public sealed class MeterRecordingTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    private static MetricCollector<T> Collect<T>(AstropalAppFactory app, string meter, string instrument)
        where T : struct =>
        new(app.Services.GetRequiredService<IMeterFactory>(), meter, instrument);

    private static object? Tag(CollectedMeasurement<long> m, string key) => m.Tags.TryGetValue(key, out var value) ? value : null;

    [Fact]
    public async Task A_logged_llm_call_counts_its_tokens_by_direction_its_cost_and_its_outcome()
    {
        await using var app = new AstropalAppFactory();
        using var tokens = Collect<long>(app, ContentMetrics.MeterName, "astropal.llm.tokens");
        using var calls = Collect<long>(app, ContentMetrics.MeterName, "astropal.llm.calls");
        using var cost = Collect<double>(app, ContentMetrics.MeterName, "astropal.llm.cost");

        await app.Services.GetRequiredService<ILlmCallLog>().RecordAsync(
            new LlmCall
            {
                At = At,
                Provider = "grok",
                Model = "grok-test",
                SegmentKey = "2026-12-01/en-US/calm/basic/sign:gemini",
                InputTokens = 1200,
                OutputTokens = 300,
                CostUsd = 0.0042m,
                LatencyMs = 1500,
                Outcome = LlmCallOutcome.InvalidAnswer,
            },
            CancellationToken.None);

        var measured = tokens.GetMeasurementSnapshot();
        Assert.Equal(1200, Assert.Single(measured, m => Equals(Tag(m, "direction"), "input")).Value);
        Assert.Equal(300, Assert.Single(measured, m => Equals(Tag(m, "direction"), "output")).Value);
        Assert.All(measured, m => Assert.Equal("grok", Tag(m, "provider")));
        var call = Assert.Single(calls.GetMeasurementSnapshot());
        Assert.Equal("invalid_answer", Tag(call, "outcome"));
        Assert.Equal(0.0042, Assert.Single(cost.GetMeasurementSnapshot()).Value, 6);
    }

    [Fact]
    public async Task The_budget_event_is_counted_once_a_day_however_often_it_is_reached()
    {
        await using var app = new AstropalAppFactory();
        using var exceeded = Collect<long>(app, ContentMetrics.MeterName, "astropal.llm.budget_exceeded");
        var log = app.Services.GetRequiredService<ILlmCallLog>();
        var day = new DateOnly(2026, 12, 5);

        var first = await log.RecordBudgetReachedAsync(new LlmBudgetEvent { Day = day, At = At, SpentUsd = 5.01m, BudgetUsd = 5m }, CancellationToken.None);
        var second = await log.RecordBudgetReachedAsync(new LlmBudgetEvent { Day = day, At = At, SpentUsd = 5.20m, BudgetUsd = 5m }, CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(1, exceeded.GetMeasurementSnapshot().EvaluateAsCounter());
    }

    [Fact]
    public async Task An_unsubscribe_through_the_link_is_counted_once_with_via_link()
    {
        await using var app = new AstropalAppFactory();
        using var unsubscribes = Collect<long>(app, ReaderMetrics.MeterName, "astropal.readers.unsubscribes");
        using var client = app.CreateNonRedirectingClient();
        var reader = new Reader
        {
            Id = Guid.NewGuid(),
            Email = "ada@example.com",
            TimeZone = "Europe/London",
            Locale = "en-US",
            ReferralCode = "ADA12345",
            Status = ReaderStatus.Active,
        };
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync())
        {
            db.Readers.Add(reader);
            await db.SaveChangesAsync();
        }

        var token = app.Services.GetRequiredService<UnsubscribeTokens>().Create(reader.Id);
        for (var i = 0; i < 2; i++)
        {
            using var body = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
            using var post = await client.PostAsync(new Uri($"/u/{token}", UriKind.Relative), body);
            Assert.Equal(System.Net.HttpStatusCode.OK, post.StatusCode);
        }

        var measured = Assert.Single(unsubscribes.GetMeasurementSnapshot());
        Assert.Equal(1, measured.Value);
        Assert.Equal("link", Tag(measured, "via"));
    }
}
