using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Status;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Integration.Status;

/// <summary>The public outputs through the real app: Statuspage-shaped JSON, the history, the Atom feed, the pages in both languages, and nothing operator-only.</summary>
public sealed class StatusPublicOutputTests
{
    private const string Secret = "OPERATOR-ONLY-MARKER-7f3a";

    [Fact]
    public async Task An_open_incident_shows_in_status_json_in_the_statuspage_shape_with_its_updates_newest_first()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateClient();
        var incidentId = await OpenIncidentAsync(app);

        using var summary = JsonDocument.Parse(await client.GetStringAsync(new Uri("/status.json", UriKind.Relative)));
        var root = summary.RootElement;

        Assert.Equal(["page", "components", "incidents", "scheduled_maintenances", "status"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["id", "name", "url", "time_zone", "updated_at"], root.GetProperty("page").EnumerateObject().Select(p => p.Name));
        Assert.Equal("major", root.GetProperty("status").GetProperty("indicator").GetString());
        Assert.Equal("Partial System Outage", root.GetProperty("status").GetProperty("description").GetString());

        var components = root.GetProperty("components").EnumerateArray().ToList();
        Assert.Equal(StatusComponentKeys.All, components.Select(c => c.GetProperty("id").GetString()));
        var email = components.Single(c => c.GetProperty("id").GetString() == StatusComponentKeys.EmailDelivery);
        Assert.Equal("Email delivery", email.GetProperty("name").GetString());
        Assert.Equal("partial_outage", email.GetProperty("status").GetString());
        Assert.True(DateTimeOffset.TryParse(email.GetProperty("updated_at").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.All(components.Where(c => c.GetProperty("id").GetString() != StatusComponentKeys.EmailDelivery), c => Assert.Equal("operational", c.GetProperty("status").GetString()));

        var incident = Assert.Single(root.GetProperty("incidents").EnumerateArray());
        Assert.Equal(incidentId.ToString(System.Globalization.CultureInfo.InvariantCulture), incident.GetProperty("id").GetString());
        Assert.Equal("Morning emails are late", incident.GetProperty("name").GetString());
        Assert.Equal("identified", incident.GetProperty("status").GetString());
        Assert.Equal("major", incident.GetProperty("impact").GetString());
        Assert.Equal(JsonValueKind.Null, incident.GetProperty("resolved_at").ValueKind);
        foreach (var field in new[] { "created_at", "updated_at", "shortlink", "started_at", "monitoring_at", "page_id" })
        {
            Assert.True(incident.TryGetProperty(field, out _), field);
        }

        var updates = incident.GetProperty("incident_updates").EnumerateArray().ToList();
        Assert.Equal(["identified", "investigating"], updates.Select(u => u.GetProperty("status").GetString()));
        Assert.Equal(["The relay is refusing connections; switching.", "Emails due at 06:00 are late."], updates.Select(u => u.GetProperty("body").GetString()));
        Assert.All(updates, u => Assert.Equal(["id", "status", "body", "incident_id", "created_at", "updated_at", "display_at"], u.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(StatusComponentKeys.EmailDelivery, Assert.Single(incident.GetProperty("components").EnumerateArray()).GetProperty("id").GetString());

        var maintenance = Assert.Single(root.GetProperty("scheduled_maintenances").EnumerateArray());
        Assert.Equal("scheduled", maintenance.GetProperty("status").GetString());
        Assert.Equal("maintenance", maintenance.GetProperty("impact").GetString());
        Assert.True(maintenance.TryGetProperty("scheduled_for", out _));
        Assert.True(maintenance.TryGetProperty("scheduled_until", out _));
    }

    [Fact]
    public async Task A_resolved_incident_leaves_status_json_and_stays_in_the_history_json_and_the_atom_feed()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateClient();
        var incidentId = await OpenIncidentAsync(app);
        await ResolveAsync(app, incidentId);

        using var summary = JsonDocument.Parse(await client.GetStringAsync(new Uri("/status.json", UriKind.Relative)));
        Assert.Empty(summary.RootElement.GetProperty("incidents").EnumerateArray());
        Assert.Equal("operational", summary.RootElement.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("id").GetString() == StatusComponentKeys.EmailDelivery).GetProperty("status").GetString());
        Assert.Equal("none", summary.RootElement.GetProperty("status").GetProperty("indicator").GetString());

        using var history = JsonDocument.Parse(await client.GetStringAsync(new Uri("/status/history.json", UriKind.Relative)));
        var resolved = Assert.Single(history.RootElement.GetProperty("incidents").EnumerateArray());
        Assert.Equal("resolved", resolved.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, resolved.GetProperty("resolved_at").ValueKind);
        Assert.Equal(["resolved", "identified", "investigating"], resolved.GetProperty("incident_updates").EnumerateArray().Select(u => u.GetProperty("status").GetString()));

        using var atom = await client.GetAsync(new Uri("/status/feed.atom", UriKind.Relative));
        Assert.Equal("application/atom+xml", atom.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await atom.Content.ReadAsStringAsync());
        XNamespace ns = StatusAtomFeed.AtomNamespace;
        Assert.Equal(ns + "feed", feed.Root!.Name);
        var entry = Assert.Single(feed.Root.Elements(ns + "entry"));
        Assert.Equal("Morning emails are late", entry.Element(ns + "title")!.Value);
        Assert.NotNull(entry.Element(ns + "id"));
        Assert.NotNull(entry.Element(ns + "updated"));
        var content = entry.Element(ns + "content")!.Value;
        Assert.Contains("All emails went out.", content, StringComparison.Ordinal);
        Assert.Contains("Emails due at 06:00 are late.", content, StringComparison.Ordinal);

        var page = await client.GetStringAsync(new Uri("/status/history", UriKind.Relative));
        Assert.Contains("Morning emails are late", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_operator_only_appears_in_any_public_output()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateClient();
        var incidentId = await OpenIncidentAsync(app);
        await ResolveAsync(app, incidentId);
        await OpenIncidentAsync(app);

        foreach (var path in new[] { "/status", "/status/history", "/status.json", "/status/history.json", "/status/feed.atom", "/status?culture=es-ES" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("Morning emails are late", body, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
            Assert.DoesNotContain("ops-secret@example.com", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_status_page_shows_the_banner_components_and_incident_in_english_and_spanish()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateClient();
        await OpenIncidentAsync(app);

        var english = await client.GetStringAsync(new Uri("/status", UriKind.Relative));
        Assert.Contains("System status", english, StringComparison.Ordinal);
        Assert.Contains("Partial system outage", english, StringComparison.Ordinal);
        Assert.Contains("id=\"component-email-delivery\"", english, StringComparison.Ordinal);
        Assert.Contains("Partial outage", english, StringComparison.Ordinal);
        Assert.Contains("The relay is refusing connections; switching.", english, StringComparison.Ordinal);
        Assert.Contains("Database upgrade", english, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/status");
        request.Headers.AcceptLanguage.ParseAdd("es-ES");
        using var response = await client.SendAsync(request);
        var spanish = await response.Content.ReadAsStringAsync();
        Assert.Contains("lang=\"es\"", spanish, StringComparison.Ordinal);
        Assert.Contains("Estado del servicio", spanish, StringComparison.Ordinal);
        Assert.Contains("Caída parcial", spanish, StringComparison.Ordinal);
        Assert.Contains("Identificado", spanish, StringComparison.Ordinal);
    }

    /// <summary>A P2 on Email delivery (partial outage), identified, with operator-only notes, links and post-mortem holding the marker; and an upcoming maintenance.</summary>
    private static async Task<long> OpenIncidentAsync(AstropalAppFactory app)
    {
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var incident = new Incident
        {
            Title = "Morning emails are late",
            Severity = IncidentSeverity.P2,
            Status = IncidentStatus.Identified,
            CreatedAt = now.AddMinutes(-10),
            UpdatedAt = now,
            CreatedBy = "ops-secret@example.com",
            PostMortem = "Post-mortem " + Secret,
            PostMortemAt = now,
        };
        incident.Updates.Add(new IncidentUpdate { Status = IncidentStatus.Investigating, Message = "Emails due at 06:00 are late.", CreatedAt = now.AddMinutes(-10), CreatedBy = "ops-secret@example.com" });
        incident.Updates.Add(new IncidentUpdate { Status = IncidentStatus.Identified, Message = "The relay is refusing connections; switching.", CreatedAt = now.AddMinutes(-5), CreatedBy = "ops-secret@example.com" });
        incident.Components.Add(new IncidentComponent { Component = StatusComponentKeys.EmailDelivery, State = ComponentState.PartialOutage });
        incident.Notes.Add(new IncidentNote { Text = "Internal note " + Secret, CreatedAt = now, CreatedBy = "ops-secret@example.com" });
        db.Incidents.Add(incident);
        if (!await db.Maintenances.AnyAsync())
        {
            var maintenance = new Maintenance { Title = "Database upgrade", Message = "Short pauses possible.", StartsAt = now.AddDays(1), EndsAt = now.AddDays(1).AddHours(1), CreatedAt = now, UpdatedAt = now, CreatedBy = "ops-secret@example.com" };
            maintenance.Components.Add(new MaintenanceComponent { Component = StatusComponentKeys.Database });
            db.Maintenances.Add(maintenance);
        }

        await db.SaveChangesAsync();
        await app.Services.GetRequiredService<IStatusRefresh>().RefreshAsync(CancellationToken.None);
        return incident.Id;
    }

    private static async Task ResolveAsync(AstropalAppFactory app, long incidentId)
    {
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var incident = await db.Incidents.SingleAsync(i => i.Id == incidentId);
            incident.Status = IncidentStatus.Resolved;
            incident.ResolvedAt = now;
            incident.UpdatedAt = now;
            db.IncidentUpdates.Add(new IncidentUpdate { IncidentId = incidentId, Status = IncidentStatus.Resolved, Message = "All emails went out.", CreatedAt = now, CreatedBy = "ops-secret@example.com" });
            await db.SaveChangesAsync();
        }

        await app.Services.GetRequiredService<IStatusRefresh>().RefreshAsync(CancellationToken.None);
    }
}
