using Astropal.Core.Content;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Web.Features.Content;
using Astropal.Web.Features.Places;
using Astropal.Web.Features.Site;
using Astropal.Web.Features.Sky;
using Astropal.Web.Infrastructure.Database;
using Astropal.Web.Infrastructure.Email;
using Astropal.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.TestSupport;

/// <summary>
/// The content engine as the app wires it (places, sky, email, content, the database on a SQLite file in a data
/// folder that two hosts may share, to play two instances), on a <see cref="FakeTimeProvider"/>.
/// </summary>
internal sealed class ContentTestHost : IAsyncDisposable
{
    private ContentTestHost(IHost host, FakeTimeProvider time)
    {
        Host = host;
        Time = time;
    }

    public IHost Host { get; }

    public FakeTimeProvider Time { get; }

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    public IDbContextFactory<AstropalDbContext> Db => Get<IDbContextFactory<AstropalDbContext>>();

    /// <summary>Settings for a chain of Grok and OpenAI on two fakes, no retries, a timeout short enough for the timeout case (the fake waits 10 s) and long enough for a loaded CI machine.</summary>
    public static Dictionary<string, string?> TwoProviders(FakeChatServer grok, FakeChatServer? openAi = null) => new()
    {
        ["Llm:Providers:Grok:ApiKey"] = "test-grok-key",
        ["Llm:Providers:Grok:BaseUrl"] = grok.BaseUrl,
        ["Llm:Providers:OpenAI:ApiKey"] = openAi is null ? null : "test-openai-key",
        ["Llm:Providers:OpenAI:BaseUrl"] = openAi?.BaseUrl ?? "https://api.openai.com/v1",
        ["Llm:MaxRetries"] = "0",
        ["Llm:TimeoutSeconds"] = "5",
    };

    public static async Task<ContentTestHost> StartAsync(string dataDirectory, IDictionary<string, string?>? settings = null, FakeTimeProvider? time = null)
    {
        time ??= new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 0, 5, 0, TimeSpan.Zero));
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Development",
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Brand:SiteUrl"] = "https://astropal.test",
            ["Brand:FromAddress"] = "hello@astropal.test",
            ["Email:Transport"] = "Outbox",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.AddAstropalStorage();
        builder.AddAstropalDatabase();
        builder.AddAstropalSite();
        builder.AddAstropalPlaces();
        builder.AddAstropalSky();
        builder.AddAstropalEmail();
        builder.AddAstropalContent();
        var host = builder.Build();
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync())
        {
            await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
        }

        return new ContentTestHost(host, time);
    }

    public async Task AddReadersAsync(IEnumerable<Reader> readers)
    {
        await using var db = await Db.CreateDbContextAsync();
        db.Readers.AddRange(readers);
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await Task.CompletedTask;
    }
}

/// <summary>Segments kept in memory, for unit tests of the composer that need no database.</summary>
internal sealed class MemorySegmentStore : ISegmentStore
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Segment> segments = new(StringComparer.Ordinal);

    public Task<Segment?> FindAsync(SegmentKey key, CancellationToken cancellationToken) =>
        Task.FromResult(segments.TryGetValue(key.ToString(), out var s) ? s : null);

    public Task<Segment> AddAsync(Segment segment, CancellationToken cancellationToken) =>
        Task.FromResult(segments.GetOrAdd(new SegmentKey(segment.LocalDate, segment.Locale, segment.Perspective, segment.Tier, segment.SubjectKey).ToString(), segment));

    public Task<IReadOnlySet<string>> ExistingAsync(IReadOnlyCollection<SegmentKey> keys, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>>(keys.Select(k => k.ToString()).Where(segments.ContainsKey).ToHashSet());
}

/// <summary>LLM calls kept in memory, for unit tests of the composer that need no database.</summary>
internal sealed class MemoryLlmCallLog : ILlmCallLog
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<LlmCall> calls = new();

    public Task RecordAsync(LlmCall llmCall, CancellationToken cancellationToken)
    {
        calls.Enqueue(llmCall);
        return Task.CompletedTask;
    }

    public Task<decimal> SpentSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult(calls.Where(c => c.At >= since).Sum(c => c.CostUsd));

    public Task<bool> RecordBudgetReachedAsync(LlmBudgetEvent budgetEvent, CancellationToken cancellationToken) => Task.FromResult(true);
}

/// <summary>An HTTP client factory for hosts that never call an LLM.</summary>
internal sealed class NoHttpClientFactory : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => throw new InvalidOperationException("No LLM provider is configured in this test.");
}
