using System.Globalization;
using System.Text.Json;
using Astropal.Data;

namespace Astropal.Web.Features.Status;

/// <summary>
/// The public JSON in the shape of Atlassian Statuspage's public API, so status widgets and monitors read it:
/// <c>/status.json</c> is <c>/api/v2/summary.json</c> (page, components, unresolved incidents, active and upcoming
/// scheduled maintenances, status) and <c>/status/history.json</c> is <c>/api/v2/incidents.json</c> (the last 90 days).
/// Ids are strings as in Statuspage: a component's key, an incident's number, <c>maintenance-N</c> for a maintenance.
/// Only public fields are written (docs/status.md).
/// </summary>
public static class StatusJson
{
    public static byte[] Summary(StatusSnapshot snapshot, StatusPageInfo page)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(page);
        return Write(w =>
        {
            w.WriteStartObject();
            Page(w, snapshot, page);
            w.WriteStartArray("components");
            foreach (var component in snapshot.Components)
            {
                Component(w, component);
            }

            w.WriteEndArray();
            w.WriteStartArray("incidents");
            foreach (var incident in snapshot.ActiveIncidents)
            {
                Incident(w, incident, snapshot, page);
            }

            w.WriteEndArray();
            w.WriteStartArray("scheduled_maintenances");
            foreach (var maintenance in snapshot.Maintenances)
            {
                Maintenance(w, maintenance, snapshot, page);
            }

            w.WriteEndArray();
            w.WriteStartObject("status");
            w.WriteString("indicator", snapshot.Status.Indicator);
            w.WriteString("description", snapshot.Status.Description);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    public static byte[] History(StatusSnapshot snapshot, StatusPageInfo page)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(page);
        return Write(w =>
        {
            w.WriteStartObject();
            Page(w, snapshot, page);
            w.WriteStartArray("incidents");
            foreach (var incident in snapshot.History)
            {
                Incident(w, incident, snapshot, page);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>ISO 8601 in UTC with milliseconds, as Statuspage writes times.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string IncidentLink(StatusPageInfo page, long id) =>
        page.Url.TrimEnd('/') + "/history#incident-" + id.ToString(CultureInfo.InvariantCulture);

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            body(writer);
        }

        return stream.ToArray();
    }

    private static void Page(Utf8JsonWriter w, StatusSnapshot snapshot, StatusPageInfo page)
    {
        w.WriteStartObject("page");
        w.WriteString("id", StatusPageInfo.Id);
        w.WriteString("name", page.Name);
        w.WriteString("url", page.Url);
        w.WriteString("time_zone", "Etc/UTC");
        w.WriteString("updated_at", Time(snapshot.UpdatedAt));
        w.WriteEndObject();
    }

    private static void Component(Utf8JsonWriter w, StatusComponentView component)
    {
        w.WriteStartObject();
        w.WriteString("id", component.Key);
        w.WriteString("name", component.Name);
        w.WriteString("status", component.State.Wire());
        w.WriteString("created_at", Time(component.Days.FirstOrDefault(d => d.Worst is not null) is { } first ? new DateTimeOffset(first.Day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : component.UpdatedAt));
        w.WriteString("updated_at", Time(component.UpdatedAt));
        w.WriteNumber("position", component.Position);
        w.WriteNull("description");
        w.WriteBoolean("showcase", true);
        w.WriteNull("start_date");
        w.WriteNull("group_id");
        w.WriteString("page_id", StatusPageInfo.Id);
        w.WriteBoolean("group", false);
        w.WriteBoolean("only_show_if_degraded", false);
        w.WriteEndObject();
    }

    private static void Incident(Utf8JsonWriter w, PublicIncident incident, StatusSnapshot snapshot, StatusPageInfo page)
    {
        var id = incident.Id.ToString(CultureInfo.InvariantCulture);
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("name", incident.Name);
        w.WriteString("status", incident.Status.Wire());
        w.WriteString("created_at", Time(incident.CreatedAt));
        w.WriteString("updated_at", Time(incident.UpdatedAt));
        OptionalTime(w, "monitoring_at", incident.MonitoringAt);
        OptionalTime(w, "resolved_at", incident.ResolvedAt);
        w.WriteString("impact", incident.Impact);
        w.WriteString("shortlink", IncidentLink(page, incident.Id));
        w.WriteString("started_at", Time(incident.CreatedAt));
        w.WriteString("page_id", StatusPageInfo.Id);
        w.WriteStartArray("incident_updates");
        foreach (var update in incident.Updates)
        {
            w.WriteStartObject();
            w.WriteString("id", update.Id.ToString(CultureInfo.InvariantCulture));
            w.WriteString("status", update.Status.Wire());
            w.WriteString("body", update.Body);
            w.WriteString("incident_id", id);
            w.WriteString("created_at", Time(update.CreatedAt));
            w.WriteString("updated_at", Time(update.CreatedAt));
            w.WriteString("display_at", Time(update.CreatedAt));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Components(w, incident.Components, snapshot);
        w.WriteEndObject();
    }

    private static void Maintenance(Utf8JsonWriter w, PublicMaintenance maintenance, StatusSnapshot snapshot, StatusPageInfo page)
    {
        var id = "maintenance-" + maintenance.Id.ToString(CultureInfo.InvariantCulture);
        var status = maintenance.StatusAt(snapshot.BuiltAt);
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("name", maintenance.Title);
        w.WriteString("status", status);
        w.WriteString("created_at", Time(maintenance.CreatedAt));
        w.WriteString("updated_at", Time(maintenance.UpdatedAt));
        w.WriteNull("monitoring_at");
        w.WriteNull("resolved_at");
        w.WriteString("impact", "maintenance");
        w.WriteString("shortlink", page.Url);
        w.WriteString("started_at", Time(maintenance.StartsAt));
        w.WriteString("page_id", StatusPageInfo.Id);
        w.WriteString("scheduled_for", Time(maintenance.StartsAt));
        w.WriteString("scheduled_until", Time(maintenance.EndsAt));
        w.WriteStartArray("incident_updates");
        w.WriteStartObject();
        w.WriteString("id", id + "-1");
        w.WriteString("status", status);
        w.WriteString("body", maintenance.Message);
        w.WriteString("incident_id", id);
        w.WriteString("created_at", Time(maintenance.CreatedAt));
        w.WriteString("updated_at", Time(maintenance.UpdatedAt));
        w.WriteString("display_at", Time(maintenance.CreatedAt));
        w.WriteEndObject();
        w.WriteEndArray();
        Components(w, maintenance.Components, snapshot);
        w.WriteEndObject();
    }

    private static void Components(Utf8JsonWriter w, IReadOnlyList<string> keys, StatusSnapshot snapshot)
    {
        w.WriteStartArray("components");
        foreach (var key in keys)
        {
            if (snapshot.Components.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase)) is { } component)
            {
                Component(w, component);
            }
        }

        w.WriteEndArray();
    }

    private static void OptionalTime(Utf8JsonWriter w, string name, DateTimeOffset? at)
    {
        if (at is { } value)
        {
            w.WriteString(name, Time(value));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
