using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Astropal.Web.Features.Incidents;

namespace Astropal.Tests.Integration.Incidents;

/// <summary><c>/api/ops/maintenance</c>: scheduling with validation, the list by phase, cancelling, audit.</summary>
public sealed class MaintenanceApiTests : IAsyncLifetime
{
    private IncidentsTestApp app = default!;

    public async Task InitializeAsync() => app = await IncidentsTestApp.StartAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    private static readonly DateTimeOffset Start = IncidentsTestApp.Now.AddHours(2);

    private static object Body(DateTimeOffset? startsAt, DateTimeOffset? endsAt, params string[] components) => new
    {
        title = "Database upgrade",
        message = "Sign-up pauses for up to an hour while the database is upgraded.",
        startsAt,
        endsAt,
        components,
    };

    [Theory]
    [InlineData("endsAt", 0, -30, "The window must end after it starts.")]
    [InlineData("endsAt", -300, -240, "The window must end in the future.")]
    [InlineData("components", 0, 60, "'Teleporter' is not a component")]
    [InlineData("components", 0, 60, "Name at least one component")]
    public async Task A_window_with_a_bad_field_is_refused_with_400_and_nothing_is_scheduled(string field, int startMinutes, int endMinutes, string reason)
    {
        var before = await app.CountsAsync();
        string[] components = reason.Contains("Teleporter", StringComparison.Ordinal) ? ["Teleporter"] : reason.StartsWith("Name", StringComparison.Ordinal) ? [] : ["Database"];

        using var response = await app.Client.PostAsJsonAsync("/api/ops/maintenance", Body(Start.AddMinutes(startMinutes), Start.AddMinutes(endMinutes), components));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty(field);
        Assert.Contains(errors.EnumerateArray(), e => e.GetString()!.Contains(reason, StringComparison.Ordinal));
        Assert.Equal(before, await app.CountsAsync());
    }

    [Fact]
    public async Task A_window_is_scheduled_listed_by_phase_cancelled_once_and_each_change_is_audited()
    {
        using var created = await app.Client.PostAsJsonAsync("/api/ops/maintenance", Body(Start, Start.AddHours(1), "database", "Sign-up"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var window = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = window.GetProperty("id").GetInt64();
        Assert.Equal($"/api/ops/maintenance/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("upcoming", window.GetProperty("phase").GetString());
        Assert.Equal(["signup", "database"], window.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("key").GetString()));

        app.Time.Advance(TimeSpan.FromHours(2.5));
        var list = await app.Client.GetFromJsonAsync<JsonElement>("/api/ops/maintenance");
        Assert.Equal(("active", id), (list[0].GetProperty("phase").GetString(), list[0].GetProperty("id").GetInt64()));

        using (var cancelled = await app.Client.PostAsync(new Uri($"/api/ops/maintenance/{id}/cancel", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
            Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phase").GetString());
        }

        using (var again = await app.Client.PostAsync(new Uri($"/api/ops/maintenance/{id}/cancel", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
            Assert.Contains("already cancelled", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var missing = await app.Client.PostAsync(new Uri("/api/ops/maintenance/999999/cancel", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        Assert.Equal(
            [(MaintenanceService.ScheduledAction, $"maintenance:{id}", IncidentsTestApp.Operator), (MaintenanceService.CancelledAction, $"maintenance:{id}", IncidentsTestApp.Operator)],
            await app.AuditAsync("maintenance."));
    }
}
