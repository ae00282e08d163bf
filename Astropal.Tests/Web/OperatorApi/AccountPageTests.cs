using System.Security.Claims;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.OperatorApi;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Astropal.Tests.Web.OperatorApi;

public sealed class AccountPageTests : BunitContext, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory dir = new("account-page");
    private readonly string operatorId = Guid.NewGuid().ToString();
    private IDbContextFactory<AstropalDbContext> db = default!;

    public AccountPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        Services.AddAstropalDbContext(DatabaseProvider.Sqlite, $"Data Source={dir.File("account.db")}");
        Services.AddSingleton<AuditLog>();
        Services.AddSingleton<OperatorApiKeys>();
        AddAuthorization().SetAuthorized("ada@example.com").SetClaims(new Claim(ClaimTypes.NameIdentifier, operatorId));
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        db = Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();
        await using var context = await db.CreateDbContextAsync();
        await DatabaseMigrator.MigrateAsync(context, CancellationToken.None);
        context.Users.Add(new OperatorUser
        {
            Id = operatorId, Email = "ada@example.com", NormalizedEmail = "ADA@EXAMPLE.COM", UserName = "ada@example.com",
            NormalizedUserName = "ADA@EXAMPLE.COM", CreatedAt = Now,
        });
        await context.SaveChangesAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        dir.Dispose();
    }

    [Fact]
    public async Task An_operator_creates_a_key_that_is_shown_once_lists_it_and_revokes_it()
    {
        var cut = Render<AccountPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#no-api-keys")));

        cut.Find("#api-key-name").Input("launch scripts");
        cut.Find("#create-api-key").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("ap_", cut.Find("#new-api-key").TextContent, StringComparison.Ordinal));
        var key = cut.Find("#new-api-key").TextContent;
        var row = cut.Find("#api-keys tbody tr");
        Assert.Contains("launch scripts", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(key[..10] + "…", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(key, row.TextContent, StringComparison.Ordinal);
        var keys = Services.GetRequiredService<OperatorApiKeys>();
        Assert.NotNull((await keys.AuthenticateAsync(key, CancellationToken.None)).Owner);

        cut.Find("#api-keys button.revoke").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Revoked", cut.Find("#api-keys td[data-cell=state]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("#new-api-key"));
        Assert.Equal("The key was revoked.", (await keys.AuthenticateAsync(key, CancellationToken.None)).Refusal);
        await using var check = await db.CreateDbContextAsync();
        Assert.Equal(["api-key.created", "api-key.revoked"], await check.AuditEntries.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public void A_key_without_a_name_is_refused_with_a_reason()
    {
        var cut = Render<AccountPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#no-api-keys")));

        cut.Find("#create-api-key").Click();

        cut.WaitForAssertion(() => Assert.Contains("A key needs a name", cut.Find("#api-key-error").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("#new-api-key"));
    }
}
