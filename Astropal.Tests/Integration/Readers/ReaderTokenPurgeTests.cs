using Astropal.Core.Billing;
using Astropal.Core.Readers;
using Astropal.Tests.TestSupport;
using Astropal.Web.Features.Readers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Astropal.Tests.Integration.Readers;

/// <summary>The daily purge of old confirmation and sign-in tokens, on a real SQLite file.</summary>
public sealed class ReaderTokenPurgeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 17, 0, TimeSpan.Zero);

    [Fact]
    public async Task Tokens_expired_more_than_thirty_days_ago_are_deleted_used_or_not_and_newer_ones_are_kept()
    {
        using var dir = new TempDirectory("token-purge");
        var time = new FakeTimeProvider(Now);
        await using var host = await DeliveryTestHost.StartAsync(dir.Path, InProcessSmtpServer.FreePort(), time);
        var reader = await host.AddReaderAsync("ada@example.com", "Europe/London", new TimeOnly(6, 0), Tier.Free);
        var rows = new Dictionary<string, ReaderToken>
        {
            ["old unused confirmation"] = Token(reader.Id, ReaderTokenPurpose.Confirm, expired: TimeSpan.FromDays(31)),
            ["old used sign-in"] = Token(reader.Id, ReaderTokenPurpose.SignIn, expired: TimeSpan.FromDays(45), used: true),
            ["recently expired sign-in"] = Token(reader.Id, ReaderTokenPurpose.SignIn, expired: TimeSpan.FromDays(29)),
            ["live sign-in"] = Token(reader.Id, ReaderTokenPurpose.SignIn, expired: TimeSpan.FromMinutes(-30)),
        };
        await using (var db = await host.Db.CreateDbContextAsync())
        {
            db.ReaderTokens.AddRange(rows.Values);
            await db.SaveChangesAsync();
        }

        var deleted = await new ReaderTokenPurge(host.Db, time, NullLogger<ReaderTokenPurge>.Instance).RunAsync(CancellationToken.None);

        Assert.Equal(2, deleted);
        await using var check = await host.Db.CreateDbContextAsync();
        var left = await check.ReaderTokens.Select(t => t.TokenHash).ToListAsync();
        Assert.Equal(
            new[] { rows["recently expired sign-in"].TokenHash, rows["live sign-in"].TokenHash }.Order(),
            left.Order());
        Assert.Single(await check.Readers.ToListAsync());
    }

    private static ReaderToken Token(Guid readerId, ReaderTokenPurpose purpose, TimeSpan expired, bool used = false)
    {
        var (_, row) = ReaderToken.Issue(readerId, purpose, Now - expired - TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        row.UsedAt = used ? row.CreatedAt.AddMinutes(5) : null;
        return row;
    }
}
