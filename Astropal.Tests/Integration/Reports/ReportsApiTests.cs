using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Astropal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Integration.Reports;

/// <summary><c>GET /api/ops/reports/{day}</c> over HTTP against the real app with an operator API key.</summary>
public sealed class ReportsApiTests
{
    [Fact]
    public async Task A_key_holder_gets_a_days_report_as_json_and_a_bad_or_future_day_gets_a_clear_problem()
    {
        await using var app = new AstropalAppFactory();
        await app.CreateOperatorAsync("ada@example.com", "Operator", "Correct-Horse-42");
        var created = await CliRun.RunAsync(app.Services, null, "create-api-key", "--email", "ada@example.com", "--name", "scripts");
        Assert.Equal(0, created.ExitCode);
        using var client = app.CreateNonRedirectingClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Out.Split("Key (shown once, store it now): ")[1].Trim());
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        using var ok = await client.GetAsync(new Uri($"/api/ops/reports/{day}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var report = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(day, report.GetProperty("day").GetString());
        Assert.Equal(9, report.GetProperty("metrics").GetArrayLength());
        var first = report.GetProperty("metrics")[0];
        Assert.Equal("user.registrations", first.GetProperty("name").GetString());
        Assert.Contains(first.GetProperty("state").GetString(), new[] { "ok", "warning", "alert", "no-data" });
        Assert.Equal(0, report.GetProperty("lateEmails").GetInt32());
        Assert.True(report.TryGetProperty("deliveriesByStatus", out _));
        Assert.True(report.TryGetProperty("spendByProvider", out _));
        Assert.True(report.TryGetProperty("alertsFired", out _));
        Assert.True(report.TryGetProperty("voices", out _));

        using var bad = await client.GetAsync(new Uri("/api/ops/reports/2026-13-01", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("yyyy-MM-dd", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var future = await client.GetAsync(new Uri($"/api/ops/reports/{today.AddDays(1):yyyy-MM-dd}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, future.StatusCode);
    }
}
