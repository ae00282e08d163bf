using System.Security.Cryptography;
using System.Text;

namespace Astropal.Core.Readers;

/// <summary>What a link in an email lets its holder do.</summary>
public enum ReaderTokenPurpose
{
    /// <summary>Confirm the address (double opt-in); single use, 48 h.</summary>
    Confirm,
    /// <summary>Open the preferences portal; single use, short-lived.</summary>
    SignIn,
    /// <summary>An operator's invitation to complete sign-up (beta); single use, 14 days.</summary>
    Invitation,
}

/// <summary>
/// A link token. Only the SHA-256 hash is stored: a database leak gives no working links.
/// </summary>
public sealed class ReaderToken
{
    public long Id { get; set; }

    public Guid ReaderId { get; set; }

    public ReaderTokenPurpose Purpose { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token text.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>
    /// Details submitted with a sign-up that are applied only when this (Confirm) token is used,
    /// so that a second sign-up for an address changes nothing without proof of the mailbox. JSON.
    /// </summary>
    public string? PendingDetailsJson { get; set; }

    /// <summary>A new token for a reader: the text for the link, and the row to store (hash only).</summary>
    public static (string Token, ReaderToken Row) Issue(Guid readerId, ReaderTokenPurpose purpose, DateTimeOffset now, TimeSpan lifetime)
    {
        var (token, hash) = NewToken();
        return (token, new ReaderToken
        {
            ReaderId = readerId,
            Purpose = purpose,
            TokenHash = hash,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        });
    }

    /// <summary>A new random token (256 bits, URL-safe) and its hash.</summary>
    public static (string Token, string Hash) NewToken()
    {
        var token = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
