using Astropal.Core.Billing;
using Astropal.Core.Content;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Tests.Integration.Content;

public sealed class ContentPersistenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 5, 0, TimeSpan.Zero);

    private static SqliteAstropalDbContext Open(string path) =>
        new(new DbContextOptionsBuilder<SqliteAstropalDbContext>()
            .UseSqlite($"Data Source={path}", DatabaseSetup.ConfigureSqlite).Options);

    private static Segment NewSegment(string subject) => new()
    {
        LocalDate = new DateOnly(2026, 12, 1),
        Locale = "es-ES",
        Perspective = PerspectiveId.Knowledge,
        Tier = Tier.Pro,
        SubjectKey = subject,
        Provider = "offline",
        Model = "phrase-library-v1",
        ContentJson = "{\"subject\":\"La Luna en Virgo\"}",
        CreatedAt = Now,
    };

    [Fact]
    public async Task Segments_are_unique_per_date_locale_perspective_tier_and_subject()
    {
        using var dir = new TempDirectory("content-db");
        await using var db = Open(dir.File("c.db"));
        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
        db.Segments.Add(NewSegment("sign:virgo"));
        db.Segments.Add(NewSegment("focus:career"));
        await db.SaveChangesAsync();

        db.Segments.Add(NewSegment("sign:virgo"));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        db.ChangeTracker.Clear();
        var stored = await db.Segments.Where(s => s.LocalDate == new DateOnly(2026, 12, 1) && s.Perspective == PerspectiveId.Knowledge).OrderBy(s => s.SubjectKey).ToListAsync();
        Assert.Equal(["focus:career", "sign:virgo"], stored.Select(s => s.SubjectKey));
        Assert.Equal(Tier.Pro, stored[0].Tier);
    }

    [Fact]
    public async Task Llm_calls_keep_tokens_cost_and_outcome_and_a_days_spend_adds_up()
    {
        using var dir = new TempDirectory("content-db");
        await using (var db = Open(dir.File("c.db")))
        {
            await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
            db.LlmCalls.Add(new LlmCall { At = Now, Provider = "grok", Model = "grok-3-mini", SegmentKey = "2026-12-01/en-US/calm/basic/sign:virgo", InputTokens = 812, OutputTokens = 344, CostUsd = 0.000416m, LatencyMs = 1834, Outcome = LlmCallOutcome.Success });
            db.LlmCalls.Add(new LlmCall { At = Now.AddMinutes(1), Provider = "openai", Model = "gpt-4o-mini", SegmentKey = "2026-12-01/en-US/calm/basic/sign:virgo", InputTokens = 900, OutputTokens = 0, CostUsd = 0.000135m, LatencyMs = 15000, Outcome = LlmCallOutcome.Timeout, Detail = "timed out after 15 s" });
            db.NewsHeadlines.Add(new NewsHeadline { FetchedOn = new DateOnly(2026, 12, 1), Category = "science", Title = "Probe reaches Jupiter", Source = "Example", Url = "https://news.test/a", FetchedAt = Now });
            await db.SaveChangesAsync();
        }

        await using (var db = Open(dir.File("c.db")))
        {
            var calls = await db.LlmCalls.OrderBy(c => c.At).ToListAsync();
            Assert.Equal(0.000416m, calls[0].CostUsd);
            Assert.Equal(LlmCallOutcome.Timeout, calls[1].Outcome);
            var spend = calls.Where(c => c.At >= Now.AddHours(-1)).Sum(c => c.CostUsd);
            Assert.Equal(0.000551m, spend);
            Assert.Equal("Probe reaches Jupiter", (await db.NewsHeadlines.SingleAsync(h => h.Category == "science")).Title);
            var outcome = await db.Database.SqlQueryRaw<string>("SELECT \"Outcome\" AS \"Value\" FROM \"LlmCalls\" ORDER BY \"Id\" LIMIT 1").SingleAsync();
            Assert.Equal("Success", outcome);
        }
    }
}
