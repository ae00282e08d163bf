using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.Integration.Readers;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.OperatorApi;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Integration.OperatorApi;

/// <summary>The operator API over HTTP against the real app: keys, roles, problem details, audit and the OpenAPI document.</summary>
public sealed class OperatorApiTests
{
    private const string Password = "Correct-Horse-42";

    private static async Task<string> KeyAsync(AstropalAppFactory app, string email, string role = "Operator")
    {
        await app.CreateOperatorAsync(email, role, Password);
        var created = await CliRun.RunAsync(app.Services, null, "create-api-key", "--email", email, "--name", "scripts");
        Assert.Equal(0, created.ExitCode);
        return created.Out.Split("Key (shown once, store it now): ")[1].Trim();
    }

    private static HttpClient Client(AstropalAppFactory app, string? key)
    {
        var client = app.CreateNonRedirectingClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private static async Task<List<AuditEntry>> AuditAsync(AstropalAppFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    [Theory]
    [InlineData(null, "This API needs an operator API key")]
    [InlineData("ap_not-a-real-key", "The key is not known.")]
    [InlineData("hunter2", "not an Astropal operator API key")]
    public async Task Calls_without_a_valid_key_get_401_problem_details(string? key, string detail)
    {
        await using var app = new AstropalAppFactory();
        using var client = Client(app, key);

        using var response = await client.GetAsync("/api/ops/readers");

        var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task The_console_cookie_is_not_a_key()
    {
        await using var app = new AstropalAppFactory();
        await app.CreateOperatorAsync("ada@example.com", "Admin", Password);
        using var client = app.CreateNonRedirectingClient();
        using var signIn = await Forms.PostFormAsync(client, "/account/sign-in", "sign-in",
            new Dictionary<string, string> { ["Input.Email"] = "ada@example.com", ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        using var response = await client.GetAsync("/api/ops/jobs");

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Readers_are_found_by_exact_email_by_search_and_by_id_with_engagement_counts_and_each_call_is_audited()
    {
        await using var app = new AstropalAppFactory();
        var key = await KeyAsync(app, "ada@example.com");
        var grace = await PortalHarness.AddReaderAsync(app, ReaderStatus.Active, email: "grace@example.com");
        await PortalHarness.AddReaderAsync(app, ReaderStatus.Pending, email: "gracie.hopper@example.com");
        await PortalHarness.AddReaderAsync(app, ReaderStatus.Active, email: "linus@example.com");
        await using (var db = await PortalHarness.Db(app).CreateDbContextAsync())
        {
            var reader = await db.Readers.SingleAsync(r => r.Id == grace.Id);
            reader.Cohort = "beta";
            var delivery = new DeliveryRecord
            {
                Id = Guid.NewGuid(), ReaderId = grace.Id, Kind = EmailTemplate.Daily, LocalDate = new DateOnly(2026, 12, 1),
                Status = DeliveryStatus.Sent, Attempts = 1, TargetAt = DateTimeOffset.UnixEpoch, MessageId = "m1@astropal.test",
            };
            db.Deliveries.Add(delivery);
            var at = new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero);
            db.EngagementEvents.AddRange(
                new EngagementEvent { DeliveryId = delivery.Id, ReaderId = grace.Id, Kind = EngagementKind.Open, At = at, IsFirst = true },
                new EngagementEvent { DeliveryId = delivery.Id, ReaderId = grace.Id, Kind = EngagementKind.Open, At = at, IsFirst = false },
                new EngagementEvent { DeliveryId = delivery.Id, ReaderId = grace.Id, Kind = EngagementKind.Open, At = at, IsMachine = true },
                new EngagementEvent { DeliveryId = delivery.Id, ReaderId = grace.Id, Kind = EngagementKind.Click, At = at, Link = "https://astropal.test/me" },
                new EngagementEvent { DeliveryId = delivery.Id, ReaderId = grace.Id, Kind = EngagementKind.Click, At = at, Link = "https://astropal.test/me" });
            await db.SaveChangesAsync();
        }

        using var client = Client(app, key);

        var exact = await client.GetFromJsonAsync<JsonElement>("/api/ops/readers?email=Grace@Example.com");
        var search = await client.GetFromJsonAsync<JsonElement>("/api/ops/readers?search=grac&pageSize=1&page=2");
        var one = await client.GetFromJsonAsync<JsonElement>($"/api/ops/readers/{grace.Id}");
        using var missing = await client.GetAsync($"/api/ops/readers/{Guid.NewGuid()}");

        var found = Assert.Single(exact.GetProperty("items").EnumerateArray());
        Assert.Equal(grace.Id, found.GetProperty("id").GetGuid());
        Assert.Equal(1, exact.GetProperty("total").GetInt32());
        Assert.Equal((2, 2, 1), (search.GetProperty("total").GetInt32(), search.GetProperty("page").GetInt32(), search.GetProperty("items").GetArrayLength()));
        Assert.Equal("grace@example.com", one.GetProperty("email").GetString());
        Assert.Equal("active", one.GetProperty("status").GetString());
        Assert.Equal("trial", one.GetProperty("tier").GetString());
        Assert.Equal("beta", one.GetProperty("cohort").GetString());
        Assert.Equal("calm", one.GetProperty("perspective").GetString());
        Assert.Equal(["wellness", "spiritual"], one.GetProperty("focusAreas").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("en-US", one.GetProperty("locale").GetString());
        var engagement = one.GetProperty("engagement");
        Assert.Equal((1, 1, 2), (engagement.GetProperty("sent").GetInt32(), engagement.GetProperty("opens").GetInt32(), engagement.GetProperty("clicks").GetInt32()));
        await ProblemAsync(missing, HttpStatusCode.NotFound);

        await using (var db = await PortalHarness.Db(app).CreateDbContextAsync())
        {
            Assert.NotNull((await db.OperatorApiKeys.SingleAsync()).LastUsedAt);
        }

        var calls = (await AuditAsync(app)).Where(e => e.Action.StartsWith("api.", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, calls.Count);
        Assert.All(calls, c => Assert.Equal(("ada@example.com", "api.get"), (c.Actor, c.Action)));
        Assert.Equal("GET /api/ops/readers?email=Grace@Example.com", calls[0].Target);
        Assert.Equal("status 404", calls[3].Detail);
    }

    [Theory]
    [InlineData("/api/ops/readers?email=a@example.com&search=a", "not both")]
    [InlineData("/api/ops/readers?page=0", "page counts from 1")]
    [InlineData("/api/ops/audit?pageSize=1000", "pageSize must be between 1 and 100")]
    public async Task Bad_queries_get_400_problem_details(string url, string detail)
    {
        await using var app = new AstropalAppFactory();
        using var client = Client(app, await KeyAsync(app, "ada@example.com"));

        using var response = await client.GetAsync(url);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_without_a_console_role_gets_403()
    {
        await using var app = new AstropalAppFactory();
        var key = await KeyAsync(app, "ada@example.com");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OperatorUser>>();
            var ada = await users.FindByEmailAsync("ada@example.com");
            Assert.True((await users.RemoveFromRoleAsync(ada!, "Operator")).Succeeded);
        }

        using var client = Client(app, key);
        using var response = await client.GetAsync("/api/ops/jobs");

        await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.DoesNotContain(await AuditAsync(app), e => e.Action == "api.get");
    }

    [Fact]
    public async Task A_revoked_key_and_a_disabled_operators_key_stop_working()
    {
        await using var app = new AstropalAppFactory();
        var adaKey = await KeyAsync(app, "ada@example.com");
        var graceKey = await KeyAsync(app, "grace@example.com", "Admin");
        using var ada = Client(app, adaKey);
        using var grace = Client(app, graceKey);
        Assert.Equal(HttpStatusCode.OK, (await ada.GetAsync("/api/ops/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await grace.GetAsync("/api/ops/jobs")).StatusCode);

        await using (var db = await PortalHarness.Db(app).CreateDbContextAsync())
        {
            var adaId = (await db.Users.SingleAsync(u => u.Email == "ada@example.com")).Id;
            var keyId = (await db.OperatorApiKeys.SingleAsync(k => k.OperatorId == adaId)).Id;
            Assert.True(await app.Services.GetRequiredService<OperatorApiKeys>().RevokeAsync(adaId, keyId, "ada@example.com", CancellationToken.None));
            var graceUser = await db.Users.SingleAsync(u => u.Email == "grace@example.com");
            graceUser.DisabledAt = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
            await db.SaveChangesAsync();
        }

        var revoked = await ProblemAsync(await ada.GetAsync("/api/ops/jobs"), HttpStatusCode.Unauthorized);
        var disabled = await ProblemAsync(await grace.GetAsync("/api/ops/jobs"), HttpStatusCode.Unauthorized);

        Assert.Equal("The key was revoked.", revoked.GetProperty("detail").GetString());
        Assert.Equal("The key's operator is disabled.", disabled.GetProperty("detail").GetString());
        Assert.Contains(await AuditAsync(app), e => e.Action == "api-key.revoked" && e.Actor == "ada@example.com");
    }

    [Fact]
    public async Task Jobs_are_listed_paused_and_resumed_through_the_api_as_the_keys_operator()
    {
        await using var app = new AstropalAppFactory();
        using var client = Client(app, await KeyAsync(app, "ada@example.com"));

        using var noReason = await client.PostAsJsonAsync("/api/ops/jobs/pause", new { all = true });
        using var both = await client.PostAsJsonAsync("/api/ops/jobs/pause", new { all = true, job = "news-fetch", reason = "x" });
        using var pause = await client.PostAsJsonAsync("/api/ops/jobs/pause", new { all = true, reason = "rollback drill" });
        var jobs = await client.GetFromJsonAsync<JsonElement>("/api/ops/jobs");
        using var resume = await client.PostAsJsonAsync("/api/ops/jobs/resume", new { all = true });
        var after = await client.GetFromJsonAsync<JsonElement>("/api/ops/jobs");

        Assert.Contains("A reason is required", (await ProblemAsync(noReason, HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("not both", (await ProblemAsync(both, HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, pause.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        var dispatch = jobs.EnumerateArray().Single(j => j.GetProperty("name").GetString() == "delivery-dispatch");
        Assert.True(dispatch.GetProperty("paused").GetBoolean());
        Assert.True(dispatch.GetProperty("pausedByAll").GetBoolean());
        Assert.Equal("rollback drill", dispatch.GetProperty("pauseReason").GetString());
        Assert.Equal("ada@example.com", dispatch.GetProperty("pausedBy").GetString());
        Assert.All(after.EnumerateArray(), j => Assert.False(j.GetProperty("paused").GetBoolean()));
        var audit = await AuditAsync(app);
        Assert.Contains(audit, e => e.Action == "jobs.paused" && e.Actor == "ada@example.com" && e.Detail == "rollback drill");
        Assert.Contains(audit, e => e.Action == "api.post" && e.Target == "POST /api/ops/jobs/pause" && e.Detail == "status 200");
    }

    [Fact]
    public async Task The_audit_log_is_readable_newest_first_and_filtered_by_action()
    {
        await using var app = new AstropalAppFactory();
        using var client = Client(app, await KeyAsync(app, "ada@example.com"));

        var audit = await client.GetFromJsonAsync<JsonElement>("/api/ops/audit?action=api-key.created");

        var entry = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Equal(("cli", "ada@example.com"), (entry.GetProperty("actor").GetString(), entry.GetProperty("target").GetString()));
    }

    [Fact]
    public async Task The_openapi_document_lists_the_public_and_operator_endpoints_with_the_bearer_scheme()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(
            [
                "/api/ops/alerts", "/api/ops/alerts/{id}/acknowledge", "/api/ops/alerts/{id}/silence", "/api/ops/alerts/{id}/unsilence",
                "/api/ops/audit", "/api/ops/beta/import", "/api/ops/incidents", "/api/ops/incidents/{id}", "/api/ops/incidents/{id}/updates",
                "/api/ops/jobs", "/api/ops/jobs/pause", "/api/ops/jobs/resume", "/api/ops/maintenance", "/api/ops/maintenance/{id}/cancel",
                "/api/ops/metrics", "/api/ops/metrics/{name}", "/api/ops/readers", "/api/ops/readers/{id}", "/api/ops/reports/{day}", "/api/readers",
            ],
            paths.Order(StringComparer.Ordinal));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("OperatorApiKey").GetProperty("scheme").GetString());
        Assert.True(document.GetProperty("paths").GetProperty("/api/ops/jobs").GetProperty("get").TryGetProperty("security", out _));
    }

    [Fact]
    public async Task The_api_reference_is_for_signed_in_operators()
    {
        await using var app = new AstropalAppFactory();
        await app.CreateOperatorAsync("ada@example.com", "Operator", Password);
        using var client = app.CreateNonRedirectingClient();

        using var anonymous = await client.GetAsync("/ops/api-reference");
        using var signIn = await Forms.PostFormAsync(client, "/account/sign-in", "sign-in",
            new Dictionary<string, string> { ["Input.Email"] = "ada@example.com", ["Input.Password"] = Password });
        using var signedIn = await client.GetAsync("/ops/api-reference/");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var html = await signedIn.Content.ReadAsStringAsync();
        // Scalar resolves the document against the site's base path: /openapi/v1.json.
        Assert.Contains("\"url\":\"openapi/v1.json\"", html, StringComparison.Ordinal);
        var csp = signedIn.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Matches("script-src 'self' 'nonce-[^']+'", csp);
    }
}
