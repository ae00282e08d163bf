using Astropal.Core.Places;
using Astropal.Web.Features.Content;
using Astropal.Web.Features.Places;
using Astropal.Web.Features.Site;
using Astropal.Web.Features.Sky;
using Astropal.Web.Infrastructure.Database;
using Astropal.Web.Infrastructure.Email;
using Astropal.Web.Infrastructure.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Astropal.Benchmarks;

/// <summary>What the end-to-end benchmarks (<c>delivery</c>, <c>segments</c>) share: the app's content stack on a stopped clock, and birthplaces.</summary>
internal static class BenchmarkHost
{
    /// <summary>
    /// A host builder with the app's storage, database, site, places, sky, email and content features on
    /// <paramref name="dataDirectory"/>, the clock stopped at <paramref name="now"/>, and <paramref name="settings"/> over the common ones.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(string dataDirectory, DateTimeOffset now, IDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Brand:SiteUrl"] = "https://astropal.test",
            ["Brand:FromAddress"] = "hello@astropal.test",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(new FixedTimeProvider(now));
        builder.AddAstropalStorage();
        builder.AddAstropalDatabase();
        builder.AddAstropalSite();
        builder.AddAstropalPlaces();
        builder.AddAstropalSky();
        builder.AddAstropalEmail();
        builder.AddAstropalContent();
        return builder;
    }

    /// <summary>Gazetteer cities (every letter's first matches) to be born in, and the gazetteer zones this host knows, to live in.</summary>
    public static (GazetteerCity[] Cities, string[] Zones) Birthplaces()
    {
        var gazetteer = new Gazetteer();
        var cities = "abcdefghijklmnopqrstuvwxyz"
            .SelectMany(c => gazetteer.Search(c.ToString(), Gazetteer.MaxLimit))
            .DistinctBy(c => c.GeonameId)
            .ToArray();
        var zones = gazetteer.TimeZoneIds
            .Where(z => TimeZoneInfo.TryFindSystemTimeZoneById(z, out _))
            .ToArray();
        return (cities, zones);
    }

    /// <summary>A clock stopped at one instant, so every reader's email of the benchmarked day is due.</summary>
    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
