using System.Diagnostics;
using System.Globalization;
using Astropal.Core.Billing;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Web.Features.Subscribers;
using Astropal.Web.Infrastructure.Database;
using Astropal.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Astropal.Benchmarks.Subscribers;

/// <summary>
/// The console's subscribers page on a big list (issue 12): N readers (100,000 by default) in a SQLite file, then the page
/// query of <c>/ops/subscribers</c> (<see cref="SubscriberQuery"/>, the page's own code: count and one page) timed for
/// several searches, filters, orders and pages. Prints one line per combination with the median and p95 in
/// milliseconds, and a final <c>subscribers readers=N worst_p95_ms=X</c>.
/// </summary>
internal static class SubscribersBenchmark
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] Surnames = ["Lovelace", "Hopper", "Turing", "Noether", "Curie", "Franklin", "Meitner", "Johnson", "Ride", "Sagan"];

    public static async Task<int> RunAsync(string[] args)
    {
        var readers = 100_000;
        var runs = 30;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--readers" when value is not null: readers = int.Parse(value, Invariant); i++; break;
                case "--runs" when value is not null: runs = int.Parse(value, Invariant); i++; break;
                default:
                    await Console.Error.WriteLineAsync("usage: subscribers [--readers N] [--runs R]");
                    return 2;
            }
        }

        var dataDirectory = Path.Combine(Path.GetTempPath(), "astropal-subscribers-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDirectory);
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory });
            builder.Services.AddLogging();
            builder.Services.AddSingleton(TimeProvider.System);
            builder.AddAstropalStorage();
            builder.AddAstropalDatabase();
            builder.AddAstropalSubscribers();
            using var host = builder.Build();
            var dbFactory = host.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
            }

            var seeding = Stopwatch.StartNew();
            await SeedAsync(dbFactory, readers);
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                await db.Database.ExecuteSqlRawAsync("ANALYZE");
            }

            Console.WriteLine(string.Create(Invariant, $"seeded {readers} readers in {seeding.Elapsed.TotalSeconds:F1}s into {dataDirectory}"));

            var query = host.Services.GetRequiredService<SubscriberQuery>();
            var lastPage = (readers - 1) / 25;
            var combinations = new (string Name, SubscriberFilter Filter)[]
            {
                ("first page, newest sign-ups", new SubscriberFilter()),
                ("page 100, newest sign-ups", new SubscriberFilter(Page: 100)),
                ("last page, newest sign-ups", new SubscriberFilter(Page: lastPage)),
                ("status active, oldest sign-ups", new SubscriberFilter(Status: ReaderStatus.Active, Sort: SubscriberSort.SignedUpOldest)),
                ("last activity, newest first", new SubscriberFilter(Sort: SubscriberSort.LastActivityNewest)),
                ("last activity, oldest first", new SubscriberFilter(Sort: SubscriberSort.LastActivityOldest)),
                ("tier pro + perspective evidence", new SubscriberFilter(Tier: Tier.Pro, Perspective: PerspectiveId.Evidence)),
                ("cohort beta", new SubscriberFilter(Cohort: "beta")),
                ("locale es-ES + paused, page 3", new SubscriberFilter(Status: ReaderStatus.Paused, Locale: "es-ES", Page: 3)),
                ("search email 'reader4242'", new SubscriberFilter(Search: "reader4242")),
                ("search name 'hopper'", new SubscriberFilter(Search: "hopper")),
                ("search no match", new SubscriberFilter(Search: "nobody-at-all")),
                ("search + every filter", new SubscriberFilter(Search: "turing", Status: ReaderStatus.Active, Tier: Tier.Basic, Perspective: PerspectiveId.Calm, Locale: "en-US", Sort: SubscriberSort.LastActivityNewest)),
            };

            var worst = 0.0;
            foreach (var (name, filter) in combinations)
            {
                var times = new List<double>(runs);
                SubscriberPage? page = null;
                for (var run = -3; run < runs; run++)
                {
                    var stopwatch = Stopwatch.StartNew();
                    page = await query.PageAsync(filter, CancellationToken.None);
                    stopwatch.Stop();
                    if (run >= 0)
                    {
                        times.Add(stopwatch.Elapsed.TotalMilliseconds);
                    }
                }

                times.Sort();
                var median = times[times.Count / 2];
                var p95 = times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)];
                worst = Math.Max(worst, p95);
                Console.WriteLine(string.Create(Invariant, $"{name,-36} rows={page!.Rows.Count,3} total={page.Total,7} median_ms={median,7:F1} p95_ms={p95,7:F1}"));
            }

            Console.WriteLine(string.Create(Invariant, $"subscribers readers={readers} runs={runs} worst_p95_ms={worst:F1}"));
            return 0;
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

    private static async Task SeedAsync(IDbContextFactory<AstropalDbContext> dbFactory, int count)
    {
        var perspectives = Enum.GetValues<PerspectiveId>();
        var tiers = Enum.GetValues<Tier>();
        var focusAreas = Enum.GetValues<FocusAreaId>();
        var random = new Random(20261201);
        const int batch = 5_000;
        for (var start = 0; start < count; start += batch)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var rows = new List<Reader>(batch);
            for (var i = start; i < Math.Min(count, start + batch); i++)
            {
                var created = Now.AddMinutes(-random.Next(2 * 365 * 24 * 60));
                var status = random.Next(20) switch { 0 => ReaderStatus.Paused, 1 => ReaderStatus.Unsubscribed, 2 => ReaderStatus.Pending, 3 => ReaderStatus.Bounced, _ => ReaderStatus.Active };
                rows.Add(new Reader
                {
                    Id = Guid.NewGuid(),
                    Email = string.Create(Invariant, $"reader{i}@bench.astropal.test"),
                    Name = string.Create(Invariant, $"Reader {Surnames[random.Next(Surnames.Length)]} {i}"),
                    BirthDate = new DateOnly(1950, 1, 1).AddDays(random.Next(20_000)),
                    TimeZone = "Europe/Madrid",
                    Locale = random.Next(4) == 0 ? "es-ES" : "en-US",
                    Perspective = perspectives[random.Next(perspectives.Length)],
                    FocusAreas = [focusAreas[random.Next(focusAreas.Length)]],
                    Tier = tiers[random.Next(tiers.Length)],
                    Status = status,
                    Cohort = i % 25_000 == 0 ? "beta" : null,
                    TermsAcceptedAt = created,
                    CreatedAt = created,
                    ConfirmedAt = created,
                    UpdatedAt = created,
                    LastActivityAt = random.Next(3) == 0 ? null : created.AddMinutes(random.Next(60 * 24 * 30)),
                    ReferralCode = Guid.NewGuid().ToString("N")[..12],
                });
            }

            db.Readers.AddRange(rows);
            await db.SaveChangesAsync();
        }
    }
}
