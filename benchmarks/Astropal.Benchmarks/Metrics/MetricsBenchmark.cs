using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Astropal.Core.Billing;
using Astropal.Core.Content;
using Astropal.Core.Content.Llm;
using Astropal.Core.Delivery;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Metrics;
using Astropal.Web.Infrastructure.Database;
using Astropal.Web.Infrastructure.Hosting;
using Astropal.Web.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Astropal.Benchmarks.Metrics;

/// <summary>
/// The launch metrics at launch scale (issue 13): N readers (100,000 by default) with one daily email each per day for
/// D days (30: 3 million ledger rows), human first opens of 40 % and clicks of 5 % of the sent emails, the LLM calls of
/// 432 segments a day, and request minutes of 3 instances, seeded into a SQLite file with prepared raw INSERTs in
/// transactions. Then the full computation the sampler and the alert evaluation run every minute
/// (<see cref="LaunchMetrics.ComputeAsync"/>, all nine metrics) is timed R times, and each of its parts apart.
/// Prints median and p95 in milliseconds and a final <c>metrics readers=N days=D evaluation_median_ms=… evaluation_p95_ms=…</c>.
/// </summary>
internal static class MetricsBenchmark
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 20, 30, 5, TimeSpan.Zero);
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly DateTimeOffsetToBinaryConverter BinaryConverter = new();
    private const int SegmentsPerDay = 432;
    private const int Instances = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        var readers = 100_000;
        var days = 30;
        var runs = 20;
        var plans = false;
        var keep = false;
        string? reuse = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--readers" when value is not null: readers = int.Parse(value, Invariant); i++; break;
                case "--days" when value is not null: days = int.Parse(value, Invariant); i++; break;
                case "--runs" when value is not null: runs = int.Parse(value, Invariant); i++; break;
                case "--plans": plans = true; break;
                case "--keep": keep = true; break;
                case "--data" when value is not null: reuse = value; keep = true; i++; break;
                default:
                    await Console.Error.WriteLineAsync("usage: metrics [--readers N] [--days D] [--runs R] [--plans] [--keep] [--data DIR]");
                    return 2;
            }
        }

        // --data DIR: a folder a --keep run left seeded (its readers and days), measured again without seeding.
        var dataDirectory = reuse ?? Path.Combine(Path.GetTempPath(), "astropal-metrics-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDirectory);
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataDirectory"] = dataDirectory,
                // Keys set, so content.generation.failures is computed (no call is made).
                ["Llm:Providers:Grok:ApiKey"] = "xai-bench",
                ["Llm:Providers:OpenAI:ApiKey"] = "sk-bench",
            });
            builder.Services.AddLogging();
            builder.Services.AddSingleton(TimeProvider.System);
            builder.Services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.SectionName);
            builder.Services.AddSingleton<AuditLog>();
            builder.AddAstropalStorage();
            builder.AddAstropalDatabase();
            builder.AddAstropalMetrics();
            builder.AddAstropalLaunchMetrics();
            using var host = builder.Build();
            var dbFactory = host.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
            }

            var seeding = Stopwatch.StartNew();
            var counts = reuse is null ? await SeedAsync(dbFactory, readers, days) : default;
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                await db.Database.ExecuteSqlRawAsync("ANALYZE");
            }

            Console.WriteLine(string.Create(Invariant,
                $"seeded readers={readers} deliveries={counts.Deliveries} engagement_events={counts.Events} llm_calls={counts.Calls} request_minutes={counts.Minutes} in {seeding.Elapsed.TotalSeconds:F1}s ({new FileInfo(Path.Combine(dataDirectory, "astropal.db")).Length / 1048576.0:F0} MB)"));

            var metrics = host.Services.GetRequiredService<LaunchMetrics>();
            if (plans)
            {
                await PrintPlansAsync(dbFactory, metrics);
            }

            IReadOnlyDictionary<string, double?> values = new Dictionary<string, double?>();
            var evaluation = await TimeAsync(runs, async () =>
            {
                await using var db = await dbFactory.CreateDbContextAsync();
                values = await metrics.ComputeAsync(db, Now, CancellationToken.None);
            });
            foreach (var part in LaunchMetrics.Parts)
            {
                var times = await TimeAsync(runs, async () =>
                {
                    await using var db = await dbFactory.CreateDbContextAsync();
                    await metrics.ComputePartAsync(db, Now, part, CancellationToken.None);
                });
                Console.WriteLine(string.Create(Invariant, $"part {part,-22} median_ms={times.Median,8:F1} p95_ms={times.P95,8:F1}"));
            }

            foreach (var (name, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                Console.WriteLine(string.Create(Invariant, $"value {name,-28} {value?.ToString("G6", Invariant) ?? "no data"}"));
            }

            Console.WriteLine(string.Create(Invariant,
                $"metrics readers={readers} days={days} runs={runs} evaluation_median_ms={evaluation.Median:F1} evaluation_p95_ms={evaluation.P95:F1}"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (keep)
            {
                Console.WriteLine("kept " + dataDirectory);
            }

            try
            {
                if (!keep)
                {
                    Directory.Delete(dataDirectory, recursive: true);
                }
            }
            catch (IOException)
            {
                // Best effort: a temp folder left behind is harmless.
            }
        }
    }

    private static async Task<(double Median, double P95)> TimeAsync(int runs, Func<Task> action)
    {
        var times = new List<double>(runs);
        for (var run = -3; run < runs; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            await action();
            stopwatch.Stop();
            if (run >= 0)
            {
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        return (times[times.Count / 2], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)]);
    }

    /// <summary>EXPLAIN QUERY PLAN of every SQL statement one evaluation sends (captured through EF's logging of the commands).</summary>
    private static async Task PrintPlansAsync(IDbContextFactory<AstropalDbContext> dbFactory, LaunchMetrics metrics)
    {
        var capture = new CommandCapture();
        string connectionString;
        await using (var appDb = await dbFactory.CreateDbContextAsync())
        {
            connectionString = appDb.Database.GetConnectionString()!;
        }

        await using (var db = new SqliteAstropalDbContext(new DbContextOptionsBuilder<SqliteAstropalDbContext>().UseSqlite(connectionString).AddInterceptors(capture).Options))
        {
            await metrics.ComputeAsync(db, Now, CancellationToken.None);
        }

        await using var plansDb = await dbFactory.CreateDbContextAsync();
        var conn = plansDb.Database.GetDbConnection();
        await conn.OpenAsync();
        foreach (var (sql, parameters) in capture.Commands)
        {
            Console.WriteLine("--- " + sql.ReplaceLineEndings(" "));
            await using var explain = conn.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var (name, value) in parameters)
            {
                var p = explain.CreateParameter();
                p.ParameterName = name;
                p.Value = value ?? DBNull.Value;
                explain.Parameters.Add(p);
            }

            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Console.WriteLine("    " + reader.GetString(3));
            }
        }
    }

    private static async Task<(int Deliveries, int Events, int Calls, int Minutes)> SeedAsync(IDbContextFactory<AstropalDbContext> dbFactory, int readerCount, int days)
    {
        var random = new Random(20261201);
        var today = new DateTimeOffset(Now.UtcDateTime.Date, TimeSpan.Zero);
        var firstDay = today.AddDays(1 - days);
        await using var db = await dbFactory.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await Exec(connection, "PRAGMA synchronous = OFF");

        // Readers: 95 % active, 4 in the beta cohort, each with a UTC delivery time.
        var ids = new string[readerCount];
        var sendMinute = new int[readerCount];
        var perspectives = Enum.GetValues<PerspectiveId>();
        var tiers = Enum.GetValues<Tier>();
        await using var inserts = new Inserts(connection);
        {
            var batch = inserts.Prepare(
            "INSERT INTO Readers (Id, Email, TimeZone, DeliveryTime, Locale, Perspective, FocusAreas, Tier, Status, TermsAcceptedAt, MarketingConsent, ReferralCode, Cohort, CreatedAt, ConfirmedAt, UpdatedAt, LastActivityAt) " +
            "VALUES ($id, $email, 'UTC', $time, 'en-US', $perspective, 'career', $tier, $status, $created, 0, $code, $cohort, $created, $created, $created, $activity)");
            for (var i = 0; i < readerCount; i++)
            {
                ids[i] = Guid.NewGuid().ToString().ToUpperInvariant();
                sendMinute[i] = random.Next(5 * 60, 22 * 60);
                var created = Binary(firstDay.AddDays(-random.Next(1, 200)));
                await batch.RunAsync(
                    ids[i], string.Create(Invariant, $"reader{i}@bench.astropal.test"),
                    TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(sendMinute[i])).ToString("HH:mm:ss", Invariant),
                    perspectives[i % perspectives.Length].ToString(), tiers[i % tiers.Length].ToString(),
                    (random.Next(20) == 0 ? ReaderStatus.Paused : ReaderStatus.Active).ToString(), created,
                    string.Create(Invariant, $"B{i:X8}"), i % 25_000 == 0 ? "beta" : null,
                    random.Next(10) == 0 ? Binary(today.AddMinutes(random.Next(0, 20 * 60))) : null);
            }
        }

        // One daily email per reader per day: 98 % sent, 1 % failed, 1 % skipped too late; pending when due after now.
        var deliveries = 0;
        var events = 0;
        {
            var rows = inserts.Prepare(
            "INSERT INTO Deliveries (Id, ReaderId, Kind, LocalDate, Status, Attempts, LastError, TargetAt, SentAt, LatenessSeconds, MessageId, CreatedAt, UpdatedAt) " +
            "VALUES ($id, $reader, 'Daily', $date, $status, 1, $error, $target, $sent, $late, $message, $target, $target)");
            var engagement = inserts.Prepare(
            "INSERT INTO EngagementEvents (DeliveryId, ReaderId, Kind, At, Link, IsFirst, IsMachine) VALUES ($delivery, $reader, $kind, $at, $link, 1, 0)");
            for (var d = 0; d < days; d++)
            {
                var dayStart = firstDay.AddDays(d);
                var date = DateOnly.FromDateTime(dayStart.UtcDateTime).ToString("yyyy-MM-dd", Invariant);
                for (var i = 0; i < readerCount; i++)
                {
                    var id = Guid.NewGuid().ToString().ToUpperInvariant();
                    var target = dayStart.AddMinutes(sendMinute[i]);
                    var roll = random.Next(100);
                    var (status, error) = target > Now ? (DeliveryStatus.Pending, null)
                        : roll == 0 ? (DeliveryStatus.Failed, "550 mailbox unavailable")
                        : roll == 1 ? (DeliveryStatus.Skipped, "too late: due 6 h ago")
                        : (DeliveryStatus.Sent, (string?)null);
                    var lateness = status == DeliveryStatus.Sent ? random.Next(1, 90) : (double?)null;
                    var sentAt = lateness is { } l ? target.AddSeconds(l) : (DateTimeOffset?)null;
                    await rows.RunAsync(id, ids[i], date, status.ToString(), error, Binary(target), sentAt is { } s ? Binary(s) : null, lateness, id + "@bench.astropal.test");
                    deliveries++;
                    if (sentAt is { } sent && random.Next(100) < 40)
                    {
                        var openedAt = sent.AddMinutes(random.Next(1, 600));
                        if (openedAt <= Now)
                        {
                            await engagement.RunAsync(id, ids[i], EngagementKind.Open.ToString(), Binary(openedAt), null);
                            events++;
                            if (random.Next(8) == 0)
                            {
                                await engagement.RunAsync(id, ids[i], EngagementKind.Click.ToString(), Binary(openedAt.AddSeconds(30)), "https://news.test/a");
                                events++;
                            }
                        }
                    }

                    if (deliveries % 200_000 == 0)
                    {
                        await inserts.CommitAsync();
                    }
                }
            }
        }

        // The LLM calls of 432 segments a day (Grok; 3 % fail and are retried on OpenAI), spread over the day.
        var calls = 0;
        {
            var batch = inserts.Prepare(
            "INSERT INTO LlmCalls (At, Provider, Model, SegmentKey, InputTokens, OutputTokens, CostUsd, LatencyMs, Outcome) VALUES ($at, $provider, $model, $key, $in, $out, $cost, 900, $outcome)");
            for (var d = 0; d < days; d++)
            {
                for (var s = 0; s < SegmentsPerDay; s++)
                {
                    var at = firstDay.AddDays(d).AddSeconds(s * 60 + 30);
                    var key = string.Create(Invariant, $"{firstDay.AddDays(d):yyyy-MM-dd}/seg{s}");
                    var failed = random.Next(100) < 3;
                    await batch.RunAsync(Binary(at), "grok", "grok-3-mini", key, 580, failed ? 0 : 140, failed ? "0" : "0.000244",
                        (failed ? LlmCallOutcome.HttpError : LlmCallOutcome.Success).ToString());
                    calls++;
                    if (failed)
                    {
                        await batch.RunAsync(Binary(at.AddSeconds(2)), "openai", "gpt-4o-mini", key, 580, 140, "0.000171", LlmCallOutcome.Success.ToString());
                        calls++;
                    }
                }
            }
        }

        // Request minutes of 3 instances for every minute of the period up to now.
        var minutes = 0;
        var counts = new long[RequestDurationBuckets.Count];
        {
            var batch = inserts.Prepare(
            "INSERT INTO RequestMinutes (Instance, Minute, Requests, ServerErrors, DurationBuckets) VALUES ($instance, $minute, $requests, $errors, $buckets)");
            for (var minute = firstDay; minute < RequestMinuteRecorder.MinuteOf(Now); minute = minute.AddMinutes(1))
            {
                for (var instance = 0; instance < Instances; instance++)
                {
                    var requests = random.Next(20, 200);
                    Array.Clear(counts);
                    counts[2] = requests * 6 / 10;
                    counts[5] = requests * 3 / 10;
                    counts[9] = requests - counts[2] - counts[5];
                    await batch.RunAsync(string.Create(Invariant, $"web-{instance}"), Binary(minute), requests, random.Next(30) == 0 ? 1 : 0, RequestDurationBuckets.Format(counts));
                    minutes++;
                }
            }
        }

        return (deliveries, events, calls, minutes);
    }

    private static long Binary(DateTimeOffset at) => (long)BinaryConverter.ConvertToProvider(at)!;

    private static async Task Exec(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Prepared INSERTs run many times inside one transaction (committed every so often and at the end).</summary>
    private sealed class Inserts(DbConnection connection) : IAsyncDisposable
    {
        private readonly List<DbCommand> commands = [];
        private DbTransaction transaction = connection.BeginTransaction();

        public Insert Prepare(string sql)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, @"\$[a-z]+").Select(m => m.Value).Distinct())
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            command.Prepare();
            commands.Add(command);
            return new Insert(command);
        }

        public async Task CommitAsync()
        {
            await transaction.CommitAsync();
            await transaction.DisposeAsync();
            transaction = await connection.BeginTransactionAsync();
            foreach (var command in commands)
            {
                command.Transaction = transaction;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.CommitAsync();
            await transaction.DisposeAsync();
            foreach (var command in commands)
            {
                await command.DisposeAsync();
            }
        }
    }

    /// <summary>One prepared INSERT; values in the order their parameters first appear in the SQL.</summary>
    private sealed class Insert(DbCommand command)
    {
        public async Task RunAsync(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync();
        }
    }
}
