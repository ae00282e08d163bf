using Astropal.Core.Readers;
using Astropal.Data;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Features.Readers;

public enum PortalLinkKind
{
    /// <summary>The link in every reader email: opens the portal at once, any number of times until it expires.</summary>
    EmailLink,
    /// <summary>A one-time sign-in link (stored as a hash): a button opens the portal, so a mail scanner's GET does not use it up.</summary>
    SignInLink,
}

public enum PortalLinkProblem
{
    None,
    Unknown,
    Expired,
    Used,
}

/// <summary>What a link token is worth: the reader it opens, or the problem with it.</summary>
public readonly record struct PortalLinkCheck(PortalLinkKind Kind, PortalLinkProblem Problem, Guid ReaderId)
{
    public bool IsValid => Problem == PortalLinkProblem.None;

    /// <summary>The reason shown on the "email me a new link" page.</summary>
    public string Reason => Problem switch
    {
        PortalLinkProblem.Expired => "expired",
        PortalLinkProblem.Used => "used",
        _ => "unknown",
    };

    internal static PortalLinkCheck Bad(PortalLinkKind kind, PortalLinkProblem problem) => new(kind, problem, Guid.Empty);
}

/// <summary>
/// Turns the tokens of portal links into readers. Checking changes nothing; redeeming a one-time
/// sign-in link marks it used by a conditional update, so two clicks at once sign in once.
/// </summary>
public sealed class ReaderAccess(IDbContextFactory<AstropalDbContext> dbFactory, PortalLinkTokens emailLinks, TimeProvider clock)
{
    /// <summary>Longer than any token we issue; longer input is not looked up.</summary>
    private const int MaxTokenLength = 512;

    public async Task<PortalLinkCheck> CheckAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > MaxTokenLength)
        {
            return PortalLinkCheck.Bad(PortalLinkKind.SignInLink, PortalLinkProblem.Unknown);
        }

        var status = emailLinks.Read(token, out var readerId);
        if (status != PortalLinkTokenStatus.Invalid)
        {
            if (status == PortalLinkTokenStatus.Expired)
            {
                return PortalLinkCheck.Bad(PortalLinkKind.EmailLink, PortalLinkProblem.Expired);
            }

            return await IsOpenAsync(readerId, cancellationToken)
                ? new PortalLinkCheck(PortalLinkKind.EmailLink, PortalLinkProblem.None, readerId)
                : PortalLinkCheck.Bad(PortalLinkKind.EmailLink, PortalLinkProblem.Unknown);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await FindSignInTokenAsync(db, token, cancellationToken);
        if (row is null)
        {
            return PortalLinkCheck.Bad(PortalLinkKind.SignInLink, PortalLinkProblem.Unknown);
        }

        if (row.UsedAt is not null)
        {
            return PortalLinkCheck.Bad(PortalLinkKind.SignInLink, PortalLinkProblem.Used);
        }

        return row.ExpiresAt <= clock.GetUtcNow()
            ? PortalLinkCheck.Bad(PortalLinkKind.SignInLink, PortalLinkProblem.Expired)
            : new PortalLinkCheck(PortalLinkKind.SignInLink, PortalLinkProblem.None, row.ReaderId);
    }

    /// <summary>Checks the token and, for a one-time link, uses it up; the reader to sign in, or the problem.</summary>
    public async Task<PortalLinkCheck> RedeemAsync(string? token, CancellationToken cancellationToken)
    {
        var check = await CheckAsync(token, cancellationToken);
        if (!check.IsValid || check.Kind == PortalLinkKind.EmailLink)
        {
            return check;
        }

        var now = clock.GetUtcNow();
        var hash = ReaderToken.Hash(token!.Trim());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var claimed = await db.ReaderTokens
            .Where(t => t.TokenHash == hash && t.Purpose == ReaderTokenPurpose.SignIn && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return PortalLinkCheck.Bad(PortalLinkKind.SignInLink, PortalLinkProblem.Used);
        }

        return await IsOpenAsync(check.ReaderId, cancellationToken)
            ? check
            : PortalLinkCheck.Bad(PortalLinkKind.SignInLink, PortalLinkProblem.Unknown);
    }

    private static Task<ReaderToken?> FindSignInTokenAsync(AstropalDbContext db, string token, CancellationToken cancellationToken)
    {
        var hash = ReaderToken.Hash(token.Trim());
        return db.ReaderTokens.AsNoTracking()
            .FirstOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == ReaderTokenPurpose.SignIn, cancellationToken);
    }

    /// <summary>A deleted reader's old email links open nothing.</summary>
    private async Task<bool> IsOpenAsync(Guid readerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Readers.AnyAsync(
            r => r.Id == readerId && r.Status != ReaderStatus.Deleted && r.Status != ReaderStatus.Pending, cancellationToken);
    }
}
