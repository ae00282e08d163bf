using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Astropal.Data;
using Astropal.Web.Features.Alerts;
using Astropal.Web.Features.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Tests.Integration.Incidents;

/// <summary><c>/api/ops/incidents</c> over HTTP against the real app with an operator API key and a fake clock.</summary>
public sealed class IncidentsApiTests : IAsyncLifetime
{
    private IncidentsTestApp app = default!;

    public async Task InitializeAsync() => app = await IncidentsTestApp.StartAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    private HttpClient Client => app.Client;

    private static object OpenBody(string severity = "P2", string status = "investigating", string component = "Email delivery", string state = "major_outage") => new
    {
        title = "Morning emails are late",
        severity,
        status,
        message = "We are investigating delays in the morning email.",
        components = new Dictionary<string, string> { [component] = state },
        notifyReaders = false,
    };

    private async Task<long> OpenAsync(string severity = "P2")
    {
        using var response = await Client.PostAsJsonAsync("/api/ops/incidents", OpenBody(severity));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private async Task<HttpResponseMessage> UpdateAsync(long id, string status, string message = "More news.", object? components = null) =>
        await Client.PostAsJsonAsync($"/api/ops/incidents/{id}/updates", new { status, message, components });

    [Fact]
    public async Task A_P2_incident_on_email_delivery_goes_from_investigating_to_resolved_with_each_update_timestamped_in_order()
    {
        using var opened = await Client.PostAsJsonAsync("/api/ops/incidents", OpenBody());
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var incident = await opened.Content.ReadFromJsonAsync<JsonElement>();
        var id = incident.GetProperty("id").GetInt64();
        Assert.Equal($"/api/ops/incidents/{id}", opened.Headers.Location?.OriginalString);
        Assert.Equal(("P2", "major", "investigating"), (incident.GetProperty("severity").GetString(), incident.GetProperty("impact").GetString(), incident.GetProperty("status").GetString()));
        var component = Assert.Single(incident.GetProperty("components").EnumerateArray());
        Assert.Equal(("email-delivery", "Email delivery", "major_outage"), (component.GetProperty("key").GetString(), component.GetProperty("name").GetString(), component.GetProperty("status").GetString()));

        var steps = new[] { ("identified", "The SMTP relay refuses our connections."), ("monitoring", "The relay is back; emails are catching up."), ("resolved", "Every morning email has been delivered.") };
        foreach (var (status, message) in steps)
        {
            app.Time.Advance(TimeSpan.FromMinutes(20));
            using var updated = await UpdateAsync(id, status, message, status == "resolved" ? new Dictionary<string, string> { ["email-delivery"] = "operational" } : null);
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
            Assert.Equal(status, (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }

        var final = await Client.GetFromJsonAsync<JsonElement>($"/api/ops/incidents/{id}");
        var updates = final.GetProperty("updates").EnumerateArray().ToList();
        Assert.Equal(["investigating", "identified", "monitoring", "resolved"], updates.Select(u => u.GetProperty("status").GetString()));
        Assert.Equal(
            [IncidentsTestApp.Now, IncidentsTestApp.Now.AddMinutes(20), IncidentsTestApp.Now.AddMinutes(40), IncidentsTestApp.Now.AddMinutes(60)],
            updates.Select(u => u.GetProperty("createdAt").GetDateTimeOffset()));
        Assert.Equal("We are investigating delays in the morning email.", updates[0].GetProperty("message").GetString());
        Assert.Equal(IncidentsTestApp.Now.AddMinutes(60), final.GetProperty("resolvedAt").GetDateTimeOffset());
        Assert.Equal("operational", final.GetProperty("components")[0].GetProperty("status").GetString());
        Assert.Equal(IncidentsTestApp.Operator, updates[0].GetProperty("createdBy").GetString());

        Assert.Equal(
            [
                (IncidentService.OpenedAction, $"incident:{id}", IncidentsTestApp.Operator),
                (IncidentService.UpdatedAction, $"incident:{id}", IncidentsTestApp.Operator),
                (IncidentService.UpdatedAction, $"incident:{id}", IncidentsTestApp.Operator),
                (IncidentService.ResolvedAction, $"incident:{id}", IncidentsTestApp.Operator),
            ],
            await app.AuditAsync("incident."));

        var resolved = await Client.GetFromJsonAsync<JsonElement>("/api/ops/incidents?status=resolved");
        Assert.Equal([id], resolved.EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        Assert.Empty((await Client.GetFromJsonAsync<JsonElement>("/api/ops/incidents?status=open")).EnumerateArray());
    }

    [Theory]
    [InlineData("severity", "P5", "investigating", "Email delivery", "major_outage", "'P5' is not a severity")]
    [InlineData("components", "P2", "investigating", "Carrier pigeons", "major_outage", "'Carrier pigeons' is not a component")]
    [InlineData("components.Email delivery", "P2", "investigating", "Email delivery", "on_fire", "'on_fire' is not a component status")]
    [InlineData("status", "P2", "panicking", "Email delivery", "major_outage", "'panicking' is not an incident status")]
    public async Task Opening_with_a_bad_field_is_refused_with_400_naming_the_field_and_changes_nothing(
        string field, string severity, string status, string component, string state, string reason)
    {
        var before = await app.CountsAsync();

        using var response = await Client.PostAsJsonAsync("/api/ops/incidents", OpenBody(severity, status, component, state));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(errors, e => e!.Contains(reason, StringComparison.Ordinal));
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await app.CountsAsync());
    }

    [Fact]
    public async Task A_backwards_transition_an_unknown_component_or_an_empty_message_in_an_update_is_refused_and_changes_nothing()
    {
        var id = await OpenAsync();
        (await UpdateAsync(id, "monitoring")).Dispose();
        var before = await app.CountsAsync();

        using (var backwards = await UpdateAsync(id, "identified"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
            var problem = await backwards.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("cannot go back to identified", problem.GetProperty("errors").GetProperty("status")[0].GetString(), StringComparison.Ordinal);
        }

        using (var unknown = await UpdateAsync(id, "monitoring", components: new Dictionary<string, string> { ["Telepathy"] = "operational" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        }

        using (var empty = await UpdateAsync(id, "resolved", message: "  "))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Equal("message is required.", (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("message")[0].GetString());
        }

        Assert.Equal(before, await app.CountsAsync());
        var incident = await Client.GetFromJsonAsync<JsonElement>($"/api/ops/incidents/{id}");
        Assert.Equal("monitoring", incident.GetProperty("status").GetString());

        using var missing = await UpdateAsync(999_999, "resolved");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var missingGet = await Client.GetAsync(new Uri("/api/ops/incidents/999999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missingGet.StatusCode);
    }

    [Fact]
    public async Task A_resolved_incident_reopens_within_7_days_of_its_resolution_and_not_after()
    {
        var reopened = await OpenAsync();
        var expired = await OpenAsync();
        (await UpdateAsync(reopened, "resolved")).Dispose();
        (await UpdateAsync(expired, "resolved")).Dispose();

        app.Time.Advance(TimeSpan.FromDays(6));
        using (var again = await UpdateAsync(reopened, "investigating", "The delays are back."))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            var incident = await again.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(("investigating", JsonValueKind.Null), (incident.GetProperty("status").GetString(), incident.GetProperty("resolvedAt").ValueKind));
        }

        app.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var before = await app.CountsAsync();
        using (var late = await UpdateAsync(expired, "investigating", "The delays are back."))
        {
            Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
            Assert.Contains("can no longer be reopened", (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("status")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await app.CountsAsync());
        Assert.Contains((IncidentService.ReopenedAction, $"incident:{reopened}", IncidentsTestApp.Operator), await app.AuditAsync("incident."));
    }

    [Fact]
    public async Task Opening_a_P1_or_P2_queues_one_message_per_alert_channel_that_takes_its_severity_and_a_P3_queues_none()
    {
        var p1 = await OpenAsync("P1");
        var p2 = await OpenAsync("P2");
        var p3 = await OpenAsync("P3");

        await using var db = await app.Db.CreateDbContextAsync();
        var messages = await db.AlertNotifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
        Assert.All(messages, m => Assert.Equal((AlertMessageKinds.Incident, (long?)null, AlertNotificationStatus.Pending), (m.Kind, m.EpisodeId, m.Status)));
        var byIncident = messages.Select(m => (AlertPayload.Parse(m.Payload).Id, m.Channel)).ToList();
        Assert.Equal([($"incident-{p1}", "hook"), ($"incident-{p1}", "pager"), ($"incident-{p2}", "hook")], byIncident);
        Assert.DoesNotContain(byIncident, m => m.Id == $"incident-{p3}");

        var payload = AlertPayload.Parse(messages[0].Payload);
        Assert.Equal(("critical", "incident", "incident"), (payload.Severity, payload.State, payload.Rule));
        Assert.Equal($"https://astropal.example/ops/incidents/{p1}", payload.ConsoleUrl);
        Assert.Equal("P1 Morning emails are late (Email delivery)", payload.Title);
        Assert.Equal("[CRITICAL] Incident opened: P1 Morning emails are late (Email delivery)", AlertMessageText.Subject(payload));
    }

    [Fact]
    public async Task An_incident_opened_with_alert_episode_ids_links_them_and_an_unknown_episode_is_refused()
    {
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            db.AlertEpisodes.Add(new AlertEpisode
            {
                Rule = "email.delivery.rate", Metric = "email.delivery.rate", Severity = "high", State = AlertEpisodeState.Firing,
                StartedAt = IncidentsTestApp.Now, LastEvaluatedAt = IncidentsTestApp.Now, Threshold = 0.95,
            });
            await db.SaveChangesAsync();
        }

        long episode;
        await using (var db = await app.Db.CreateDbContextAsync())
        {
            episode = await db.AlertEpisodes.Select(e => e.Id).SingleAsync();
        }

        var before = await app.CountsAsync();
        using (var refused = await Client.PostAsJsonAsync("/api/ops/incidents", new { title = "x", severity = "P3", message = "y", alertEpisodeIds = new[] { episode + 100 } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("There is no alert episode", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await app.CountsAsync());
        using var opened = await Client.PostAsJsonAsync("/api/ops/incidents", new { title = "Deliveries failing", severity = "P3", message = "Looking.", alertEpisodeIds = new[] { episode } });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var incident = await opened.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([episode], incident.GetProperty("alertEpisodeIds").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(0, incident.GetProperty("notes").GetArrayLength());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_incident_and_maintenance_endpoints()
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[] { "/api/ops/incidents", "/api/ops/incidents/{id}", "/api/ops/incidents/{id}/updates", "/api/ops/maintenance", "/api/ops/maintenance/{id}/cancel" })
        {
            Assert.Contains(path, paths);
        }

        Assert.True(document.GetProperty("paths").GetProperty("/api/ops/incidents").TryGetProperty("post", out var post));
        Assert.True(post.TryGetProperty("security", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("400", out _));
    }

    [Fact]
    public async Task A_reader_without_an_api_key_gets_401_and_nothing_is_opened()
    {
        using var anonymous = app.App.CreateNonRedirectingClient();
        using var response = await anonymous.PostAsJsonAsync("/api/ops/incidents", OpenBody());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, (await app.CountsAsync()).Incidents);
    }
}
