using System.Net;
using System.Text.RegularExpressions;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Operators;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.Integration.Operators;

public sealed partial class OperatorInvitationTests
{
    private const string NewPassword = "Brand-New-Pass-42";

    private static Dictionary<string, string> Credentials(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    [Fact]
    public async Task An_invited_operator_sets_a_password_once_through_the_emailed_link_and_signs_in_with_it()
    {
        await using var app = new AstropalAppFactory();
        var invited = await WithAccountsAsync(app, a => a.InviteAsync("bea@example.com", "Operator", "admin@example.com", CancellationToken.None));
        Assert.True(invited.Succeeded, string.Join("; ", invited.Errors));
        Assert.Null(invited.GeneratedPassword);

        var email = Assert.Single(app.OutboxMessages());
        Assert.Equal("bea@example.com", email.To.Mailboxes.Single().Address);
        Assert.Contains("console", email.Subject, StringComparison.Ordinal);
        var link = new Uri(SetPasswordLink().Match(email.TextBody ?? "").Value);
        using var client = app.CreateNonRedirectingClient();

        using var set = await Forms.PostFormAsync(client, link.PathAndQuery, "set-password", new Dictionary<string, string>
        {
            ["Input.Password"] = NewPassword,
            ["Input.Confirm"] = NewPassword,
        });
        Assert.Contains("id=\"password-set\"", await set.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var again = await Forms.PostFormAsync(client, link.PathAndQuery, "set-password", new Dictionary<string, string>
        {
            ["Input.Password"] = "Another-Pass-4242",
            ["Input.Confirm"] = "Another-Pass-4242",
        });
        Assert.Contains("expired or was already used", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var signIn = await Forms.PostFormAsync(client, "/account/sign-in", "sign-in", Credentials("bea@example.com", NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var actions = await AuditActionsAsync(app);
        Assert.Contains("operator.invited", actions);
        Assert.Contains("operator.password-set", actions);
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_disabled_or_demoted()
    {
        await using var app = new AstropalAppFactory();
        await app.CreateOperatorAsync("ada@example.com", "Admin", "Correct-Horse-42");
        await app.CreateOperatorAsync("bob@example.com", "Operator", "Correct-Horse-42");
        var ada = await IdOfAsync(app, "ada@example.com");
        var bob = await IdOfAsync(app, "bob@example.com");

        var disable = await WithAccountsAsync(app, a => a.SetDisabledAsync(ada, true, "ada@example.com", CancellationToken.None));
        var demote = await WithAccountsAsync(app, a => a.ChangeRoleAsync(ada, "Operator", "ada@example.com", CancellationToken.None));

        Assert.Equal(OperatorAccounts.LastAdminError, disable.Error);
        Assert.Equal(OperatorAccounts.LastAdminError, demote.Error);

        // With a second active Admin, the first may step down; the second is then the last one.
        Assert.True((await WithAccountsAsync(app, a => a.ChangeRoleAsync(bob, "Admin", "ada@example.com", CancellationToken.None))).Succeeded);
        Assert.True((await WithAccountsAsync(app, a => a.ChangeRoleAsync(ada, "Operator", "ada@example.com", CancellationToken.None))).Succeeded);
        Assert.False((await WithAccountsAsync(app, a => a.SetDisabledAsync(bob, true, "bob@example.com", CancellationToken.None))).Succeeded);
        var rows = await WithAccountsAsync(app, a => a.ListAsync(CancellationToken.None));
        Assert.Equal(("Operator", "Admin"), (rows.Single(r => r.Id == ada).Role, rows.Single(r => r.Id == bob).Role));
    }

    [Fact]
    public async Task A_disabled_operator_loses_the_session_at_the_next_check_and_cannot_sign_in_again()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var app = new AstropalAppFactory { TestServices = s => s.AddSingleton<TimeProvider>(time) };
        await app.CreateOperatorAsync("ada@example.com", "Admin", "Correct-Horse-42");
        await app.CreateOperatorAsync("bob@example.com", "Operator", "Correct-Horse-42");
        using var client = app.CreateNonRedirectingClient();
        using var signIn = await Forms.PostFormAsync(client, "/account/sign-in", "sign-in", Credentials("bob@example.com", "Correct-Horse-42"));
        using (var console = await client.GetAsync("/ops"))
        {
            Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        }

        var bob = await IdOfAsync(app, "bob@example.com");
        Assert.True((await WithAccountsAsync(app, a => a.SetDisabledAsync(bob, true, "ada@example.com", CancellationToken.None))).Succeeded);
        time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        using (var after = await client.GetAsync("/ops"))
        {
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        }

        using var again = await Forms.PostFormAsync(client, "/account/sign-in", "sign-in", Credentials("bob@example.com", "Correct-Horse-42"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("operator.disabled", await AuditActionsAsync(app));
    }

    [Fact]
    public async Task Resetting_two_factor_turns_it_off_and_forgets_the_key()
    {
        await using var app = new AstropalAppFactory();
        await app.CreateOperatorAsync("bob@example.com", "Operator", "Correct-Horse-42");
        var bob = await IdOfAsync(app, "bob@example.com");
        string oldKey;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OperatorUser>>();
            var user = (await users.FindByIdAsync(bob))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
            oldKey = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        Assert.True((await WithAccountsAsync(app, a => a.ResetTwoFactorAsync(bob, "ada@example.com", CancellationToken.None))).Succeeded);

        await using var check = app.Services.CreateAsyncScope();
        var manager = check.ServiceProvider.GetRequiredService<UserManager<OperatorUser>>();
        var reset = (await manager.FindByIdAsync(bob))!;
        Assert.False(reset.TwoFactorEnabled);
        Assert.Equal(0, await manager.CountRecoveryCodesAsync(reset));
        Assert.NotEqual(oldKey, await manager.GetAuthenticatorKeyAsync(reset));
        Assert.Contains("operator.two-factor-reset", await AuditActionsAsync(app));
    }

    private static async Task<T> WithAccountsAsync<T>(AstropalAppFactory app, Func<OperatorAccounts, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<OperatorAccounts>());
    }

    private static async Task<string> IdOfAsync(AstropalAppFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<OperatorUser>>().FindByEmailAsync(email))!.Id;
    }

    private static async Task<List<string>> AuditActionsAsync(AstropalAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AstropalDbContext>();
        return await db.AuditEntries.Select(a => a.Action).ToListAsync();
    }

    [GeneratedRegex(@"https?://\S+/account/set-password\?u=[^&\s]+&t=[A-Za-z0-9_\-]+")]
    private static partial Regex SetPasswordLink();
}
