using Astropal.Core.Billing;
using Astropal.Core.Branding;
using Astropal.Core.Readers;
using Astropal.Web.Features.Account;
using Astropal.Web.Features.Operators;
using Astropal.Web.Infrastructure.Cli;

namespace Astropal.Tests.Core.Foundation;

public sealed class SmallRulesTests
{
    [Theory]
    [InlineData(7.99, "USD", "$7.99")]
    [InlineData(0, "USD", "$0")]
    [InlineData(14.5, "EUR", "€14.50")]
    [InlineData(12, "CHF", "12 CHF")]
    public void Monthly_prices_are_formatted_with_the_currency(double amount, string currency, string expected) =>
        Assert.Equal(expected, PriceFormat.Monthly((decimal)amount, currency));

    [Theory]
    [InlineData(null, "/ops")]
    [InlineData("", "/ops")]
    [InlineData("/ops/jobs", "/ops/jobs")]
    [InlineData("//evil.example/x", "/ops")]
    [InlineData("/\\evil.example", "/ops")]
    [InlineData("https://evil.example", "/ops")]
    public void Sign_in_returns_only_to_paths_on_this_site(string? returnUrl, string expected) =>
        Assert.Equal(expected, SignIn.SafeReturnUrl(returnUrl));

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

    [Fact]
    public void Perspectives_and_focus_areas_parse_from_their_slugs_only()
    {
        Assert.True(Perspective.TryParse("Evidence", out var evidence));
        Assert.Equal(PerspectiveId.Evidence, evidence.Id);
        Assert.False(Perspective.TryParse("stoic", out _));
        Assert.True(FocusArea.TryParse("evidence-based", out var focus));
        Assert.Equal(FocusAreaId.EvidenceBased, focus.Id);
        Assert.False(FocusArea.TryParse("money", out _));
    }

    [Fact]
    public void Brand_builds_absolute_links_from_the_site_url()
    {
        var brand = new BrandOptions { SiteUrl = "https://astropal.example/" };

        Assert.Equal("https://astropal.example/brand/logo.svg", brand.Absolute("/brand/logo.svg"));
        Assert.Equal("https://cdn.example/logo.png", brand.Absolute("https://cdn.example/logo.png"));
    }

    [Fact]
    public void Cli_options_accept_equals_and_space_forms_and_reject_repeats()
    {
        var args = CliArguments.Parse(["--email=a@example.com", "--role", "Admin", "--dry-run"]);

        Assert.Equal("a@example.com", args.Required("email"));
        Assert.Equal("Admin", args.Required("role"));
        Assert.True(args.Flag("dry-run"));
        args.EnsureAllUsed();
        Assert.Throws<CliUsageException>(() => CliArguments.Parse(["--role", "a", "--role", "b"]));
    }
}
