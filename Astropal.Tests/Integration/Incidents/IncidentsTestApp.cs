using System.Net.Http.Headers;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.Integration.Incidents;

/// <summary>
/// The real app with a fake clock, an operator API key and two alert channels (a webhook taking every severity, a Slack
/// channel taking critical only; the scheduler is off, so the messages stay queued): helpers to count what changed.
/// </summary>
internal sealed class IncidentsTestApp : IAsyncDisposable
{
    public const string Operator = "ada@example.com";
    public static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    private IncidentsTestApp(AstropalAppFactory app, FakeTimeProvider time, HttpClient client)
    {
        App = app;
        Time = time;
        Client = client;
    }

    public AstropalAppFactory App { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>A client with the operator's API key.</summary>
    public HttpClient Client { get; }

    public IDbContextFactory<AstropalDbContext> Db => App.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();

    public static async Task<IncidentsTestApp> StartAsync()
    {
        var time = new FakeTimeProvider(Now);
        var app = new AstropalAppFactory
        {
            Settings = new Dictionary<string, string?>
            {
                ["Brand:SiteUrl"] = "https://astropal.example",
                ["Alerts:Channels:hook:Type"] = "Webhook",
                ["Alerts:Channels:hook:Url"] = "https://hooks.example.com/astropal",
                ["Alerts:Channels:hook:Secret"] = "s3cret",
                ["Alerts:Channels:pager:Type"] = "Slack",
                ["Alerts:Channels:pager:Url"] = "https://hooks.slack.example/services/x",
                ["Alerts:Channels:pager:MinSeverity"] = "critical",
            },
            TestServices = s => s.AddSingleton<TimeProvider>(time),
        };
        await app.CreateOperatorAsync(Operator, "Operator", "Correct-Horse-42");
        var created = await CliRun.RunAsync(app.Services, null, "create-api-key", "--email", Operator, "--name", "scripts");
        Assert.Equal(0, created.ExitCode);
        var key = created.Out.Split("Key (shown once, store it now): ")[1].Trim();
        var client = app.CreateNonRedirectingClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return new IncidentsTestApp(app, time, client);
    }

    /// <summary>Rows of every incident and maintenance table, the incident and maintenance audit entries and the alert messages.</summary>
    public async Task<(int Incidents, int Updates, int Components, int Notes, int Links, int Maintenances, int Audit, int Messages)> CountsAsync()
    {
        await using var db = await Db.CreateDbContextAsync();
        return (
            await db.Incidents.CountAsync(),
            await db.IncidentUpdates.CountAsync(),
            await db.IncidentComponents.CountAsync(),
            await db.IncidentNotes.CountAsync(),
            await db.IncidentAlertLinks.CountAsync(),
            await db.Maintenances.CountAsync(),
            await db.AuditEntries.CountAsync(a => a.Action.StartsWith("incident.") || a.Action.StartsWith("maintenance.")),
            await db.AlertNotifications.CountAsync());
    }

    public async Task<List<(string Action, string? Target, string Actor)>> AuditAsync(string prefix)
    {
        await using var db = await Db.CreateDbContextAsync();
        return (await db.AuditEntries.Where(a => a.Action.StartsWith(prefix)).OrderBy(a => a.Id).ToListAsync())
            .Select(a => (a.Action, a.Target, a.Actor)).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
