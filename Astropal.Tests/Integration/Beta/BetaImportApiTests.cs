using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Integration.Beta;

/// <summary><c>POST /api/ops/beta/import</c>: the import of the command and the console, over the operator API.</summary>
public sealed class BetaImportApiTests
{
    private const string TwoReaders = """
        [{"email":"calm@example.org","perspective":"calm","focusAreas":["wellness"],"locale":"en-US","name":"Cleo","team":"ignored"},
         {"email":"win@example.org","perspective":"success","focusAreas":["career","social"],"locale":"es-ES"}]
        """;

    private static async Task<HttpClient> ClientAsync(AstropalAppFactory app)
    {
        await app.CreateOperatorAsync("ops@example.org", "Operator", "Correct-Horse-42");
        var created = await CliRun.RunAsync(app.Services, null, "create-api-key", "--email", "ops@example.org", "--name", "beta");
        Assert.Equal(0, created.ExitCode);
        var client = app.CreateNonRedirectingClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Out.Split("Key (shown once, store it now): ")[1].Trim());
        return client;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<List<Reader>> ReadersAsync(AstropalAppFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync();
        return await db.Readers.AsNoTracking().OrderBy(r => r.Email).ToListAsync();
    }

    [Fact]
    public async Task Importing_invites_each_new_address_once_and_a_second_import_sends_nothing()
    {
        await using var app = new AstropalAppFactory();
        using var client = await ClientAsync(app);

        using var first = await client.PostAsync("/api/ops/beta/import", Json(TwoReaders));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("succeeded").GetBoolean());
        Assert.Equal(["invite", "invite"], body.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("outcome").GetString()));
        var readers = await ReadersAsync(app);
        Assert.All(readers, r => Assert.Equal((ReaderStatus.Invited, "beta"), (r.Status, r.Cohort)));
        Assert.Equal(2, app.OutboxMessages().Count);

        using var again = await client.PostAsync("/api/ops/beta/import", Json(TwoReaders));

        var second = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["already-invited", "already-invited"], second.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("outcome").GetString()));
        Assert.Equal(2, app.OutboxMessages().Count);
    }

    [Fact]
    public async Task A_dry_run_says_what_would_happen_and_stores_and_sends_nothing()
    {
        await using var app = new AstropalAppFactory();
        using var client = await ClientAsync(app);

        using var response = await client.PostAsync("/api/ops/beta/import?dryRun=true", Json(TwoReaders));

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("dryRun").GetBoolean());
        Assert.Equal("2 invite", body.GetProperty("summary").GetString());
        Assert.Empty(await ReadersAsync(app));
        Assert.Empty(app.OutboxMessages());
    }

    [Fact]
    public async Task A_bad_entry_is_a_400_naming_its_index_and_field_and_nothing_is_stored_or_sent()
    {
        await using var app = new AstropalAppFactory();
        using var client = await ClientAsync(app);
        var bad = TwoReaders.Replace("\"success\"", "\"hopeful\"", StringComparison.Ordinal);

        using var response = await client.PostAsync("/api/ops/beta/import", Json(bad));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, "perspective"), (problem.GetProperty("index").GetInt32(), problem.GetProperty("field").GetString()));
        Assert.Empty(await ReadersAsync(app));
        Assert.Empty(app.OutboxMessages());
    }
}
