using Astropal.Web.Features.Site;
using Astropal.Web.Infrastructure.Email;
using Astropal.Web.Infrastructure.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Astropal.Tests.TestSupport;

/// <summary>A host with only storage, brand and <c>AddAstropalEmail</c> and the given settings; deletes its data folder on dispose.</summary>
internal sealed class EmailTestHost : IAsyncDisposable
{
    private EmailTestHost(IHost host, string dataDirectory)
    {
        Host = host;
        DataDirectory = dataDirectory;
    }

    public IHost Host { get; }

    public string DataDirectory { get; }

    public IServiceProvider Services => Host.Services;

    public static EmailTestHost Create(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "astropal-email-" + Guid.NewGuid().ToString("N"));
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
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        services?.Invoke(builder.Services);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddAstropalStorage();
        builder.AddAstropalSite();
        builder.AddAstropalEmail();
        return new EmailTestHost(builder.Build(), dataDirectory);
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

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

        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
