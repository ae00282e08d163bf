using Astropal.Core.Storage;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Audit;
using Astropal.Web.Features.Email;
using Astropal.Web.Infrastructure.Email;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using MudBlazor.Services;

namespace Astropal.Tests.Web.Email;

public sealed class OutboxPageTests : BunitContext, IAsyncLifetime
{
    private const string PortalToken = "CfDJ8PortalToken_abc-123";
    private const string UnsubscribeToken = "CfDJ8Unsubscribe_xyz-789";
    private readonly TempDirectory dir = new("outbox-page");
    private IDbContextFactory<AstropalDbContext> db = default!;

    public OutboxPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        var storage = new StorageOptions { DataDirectory = dir.Path };
        Services.AddSingleton<IOptions<StorageOptions>>(Options.Create(storage));
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)));
        Services.AddAstropalDbContext(DatabaseProvider.Sqlite, $"Data Source={dir.File("outbox.db")}");
        Services.AddSingleton<OutboxReader>();
        Services.AddSingleton<AuditLog>();
        AddAuthorization().SetAuthorized("ada@example.com");
        db = Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();
        await using var context = await db.CreateDbContextAsync();
        await DatabaseMigrator.MigrateAsync(context, CancellationToken.None);

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Astropal", "hello@astropal.test"));
        message.To.Add(new MailboxAddress("Reader", "reader@example.com"));
        message.Subject = "Sign in to Astropal";
        message.Headers.Add("List-Unsubscribe", $"<https://astropal.test/u/{UnsubscribeToken}>, <mailto:support@astropal.test?subject=unsubscribe>");
        message.Body = new BodyBuilder
        {
            HtmlBody = $"<a href=\"https://astropal.test/me?t={PortalToken}\">Open</a> <a href=\"https://astropal.test/start/confirm?x=1&amp;t={PortalToken}\">Confirm</a>",
            TextBody = $"Open https://astropal.test/me?t={PortalToken}\nUnsubscribe https://astropal.test/u/{UnsubscribeToken}",
        }.ToMessageBody();
        await message.WriteToAsync(Path.Combine(storage.Folder(OutboxEmailSender.FolderName), "20261201T090000.0000000Z_sign-in.eml"));
    }

    [Fact]
    public async Task An_opened_message_shows_no_link_token_and_is_recorded_in_the_audit_log()
    {
        var cut = Render<OutboxPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tr.outbox-entry")));

        cut.Find("tr.outbox-entry").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("#outbox-preview")));
        var preview = cut.Find("#outbox-preview").OuterHtml;
        Assert.DoesNotContain(PortalToken, preview, StringComparison.Ordinal);
        Assert.DoesNotContain(UnsubscribeToken, preview, StringComparison.Ordinal);
        Assert.Contains("https://astropal.test/me?t=REDACTED", cut.Find("#outbox-text").TextContent, StringComparison.Ordinal);
        Assert.Contains("/u/REDACTED", preview, StringComparison.Ordinal);
        await using var context = await db.CreateDbContextAsync();
        var entry = Assert.Single(await context.AuditEntries.ToListAsync());
        Assert.Equal(("ada@example.com", "outbox.opened", "Reader <reader@example.com>"), (entry.Actor, entry.Action, entry.Target));
    }

    [Theory]
    [InlineData("https://a.test/me?t=SECRET1", "https://a.test/me?t=REDACTED")]
    [InlineData("https://a.test/start/confirm?t=SECRET1&x=2", "https://a.test/start/confirm?t=REDACTED&x=2")]
    [InlineData("href=\"https://a.test/p?x=1&amp;t=SECRET1\"", "href=\"https://a.test/p?x=1&amp;t=REDACTED\"")]
    [InlineData("<https://a.test/u/SECRET1>, <mailto:s@a.test?subject=unsubscribe>", "<https://a.test/u/REDACTED>, <mailto:s@a.test?subject=unsubscribe>")]
    [InlineData("https://a.test/t/c/SECRET1", "https://a.test/t/c/REDACTED")]
    [InlineData("https://a.test/account/set-password?u=42&token=SECRET1", "https://a.test/account/set-password?u=42&token=REDACTED")]
    [InlineData("Nothing secret here: https://a.test/privacy", "Nothing secret here: https://a.test/privacy")]
    public void Link_tokens_are_redacted_and_the_rest_of_the_link_kept(string text, string expected)
    {
        Assert.Equal(expected, OutboxRedaction.Text(text));
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAndCleanAsync();

    private async Task DisposeAndCleanAsync()
    {
        await DisposeAsync();
        dir.Dispose();
    }
}
