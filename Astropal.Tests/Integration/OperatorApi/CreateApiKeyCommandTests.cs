using System.Security.Cryptography;
using System.Text;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Astropal.Tests.Integration.OperatorApi;

public sealed class CreateApiKeyCommandTests
{
    [Fact]
    public async Task Create_api_key_prints_the_key_once_and_stores_only_its_hash_and_prefix()
    {
        await using var app = new AstropalAppFactory();
        await app.CreateOperatorAsync("ada@example.com", "Operator", "Correct-Horse-42");

        var result = await CliRun.RunAsync(app.Services, null, "create-api-key", "--email", "Ada@Example.com", "--name", "launch scripts");

        Assert.Equal(0, result.ExitCode);
        var key = result.Out.Split("Key (shown once, store it now): ")[1].Trim();
        Assert.Matches("^ap_[A-Za-z0-9_-]{43}$", key);
        Assert.Equal(2, result.Out.Split(key).Length);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync();
        var stored = await db.OperatorApiKeys.SingleAsync();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))), stored.Hash);
        Assert.Equal(key[..10], stored.Prefix);
        Assert.Equal("launch scripts", stored.Name);
        Assert.Null(stored.LastUsedAt);
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == "api-key.created");
        Assert.Equal(("cli", "ada@example.com"), (audit.Actor, audit.Target));
        Assert.DoesNotContain(key, audit.Detail!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_operator_is_a_clear_error_with_exit_1_and_creates_nothing()
    {
        await using var app = new AstropalAppFactory();

        var result = await CliRun.RunAsync(app.Services, null, "create-api-key", "--email", "nobody@example.com", "--name", "x");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("There is no operator with the email nobody@example.com.", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.OperatorApiKeys.ToListAsync());
    }

    [Theory]
    [InlineData(new[] { "create-api-key", "--email", "ada@example.com" }, "Option --name is required.")]
    [InlineData(new[] { "create-api-key", "--name", "x" }, "Option --email is required.")]
    public async Task Missing_options_exit_2_with_usage(string[] args, string reason)
    {
        await using var app = new AstropalAppFactory();

        var result = await CliRun.RunAsync(app.Services, null, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.Contains("Usage: Astropal.Web create-api-key --email OPERATOR --name NAME", result.Error, StringComparison.Ordinal);
    }
}
