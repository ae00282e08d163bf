using Astropal.Web.Infrastructure.Cli;

namespace Astropal.Tests.Web.Cli;

public sealed class CliArgumentsTests
{
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
