using System.Security.Cryptography;

namespace Astropal.Web.Features.Readers;

/// <summary>A new reader's referral code: 8 characters from an alphabet without look-alikes (no I, O, 0, 1), from a CSPRNG.</summary>
public static class ReferralCodes
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New() => string.Create(8, Alphabet, (span, chars) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = chars[RandomNumberGenerator.GetInt32(chars.Length)];
        }
    });
}
