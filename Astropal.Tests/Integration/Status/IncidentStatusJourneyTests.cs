using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Astropal.Tests.Integration.Incidents;
using Astropal.Web.Features.Status;

namespace Astropal.Tests.Integration.Status;

/// <summary>
/// Issue 14's journey across both halves: an incident opened and moved on through the operator API is what the public
/// <c>/status.json</c> shows at each step, and after resolution it leaves the summary for the history and the Atom feed.
/// </summary>
public sealed class IncidentStatusJourneyTests : IAsyncLifetime
{
    private IncidentsTestApp app = default!;

    public async Task InitializeAsync() => app = await IncidentsTestApp.StartAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_P2_on_email_delivery_opened_and_resolved_through_the_api_shows_on_status_json_then_moves_to_the_history_and_the_feed()
    {
        var before = EmailDelivery(await JsonAsync("/status.json")).GetProperty("status").GetString();

        using var opened = await app.Client.PostAsJsonAsync("/api/ops/incidents", new
        {
            title = "Morning emails are late",
            severity = "P2",
            status = "investigating",
            message = "Emails due at 06:00 are late; we are looking into it.",
            components = new Dictionary<string, string> { ["Email delivery"] = "partial_outage" },
            notifyReaders = false,
        });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture);

        var summary = await JsonAsync("/status.json");
        Assert.Equal("partial_outage", EmailDelivery(summary).GetProperty("status").GetString());
        Assert.NotEqual("none", summary.GetProperty("status").GetProperty("indicator").GetString());
        var active = Assert.Single(summary.GetProperty("incidents").EnumerateArray());
        Assert.Equal((id, "investigating", "major"), (active.GetProperty("id").GetString(), active.GetProperty("status").GetString(), active.GetProperty("impact").GetString()));

        var steps = new[]
        {
            ("identified", "The SMTP relay refuses our connections."),
            ("monitoring", "The relay is back; emails are catching up."),
            ("resolved", "Every morning email has been delivered."),
        };
        for (var i = 0; i < steps.Length; i++)
        {
            var (status, message) = steps[i];
            app.Time.Advance(TimeSpan.FromMinutes(20));
            using var updated = await app.Client.PostAsJsonAsync($"/api/ops/incidents/{id}/updates", new { status, message });
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
            if (status == "resolved")
            {
                break;
            }

            var incident = Assert.Single((await JsonAsync("/status.json")).GetProperty("incidents").EnumerateArray());
            Assert.Equal(status, incident.GetProperty("status").GetString());
            var updates = incident.GetProperty("incident_updates").EnumerateArray().ToList();
            Assert.Equal(i + 2, updates.Count);
            Assert.Equal((status, message), (updates[0].GetProperty("status").GetString(), updates[0].GetProperty("body").GetString()));
            Assert.Equal(IncidentsTestApp.Now.AddMinutes(20 * (i + 1)), DateTimeOffset.Parse(updates[0].GetProperty("created_at").GetString()!, CultureInfo.InvariantCulture));
        }

        var after = await JsonAsync("/status.json");
        Assert.Empty(after.GetProperty("incidents").EnumerateArray());
        Assert.Equal(before, EmailDelivery(after).GetProperty("status").GetString());

        var resolved = Assert.Single((await JsonAsync("/status/history.json")).GetProperty("incidents").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
        Assert.Equal("resolved", resolved.GetProperty("status").GetString());
        Assert.Equal(IncidentsTestApp.Now.AddMinutes(60), DateTimeOffset.Parse(resolved.GetProperty("resolved_at").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(
            ["resolved", "monitoring", "identified", "investigating"],
            resolved.GetProperty("incident_updates").EnumerateArray().Select(u => u.GetProperty("status").GetString()));

        var feed = XDocument.Parse(await app.Client.GetStringAsync(new Uri("/status/feed.atom", UriKind.Relative)));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = Assert.Single(feed.Root!.Elements(atom + "entry"), e => e.Element(atom + "title")?.Value.Contains("Morning emails are late", StringComparison.Ordinal) == true);
        Assert.Contains("Every morning email has been delivered.", entry.ToString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> JsonAsync(string path)
    {
        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    private static JsonElement EmailDelivery(JsonElement summary) =>
        summary.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("id").GetString() == StatusComponentKeys.EmailDelivery);
}
