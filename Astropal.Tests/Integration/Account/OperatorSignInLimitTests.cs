using System.Net;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.Integration.Account;

public sealed class OperatorSignInLimitTests
{
    private const string Password = "Correct-Horse-42";

    private static Dictionary<string, string> Credentials(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    private static AstropalAppFactory App(FakeTimeProvider? time = null, Dictionary<string, string?>? settings = null) => new()
    {
        Settings = settings ?? [],
        TestServices = services =>
        {
            if (time is not null)
            {
                services.AddSingleton<TimeProvider>(time);
            }
        },
    };

    [Fact]
    public async Task Twelve_failed_sign_ins_from_one_address_get_429_from_the_eleventh_with_one_body_for_real_and_unknown_accounts()
    {
        await using var app = App();
        await app.CreateOperatorAsync("ada@example.com", "Admin", Password);
        using var client = app.CreateNonRedirectingClient();

        var answers = new List<(string Email, HttpStatusCode Status, string Body)>();
        for (var i = 1; i <= 12; i++)
        {
            var email = i % 2 == 0 ? "ada@example.com" : $"nobody{i}@example.com";
            using var response = await Forms.PostFormAsync(client, "/account/sign-in", "sign-in", Credentials(email, "wrong-password-1"));
            answers.Add((email, response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        Assert.All(answers.Take(10), a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers.Skip(10), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.Status));
        var unknown = answers[10];
        var real = answers[11];
        Assert.StartsWith("nobody", unknown.Email, StringComparison.Ordinal);
        Assert.Equal("ada@example.com", real.Email);
        Assert.Equal(unknown.Body, real.Body);
    }

    [Fact]
    public async Task A_blocked_address_cannot_sign_in_even_with_the_right_password_until_the_window_passes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = App(time, new() { ["Operators:SignInAttemptsPerIp"] = "3", ["Operators:SignInWindow"] = "00:10:00" });
        await app.CreateOperatorAsync("ada@example.com", "Admin", Password);
        using var client = app.CreateNonRedirectingClient();
        for (var i = 0; i < 3; i++)
        {
            using var _ = await Forms.PostFormAsync(client, "/account/sign-in", "sign-in", Credentials($"nobody{i}@example.com", "wrong-password-1"));
        }

        using var blocked = await Forms.PostFormAsync(client, "/account/sign-in", "sign-in", Credentials("ada@example.com", Password));
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.NotNull(blocked.Headers.RetryAfter);

        time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        using var allowed = await Forms.PostFormAsync(client, "/account/sign-in", "sign-in", Credentials("ada@example.com", Password));
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
    }

    [Fact]
    public async Task A_locked_account_a_disabled_account_and_an_unknown_address_get_the_same_message()
    {
        await using var app = App();
        await app.CreateOperatorAsync("ada@example.com", "Operator", Password);
        await app.CreateOperatorAsync("bob@example.com", "Operator", Password);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OperatorUser>>();
            var bob = (await users.FindByEmailAsync("bob@example.com"))!;
            bob.DisabledAt = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
            await users.UpdateAsync(bob);
        }

        using var client = app.CreateNonRedirectingClient();
        for (var i = 0; i < 5; i++)
        {
            using var _ = await Forms.PostFormAsync(client, "/account/sign-in", "sign-in", Credentials("ada@example.com", "wrong-password-1"));
        }

        var locked = await MessageOf(await Forms.PostFormAsync(client, "/account/sign-in", "sign-in", Credentials("ada@example.com", Password)));
        var disabled = await MessageOf(await Forms.PostFormAsync(client, "/account/sign-in", "sign-in", Credentials("bob@example.com", Password)));
        var unknown = await MessageOf(await Forms.PostFormAsync(client, "/account/sign-in", "sign-in", Credentials("carol@example.com", Password)));

        Assert.NotNull(unknown);
        Assert.Equal(unknown, locked);
        Assert.Equal(unknown, disabled);
        Assert.DoesNotContain("locked", unknown, StringComparison.OrdinalIgnoreCase);
        using var console = await client.GetAsync("/ops");
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
    }

    [Fact]
    public async Task Attacker_text_in_the_audit_log_is_capped_to_the_column_size()
    {
        await using var app = App();
        using var client = app.CreateNonRedirectingClient();
        var email = new string('a', 400) + "@example.com";

        using var response = await Forms.PostFormAsync(client, "/account/sign-in", "sign-in", Credentials(email, "wrong-password-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AstropalDbContext>();
        var actors = await db.AuditEntries.Select(a => a.Actor).ToListAsync();
        var actor = Assert.Single(actors);
        Assert.Equal(256, actor.Length);
        Assert.StartsWith("aaaa", actor, StringComparison.Ordinal);
    }

    private static async Task<string?> MessageOf(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            var match = System.Text.RegularExpressions.Regex.Match(html, "id=\"sign-in-error\">([^<]*)<");
            return match.Success ? match.Groups[1].Value : null;
        }
    }
}
