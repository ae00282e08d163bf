using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Operators;
using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Astropal.Tests.Web.Operators;

/// <summary>The page over the real app's services (SQLite file, Identity, Outbox transport).</summary>
public sealed class OperatorsPageTests : BunitContext, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly AstropalAppFactory app = new();
    private AsyncServiceScope appScope;

    public OperatorsPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        // The page's OperatorAccounts is the real app's (Identity, SQLite file, Outbox transport).
        Services.AddScoped(_ => appScope.ServiceProvider.GetRequiredService<OperatorAccounts>());
        AddAuthorization().SetAuthorized("ada@example.com").SetRoles("Admin");
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        appScope = app.Services.CreateAsyncScope();
        await app.CreateOperatorAsync("ada@example.com", "Admin", "Correct-Horse-42");
        await app.CreateOperatorAsync("bob@example.com", "Operator", "Correct-Horse-42");
    }

    [Fact]
    public void Operators_are_listed_with_role_state_and_two_factor_and_the_admin_sees_their_own_two_factor_state()
    {
        var cut = Render<OperatorsPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tr.operator").Count), Wait);
        var bob = cut.Find("tr.operator[data-email='bob@example.com']");
        Assert.Equal(("Operator", "Active", "Off"), (bob.QuerySelector(".role")!.TextContent, bob.QuerySelector(".state")!.TextContent, bob.QuerySelector(".two-factor")!.TextContent));
        Assert.Equal("off", cut.Find("#my-two-factor-state").TextContent);
    }

    [Fact]
    public async Task Inviting_an_operator_emails_a_set_password_link_and_lists_them_as_invited()
    {
        var cut = Render<OperatorsPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tr.operator").Count), Wait);

        cut.Find("#invite-email input").Change("cleo@example.com");
        cut.Find("#invite").Click();

        cut.WaitForAssertion(() => Assert.Contains("cleo@example.com is invited", cut.Find("#operators-message").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal("Invited", cut.Find("tr.operator[data-email='cleo@example.com'] .state").TextContent);
        Assert.NotEmpty(cut.FindAll("tr.operator[data-email='cleo@example.com'] .resend-invitation"));
        var email = Assert.Single(app.OutboxMessages());
        Assert.Contains("/account/set-password?u=", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(await ActionsAsync(), a => a == "operator.invited");
    }

    [Fact]
    public async Task Disabling_the_last_active_admin_is_refused_and_disabling_an_operator_is_recorded()
    {
        var cut = Render<OperatorsPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tr.operator").Count), Wait);

        cut.Find("tr.operator[data-email='ada@example.com'] .disable").Click();
        cut.WaitForAssertion(() => Assert.Contains(OperatorAccounts.LastAdminError, cut.Find("#operators-error").TextContent, StringComparison.Ordinal), Wait);
        cut.Find("tr.operator[data-email='ada@example.com'] .make-operator").Click();
        cut.WaitForAssertion(() => Assert.Contains(OperatorAccounts.LastAdminError, cut.Find("#operators-error").TextContent, StringComparison.Ordinal), Wait);

        cut.Find("tr.operator[data-email='bob@example.com'] .disable").Click();
        cut.WaitForAssertion(() => Assert.StartsWith("Disabled since", cut.Find("tr.operator[data-email='bob@example.com'] .state").TextContent, StringComparison.Ordinal), Wait);
        Assert.NotEmpty(cut.FindAll("tr.operator[data-email='bob@example.com'] .enable"));

        var actions = await ActionsAsync();
        Assert.Contains("operator.disabled", actions);
        Assert.DoesNotContain("operator.role-changed", actions);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OperatorUser>>();
        Assert.Null((await users.FindByEmailAsync("ada@example.com"))!.DisabledAt);
    }

    [Fact]
    public async Task A_locked_out_operator_can_be_let_back_in()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OperatorUser>>();
            var bob = (await users.FindByEmailAsync("bob@example.com"))!;
            await users.SetLockoutEndDateAsync(bob, TimeProvider.System.GetUtcNow().AddMinutes(15));
        }

        var cut = Render<OperatorsPage>();
        cut.WaitForAssertion(() => Assert.StartsWith("Locked until", cut.Find("tr.operator[data-email='bob@example.com'] .state").TextContent, StringComparison.Ordinal), Wait);

        cut.Find("tr.operator[data-email='bob@example.com'] .reset-lockout").Click();

        cut.WaitForAssertion(() => Assert.Equal("Active", cut.Find("tr.operator[data-email='bob@example.com'] .state").TextContent), Wait);
        Assert.Contains(await ActionsAsync(), a => a == "operator.lockout-reset");
    }

    private async Task<List<string>> ActionsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AstropalDbContext>().AuditEntries.Select(e => e.Action).ToListAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAllAsync();

    private async Task DisposeAllAsync()
    {
        await DisposeAsync();
        await appScope.DisposeAsync();
        await app.DisposeAsync();
    }
}
