using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Integration.Account;

public sealed class OperatorRevalidationTests
{
    private const string Password = "Correct-Horse-42";

    [Fact]
    public async Task An_open_console_session_stays_valid_until_the_operator_is_disabled()
    {
        await using var app = new AstropalAppFactory();
        await app.CreateOperatorAsync("ada@example.com", "Operator", Password);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OperatorUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<OperatorUser>>()
            .CreateAsync((await users.FindByEmailAsync("ada@example.com"))!);

        Assert.True(await OperatorRevalidatingAuthenticationStateProvider.IsStillValidAsync(users, principal, CancellationToken.None));

        var ada = (await users.FindByEmailAsync("ada@example.com"))!;
        ada.DisabledAt = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        await users.UpdateAsync(ada);

        Assert.False(await OperatorRevalidatingAuthenticationStateProvider.IsStillValidAsync(users, principal, CancellationToken.None));
    }

    [Fact]
    public async Task A_changed_security_stamp_ends_an_open_console_session()
    {
        await using var app = new AstropalAppFactory();
        await app.CreateOperatorAsync("ada@example.com", "Operator", Password);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OperatorUser>>();
        var ada = (await users.FindByEmailAsync("ada@example.com"))!;
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<OperatorUser>>().CreateAsync(ada);

        await users.UpdateSecurityStampAsync(ada);

        Assert.False(await OperatorRevalidatingAuthenticationStateProvider.IsStillValidAsync(users, principal, CancellationToken.None));
    }

    [Fact]
    public async Task Where_two_factor_is_required_a_circuit_without_the_second_factor_ends_at_the_next_check()
    {
        await using var app = AstropalAppFactory.WithSettings(new Dictionary<string, string?> { ["Operators:RequireTwoFactor"] = "true" });
        await app.CreateOperatorAsync("ada@example.com", "Operator", Password);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OperatorUser>>();
        var claims = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<OperatorUser>>();
        var provider = (OperatorRevalidatingAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var validate = typeof(OperatorRevalidatingAuthenticationStateProvider)
            .GetMethod("ValidateAuthenticationStateAsync", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;
        async Task<bool> ValidAsync() =>
            await (Task<bool>)validate.Invoke(provider, [new AuthenticationState(await claims.CreateAsync((await users.FindByEmailAsync("ada@example.com"))!)), CancellationToken.None])!;

        Assert.False(await ValidAsync());

        var ada = (await users.FindByEmailAsync("ada@example.com"))!;
        await users.ResetAuthenticatorKeyAsync(ada);
        await users.SetTwoFactorEnabledAsync(ada, true);
        Assert.True(await ValidAsync());
    }

    [Fact]
    public async Task Console_circuits_revalidate_at_the_configured_interval()
    {
        await using var app = AstropalAppFactory.WithSettings(new Dictionary<string, string?> { ["Operators:RevalidateInterval"] = "00:01:30" });
        await using var scope = app.Services.CreateAsyncScope();

        var provider = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();

        var revalidating = Assert.IsType<OperatorRevalidatingAuthenticationStateProvider>(provider);
        var interval = typeof(OperatorRevalidatingAuthenticationStateProvider)
            .GetProperty("RevalidationInterval", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
            .GetValue(revalidating);
        Assert.Equal(TimeSpan.FromSeconds(90), interval);
    }

    [Fact]
    public async Task A_disabled_operator_cookie_stops_working_at_the_next_check()
    {
        await using var app = AstropalAppFactory.WithSettings(new Dictionary<string, string?> { ["Operators:RevalidateInterval"] = "00:00:05" });
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(5), options.ValidationInterval);
    }
}
