namespace Astropal.Data;

/// <summary>
/// A key for the operator API, owned by one operator. Only the SHA-256 hash of the key is stored, with a short
/// prefix for display; the key itself is shown once when it is created.
/// </summary>
public sealed class OperatorApiKey
{
    public Guid Id { get; set; }

    public required string OperatorId { get; set; }

    public required string Name { get; set; }

    /// <summary>The first characters of the key (<c>ap_</c> and a few more), to tell keys apart.</summary>
    public required string Prefix { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public required string Hash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
