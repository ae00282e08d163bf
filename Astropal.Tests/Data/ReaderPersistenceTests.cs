using Astropal.Core.Billing;
using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Tests.Data;

public sealed class ReaderPersistenceTests
{
    private static SqliteAstropalDbContext Open(string path) =>
        new(new DbContextOptionsBuilder<SqliteAstropalDbContext>()
            .UseSqlite($"Data Source={path}", DatabaseSetup.ConfigureSqlite).Options);

    private static Reader NewReader(string email, string code) => new()
    {
        Id = Guid.NewGuid(),
        Email = email,
        TimeZone = "Europe/London",
        Locale = "en-US",
        ReferralCode = code,
        BirthDate = new DateOnly(1990, 5, 17),
        BirthTime = new TimeOnly(8, 30),
        FocusAreas = [FocusAreaId.Wellness, FocusAreaId.Spiritual, FocusAreaId.Career],
        Perspective = PerspectiveId.Evidence,
        Tier = Tier.Trial,
        CreatedAt = new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task A_reader_round_trips_with_focus_areas_in_order_and_enums_by_name()
    {
        using var dir = new TempDirectory("readers");
        var reader = NewReader("ada@example.com", "ADA12345");
        await using (var db = Open(dir.File("r.db")))
        {
            await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
            db.Readers.Add(reader);
            reader.PerspectiveChanges.Add(new PerspectiveChange { From = PerspectiveId.Calm, To = PerspectiveId.Evidence, At = reader.CreatedAt, Source = "portal" });
            await db.SaveChangesAsync();
        }

        await using (var db = Open(dir.File("r.db")))
        {
            var loaded = await db.Readers.Include(r => r.PerspectiveChanges).SingleAsync(r => r.Id == reader.Id);
            Assert.Equal([FocusAreaId.Wellness, FocusAreaId.Spiritual, FocusAreaId.Career], loaded.FocusAreas);
            Assert.Equal(PerspectiveId.Evidence, loaded.Perspective);
            Assert.Equal(new TimeOnly(8, 30), loaded.BirthTime);
            Assert.Single(loaded.PerspectiveChanges);
            var stored = await db.Database.SqlQueryRaw<string>("SELECT \"FocusAreas\" AS \"Value\" FROM \"Readers\"").SingleAsync();
            Assert.Equal("wellness,spiritual,career", stored);
        }
    }

    [Fact]
    public async Task Two_readers_cannot_share_an_address_but_deleted_readers_without_one_can_coexist()
    {
        using var dir = new TempDirectory("readers");
        await using var db = Open(dir.File("u.db"));
        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
        db.Readers.Add(NewReader("same@example.com", "CODE0001"));
        await db.SaveChangesAsync();

        db.Readers.Add(NewReader("same@example.com", "CODE0002"));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        var erasedA = NewReader("a@example.com", "CODE0003");
        var erasedB = NewReader("b@example.com", "CODE0004");
        erasedA.Email = erasedB.Email = null;
        db.Readers.AddRange(erasedA, erasedB);
        await db.SaveChangesAsync();
        Assert.Equal(2, await db.Readers.CountAsync(r => r.Email == null));
    }
}
