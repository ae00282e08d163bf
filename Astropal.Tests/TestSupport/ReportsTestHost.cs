using Astropal.Core.Content;
using Astropal.Core.Content.Llm;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Metrics;
using Astropal.Web.Features.Ops;
using Astropal.Web.Features.Reports;
using Astropal.Web.Features.Site;
using Astropal.Web.Infrastructure.Database;
using Astropal.Web.Infrastructure.Email;
using Astropal.Web.Infrastructure.Hosting;
using Astropal.Web.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.TestSupport;

/// <summary>
/// The reports feature on a real SQLite file, a <see cref="FakeTimeProvider"/>, the email transport of the settings
/// (e.g. SMTP to an <see cref="InProcessSmtpServer"/>) and a fixed voices' figure (host not started: no jobs). Two
/// hosts given the same <c>dataDirectory</c> share one database, like two app instances.
/// </summary>
internal sealed class ReportsTestHost : IAsyncDisposable
{
    /// <summary>21:00:05 UTC on 2026-12-05: the report of 2026-12-05 is due.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 5, 21, 0, 5, TimeSpan.Zero);

    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private readonly TempDirectory? dir;

    private ReportsTestHost(IHost host, TempDirectory? dir, FakeTimeProvider time, FixedVoiceMeter meter)
    {
        Host = host;
        this.dir = dir;
        Time = time;
        Meter = meter;
    }

    public IHost Host { get; }

    public FakeTimeProvider Time { get; }

    public FixedVoiceMeter Meter { get; }

    public IDbContextFactory<AstropalDbContext> Db => Host.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>A host on a new data folder (deleted on dispose), or on <paramref name="sharedDirectory"/> (kept).</summary>
    public static async Task<ReportsTestHost> StartAsync(string name, IDictionary<string, string?>? settings = null, string? sharedDirectory = null)
    {
        var dir = sharedDirectory is null ? new TempDirectory(name) : null;
        var time = new FakeTimeProvider(Now);
        var meter = new FixedVoiceMeter();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = sharedDirectory ?? dir!.Path,
            ["Brand:SiteUrl"] = "https://astropal.test",
            ["Brand:FromAddress"] = "hello@astropal.test",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IVoiceDistinctnessMeter>(meter);
        builder.Services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.SectionName);
        builder.Services.AddSingleton<AuditLog>();
        builder.AddAstropalStorage();
        builder.AddAstropalDatabase();
        builder.AddAstropalSite();
        builder.AddAstropalEmail();
        builder.AddAstropalMetrics();
        builder.AddAstropalLaunchMetrics();
        builder.AddAstropalReports();
        var host = builder.Build();
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync())
        {
            await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
        }

        return new ReportsTestHost(host, dir, time, meter);
    }

    public async Task<OperatorUser> AddOperatorAsync(string email, bool disabled = false)
    {
        var user = new OperatorUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            CreatedAt = Now.AddDays(-10),
            DisabledAt = disabled ? Now.AddDays(-1) : null,
        };
        await AddAsync(user);
        return user;
    }

    public static Reader NewReader(ReaderStatus status = ReaderStatus.Active, DateTimeOffset? createdAt = null, DateTimeOffset? confirmedAt = null, DateTimeOffset? updatedAt = null) => new()
    {
        Id = Guid.NewGuid(),
        Email = $"r{Guid.NewGuid():N}@example.com",
        TimeZone = "Europe/London",
        Locale = "en-US",
        Status = status,
        CreatedAt = createdAt ?? Now.AddDays(-30),
        ConfirmedAt = confirmedAt,
        UpdatedAt = updatedAt ?? createdAt ?? Now.AddDays(-30),
        ReferralCode = "R" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
    };

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

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        dir?.Dispose();
    }

    /// <summary>A voices' meter that answers a fixed figure and remembers the samples it was given.</summary>
    internal sealed class FixedVoiceMeter : IVoiceDistinctnessMeter
    {
        public VoiceDistinctnessFigure Figure { get; set; } = new(2, 6, 0.08, 0.05, 0.21, 0.15);

        public IReadOnlyList<(Reader Reader, DateOnly Day)> LastSamples { get; private set; } = [];

        public Task<VoiceDistinctnessFigure> MeasureAsync(IReadOnlyList<(Reader Reader, DateOnly Day)> samples, CancellationToken cancellationToken)
        {
            LastSamples = samples;
            return Task.FromResult(Figure);
        }
    }
}
