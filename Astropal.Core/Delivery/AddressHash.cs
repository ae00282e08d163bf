namespace Astropal.Core.Delivery;

public static class AddressHash
{
    /// <summary>Hex SHA-256 of the trimmed, lower-case address: the suppression list keeps no addresses.</summary>
    public static string Of(string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        var bytes = System.Text.Encoding.UTF8.GetBytes(address.Trim().ToLowerInvariant());
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
    }
}
