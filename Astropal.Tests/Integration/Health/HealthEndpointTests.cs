using System.Net;
using System.Text.Json;
using Astropal.Tests.TestSupport;

namespace Astropal.Tests.Integration.Health;

public sealed class HealthEndpointTests : IClassFixture<AstropalAppFactory>
{
    private readonly AstropalAppFactory _app;

    public HealthEndpointTests(AstropalAppFactory app) => _app = app;

    [Fact]
    public async Task Liveness_answers_healthy_json_without_consulting_dependencies()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Empty(json.RootElement.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task Readiness_reports_the_migrated_database_as_healthy()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var database = json.RootElement.GetProperty("checks").GetProperty("database");
        Assert.Equal("Healthy", database.GetProperty("status").GetString());
    }

    [Fact]
    public void First_start_creates_the_sqlite_file_in_the_data_directory()
    {
        _ = _app.Services; // the host has started and prepared the embedded database

        Assert.True(File.Exists(_app.DataDirectory.File("astropal.db")));
    }
}
