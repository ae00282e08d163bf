using System.Security.Cryptography;
using Astropal.Data;
using Astropal.Web.Features.Audit;
using Astropal.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Features.Operators;

public sealed record CreateOperatorResult(bool Succeeded, IReadOnlyList<string> Errors, string? GeneratedPassword)
{
    public static CreateOperatorResult Failed(params string[] errors) => new(false, errors, null);
}

/// <summary>Creates operators and records what operators do, for the command line and the console.</summary>
public sealed class OperatorAccounts(
    UserManager<OperatorUser> users,
    RoleManager<IdentityRole> roles,
    AstropalDbContext db,
    AuditLog audit,
    OperatorInvitations invitations,
    TimeProvider clock)
{
    public const string LastAdminError = "This is the last active Admin: make another operator an Admin first.";

    public Task<CreateOperatorResult> CreateAsync(
        string email, string role, string? password, string actor, CancellationToken cancellationToken) =>
        CreateAsync(email, role, password, invite: false, actor, cancellationToken);

    /// <summary>
    /// Creates an operator without a password and emails them a one-time set-password link
    /// (<c>Operators:InvitationLifetime</c>). Nobody, the inviting Admin included, ever sees a password.
    /// </summary>
    public async Task<CreateOperatorResult> InviteAsync(string email, string role, string actor, CancellationToken cancellationToken)
    {
        var created = await CreateAsync(email, role, password: null, invite: true, actor, cancellationToken);
        if (!created.Succeeded)
        {
            return created;
        }

        var user = (await users.FindByEmailAsync(email.Trim()))!;
        var sent = await invitations.SendAsync(user, cancellationToken);
        return sent ? created : CreateOperatorResult.Failed($"The operator {user.Email} was created, but the invitation email could not be sent: use “Resend invitation”.");
    }

    /// <summary>Sends a new set-password link to an operator (an earlier link stops working once a password is set).</summary>
    public async Task<OperatorChangeResult> ResendInvitationAsync(string id, string actor, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return OperatorChangeResult.Failed("That operator no longer exists.");
        }

        if (!await invitations.SendAsync(user, cancellationToken))
        {
            return OperatorChangeResult.Failed($"The invitation email to {user.Email} could not be sent. Try again later.");
        }

        await RecordAsync(actor, "operator.invitation-sent", user.Email, null, cancellationToken);
        return OperatorChangeResult.Done;
    }

    /// <summary>Every operator, by email.</summary>
    public async Task<IReadOnlyList<OperatorRow>> ListAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var operators = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name ?? "", cancellationToken);
        var userRoles = await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return operators.Select(u => new OperatorRow(
            u.Id,
            u.Email ?? u.UserName ?? u.Id,
            string.Join(", ", userRoles.Where(r => r.UserId == u.Id).Select(r => roleNames.GetValueOrDefault(r.RoleId, "?")).Order(StringComparer.Ordinal)),
            u.CreatedAt,
            u.LastSignInAt,
            u.DisabledAt,
            u.LockoutEnd > now ? u.LockoutEnd : null,
            u.TwoFactorEnabled,
            u.PasswordHash is not null)).ToList();
    }

    /// <summary>Makes the operator Admin or Operator; their open sessions end (their role is in their cookie).</summary>
    public async Task<OperatorChangeResult> ChangeRoleAsync(string id, string role, string actor, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var canonicalRole = OperatorRoles.All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
        if (canonicalRole is null)
        {
            return OperatorChangeResult.Failed($"Role must be {string.Join(" or ", OperatorRoles.All)} (got '{role}').");
        }

        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return OperatorChangeResult.Failed("That operator no longer exists.");
        }

        var current = await users.GetRolesAsync(user);
        if (current.Count == 1 && current[0] == canonicalRole)
        {
            return OperatorChangeResult.Done;
        }

        if (canonicalRole != OperatorRoles.Admin && await IsLastActiveAdminAsync(user))
        {
            return OperatorChangeResult.Failed(LastAdminError);
        }

        return await InTransactionAsync(async ct =>
        {
            if (Error(await users.RemoveFromRolesAsync(user, current)) is { } error1)
            {
                return error1;
            }
            if (Error(await users.AddToRoleAsync(user, canonicalRole)) is { } error2)
            {
                return error2;
            }
            if (Error(await users.UpdateSecurityStampAsync(user)) is { } error3)
            {
                return error3;
            }
            await RecordAsync(actor, "operator.role-changed", user.Email, $"{string.Join(", ", current)} → {canonicalRole}", ct);
            return null;
        }, cancellationToken);
    }

    /// <summary>Disables (no sign-in; open sessions end within <c>Operators:RevalidateInterval</c>) or enables an operator.</summary>
    public async Task<OperatorChangeResult> SetDisabledAsync(string id, bool disabled, string actor, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return OperatorChangeResult.Failed("That operator no longer exists.");
        }

        if (disabled == (user.DisabledAt is not null))
        {
            return OperatorChangeResult.Done;
        }

        if (disabled && await IsLastActiveAdminAsync(user))
        {
            return OperatorChangeResult.Failed(LastAdminError);
        }

        return await InTransactionAsync(async ct =>
        {
            user.DisabledAt = disabled ? clock.GetUtcNow() : null;
            // A new stamp ends the operator's cookies and circuits at their next check.
            if (Error(await users.UpdateSecurityStampAsync(user)) is { } error4)
            {
                return error4;
            }
            await RecordAsync(actor, disabled ? "operator.disabled" : "operator.enabled", user.Email, null, ct);
            return null;
        }, cancellationToken);
    }

    /// <summary>Lifts a lockout after failed sign-ins and resets the failure count.</summary>
    public async Task<OperatorChangeResult> ResetLockoutAsync(string id, string actor, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return OperatorChangeResult.Failed("That operator no longer exists.");
        }

        return await InTransactionAsync(async ct =>
        {
            if (Error(await users.SetLockoutEndDateAsync(user, null)) is { } error5)
            {
                return error5;
            }
            if (Error(await users.ResetAccessFailedCountAsync(user)) is { } error6)
            {
                return error6;
            }
            await RecordAsync(actor, "operator.lockout-reset", user.Email, null, ct);
            return null;
        }, cancellationToken);
    }

    /// <summary>
    /// Turns two-factor authentication off and forgets the authenticator key and recovery codes (a lost phone):
    /// the operator's sessions end and, where two-factor is required, they enrol again at their next sign-in.
    /// </summary>
    public async Task<OperatorChangeResult> ResetTwoFactorAsync(string id, string actor, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return OperatorChangeResult.Failed("That operator no longer exists.");
        }

        return await InTransactionAsync(async ct =>
        {
            if (Error(await users.SetTwoFactorEnabledAsync(user, false)) is { } error7)
            {
                return error7;
            }
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
            if (Error(await users.ResetAuthenticatorKeyAsync(user)) is { } error8)
            {
                return error8;
            }
            await RecordAsync(actor, "operator.two-factor-reset", user.Email, null, ct);
            return null;
        }, cancellationToken);
    }

    private async Task<bool> IsLastActiveAdminAsync(OperatorUser user)
    {
        if (user.DisabledAt is not null || !await users.IsInRoleAsync(user, OperatorRoles.Admin))
        {
            return false;
        }

        var admins = await users.GetUsersInRoleAsync(OperatorRoles.Admin);
        return !admins.Any(a => a.Id != user.Id && a.DisabledAt is null);
    }

    // The change and its audit entry land together or not at all; an Identity refusal rolls back.
    private async Task<OperatorChangeResult> InTransactionAsync(Func<CancellationToken, Task<string?>> change, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var error = await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var refused = await change(ct);
            if (refused is null)
            {
                await transaction.CommitAsync(ct);
            }

            return refused;
        }, cancellationToken);
        if (error is not null)
        {
            db.ChangeTracker.Clear();
            return OperatorChangeResult.Failed(error);
        }

        return OperatorChangeResult.Done;
    }

    private static string? Error(IdentityResult result) =>
        result.Succeeded ? null : string.Join(" ", result.Errors.Select(e => e.Description));

    private async Task<CreateOperatorResult> CreateAsync(
        string email, string role, string? password, bool invite, string actor, CancellationToken cancellationToken)
    {
        email = email.Trim();
        if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email) || email.Length > 254)
        {
            return CreateOperatorResult.Failed($"'{email}' is not a valid email address.");
        }

        var canonicalRole = OperatorRoles.All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
        if (canonicalRole is null)
        {
            return CreateOperatorResult.Failed($"Role must be {string.Join(" or ", OperatorRoles.All)} (got '{role}').");
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return CreateOperatorResult.Failed($"An operator with the email {email} already exists.");
        }

        await EnsureRolesAsync(cancellationToken);

        var generated = password is null && !invite ? GeneratePassword() : null;
        var user = new OperatorUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            CreatedAt = clock.GetUtcNow(),
        };

        // The user, the role and the audit entry land together or not at all; the execution
        // strategy makes the transaction safe with SQL Server's retry-on-failure.
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var created = invite ? await users.CreateAsync(user) : await users.CreateAsync(user, password ?? generated!);
            if (!created.Succeeded)
            {
                return CreateOperatorResult.Failed(created.Errors.Select(e => e.Description).ToArray());
            }

            var added = await users.AddToRoleAsync(user, canonicalRole);
            if (!added.Succeeded)
            {
                return CreateOperatorResult.Failed(added.Errors.Select(e => e.Description).ToArray());
            }

            await RecordAsync(actor, invite ? "operator.invited" : "operator.created", email, $"role {canonicalRole}", ct);
            await transaction.CommitAsync(ct);
            return new CreateOperatorResult(true, [], generated);
        }, cancellationToken);
    }

    /// <summary>Notes a successful sign-in: the operator's last sign-in time and an audit entry, together.</summary>
    public async Task RecordSignInAsync(OperatorUser user, string? detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        db.ChangeTracker.Clear();
        var tracked = await db.Users.FirstOrDefaultAsync(u => u.Id == user.Id, cancellationToken);
        if (tracked is not null)
        {
            tracked.LastSignInAt = clock.GetUtcNow();
        }

        await RecordAsync(user.Email ?? user.Id, "operator.signed-in", null, detail, cancellationToken);
    }

    public async Task RecordAsync(string actor, string action, string? target, string? detail, CancellationToken cancellationToken)
    {
        audit.Add(db, actor, action, target, detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<int> CountAsync(CancellationToken cancellationToken) => db.Users.CountAsync(cancellationToken);

    private async Task EnsureRolesAsync(CancellationToken cancellationToken)
    {
        foreach (var name in OperatorRoles.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await roles.RoleExistsAsync(name))
            {
                var result = await roles.CreateAsync(new IdentityRole(name));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {name}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }

    /// <summary>20 random characters with every class Identity's default rules ask for.</summary>
    internal static string GeneratePassword()
    {
        const string lower = "abcdefghijkmnopqrstuvwxyz";
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string digits = "23456789";
        const string symbols = "!@#$%^&*-_=+?";
        const string all = lower + upper + digits + symbols;

        var chars = new char[20];
        chars[0] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[1] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
