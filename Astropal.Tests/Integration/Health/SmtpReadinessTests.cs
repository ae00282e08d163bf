using System.Net;
using System.Text.Json;
using Astropal.Core.Email;
using Astropal.Tests.TestSupport;
using Astropal.Web.Infrastructure.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.Integration.Health;

/// <summary>/readyz and the SMTP relay: connect + EHLO against the in-process SMTP server, the answer kept 60 s.</summary>
public sealed class SmtpReadinessTests
{
    private static SmtpReadinessCheck Check(int port, TimeProvider time) => new(
        Options.Create(new EmailOptions
        {
            Transport = EmailTransport.Smtp,
            Smtp = new EmailOptions.SmtpSettings { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, TimeoutSeconds = 5 },
        }),
        time);

    private static Task<HealthCheckResult> RunAsync(SmtpReadinessCheck check) =>
        check.CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);

    [Fact]
    public async Task A_relay_that_answers_is_healthy_and_a_stopped_one_unhealthy_once_the_cached_answer_is_older_than_60_seconds()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        var server = await InProcessSmtpServer.StartAsync();
        var port = server.Port;
        using var check = Check(port, time);

        var up = await RunAsync(check);
        Assert.Equal(HealthStatus.Healthy, up.Status);

        await server.DisposeAsync();
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(HealthStatus.Healthy, (await RunAsync(check)).Status); // the cached answer: no new connection

        time.Advance(TimeSpan.FromSeconds(2));
        var down = await RunAsync(check);
        Assert.Equal(HealthStatus.Unhealthy, down.Status);
        Assert.Contains($"127.0.0.1:{port}", down.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_lists_the_smtp_relay_when_the_transport_is_smtp_and_fails_when_it_is_down()
    {
        var port = InProcessSmtpServer.FreePort(); // nothing listens there
        await using var app = AstropalAppFactory.WithSettings(new Dictionary<string, string?>
        {
            ["Email:Transport"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:Smtp:TimeoutSeconds"] = "5",
        });
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Unhealthy", checks.GetProperty("smtp").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_leaves_out_smtp_with_the_outbox_transport_and_the_scheduler_when_it_is_off()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks");
        Assert.False(checks.TryGetProperty("smtp", out _));
        Assert.False(checks.TryGetProperty("scheduler", out _));
    }

    [Fact]
    public async Task Readyz_reports_the_running_scheduler_when_it_is_enabled()
    {
        await using var app = AstropalAppFactory.WithSettings(new Dictionary<string, string?> { ["Scheduler:Enabled"] = "true" });
        using var client = app.CreateClient();

        // Quartz may start just after the host: wait for the condition, within a bound.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        JsonElement scheduler;
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative), timeout.Token);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token));
            scheduler = json.RootElement.GetProperty("checks").GetProperty("scheduler").Clone();
            if (scheduler.GetProperty("status").GetString() == "Healthy")
            {
                break;
            }

            await Task.Delay(50, timeout.Token);
        }

        Assert.Equal("Running", scheduler.GetProperty("data").GetProperty("status").GetString());
    }
}
