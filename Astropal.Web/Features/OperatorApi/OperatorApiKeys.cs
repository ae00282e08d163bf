using System.Security.Cryptography;
using System.Text;
using Astropal.Data;
using Astropal.Web.Features.Audit;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Features.OperatorApi;

/// <summary>
/// Per-operator keys for the operator API: <c>ap_</c> and 32 random bytes (base64url). Only the SHA-256 hash and a
/// short prefix are stored; the key is shown once. A key works while it is not revoked and its operator is neither
/// disabled nor locked out. Creating and revoking are audited (<c>api-key.created</c>, <c>api-key.revoked</c>).
/// </summary>
public sealed class OperatorApiKeys(IDbContextFactory<AstropalDbContext> dbFactory, AuditLog audit, TimeProvider clock)
{
    public const string KeyPrefix = "ap_";
    public const int NameLength = 100;
    internal const int DisplayPrefixLength = 10;

    /// <summary>LastUsedAt is written at most this often per key, so that a busy script does not write on every call.</summary>
    internal static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<(CreatedApiKey? Created, string? Error)> CreateAsync(string operatorEmail, string name, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operatorEmail);
        ArgumentNullException.ThrowIfNull(name);
        name = name.Trim();
        if (name.Length == 0)
        {
            return (null, "A key needs a name (what it is for, e.g. 'launch scripts').");
        }

        if (name.Length > NameLength)
        {
            return (null, $"The name is {name.Length} characters long; at most {NameLength} are allowed.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var normalized = operatorEmail.Trim().ToUpperInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (user is null)
        {
            return (null, $"There is no operator with the email {operatorEmail.Trim()}.");
        }

        if (user.DisabledAt is not null)
        {
            return (null, $"The operator {user.Email} is disabled; a disabled operator's keys do not work.");
        }

        var key = KeyPrefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var record = new OperatorApiKey
        {
            Id = Guid.NewGuid(),
            OperatorId = user.Id,
            Name = name,
            Prefix = key[..DisplayPrefixLength],
            Hash = Hash(key),
            CreatedAt = clock.GetUtcNow(),
        };
        db.OperatorApiKeys.Add(record);
        audit.Add(db, actor, "api-key.created", user.Email, $"{name} ({record.Prefix}…)");
        await db.SaveChangesAsync(cancellationToken);
        return (new CreatedApiKey(record, key), null);
    }

    /// <summary>The operator's keys, newest first, revoked ones included.</summary>
    public async Task<IReadOnlyList<OperatorApiKey>> ListAsync(string operatorId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var keys = await db.OperatorApiKeys.AsNoTracking().Where(k => k.OperatorId == operatorId).ToListAsync(cancellationToken);
        return keys.OrderByDescending(k => k.CreatedAt).ToList();
    }

    /// <summary>Revokes one of the operator's own keys; false when there is no such key of theirs.</summary>
    public async Task<bool> RevokeAsync(string operatorId, Guid keyId, string actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.OperatorApiKeys.FirstOrDefaultAsync(k => k.Id == keyId && k.OperatorId == operatorId, cancellationToken);
        if (key is null)
        {
            return false;
        }

        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.GetUtcNow();
            audit.Add(db, actor, "api-key.revoked", actor, $"{key.Name} ({key.Prefix}…)");
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>The owner of <paramref name="presented"/>, or null with the reason it is refused.</summary>
    public async Task<(ApiKeyOwner? Owner, string? Refusal)> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(presented);
        if (!presented.StartsWith(KeyPrefix, StringComparison.Ordinal) || presented.Length > 200)
        {
            return (null, "The key is not an Astropal operator API key.");
        }

        var hash = Hash(presented);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.OperatorApiKeys.FirstOrDefaultAsync(k => k.Hash == hash, cancellationToken);
        if (key is null)
        {
            return (null, "The key is not known.");
        }

        if (key.RevokedAt is not null)
        {
            return (null, "The key was revoked.");
        }

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == key.OperatorId, cancellationToken);
        var now = clock.GetUtcNow();
        if (user is null || user.DisabledAt is not null)
        {
            return (null, "The key's operator is disabled.");
        }

        if (user.LockoutEnd is { } end && end > now)
        {
            return (null, "The key's operator is locked out.");
        }

        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == user.Id
                           select r.Name).ToListAsync(cancellationToken);

        if (key.LastUsedAt is null || now - key.LastUsedAt >= LastUsedResolution)
        {
            key.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return (new ApiKeyOwner(user, key, roles.OfType<string>().ToList()), null);
    }

    internal static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
