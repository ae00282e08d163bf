using Astropal.Web.Features.Operators;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.TestSupport;

/// <summary>
/// The real app on a fresh SQLite file in its own temporary data directory. Settings given to
/// the constructor override appsettings.json, as environment variables would in production.
/// </summary>
public class AstropalAppFactory : WebApplicationFactory<Program>
{
    private IReadOnlyDictionary<string, string?> _settings = new Dictionary<string, string?>();

    public static AstropalAppFactory WithSettings(IReadOnlyDictionary<string, string?> settings) => new() { _settings = settings };

    /// <summary>Settings that override appsettings.json (the same as <see cref="WithSettings"/>, usable beside <see cref="TestServices"/>).</summary>
    public IReadOnlyDictionary<string, string?> Settings
    {
        get => _settings;
        init => _settings = value;
    }

    /// <summary>The host environment (Development unless a test needs the production behaviour).</summary>
    public string EnvironmentName { get; init; } = "Development";

    /// <summary>Replacements of app services (e.g. a FakeTimeProvider), applied after the app's own registrations.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>The .eml files the Outbox transport wrote, oldest first.</summary>
    public IReadOnlyList<MimeKit.MimeMessage> OutboxMessages()
    {
        var folder = DataDirectory.File("outbox");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeKit.MimeMessage.Load(f)).ToList()
            : [];
    }

    public TempDirectory DataDirectory { get; } = new("astropal-app");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Storage:DataDirectory", DataDirectory.Path);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Scheduler:Enabled", "false"); // tests drive the dispatcher themselves; a test may turn it back on
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (TestServices is not null)
        {
            builder.ConfigureTestServices(TestServices);
        }
    }

    /// <summary>Address of the Kestrel server after <c>UseKestrel(0); StartServer()</c>.</summary>
    public string ServerAddress =>
        Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public HttpClient CreateNonRedirectingClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<string> CreateOperatorAsync(string email, string role, string password)
    {
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<OperatorAccounts>();
        var result = await accounts.CreateAsync(email, role, password, "test", CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return password;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            DataDirectory.Dispose();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DataDirectory.Dispose();
        GC.SuppressFinalize(this);
    }
}
