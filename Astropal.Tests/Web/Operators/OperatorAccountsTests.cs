using Astropal.Web.Features.Operators;

namespace Astropal.Tests.Web.Operators;

public sealed class OperatorAccountsTests
{
    [Fact]
    public void Generated_passwords_are_long_varied_and_unique()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => OperatorAccounts.GeneratePassword()).ToList();

        Assert.All(passwords, p =>
        {
            Assert.Equal(20, p.Length);
            Assert.Contains(p, char.IsLower);
            Assert.Contains(p, char.IsUpper);
            Assert.Contains(p, char.IsDigit);
            Assert.Contains(p, c => !char.IsLetterOrDigit(c));
        });
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }
}
