using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Astropal.Core.Billing;
using Astropal.Core.Content;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Web.Features.Content;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Astropal.Benchmarks.Segments;

/// <summary>
/// Shared-segment benchmark (issue 4): N active readers with random preferences (voice, locale, tier, 1–3 focus
/// areas, birth date and place, zone) in a SQLite file; the real preparation code finds the segments they need
/// and generates one local day's worth through the provider chain against a loopback fake OpenAI-compatible
/// server (Grok configured). The fake reports usage as characters / 4 of the prompt and of its answer. Prints a
/// line for 4 readers and for N, then:
/// <c>segments readers=N distinct_segments=S llm_calls=C calls_equal_segments=true tokens_per_day_4=T4 tokens_per_day_N=TN ...</c>.
/// </summary>
internal static class SegmentsBenchmark
{
    private static readonly DateTimeOffset Now = new(2026, 6, 11, 12, 0, 0, TimeSpan.Zero);
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        var readers = 10_000;
        var compose = 300;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--readers" when value is not null: readers = int.Parse(value, Invariant); i++; break;
                case "--compose" when value is not null: compose = int.Parse(value, Invariant); i++; break;
                default:
                    await Console.Error.WriteLineAsync("usage: segments [--readers N] [--compose M]   (M readers' emails composed after preparation; 0 skips)");
                    return 2;
            }
        }

        await using var fake = await FakeOpenAi.StartAsync();
        var population = Population(readers);
        var small = await RunScenarioAsync(fake, population.Take(4).ToList(), compose: 4);
        var large = await RunScenarioAsync(fake, population, compose);
        var equal = small.Calls == small.Segments && large.Calls == large.Segments && large.CallsWhileComposing == 0 && small.CallsWhileComposing == 0;
        Console.WriteLine(string.Create(Invariant,
            $"segments readers={readers} distinct_segments={large.Segments} llm_calls={large.Calls} calls_equal_segments={equal.ToString().ToLowerInvariant()} " +
            $"tokens_per_day_4={small.Tokens} tokens_per_day_{readers}={large.Tokens} tokens_per_reader_{readers}={(double)large.Tokens / readers:F1} " +
            $"cost_per_day_usd_{readers}={large.CostUsd:F4} seconds={large.Seconds:F1}"));
        return equal ? 0 : 1;
    }

    private sealed record Scenario(int Readers, string Day, int Segments, int Calls, long Tokens, long InputTokens, long OutputTokens, decimal CostUsd, int CallsWhileComposing, double Seconds);

    private static async Task<Scenario> RunScenarioAsync(FakeOpenAi fake, IReadOnlyList<Reader> readers, int compose)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "astropal-segments-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDirectory);
        try
        {
            using var host = BuildHost(dataDirectory, fake.BaseUrl);
            var dbFactory = host.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                db.Readers.AddRange(readers.Select(Copy));
                await db.SaveChangesAsync();
            }

            var stopwatch = Stopwatch.StartNew();
            var (counted, needed) = await host.Services.GetRequiredService<SegmentPreparer>().NeededAsync(Now, CancellationToken.None);
            // One local day: the date most readers are on (every zone's readers need it within the 36 h window).
            var day = needed.GroupBy(k => k.LocalDate).OrderByDescending(g => g.Count()).First().Key;
            var keys = needed.Where(k => k.LocalDate == day).ToList();
            var before = fake.Calls;
            await host.Services.GetRequiredService<SegmentService>().PrepareAsync(keys, 8, CancellationToken.None);
            var calls = fake.Calls - before;
            stopwatch.Stop();

            long input, output;
            decimal cost;
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                var rows = await db.LlmCalls.AsNoTracking().Select(c => new { c.InputTokens, c.OutputTokens, c.CostUsd }).ToListAsync();
                input = rows.Sum(r => (long)r.InputTokens);
                output = rows.Sum(r => (long)r.OutputTokens);
                cost = rows.Sum(r => r.CostUsd);
            }

            // Sending never waits: composing readers' emails for that day reads the stored segments only.
            var composer = host.Services.GetRequiredService<ReaderEmailComposer>();
            var links = new EmailLinks("https://astropal.test/p", "https://astropal.test/u", "https://astropal.test/privacy", PerspectiveLinks.Create(p => "https://astropal.test/p/" + p.Slug));
            var beforeCompose = fake.Calls;
            foreach (var reader in readers.Take(compose))
            {
                var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, TimeZoneInfo.FindSystemTimeZoneById(reader.TimeZone)).DateTime);
                if (local == day)
                {
                    await composer.ComposeAsync(reader, EmailTemplate.Daily, day, links, CancellationToken.None);
                }
            }

            var scenario = new Scenario(counted, day.ToString("yyyy-MM-dd", Invariant), keys.Count, calls, input + output, input, output, cost, fake.Calls - beforeCompose, stopwatch.Elapsed.TotalSeconds);
            Console.WriteLine(string.Create(Invariant,
                $"readers={scenario.Readers} day={scenario.Day} distinct_segments={scenario.Segments} llm_calls={scenario.Calls} tokens_per_day={scenario.Tokens} (input {scenario.InputTokens}, output {scenario.OutputTokens}) cost_usd={scenario.CostUsd:F4} calls_while_composing={scenario.CallsWhileComposing} seconds={scenario.Seconds:F1}"));
            return scenario;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder left behind is harmless.
            }
        }
    }

    private static Reader Copy(Reader r) => new()
    {
        Id = Guid.NewGuid(), Email = r.Email, Name = r.Name, BirthDate = r.BirthDate, BirthTime = r.BirthTime, BirthPlaceId = r.BirthPlaceId,
        BirthPlaceName = r.BirthPlaceName, BirthLatitude = r.BirthLatitude, BirthLongitude = r.BirthLongitude, BirthTimeZone = r.BirthTimeZone,
        TimeZone = r.TimeZone, DeliveryTime = r.DeliveryTime, Locale = r.Locale, Perspective = r.Perspective, FocusAreas = [.. r.FocusAreas],
        Tier = r.Tier, Status = r.Status, TermsAcceptedAt = r.TermsAcceptedAt, CreatedAt = r.CreatedAt, ConfirmedAt = r.ConfirmedAt, ReferralCode = r.ReferralCode,
    };

    private static List<Reader> Population(int count)
    {
        var (cities, zones) = BenchmarkHost.Birthplaces();
        var random = new Random(20261201);
        var joined = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var tiers = Enum.GetValues<Tier>();
        return Enumerable.Range(0, count).Select(i =>
        {
            var birthplace = cities[random.Next(cities.Length)];
            return new Reader
            {
                Id = Guid.NewGuid(),
                Email = string.Create(Invariant, $"reader{i}@bench.astropal.test"),
                Name = string.Create(Invariant, $"Reader {i}"),
                BirthDate = new DateOnly(1950, 1, 1).AddDays(random.Next(20_000)),
                BirthTime = random.Next(4) == 0 ? null : new TimeOnly(random.Next(24), random.Next(60)),
                BirthPlaceId = birthplace.GeonameId,
                BirthPlaceName = birthplace.Name,
                BirthLatitude = birthplace.Latitude,
                BirthLongitude = birthplace.Longitude,
                BirthTimeZone = birthplace.TimeZoneId,
                TimeZone = zones[random.Next(zones.Length)],
                Locale = random.Next(4) == 0 ? "es-ES" : "en-US",
                Perspective = (PerspectiveId)random.Next(4),
                FocusAreas = Enum.GetValues<FocusAreaId>().OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList(),
                Tier = tiers[random.Next(tiers.Length)],
                Status = ReaderStatus.Active,
                TermsAcceptedAt = joined,
                CreatedAt = joined,
                ConfirmedAt = joined,
                ReferralCode = Guid.NewGuid().ToString("N")[..12],
            };
        }).ToList();
    }

    private static IHost BuildHost(string dataDirectory, string grokUrl) =>
        BenchmarkHost.CreateBuilder(dataDirectory, Now, new Dictionary<string, string?>
        {
            ["Email:Transport"] = "Outbox",
            ["Llm:Providers:Grok:ApiKey"] = "bench-key",
            ["Llm:Providers:Grok:BaseUrl"] = grokUrl,
            ["Llm:DailyBudgetUsd"] = "1000",
        }).Build();

    /// <summary>A loopback OpenAI-compatible server answering every segment with valid content; usage = characters / 4.</summary>
    private sealed class FakeOpenAi : IAsyncDisposable
    {
        private readonly WebApplication app;
        private int calls;

        private FakeOpenAi(WebApplication app) => this.app = app;

        public int Calls => Volatile.Read(ref calls);

        public string BaseUrl { get; private set; } = "";

        public static async Task<FakeOpenAi> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var fake = new FakeOpenAi(app);
            app.MapPost("/v1/chat/completions", fake.HandleAsync);
            await app.StartAsync();
            fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/v1";
            return fake;
        }

        private async Task HandleAsync(HttpContext context)
        {
            Interlocked.Increment(ref calls);
            var body = (await JsonNode.ParseAsync(context.Request.Body))!;
            var promptChars = body["messages"]!.AsArray().Sum(m => m!["content"]!.ToJsonString().Length);
            var focus = body["messages"]!.ToJsonString().Contains("focus area", StringComparison.Ordinal);
            var answer = JsonSerializer.Serialize(new
            {
                subject = "A steady day to move gently",
                preheader = "A few quiet minutes and one clear step are enough for today.",
                snippet = "One slow breath, one clear step: that is today's whole plan.",
                sections = focus
                    ? new[] { new { heading = "Today", body = "Give this part of life one unhurried look today: notice what asks for care, and what can wait until tomorrow without harm." } }
                    :
                    [
                        new { heading = "Opening", body = "Today asks for nothing loud. Let the first hour be slow, and let your attention settle before the day fills up." },
                        new { heading = "The day", body = "The sky keeps its pace whether you hurry or not. There is room to choose one thing and give it your full attention." },
                        new { heading = "Practice", body = "Sit for three minutes with your feet on the floor and count ten slow breaths before you open your messages." },
                    ],
            });
            var reply = new JsonObject
            {
                ["id"] = "chatcmpl-bench",
                ["object"] = "chat.completion",
                ["created"] = 1_780_000_000,
                ["model"] = body["model"]?.GetValue<string>(),
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = answer },
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = (promptChars + 3) / 4, ["completion_tokens"] = (answer.Length + 3) / 4 },
            };
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.ToJsonString());
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
