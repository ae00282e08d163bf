using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Infrastructure.Cli;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Integration.Cli;

public sealed class CommandLineTests : IClassFixture<AstropalAppFactory>
{
    private readonly AstropalAppFactory _app;

    public CommandLineTests(AstropalAppFactory app) => _app = app;

    [Fact]
    public async Task Unknown_command_prints_usage_and_exits_2()
    {
        var result = await CliRun.RunAsync(_app.Services, null, "launch-rockets");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown command 'launch-rockets'", result.Error, StringComparison.Ordinal);
        Assert.Contains("create-operator --email E --role Admin|Operator", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_command_and_exits_0()
    {
        var result = await CliRun.RunAsync(_app.Services, null, "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "migrate", "create-operator", "verify-secrets" })
        {
            Assert.Contains(command, result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Migrate_on_an_up_to_date_database_says_so_and_exits_0()
    {
        var result = await CliRun.RunAsync(_app.Services, null, "migrate");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("up to date", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "create-operator", "--email", "a@example.com" }, "Option --role is required.")]
    [InlineData(new[] { "create-operator", "--email", "a@example.com", "--role", "Janitor" }, "Option --role must be Admin or Operator")]
    [InlineData(new[] { "create-operator", "--email", "a@example.com", "--role", "Admin", "--colour", "red" }, "Unknown option: --colour.")]
    [InlineData(new[] { "create-operator", "stray", "--role", "Admin" }, "Unexpected argument 'stray'")]
    [InlineData(new[] { "migrate", "--now" }, "Unknown option: --now.")]
    [InlineData(new[] { "verify-secrets" }, "Option --environment is required.")]
    public async Task Bad_arguments_print_the_reason_and_usage_and_exit_2(string[] args, string reason)
    {
        var result = await CliRun.RunAsync(_app.Services, null, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.Contains("Usage: Astropal.Web " + args[0], result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_operator_without_input_generates_a_password_that_signs_in()
    {
        var result = await CliRun.RunAsync(_app.Services, null, "create-operator", "--email", "grace@example.com", "--role", "Admin");

        Assert.Equal(0, result.ExitCode);
        var password = result.Out.Split("Password (shown once, store it now): ")[1].Trim();
        Assert.True(password.Length >= 20);
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OperatorUser>>();
        var user = await users.FindByEmailAsync("grace@example.com");
        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, password));
        Assert.True(await users.IsInRoleAsync(user, "Admin"));
    }

    [Fact]
    public async Task Create_operator_takes_the_password_from_standard_input_and_never_prints_it()
    {
        const string password = "Piped-In-Passw0rd!";

        var result = await CliRun.RunAsync(_app.Services, password + "\n", "create-operator", "--email", "linus@example.com", "--role", "operator");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(password, result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", result.Out, StringComparison.Ordinal);
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OperatorUser>>();
        var user = await users.FindByEmailAsync("linus@example.com");
        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, password));
        Assert.True(await users.IsInRoleAsync(user, "Operator"));
    }

    [Fact]
    public async Task Create_operator_refuses_a_weak_password_and_creates_nothing()
    {
        var result = await CliRun.RunAsync(_app.Services, "short\n", "create-operator", "--email", "weak@example.com", "--role", "Admin");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("at least 12 characters", result.Error, StringComparison.Ordinal);
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OperatorUser>>();
        Assert.Null(await users.FindByEmailAsync("weak@example.com"));
    }

    [Fact]
    public async Task Create_operator_refuses_an_existing_email_with_exit_1()
    {
        var first = await CliRun.RunAsync(_app.Services, null, "create-operator", "--email", "dup@example.com", "--role", "Admin");
        var second = await CliRun.RunAsync(_app.Services, null, "create-operator", "--email", "dup@example.com", "--role", "Operator");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("already exists", second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_operator_refuses_an_invalid_email_with_exit_1()
    {
        var result = await CliRun.RunAsync(_app.Services, null, "create-operator", "--email", "not-an-email", "--role", "Admin");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not a valid email address", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Arguments_without_a_verb_run_the_site()
    {
        Assert.Null(CliInvocation.Parse([]).Command);
        Assert.Null(CliInvocation.Parse(["--urls", "http://localhost:5099"]).Command);
        Assert.Equal("migrate", CliInvocation.Parse(["migrate"]).Command);
    }
}
