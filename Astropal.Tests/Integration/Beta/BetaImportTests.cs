using Astropal.Core.Readers;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Beta;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.Integration.Beta;

public sealed class BetaImportTests : IDisposable
{
    private readonly TempDirectory dir = new("beta-import");

    public void Dispose() => dir.Dispose();

    [Theory]
    [InlineData("""[{"email":"a@example.org","perspective":"calm","focusAreas":["career"],"locale":"en-US"},{"email":"not-an-email","perspective":"calm","focusAreas":["career"],"locale":"en-US"}]""", 1, "email", "email address")]
    [InlineData("""[{"email":"a@example.org","perspective":"calm","focusAreas":["career"],"locale":"en-US"},{"email":"b@example.org","perspective":"stoic","focusAreas":["career"],"locale":"en-US"}]""", 1, "perspective", "stoic")]
    [InlineData("""[{"email":"a@example.org","perspective":"calm","focusAreas":["career","astrology"],"locale":"en-US"}]""", 0, "focusAreas", "astrology")]
    [InlineData("""[{"email":"a@example.org","perspective":"calm","focusAreas":["career"],"locale":"en-US"},{"email":"b@example.org","perspective":"calm","focusAreas":["career"]},{"email":"A@example.org","perspective":"success","focusAreas":["social"],"locale":"en-US"}]""", 2, "email", "already entry 0")]
    [InlineData("""[{"email":"a@example.org","perspective":"calm","focusAreas":["career"],"locale":"fr-FR"}]""", 0, "locale", "fr-FR")]
    [InlineData("""[{"email":"a@example.org","focusAreas":["career"],"locale":"en-US"}]""", 0, "perspective", "required")]
    [InlineData("""[{"email":"a@example.org","perspective":"calm","focusAreas":"career","locale":"en-US"}]""", 0, "focusAreas", "array")]
    public async Task A_bad_entry_refuses_the_whole_file_naming_index_and_field_and_nothing_is_stored_or_sent(string json, int index, string field, string message)
    {
        await using var app = new AstropalAppFactory();
        var path = BetaHarness.WriteFile(dir, json);

        var result = await CliRun.RunAsync(app.Services, null, "import-beta-users", "--file", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Entry {index}, field {field}:", result.Error, StringComparison.Ordinal);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was stored or sent.", result.Error, StringComparison.Ordinal);
        await using var db = await BetaHarness.DbAsync(app);
        Assert.Empty(await db.Readers.ToListAsync());
        Assert.Empty(await db.ReaderTokens.ToListAsync());
        Assert.Empty(await db.AuditEntries.Where(a => a.Action == BetaImport.AuditAction).ToListAsync());
        Assert.Empty(app.OutboxMessages());
    }

    [Fact]
    public async Task The_service_names_index_field_and_message_of_the_first_bad_entry()
    {
        await using var app = new AstropalAppFactory();
        await using var scope = app.Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<BetaImport>();

        var result = await import.ImportAsync(
            [new BetaUserEntry("a@example.org", "calm", ["career"], "en-US"), new BetaUserEntry("b@example.org", "calm", ["moon"], "en-US")],
            dryRun: false, actor: "admin@example.org", CancellationToken.None);

        Assert.False(result.IsValid);
        Assert.Equal((1, "focusAreas"), (result.Error!.Index, result.Error.Field));
        Assert.Contains("moon", result.Error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Entries);
        Assert.Empty(app.OutboxMessages());
    }

