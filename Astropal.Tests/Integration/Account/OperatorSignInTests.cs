using System.Net;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Integration.Account;

public sealed class OperatorSignInTests
{
    private const string Password = "Correct-Horse-42";

    private static Dictionary<string, string> Credentials(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    [Theory]
    [InlineData("/ops")]
    [InlineData("/ops/deliveries")]
    [InlineData("/ops/operators")]
    public async Task Anonymous_requests_to_console_pages_are_redirected_to_sign_in(string path)
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateNonRedirectingClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/account/sign-in?ReturnUrl={Uri.EscapeDataString(path)}", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task Operator_with_the_right_password_is_signed_in_and_reaches_the_console()
    {
        await using var app = new AstropalAppFactory();
        await app.CreateOperatorAsync("ada@example.com", "Operator", Password);
        using var client = app.CreateNonRedirectingClient();

        using var signIn = await Forms.PostFormAsync(client, "/account/sign-in?ReturnUrl=%2Fops%2Fjobs", "sign-in",
            Credentials("ada@example.com", Password));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/ops/jobs", PathOf(signIn));
        var console = await client.GetStringAsync("/ops");
        Assert.Contains("console-ready", console, StringComparison.Ordinal);
        Assert.Contains(await AuditActionsAsync(app), a => a == "operator.signed-in");
        await using var scope = app.Services.CreateAsyncScope();
        var ada = await scope.ServiceProvider.GetRequiredService<AstropalDbContext>().Users.SingleAsync(u => u.Email == "ada@example.com");
        Assert.NotNull(ada.LastSignInAt);
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored()
    {
        await using var app = new AstropalAppFactory();
        await app.CreateOperatorAsync("ada@example.com", "Operator", Password);
        using var client = app.CreateNonRedirectingClient();

        using var signIn = await Forms.PostFormAsync(client, "/account/sign-in?ReturnUrl=%2F%2Fevil.example", "sign-in",
            Credentials("ada@example.com", Password));

        Assert.Equal("/ops", PathOf(signIn));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_no_cookie()
    {
        await using var app = new AstropalAppFactory();
        await app.CreateOperatorAsync("ada@example.com", "Operator", Password);
        using var client = app.CreateNonRedirectingClient();

        using var signIn = await Forms.PostFormAsync(client, "/account/sign-in", "sign-in", Credentials("ada@example.com", "wrong-password-1"));

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("The email or password is not correct", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var console = await client.GetAsync("/ops");
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_against_the_right_password()
    {
        await using var app = new AstropalAppFactory();
        await app.CreateOperatorAsync("ada@example.com", "Operator", Password);
        using var client = app.CreateNonRedirectingClient();

        for (var i = 0; i < 5; i++)
        {
            using var _ = await Forms.PostFormAsync(client, "/account/sign-in", "sign-in", Credentials("ada@example.com", "wrong-password-1"));
        }

        using var signIn = await Forms.PostFormAsync(client, "/account/sign-in", "sign-in", Credentials("ada@example.com", Password));

        // The page says no more than for a wrong password (it must not confirm a real account); the audit log tells the team.
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("The email or password is not correct", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var console = await client.GetAsync("/ops");
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
        Assert.Contains(await AuditActionsAsync(app), a => a == "operator.locked-out");
    }

    [Fact]
    public async Task Sign_in_without_the_antiforgery_token_is_rejected()
    {
        await using var app = new AstropalAppFactory();
        using var client = app.CreateNonRedirectingClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>(Credentials("ada@example.com", Password))
        {
            ["_handler"] = "sign-in",
        });

        using var response = await client.PostAsync("/account/sign-in", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await using var app = new AstropalAppFactory();
        await app.CreateOperatorAsync("ada@example.com", "Admin", Password);
        using var client = app.CreateNonRedirectingClient();
        using var signIn = await Forms.PostFormAsync(client, "/account/sign-in", "sign-in", Credentials("ada@example.com", Password));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var token = Forms.AntiforgeryTokenIn(await client.GetStringAsync("/account/sign-in"));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["returnUrl"] = "/",
        });
        using var response = await client.PostAsync("/account/sign-out", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in", PathOf(response));
        using var console = await client.GetAsync("/ops");
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
        Assert.Contains(await AuditActionsAsync(app), a => a == "operator.signed-out");
    }

    private static string? PathOf(HttpResponseMessage redirect) =>
        redirect.Headers.Location is { } location ? new Uri(new Uri("http://localhost"), location).PathAndQuery : null;

    private static async Task<List<string>> AuditActionsAsync(AstropalAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AstropalDbContext>();
        return await db.AuditEntries.Select(a => a.Action).ToListAsync();
    }
}
