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
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.TestSupport;

/// <summary>The metrics feature on a real SQLite file and a <see cref="FakeTimeProvider"/> (host not started: no jobs, no flusher).</summary>
internal sealed class MetricsTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 30, 20, TimeSpan.Zero);

    private readonly TempDirectory? dir;

    private MetricsTestHost(IHost host, TempDirectory? dir, FakeTimeProvider time)
    {
        Host = host;
        this.dir = dir;
        Time = time;
    }

    public IHost Host { get; }

    public FakeTimeProvider Time { get; }

    public IDbContextFactory<AstropalDbContext> Db => Host.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    public string DataDirectory { get; private init; } = "";

    /// <summary>
    /// Builds the host on a new temporary folder, or on <paramref name="dataDirectory"/> (another host's, to play a second
    /// instance on the same database; then the folder is not deleted by this host). <paramref name="configure"/> adds
    /// features (e.g. the alerts) after the metrics.
    /// </summary>
    public static async Task<MetricsTestHost> StartAsync(
        string name,
        IDictionary<string, string?>? settings = null,
        Action<HostApplicationBuilder>? configure = null,
        string? dataDirectory = null,
        FakeTimeProvider? time = null)
    {
        var dir = dataDirectory is null ? new TempDirectory(name) : null;
        var path = dataDirectory ?? dir!.Path;
        time ??= new FakeTimeProvider(Now);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = path });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.SectionName);
        builder.Services.AddSingleton<AuditLog>();
        builder.AddAstropalStorage();
        builder.AddAstropalDatabase();
        builder.AddAstropalMetrics();
        builder.AddAstropalLaunchMetrics();
        configure?.Invoke(builder);
        var host = builder.Build();
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync())
        {
            await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
        }

        return new MetricsTestHost(host, dir, time) { DataDirectory = path };
    }

    public async Task<IReadOnlyDictionary<string, double?>> ComputeAsync()
    {
        await using var db = await Db.CreateDbContextAsync();
        return await Get<LaunchMetrics>().ComputeAsync(db, Time.GetUtcNow(), CancellationToken.None);
    }

    public async Task<Reader> AddReaderAsync(ReaderStatus status = ReaderStatus.Active, string? cohort = null, DateTimeOffset? lastActivityAt = null, PerspectiveId perspective = PerspectiveId.Calm)
    {
        var reader = new Reader
        {
            Id = Guid.NewGuid(),
            Email = $"r{Guid.NewGuid():N}@example.com",
            TimeZone = "Europe/London",
            Locale = "en-US",
            Perspective = perspective,
            Status = status,
            Cohort = cohort,
            CreatedAt = Now.AddDays(-30),
            UpdatedAt = Now.AddDays(-30),
            LastActivityAt = lastActivityAt,
            ReferralCode = "R" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
        };
        await using var db = await Db.CreateDbContextAsync();
        db.Readers.Add(reader);
        await db.SaveChangesAsync();
        return reader;
    }

    public async Task<DeliveryRecord> AddDeliveryAsync(Guid readerId, DeliveryStatus status, DateTimeOffset targetAt, DateTimeOffset? sentAt = null, string? lastError = null)
    {
        var row = new DeliveryRecord
        {
            Id = Guid.NewGuid(),
            ReaderId = readerId,
            Kind = Astropal.Core.Email.EmailTemplate.Daily,
            LocalDate = DateOnly.FromDateTime(targetAt.UtcDateTime).AddDays(Random.Shared.Next(0, 1_000_000)),
            Status = status,
            TargetAt = targetAt,
            SentAt = sentAt,
            LastError = lastError,
            MessageId = Guid.NewGuid().ToString("N") + "@astropal.test",
            CreatedAt = targetAt,
            UpdatedAt = sentAt ?? targetAt,
        };
        await using var db = await Db.CreateDbContextAsync();
        db.Deliveries.Add(row);
        await db.SaveChangesAsync();
        return row;
    }

    public async Task AddAsync(params object[] rows)
    {
        await using var db = await Db.CreateDbContextAsync();
        db.AddRange(rows);
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            Host.Dispose();
        }

        if (dir is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Dispose();
        }
    }
}
