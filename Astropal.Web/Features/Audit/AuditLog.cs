using System.Security.Claims;
using Astropal.Data;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Features.Audit;

/// <summary>
/// Writes the audit log: every operator action, from the console, the operator API or the
/// command line. Entries are only ever added; the app never edits or deletes one. Text that
/// may come from outside (an email typed at sign-in, a reason) is capped to the column sizes,
/// so that an attacker's long input can neither fail the write nor flood the log.
/// </summary>
public sealed class AuditLog(IDbContextFactory<AstropalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The actor of commands run on the server.</summary>
    public const string CommandLineActor = "cli";

    internal const int ActorLength = 256;
    internal const int ActionLength = 64;
    internal const int TargetLength = 256;
    internal const int DetailLength = 2000;

    /// <summary>Adds an entry to <paramref name="db"/>'s unit of work: it lands with the caller's other changes or not at all.</summary>
    public void Add(AstropalDbContext db, string actor, string action, string? target = null, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AuditEntries.Add(Entry(clock.GetUtcNow(), actor, action, target, detail));
    }

    /// <summary>Records an entry on its own.</summary>
    public async Task RecordAsync(string actor, string action, string? target, string? detail, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Add(db, actor, action, target, detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The signed-in operator's name (their email) for the Actor column.</summary>
    public static string ActorOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.Name is { Length: > 0 } name ? name : "unknown";
    }

    internal static AuditEntry Entry(DateTimeOffset at, string actor, string action, string? target, string? detail) => new()
    {
        At = at,
        Actor = Cap(actor, ActorLength)!,
        Action = Cap(action, ActionLength)!,
        Target = Cap(target, TargetLength),
        Detail = Cap(detail, DetailLength),
    };

    /// <summary>Shortens text to <paramref name="length"/> characters, marking the cut with an ellipsis.</summary>
    internal static string? Cap(string? text, int length) =>
        text is null || text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
