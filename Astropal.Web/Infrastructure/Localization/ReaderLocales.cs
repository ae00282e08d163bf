using Astropal.Core.Readers;
using Astropal.Data;
using Astropal.Web.Features.Delivery;
using Microsoft.EntityFrameworkCore;

namespace Astropal.Web.Infrastructure.Localization;

/// <summary>The locale of the reader a request's token belongs to, for the pages such tokens open.</summary>
public sealed class ReaderLocales(IDbContextFactory<AstropalDbContext> dbFactory, UnsubscribeTokens unsubscribeTokens)
{
    /// <summary>
    /// <c>/start/confirm?t=</c> (confirmation token) and <c>/u/{token}</c> (unsubscribe token): the
    /// reader's locale; null for any other request or a token that names no reader.
    /// </summary>
    public async Task<string?> ForRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Path.Equals("/start/confirm", StringComparison.OrdinalIgnoreCase)
            && request.Query["t"].ToString() is { Length: > 0 and <= 100 } confirmToken)
        {
            var hash = ReaderToken.Hash(confirmToken.Trim());
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.ReaderTokens
                .Where(t => t.TokenHash == hash && t.Purpose == ReaderTokenPurpose.Confirm)
                .Join(db.Readers, t => t.ReaderId, r => r.Id, (_, r) => r.Locale)
                .FirstOrDefaultAsync(cancellationToken);
        }

        if (request.Path.StartsWithSegments("/u", out var rest)
            && rest.Value?.TrimStart('/') is { Length: > 0 } unsubscribeToken
            && !unsubscribeToken.Contains('/', StringComparison.Ordinal)
            && unsubscribeTokens.TryRead(unsubscribeToken, out var readerId))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.Readers.Where(r => r.Id == readerId).Select(r => r.Locale).FirstOrDefaultAsync(cancellationToken);
        }

        return null;
    }
}
