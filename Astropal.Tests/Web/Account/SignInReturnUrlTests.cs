using Astropal.Web.Features.Account;

namespace Astropal.Tests.Web.Account;

public sealed class SignInReturnUrlTests
{
    [Theory]
    [InlineData(null, "/ops")]
    [InlineData("", "/ops")]
    [InlineData("/ops/jobs", "/ops/jobs")]
    [InlineData("//evil.example/x", "/ops")]
    [InlineData("/\\evil.example", "/ops")]
    [InlineData("https://evil.example", "/ops")]
    public void Sign_in_returns_only_to_paths_on_this_site(string? returnUrl, string expected) =>
        Assert.Equal(expected, SignIn.SafeReturnUrl(returnUrl));
}
