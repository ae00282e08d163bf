using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Alerts;
using Astropal.Web.Features.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Integration.Alerts;

/// <summary><c>/api/ops/alerts</c> over HTTP against the real app with an operator API key.</summary>
public sealed class AlertsApiTests
{
    [Fact]
    public async Task An_operator_lists_acknowledges_and_silences_an_episode_through_the_api_and_each_action_is_audited()
    {
        await using var app = new AstropalAppFactory();
        await app.CreateOperatorAsync("ada@example.com", "Operator", "Correct-Horse-42");
        var created = await CliRun.RunAsync(app.Services, null, "create-api-key", "--email", "ada@example.com", "--name", "scripts");
        var key = created.Out.Split("Key (shown once, store it now): ")[1].Trim();
        using var client = app.CreateNonRedirectingClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        await app.Services.GetRequiredService<AlertEvaluator>().EvaluateAsync(CancellationToken.None);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/ops/alerts");
        var episode = list.GetProperty("episodes").EnumerateArray().Single(e => e.GetProperty("rule").GetString() == MetricNames.UserRegistrations);
        Assert.Equal(("firing", MetricNames.UserRegistrations, "medium", 4.0, false), (
            episode.GetProperty("state").GetString(), episode.GetProperty("metric").GetString(), episode.GetProperty("severity").GetString(),
            episode.GetProperty("threshold").GetDouble(), episode.GetProperty("acknowledged").GetBoolean()));
        foreach (var field in new[] { "id", "value", "startedAt", "firedAt", "resolvedAt", "silencedUntil", "runbook", "timeline" })
        {
            Assert.True(episode.TryGetProperty(field, out _), field);
        }

        var id = episode.GetProperty("id").GetInt64();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        using (var acknowledged = await client.PostAsync(new Uri($"/api/ops/alerts/{id}/acknowledge", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
            Assert.True((await acknowledged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("acknowledged").GetBoolean());
        }

        using (var again = await client.PostAsync(new Uri($"/api/ops/alerts/{id}/acknowledge", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        using (var past = await client.PostAsJsonAsync($"/api/ops/alerts/{id}/silence", new { until = now.AddHours(-1) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
            Assert.Contains("must end in the future", await past.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var silenced = await client.PostAsJsonAsync($"/api/ops/alerts/{id}/silence", new { until = now.AddHours(4) }))
        {
            Assert.Equal(HttpStatusCode.OK, silenced.StatusCode);
            Assert.NotEqual(JsonValueKind.Null, (await silenced.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("silencedUntil").ValueKind);
        }

        using (var missing = await client.PostAsync(new Uri("/api/ops/alerts/999999/acknowledge", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync();
        var actions = await db.AuditEntries.Where(a => a.Action.StartsWith("alert.")).OrderBy(a => a.Id).Select(a => new { a.Action, a.Actor }).ToListAsync();
        Assert.Equal([(AlertOperations.AcknowledgedAction, "ada@example.com"), (AlertOperations.SilencedAction, "ada@example.com")], actions.Select(a => (a.Action, a.Actor)));
    }

    [Fact]
    public async Task The_openapi_document_lists_the_alert_endpoints()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/ops/alerts", paths);
        Assert.Contains("/api/ops/alerts/{id}/acknowledge", paths);
        Assert.Contains("/api/ops/alerts/{id}/silence", paths);
        Assert.Contains("/api/ops/alerts/{id}/unsilence", paths);
    }
}