    [Fact]
    public async Task Import_invites_each_address_once_into_the_beta_cohort_and_a_second_import_sends_nothing()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = new AstropalAppFactory { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var path = BetaHarness.WriteFile(dir, BetaHarness.FourUsers);

        var first = await CliRun.RunAsync(app.Services, null, "import-beta-users", "--file", path);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Imported: 4 invite.", first.Out, StringComparison.Ordinal);
        var mails = app.OutboxMessages();
        Assert.Equal(
            ["calm@example.org", "evidence@example.org", "knowledge@example.org", "success@example.org"],
            mails.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        Assert.Contains(mails, m => m.Subject == "Te invitamos a la beta de Astropal");
        Assert.Contains(mails, m => m.Subject == "You're invited to the Astropal beta");
        await using (var db = await BetaHarness.DbAsync(app))
        {
            var readers = await db.Readers.AsNoTracking().ToListAsync();
            Assert.Equal(4, readers.Count);
            Assert.All(readers, r => Assert.Equal((ReaderStatus.Invited, "beta", clock.GetUtcNow()), (r.Status, r.Cohort, r.InvitedAt!.Value)));
            var kim = readers.Single(r => r.Email == "knowledge@example.org");
            Assert.Equal(("Kim", PerspectiveId.Knowledge, "en-US"), (kim.Name, kim.Perspective, kim.Locale));
            Assert.Equal([FocusAreaId.EvidenceBased, FocusAreaId.Career], kim.FocusAreas);

            // The link's token is stored only as its hash, valid 14 days.
            var token = BetaHarness.InvitationToken(mails.Single(m => m.To.Mailboxes.Single().Address == "knowledge@example.org"));
            Assert.NotEmpty(token);
            var row = await db.ReaderTokens.SingleAsync(t => t.ReaderId == kim.Id);
            Assert.Equal(ReaderTokenPurpose.Invitation, row.Purpose);
            Assert.Equal(ReaderToken.Hash(token), row.TokenHash);
            Assert.DoesNotContain(await db.ReaderTokens.Select(t => t.TokenHash).ToListAsync(), h => h == token);
            Assert.Equal(clock.GetUtcNow().AddDays(14), row.ExpiresAt);

            var audit = Assert.Single(await db.AuditEntries.Where(a => a.Action == "beta.imported").ToListAsync());
            Assert.Equal(("cli", "beta.json"), (audit.Actor, audit.Target));
            Assert.Contains("4 invite", audit.Detail, StringComparison.Ordinal);

            // One of them completes the sign-up meanwhile.
            (await db.Readers.SingleAsync(r => r.Email == "calm@example.org")).Status = ReaderStatus.Active;
            await db.SaveChangesAsync();
        }

        var second = await CliRun.RunAsync(app.Services, null, "import-beta-users", "--file", path);

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("calm@example.org  already active", second.Out, StringComparison.Ordinal);
        Assert.Contains("knowledge@example.org  already invited", second.Out, StringComparison.Ordinal);
        Assert.Contains("Imported: 3 already invited, 1 already active.", second.Out, StringComparison.Ordinal);
        Assert.Equal(4, app.OutboxMessages().Count);
        await using var check = await BetaHarness.DbAsync(app);
        Assert.Equal(4, await check.Readers.CountAsync());
        Assert.Equal(4, await check.ReaderTokens.CountAsync());
        Assert.Equal(2, await check.AuditEntries.CountAsync(a => a.Action == "beta.imported"));
    }

    [Fact]
    public async Task Two_imports_of_the_same_file_at_once_send_each_invitation_once()
    {
        await using var app = new AstropalAppFactory();
        var path = BetaHarness.WriteFile(dir, BetaHarness.FourUsers);

        var runs = await Task.WhenAll(
            CliRun.RunAsync(app.Services, null, "import-beta-users", "--file", path),
            CliRun.RunAsync(app.Services, null, "import-beta-users", "--file", path));

        Assert.All(runs, r => Assert.Equal(0, r.ExitCode));
        Assert.Equal(4, app.OutboxMessages().Count);
        await using var db = await BetaHarness.DbAsync(app);
        Assert.Equal(4, await db.ReaderTokens.CountAsync());
    }

    [Fact]
    public async Task A_dry_run_says_what_would_happen_and_stores_sends_and_audits_nothing()
    {
        await using var app = new AstropalAppFactory();
        var path = BetaHarness.WriteFile(dir, BetaHarness.FourUsers);

        var result = await CliRun.RunAsync(app.Services, null, "import-beta-users", "--file", path, "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("  1  knowledge@example.org  invite", result.Out, StringComparison.Ordinal);
        Assert.Contains("Dry run, nothing stored or sent: 4 invite.", result.Out, StringComparison.Ordinal);
        await using var db = await BetaHarness.DbAsync(app);
        Assert.Empty(await db.Readers.ToListAsync());
        Assert.Empty(await db.AuditEntries.Where(a => a.Action == "beta.imported").ToListAsync());
        Assert.Empty(app.OutboxMessages());
    }

    [Fact]
    public async Task A_missing_file_or_option_is_a_clear_error()
    {
        await using var app = new AstropalAppFactory();

        var missing = await CliRun.RunAsync(app.Services, null, "import-beta-users", "--file", dir.File("nope.json"));
        var noOption = await CliRun.RunAsync(app.Services, null, "import-beta-users");
        var notJson = await CliRun.RunAsync(app.Services, null, "import-beta-users", "--file", BetaHarness.WriteFile(dir, "{ \"email\": 1 }"));

        Assert.Equal((1, 2, 1), (missing.ExitCode, noOption.ExitCode, notJson.ExitCode));
        Assert.Contains("No such file", missing.Error, StringComparison.Ordinal);
        Assert.Contains("Option --file is required.", noOption.Error, StringComparison.Ordinal);
        Assert.Contains("must be a JSON array", notJson.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resending_an_invitation_sends_a_new_link_and_is_audited_and_an_active_reader_gets_none()
    {
        await using var app = new AstropalAppFactory();
        var path = BetaHarness.WriteFile(dir, BetaHarness.FourUsers);
        Assert.Equal(0, (await CliRun.RunAsync(app.Services, null, "import-beta-users", "--file", path)).ExitCode);
        Guid invited, active;
        await using (var db = await BetaHarness.DbAsync(app))
        {
            invited = (await db.Readers.SingleAsync(r => r.Email == "success@example.org")).Id;
            var reader = await db.Readers.SingleAsync(r => r.Email == "calm@example.org");
            reader.Status = ReaderStatus.Active;
            active = reader.Id;
            await db.SaveChangesAsync();
        }

        await using var scope = app.Services.CreateAsyncScope();
        var invitations = scope.ServiceProvider.GetRequiredService<BetaInvitations>();

        Assert.Equal(InvitationResend.Sent, await invitations.ResendAsync(invited, "admin@example.org", CancellationToken.None));
        Assert.Equal(InvitationResend.NotInvited, await invitations.ResendAsync(active, "admin@example.org", CancellationToken.None));

        var mails = app.OutboxMessages().Where(m => m.To.Mailboxes.Single().Address == "success@example.org").ToList();
        Assert.Equal(2, mails.Count);
        Assert.NotEqual(BetaHarness.InvitationToken(mails[0]), BetaHarness.InvitationToken(mails[1]));
        Assert.Equal(5, app.OutboxMessages().Count);
        await using var check = await BetaHarness.DbAsync(app);
        var audit = Assert.Single(await check.AuditEntries.Where(a => a.Action == "beta.invitation-resent").ToListAsync());
        Assert.Equal(("admin@example.org", "success@example.org"), (audit.Actor, audit.Target));
    }
}
