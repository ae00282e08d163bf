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
    TimeProvider clock)
{
    public async Task<CreateOperatorResult> CreateAsync(
        string email, string role, string? password, string actor, CancellationToken cancellationToken)
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

        var generated = password is null ? GeneratePassword() : null;
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
            var created = await users.CreateAsync(user, password ?? generated!);
            if (!created.Succeeded)
            {
                return CreateOperatorResult.Failed(created.Errors.Select(e => e.Description).ToArray());
            }

            var added = await users.AddToRoleAsync(user, canonicalRole);
            if (!added.Succeeded)
            {
                return CreateOperatorResult.Failed(added.Errors.Select(e => e.Description).ToArray());
            }

            await RecordAsync(actor, "operator.created", email, $"role {canonicalRole}", ct);
            await transaction.CommitAsync(ct);
            return new CreateOperatorResult(true, [], generated);
        }, cancellationToken);
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
