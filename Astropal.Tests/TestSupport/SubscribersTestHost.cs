using Astropal.Core.Billing;
using Astropal.Core.Content;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Delivery;
using Astropal.Web.Features.Readers;
using Astropal.Web.Features.Site;
using Astropal.Web.Features.Subscribers;
using Astropal.Web.Infrastructure.Database;
using Astropal.Web.Infrastructure.Email;
using Astropal.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.TestSupport;

/// <summary>A composer that records the links it was given and puts every one of them in the email.</summary>
internal sealed class LinkRecordingComposer : IReaderEmailComposer
{
    public EmailLinks? LastLinks { get; private set; }

    public Task<RenderedEmail> ComposeAsync(Reader reader, EmailTemplate kind, DateOnly localDate, EmailLinks links, CancellationToken cancellationToken)
    {
        LastLinks = links;
        var subject = $"Your {kind.Slug()} sky for {localDate:yyyy-MM-dd}";
        var all = new[] { links.PreferencesUrl, links.UnsubscribeUrl, links.PrivacyUrl, links.PerspectiveUrls.Calm, links.PerspectiveUrls.Evidence };
        var html = $"<html><body><p>{subject}</p>{string.Concat(all.Select(l => $"<a href=\"{l}\">link</a>"))}</body></html>";
        return Task.FromResult(new RenderedEmail(kind, subject, "A preheader that is long enough.", html, subject + "\n" + string.Join("\n", all)));
    }
}

/// <summary>
/// Storage, database (migrated SQLite file), site, email (Outbox transport), delivery, the reader data services and the
/// subscribers feature on a <see cref="FakeTimeProvider"/>, with a composer that records the links it is given.
/// </summary>
internal sealed class SubscribersTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory dir;
    private readonly AsyncServiceScope scope;

    private SubscribersTestHost(IHost host, TempDirectory dir, FakeTimeProvider time, LinkRecordingComposer composer)
    {
        Host = host;
        this.dir = dir;
        Time = time;
        Composer = composer;
        scope = host.Services.CreateAsyncScope();
    }

    public IHost Host { get; }

    public FakeTimeProvider Time { get; }

    public LinkRecordingComposer Composer { get; }

    public string DataDirectory => dir.Path;

    /// <summary>Scoped services (ReaderOperations, ReaderData) from one scope that lives as long as the host.</summary>
    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public IDbContextFactory<AstropalDbContext> Db => Host.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();

    public static async Task<SubscribersTestHost> StartAsync(string name)
    {
        var dir = new TempDirectory(name);
        var time = new FakeTimeProvider(Now);
        var composer = new LinkRecordingComposer();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dir.Path,
            ["Brand:SiteUrl"] = "https://astropal.test",
            ["Brand:FromAddress"] = "hello@astropal.test",
        });
        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IReaderEmailComposer>(composer);
        builder.AddAstropalStorage();
        builder.AddAstropalDatabase();
        builder.AddAstropalSite();
        builder.AddAstropalEmail();
        builder.AddAstropalDelivery();
        builder.Services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.SectionName);
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName);
        builder.Services.AddOptions<BillingOptions>();
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddScoped<ReaderData>();
        builder.Services.AddScoped<SignInLinks>();
        builder.Services.AddScoped<ReaderEmailSender>();
        builder.AddAstropalSubscribers();
        var host = builder.Build();
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync())
        {
            await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
        }

        return new SubscribersTestHost(host, dir, time, composer);
    }

    public async Task<Reader> AddReaderAsync(
        string email, ReaderStatus status = ReaderStatus.Active, Tier tier = Tier.Basic, PerspectiveId perspective = PerspectiveId.Calm,
        string locale = "en-US", string? cohort = null, string? name = null, DateTimeOffset? createdAt = null, DateTimeOffset? lastActivityAt = null)
    {
        var created = createdAt ?? Now.AddDays(-30);
        var reader = new Reader
        {
            Id = Guid.NewGuid(),
            Email = email,
            Name = name ?? "Ada",
            BirthDate = new DateOnly(1990, 5, 17),
            BirthTime = new TimeOnly(8, 30),
            BirthPlaceId = 2643743,
            BirthPlaceName = "London, England, United Kingdom",
            BirthLatitude = 51.50853,
            BirthLongitude = -0.12574,
            BirthTimeZone = "Europe/London",
            TimeZone = "Europe/London",
            Locale = locale,
            Perspective = perspective,
            FocusAreas = [FocusAreaId.Career],
            Tier = tier,
            Status = status,
            Cohort = cohort,
            TermsAcceptedAt = created,
            CreatedAt = created,
            ConfirmedAt = status is ReaderStatus.Pending or ReaderStatus.Invited ? null : created,
            UpdatedAt = created,
            LastActivityAt = lastActivityAt,
            ReferralCode = "R" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
        };
        await using var db = await Db.CreateDbContextAsync();
        db.Readers.Add(reader);
        await db.SaveChangesAsync();
        return reader;
    }

    public async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = await Db.CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        if (Host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            Host.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        dir.Dispose();
    }
}
