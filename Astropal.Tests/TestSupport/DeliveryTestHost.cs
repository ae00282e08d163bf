using Astropal.Core.Billing;
using Astropal.Core.Content;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Email.Models;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Web.Features.Content;
using Astropal.Web.Features.Delivery;
using Astropal.Web.Features.Places;
using Astropal.Web.Features.Sky;
using Astropal.Web.Features.Site;
using Astropal.Web.Infrastructure.Database;
using Astropal.Web.Infrastructure.Email;
using Astropal.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.TestSupport;

/// <summary>A small composer for delivery tests: one line per kind and date, with the unsubscribe link in the body.</summary>
internal sealed class TestReaderEmailComposer : IReaderEmailComposer
{
    public Task<RenderedEmail> ComposeAsync(Reader reader, EmailTemplate kind, DateOnly localDate, EmailLinks links, CancellationToken cancellationToken)
    {
        var subject = $"Your {kind.Slug()} sky for {localDate:yyyy-MM-dd}";
        var html = $"<html><body><p>{subject}</p><a href=\"{links.UnsubscribeUrl}\">Unsubscribe</a></body></html>";
        var text = $"{subject}\n\nUnsubscribe: {links.UnsubscribeUrl}\n";
        return Task.FromResult(new RenderedEmail(kind, subject, "A preheader that is long enough.", html, text));
    }
}

/// <summary>
/// A host with storage, database, site, email and delivery on a data folder (shareable between two hosts,
/// to play two app instances), sending over SMTP to <c>127.0.0.1:port</c>, on a <see cref="FakeTimeProvider"/>.
/// </summary>
internal sealed class DeliveryTestHost : IAsyncDisposable
{
    private DeliveryTestHost(IHost host, FakeTimeProvider time)
    {
        Host = host;
        Time = time;
    }

    public IHost Host { get; }

    public FakeTimeProvider Time { get; }

    public DeliveryDispatcher Dispatcher => Host.Services.GetRequiredService<DeliveryDispatcher>();

    public IDbContextFactory<AstropalDbContext> Db => Host.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();

    public static async Task<DeliveryTestHost> StartAsync(
        string dataDirectory, int smtpPort, FakeTimeProvider time, IDictionary<string, string?>? settings = null, Func<IEmailSender, IEmailSender>? wrapSender = null, bool withComposer = true, IReaderEmailComposer? composer = null, bool realContent = false)
    {
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
            ["Email:Transport"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Delivery:RetryBaseSeconds"] = "60",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(time);
        if (realContent)
        {
            // The app's content engine (offline composer, MJML templates), as the app sends it.
            builder.AddAstropalPlaces();
            builder.AddAstropalSky();
            builder.AddAstropalContent();
        }
        else if (withComposer)
        {
            if (composer is null)
            {
                builder.Services.AddSingleton<IReaderEmailComposer, TestReaderEmailComposer>();
            }
            else
            {
                builder.Services.AddSingleton(composer);
            }
        }
        builder.AddAstropalStorage();
        builder.AddAstropalDatabase();
        builder.AddAstropalSite();
        builder.AddAstropalEmail();
        if (wrapSender is not null)
        {
            builder.Services.AddSingleton<IEmailSender>(sp => wrapSender(sp.GetRequiredService<SmtpEmailSender>()));
        }

        builder.AddAstropalDelivery();
        // Keys shared between two hosts on one folder, as two instances of one deployment would share them.
        Microsoft.AspNetCore.DataProtection.DataProtectionBuilderExtensions.PersistKeysToFileSystem(
            Microsoft.Extensions.DependencyInjection.DataProtectionServiceCollectionExtensions.AddDataProtection(builder.Services),
            new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        var host = builder.Build();
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync())
        {
            await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
        }

        return new DeliveryTestHost(host, time);
    }

    public async Task<Reader> AddReaderAsync(string email, string zone, TimeOnly deliveryTime, Tier tier = Tier.Basic, DateTimeOffset? confirmedAt = null)
    {
        var reader = new Reader
        {
            Id = Guid.NewGuid(),
            Email = email,
            Name = "Ada",
            TimeZone = zone,
            DeliveryTime = deliveryTime,
            Locale = "en-US",
            ReferralCode = Guid.NewGuid().ToString("N")[..12],
            Tier = tier,
            Status = ReaderStatus.Active,
            CreatedAt = confirmedAt ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            ConfirmedAt = confirmedAt ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };
        await using var db = await Db.CreateDbContextAsync();
        db.Readers.Add(reader);
        await db.SaveChangesAsync();
        return reader;
    }

    public async Task<List<DeliveryRecord>> DeliveriesAsync()
    {
        await using var db = await Db.CreateDbContextAsync();
        return await db.Deliveries.AsNoTracking().ToListAsync();
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
    }
}
