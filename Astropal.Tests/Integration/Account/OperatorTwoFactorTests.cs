using System.Net;
using System.Text.RegularExpressions;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Integration.Account;

public sealed partial class OperatorTwoFactorTests
{
    private const string Password = "Correct-Horse-42";

    private static Dictionary<string, string> Credentials(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    private static AstropalAppFactory RequiringTwoFactor() =>
        AstropalAppFactory.WithSettings(new Dictionary<string, string?> { ["Operators:RequireTwoFactor"] = "true" });

    [Fact]
    public async Task An_operator_without_an_authenticator_is_sent_to_enrol_before_any_console_page_and_gets_recovery_codes()
    {
        await using var app = RequiringTwoFactor();
        await app.CreateOperatorAsync("ada@example.com", "Operator", Password);
        using var client = app.CreateNonRedirectingClient();
        using var signIn = await Forms.PostFormAsync(client, "/account/sign-in?ReturnUrl=%2Fops%2Fcontent", "sign-in", Credentials("ada@example.com", Password));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        using var console = await client.GetAsync("/ops/content");
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
        Assert.Equal("/account/two-factor?ReturnUrl=%2Fops%2Fcontent", PathOf(console));

        var enrol = await client.GetStringAsync("/account/two-factor");
        Assert.Contains("data:image/png;base64,", enrol, StringComparison.Ordinal);
        var key = KeyIn(enrol);
        using var enabled = await Forms.PostFormAsync(client, "/account/two-factor?ReturnUrl=%2Fops%2Fcontent", "enable-two-factor",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Now(key) });
        var page = await enabled.Content.ReadAsStringAsync();
        Assert.Contains("id=\"recovery-codes\"", page, StringComparison.Ordinal);
        Assert.Equal(10, RecoveryCode().Count(page));

        using var after = await client.GetAsync("/ops/content");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains(await AuditActionsAsync(app), a => a == "operator.two-factor-enabled");
    }

    [Fact]
    public async Task A_wrong_enrolment_code_leaves_two_factor_off()
    {
        await using var app = RequiringTwoFactor();
        await app.CreateOperatorAsync("ada@example.com", "Operator", Password);
        using var client = app.CreateNonRedirectingClient();
        using var _ = await Forms.PostFormAsync(client, "/account/sign-in", "sign-in", Credentials("ada@example.com", Password));

        using var wrong = await Forms.PostFormAsync(client, "/account/two-factor", "enable-two-factor",
            new Dictionary<string, string> { ["Input.Code"] = "000000" == Totp.Now(KeyIn(await client.GetStringAsync("/account/two-factor"))) ? "111111" : "000000" });

        Assert.Contains("two-factor-error", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var console = await client.GetAsync("/ops");
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
    }

    [Fact]
    public async Task An_operator_with_an_authenticator_needs_a_code_after_the_password()
    {
        await using var app = RequiringTwoFactor();
        await app.CreateOperatorAsync("ada@example.com", "Operator", Password);
        var key = await EnrolAsync(app, "ada@example.com");
        using var client = app.CreateNonRedirectingClient();

        using var signIn = await Forms.PostFormAsync(client, "/account/sign-in?ReturnUrl=%2Fops%2Fdeliveries", "sign-in", Credentials("ada@example.com", Password));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var secondStep = PathOf(signIn)!;
        Assert.StartsWith("/account/sign-in/two-factor", secondStep, StringComparison.Ordinal);
        using var notYet = await client.GetAsync("/ops");
        Assert.Equal(HttpStatusCode.Redirect, notYet.StatusCode);
        Assert.StartsWith("/account/sign-in?", PathOf(notYet), StringComparison.Ordinal);

        using var wrong = await Forms.PostFormAsync(client, secondStep, "two-factor", new Dictionary<string, string> { ["Input.Code"] = "12345678" });
        Assert.Contains("two-factor-error", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var right = await Forms.PostFormAsync(client, secondStep, "two-factor", new Dictionary<string, string> { ["Input.Code"] = Totp.Now(key) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/ops/deliveries", PathOf(right));
        using var console = await client.GetAsync("/ops/deliveries");
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        await using var app = RequiringTwoFactor();
        await app.CreateOperatorAsync("ada@example.com", "Operator", Password);
        await EnrolAsync(app, "ada@example.com");
        string recovery;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OperatorUser>>();
            recovery = (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync("ada@example.com"))!, 2))!.First();
        }

        Assert.Equal(HttpStatusCode.Redirect, await SignInWithCodeAsync(app, recovery));
        Assert.Equal(HttpStatusCode.OK, await SignInWithCodeAsync(app, recovery));
    }

    [Fact]
    public async Task In_development_without_the_setting_an_operator_without_an_authenticator_reaches_the_console()
    {
        await using var app = new AstropalAppFactory();
        await app.CreateOperatorAsync("ada@example.com", "Operator", Password);
        using var client = app.CreateNonRedirectingClient();
        using var _ = await Forms.PostFormAsync(client, "/account/sign-in", "sign-in", Credentials("ada@example.com", Password));

        using var console = await client.GetAsync("/ops");

        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
    }

    private static async Task<HttpStatusCode> SignInWithCodeAsync(AstropalAppFactory app, string code)
    {
        using var client = app.CreateNonRedirectingClient();
        using var signIn = await Forms.PostFormAsync(client, "/account/sign-in", "sign-in", Credentials("ada@example.com", Password));
        using var result = await Forms.PostFormAsync(client, PathOf(signIn)!, "two-factor", new Dictionary<string, string> { ["Input.Code"] = code });
        return result.StatusCode;
    }

    private static string? PathOf(HttpResponseMessage redirect) =>
        redirect.Headers.Location is { } location ? new Uri(new Uri("http://localhost"), location).PathAndQuery : null;

    internal static async Task<string> EnrolAsync(AstropalAppFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OperatorUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    private static string KeyIn(string html)
    {
        var match = AuthenticatorKey().Match(html);
        Assert.True(match.Success, "The page shows no authenticator key.");
        return match.Groups[1].Value;
    }

    private static async Task<List<string>> AuditActionsAsync(AstropalAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AstropalDbContext>();
        return await db.AuditEntries.Select(a => a.Action).ToListAsync();
    }

    [GeneratedRegex("id=\"authenticator-key\">([a-z0-9 ]+)<")]
    private static partial Regex AuthenticatorKey();

    [GeneratedRegex("<li><code>[a-zA-Z0-9-]+</code></li>")]
    private static partial Regex RecoveryCode();
}
