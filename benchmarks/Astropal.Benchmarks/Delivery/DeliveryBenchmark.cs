using System.Diagnostics;
using System.Globalization;
using Astropal.Core.Billing;
using Astropal.Core.Delivery;
using Astropal.Core.Readers;
using Astropal.Core.Sky;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Delivery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Astropal.Benchmarks.Delivery;

/// <summary>
/// End-to-end delivery benchmark (issue 5): N active readers in many zones in a SQLite file, one day's
/// morning email each, sent by the real dispatcher (ledger, offline composer, MailKit pool) over a
/// loopback socket to an SMTP sink (or to <c>--smtp-host</c>/<c>--smtp-port</c>). Only the sending
/// phase is timed. Prints one final line:
/// <c>delivery readers=N sent=N duplicates=D seconds=S rate=R/s peak_ws_mb=M</c>.
/// </summary>
internal static class DeliveryBenchmark
{
    // Thursday 2026-06-11 12:00 UTC: the 24 h before it hold exactly one morning email per reader in every
    // zone (local Wednesday or Thursday), and no Sunday, so free-tier readers get no weekly email.
    private static readonly DateTimeOffset Weekday = new(2026, 6, 11, 12, 0, 0, TimeSpan.Zero);

    // With --sunday, Sunday 2026-06-14 20:00 UTC: the 24 h before it hold the Sunday 08:00 weekly overview of every
    // zone up to UTC+12 as well as a morning email (Saturday's or Sunday's, by zone): about two emails per reader.
    private static readonly DateTimeOffset SundayEvening = new(2026, 6, 14, 20, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Joined = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        var readers = 20_000;
        string? smtpHost = null;
        var smtpPort = 25;
        var parallelism = 8;
        var poolSize = 4;
        var now = Weekday;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--readers" when value is not null: readers = int.Parse(value, Invariant); i++; break;
                case "--smtp-host" when value is not null: smtpHost = value; i++; break;
                case "--smtp-port" when value is not null: smtpPort = int.Parse(value, Invariant); i++; break;
                case "--parallelism" when value is not null: parallelism = int.Parse(value, Invariant); i++; break;
                case "--pool-size" when value is not null: poolSize = int.Parse(value, Invariant); i++; break;
                case "--sunday": now = SundayEvening; break;
                default:
                    await Console.Error.WriteLineAsync(
                        "usage: delivery [--readers N] [--smtp-host HOST --smtp-port PORT] [--parallelism P] [--pool-size S] [--sunday]");
                    return 2;
            }
        }

        var dataDirectory = Path.Combine(Path.GetTempPath(), "astropal-delivery-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDirectory);
        InProcessSmtpServer? sink = null;
        try
        {
            if (smtpHost is null)
            {
                sink = await InProcessSmtpServer.StartAsync();
                sink.KeepMessages = false;
                smtpHost = "127.0.0.1";
                smtpPort = sink.Port;
            }

            using var host = BuildHost(dataDirectory, smtpHost, smtpPort, parallelism, poolSize, now);
            var dbFactory = host.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
            }

            await SeedAsync(dbFactory, host.Services.GetRequiredService<BirthChartCalculator>(), readers);
            Console.WriteLine($"seeded {readers} readers in {dataDirectory}; sending to {smtpHost}:{smtpPort} (parallelism {parallelism}, pool {poolSize})");

            var dispatcher = host.Services.GetRequiredService<DeliveryDispatcher>();
            using var process = Process.GetCurrentProcess();
            Console.WriteLine($"after seeding: ws_mb={process.WorkingSet64 >> 20} peak_ws_mb={process.PeakWorkingSet64 >> 20} gc_heap_mb={GC.GetTotalMemory(false) >> 20}");
            long sampledPeak = 0;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    process.Refresh();
                    sampledPeak = Math.Max(sampledPeak, process.WorkingSet64);
                    try
                    {
                        await Task.Delay(50, sampling.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            });

            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var pauseBefore = GC.GetTotalPauseDuration();
            var gcBefore = (Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2));
            var stopwatch = Stopwatch.StartNew();
            var runs = 0;
            while (runs++ < 20)
            {
                var summary = await dispatcher.RunAsync(CancellationToken.None);
                Console.WriteLine(
                    $"run {runs}: created={summary.Created} claimed={summary.Claimed} sent={summary.Sent} retrying={summary.Retrying} failed={summary.Failed} skipped={summary.Skipped} suppressed={summary.Suppressed}");
                if (summary.Created == 0 && summary.Claimed == 0)
                {
                    break;
                }
            }

            stopwatch.Stop();
            process.Refresh();
            var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            var allocatedMb = (GC.GetTotalAllocatedBytes() - allocatedBefore) / 1048576.0;
            var gcPause = GC.GetTotalPauseDuration() - pauseBefore;
            var collections = (Gen0: GC.CollectionCount(0) - gcBefore.Gen0, Gen1: GC.CollectionCount(1) - gcBefore.Gen1, Gen2: GC.CollectionCount(2) - gcBefore.Gen2);
            await sampling.CancelAsync();
            await sampler;
            process.Refresh();
            var peak = Math.Max(sampledPeak, process.PeakWorkingSet64);

            int sent;
            int ledgerDuplicates;
            int notSent;
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                sent = await db.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Sent);
                notSent = await db.Deliveries.CountAsync(d => d.Status != DeliveryStatus.Sent);
                ledgerDuplicates = await db.Deliveries
                    .GroupBy(d => new { d.ReaderId, d.Kind, d.LocalDate })
                    .CountAsync(g => g.Count() > 1);
                var byKind = await db.Deliveries.GroupBy(d => new { d.Kind, d.Status })
                    .Select(g => new { g.Key.Kind, g.Key.Status, Count = g.Count() })
                    .ToListAsync();
                Console.WriteLine("ledger " + string.Join(' ', byKind.OrderBy(k => k.Kind).ThenBy(k => k.Status)
                    .Select(k => $"{k.Kind.ToString().ToLowerInvariant()}.{k.Status.ToString().ToLowerInvariant()}={k.Count}")));
            }

            var duplicates = ledgerDuplicates;
            if (sink is not null)
            {
                // Give the last DATA replies a moment to be counted, then compare both sides.
                await Task.Delay(200);
                duplicates += sink.Duplicates;
                Console.WriteLine($"sink received={sink.ReceivedCount} duplicate_message_ids={sink.Duplicates} without_message_id={sink.WithoutMessageId}; ledger not_sent={notSent}");
            }

            var seconds = stopwatch.Elapsed.TotalSeconds;
            // The machine may be shared: CPU time per email says what the wall-clock rate cannot.
            Console.WriteLine(string.Create(Invariant,
                $"cpu_seconds={cpuSeconds:F1} cpu_ms_per_email={cpuSeconds * 1000 / Math.Max(1, sent):F2} cores={Environment.ProcessorCount} " +
                $"allocated_kb_per_email={allocatedMb * 1024 / Math.Max(1, sent):F0} gc_pause_seconds={gcPause.TotalSeconds:F1} gc_collections={collections.Gen0}/{collections.Gen1}/{collections.Gen2}"));
            Console.WriteLine(string.Create(Invariant,
                $"delivery readers={readers} sent={sent} duplicates={duplicates} seconds={seconds:F2} rate={sent / seconds:F0}/s peak_ws_mb={peak / (1024 * 1024)}"));
            return 0;
        }
        finally
        {
            if (sink is not null)
            {
                await sink.DisposeAsync();
            }

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

    private static IHost BuildHost(string dataDirectory, string smtpHost, int smtpPort, int parallelism, int poolSize, DateTimeOffset now)
    {
        var builder = BenchmarkHost.CreateBuilder(dataDirectory, now, new Dictionary<string, string?>
        {
            ["Email:Transport"] = "Smtp",
            ["Email:Smtp:Host"] = smtpHost,
            ["Email:Smtp:Port"] = smtpPort.ToString(Invariant),
            ["Email:Smtp:Security"] = "None",
            ["Email:Smtp:PoolSize"] = poolSize.ToString(Invariant),
            ["Delivery:Parallelism"] = parallelism.ToString(Invariant),
            ["Delivery:Tracking"] = "true",
            // The whole day is due at once (a catch-up run), so nothing may be skipped as late.
            ["Delivery:MaxLateness"] = "1.00:00:00",
        });
        builder.AddAstropalDelivery();
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        return builder.Build();
    }

    private static async Task SeedAsync(IDbContextFactory<AstropalDbContext> dbFactory, BirthChartCalculator charts, int count)
    {
        var (cities, zones) = BenchmarkHost.Birthplaces();
        var perspectives = Enum.GetValues<PerspectiveId>();
        var focusAreas = Enum.GetValues<FocusAreaId>();
        var random = new Random(20260611);
        const int batch = 2_000;
        for (var start = 0; start < count; start += batch)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var rows = new List<Reader>(batch);
            for (var i = start; i < Math.Min(count, start + batch); i++)
            {
                var birthplace = cities[random.Next(cities.Length)];
                var areas = focusAreas.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList();
                var birthDate = new DateOnly(1950, 1, 1).AddDays(random.Next(20_000));
                TimeOnly? birthTime = random.Next(4) == 0 ? null : new TimeOnly(random.Next(24), random.Next(60));
                rows.Add(new Reader
                {
                    Id = Guid.NewGuid(),
                    Email = string.Create(Invariant, $"reader{i}@bench.astropal.test"),
                    Name = string.Create(Invariant, $"Reader {i}"),
                    BirthDate = birthDate,
                    BirthTime = birthTime,
                    BirthPlaceId = birthplace.GeonameId,
                    BirthPlaceName = birthplace.Name,
                    BirthLatitude = birthplace.Latitude,
                    BirthLongitude = birthplace.Longitude,
                    BirthTimeZone = birthplace.TimeZoneId,
                    TimeZone = zones[random.Next(zones.Length)],
                    DeliveryTime = new TimeOnly(5, 0).AddMinutes(30 * random.Next(11)),
                    Locale = random.Next(4) == 0 ? "es-ES" : "en-US",
                    Perspective = perspectives[random.Next(perspectives.Length)],
                    FocusAreas = areas,
                    Tier = Tier.Free,
                    Status = ReaderStatus.Active,
                    TermsAcceptedAt = Joined,
                    CreatedAt = Joined,
                    ConfirmedAt = Joined,
                    ReferralCode = Guid.NewGuid().ToString("N")[..12],
                    // Cast once at confirmation, as the sign-up flow does; the daily email reads it from here.
                    NatalChartJson = StoredNatalChart.From(charts.Compute(BirthData.At(birthDate, birthTime, birthplace))).ToJson(),
                });
            }

            db.Readers.AddRange(rows);
            await db.SaveChangesAsync();
        }
    }
}
