using Astropal.Core.Readers;

namespace Astropal.Tests.Core.Readers;

public sealed class ReaderTokenTests
{
    [Fact]
    public void An_issued_token_is_stored_only_as_its_hash_and_expires_after_its_lifetime()
    {
        var reader = Guid.NewGuid();
        var now = new DateTimeOffset(2026, 12, 4, 6, 0, 0, TimeSpan.Zero);

        var (token, row) = ReaderToken.Issue(reader, ReaderTokenPurpose.Confirm, now, TimeSpan.FromHours(48));

        Assert.Equal(reader, row.ReaderId);
        Assert.Equal(ReaderTokenPurpose.Confirm, row.Purpose);
        Assert.Equal(ReaderToken.Hash(token), row.TokenHash);
        Assert.DoesNotContain(token, row.TokenHash, StringComparison.Ordinal);
        Assert.Equal(now, row.CreatedAt);
        Assert.Equal(now.AddHours(48), row.ExpiresAt);
        Assert.Null(row.UsedAt);
    }

    [Fact]
    public void Tokens_are_256_random_bits_written_url_safe()
    {
        var tokens = Enumerable.Range(0, 200).Select(_ => ReaderToken.NewToken()).ToList();

        Assert.All(tokens, t =>
        {
            Assert.Equal(43, t.Token.Length); // 32 bytes in base64 without padding
            Assert.All(t.Token, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' is not URL-safe"));
            Assert.Equal(ReaderToken.Hash(t.Token), t.Hash);
        });
        Assert.Equal(tokens.Count, tokens.Select(t => t.Token).Distinct().Count());
    }

    [Fact]
    public void The_hash_is_lower_case_hex_sha256_of_the_text()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ReaderToken.Hash("abc"));
    }
}
