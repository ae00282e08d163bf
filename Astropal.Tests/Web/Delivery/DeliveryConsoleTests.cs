using Astropal.Core.Delivery;
using Astropal.Core.Email;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Delivery;
using Astropal.Web.Features.Email;
using Astropal.Web.Infrastructure.Email;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Astropal.Tests.Web.Delivery;

public sealed class DeliveryConsoleTests : BunitContext, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory dir = new("delivery-console");

    public DeliveryConsoleTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public async Task Deliveries_shows_counts_per_kind_and_status_and_resends_a_failed_row()
    {
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        Services.AddAstropalDbContext(DatabaseProvider.Sqlite, $"Data Source={dir.File("console.db")}");
        Services.AddSingleton<DeliveryLedger>();
        var factory = Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>();
        var today = new DateOnly(2026, 12, 1);
        Guid failedId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
            var statuses = new[] { DeliveryStatus.Sent, DeliveryStatus.Sent, DeliveryStatus.Failed, DeliveryStatus.Pending };
            for (var i = 0; i < statuses.Length; i++)
            {
                var reader = new Reader { Id = Guid.NewGuid(), Email = $"r{i}@example.com", TimeZone = "Europe/London", Locale = "en-US", ReferralCode = $"CODE{i}", Status = ReaderStatus.Active };
                db.Readers.Add(reader);
                db.Deliveries.Add(new DeliveryRecord
                {
                    Id = Guid.NewGuid(), ReaderId = reader.Id, Kind = EmailTemplate.Daily, LocalDate = today, Status = statuses[i], Attempts = 1,
                    TargetAt = Now.AddHours(-3), MessageId = $"m{i}@astropal.test", LastError = statuses[i] == DeliveryStatus.Failed ? "550 5.7.1 policy" : null,
                });
            }

            await db.SaveChangesAsync();
            failedId = (await db.Deliveries.SingleAsync(d => d.Status == DeliveryStatus.Failed)).Id;
        }

        var cut = Render<Deliveries>();

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("tr[data-kind=Daily] td[data-status=Sent]").TextContent));
        Assert.Equal("1", cut.Find("tr[data-kind=Daily] td[data-status=Failed]").TextContent);
        Assert.Contains("3 / 4", cut.Find("tr[data-kind=Daily]").TextContent, StringComparison.Ordinal);
        Assert.Contains("550 5.7.1 policy", cut.Find("#delivery-rows tr[data-status=Failed]").TextContent, StringComparison.Ordinal);

        cut.Find("#delivery-rows button.resend").Click();

        cut.WaitForAssertion(() => Assert.Contains("Queued again", cut.Find("#resend-message").TextContent, StringComparison.Ordinal));
        await using var check = await factory.CreateDbContextAsync();
        var row = await check.Deliveries.SingleAsync(d => d.Id == failedId);
        Assert.Equal((DeliveryStatus.Pending, 0, Now), (row.Status, row.Attempts, row.TargetAt));
        Assert.Empty(cut.FindAll("#delivery-rows button.resend"));
    }

    [Fact]
    public async Task Outbox_lists_messages_and_previews_one()
    {
        await using var host = EmailTestHost.Create();
        var message = new EmailMessage("ada@example.com", "Ada", "Your sky for Tuesday", "<p>Hello <b>Ada</b></p>", "Hello Ada, plain.", "m1@astropal.test", "daily");
        Assert.True((await host.Get<IEmailSender>().SendAsync(message, CancellationToken.None)).IsSent);
        Services.AddSingleton(host.Get<OutboxReader>());
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        Services.AddAstropalDbContext(DatabaseProvider.Sqlite, $"Data Source={dir.File("outbox-audit.db")}");
        Services.AddSingleton<Astropal.Web.Features.Audit.AuditLog>();
        await using (var db = await Services.GetRequiredService<IDbContextFactory<AstropalDbContext>>().CreateDbContextAsync())
        {
            await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
        }

        var cut = Render<OutboxPage>();

        Assert.Contains("1 message(s)", cut.Find("#outbox-count").TextContent, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tr.outbox-entry")));
        var entry = cut.Find("tr.outbox-entry");
        Assert.Contains("Your sky for Tuesday", entry.TextContent, StringComparison.Ordinal);

        entry.Click();

        cut.WaitForAssertion(() => Assert.Contains("Hello Ada, plain.", cut.Find("#outbox-text").TextContent, StringComparison.Ordinal));
        Assert.Contains("m1@astropal.test", cut.Find("#outbox-preview").TextContent, StringComparison.Ordinal);
        Assert.Equal(string.Empty, cut.Find("#outbox-preview iframe").GetAttribute("sandbox"));
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        dir.Dispose();
    }
}
