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

    [Fact]
    public void Words_after_a_subcommand_are_read_in_order_and_an_unread_one_is_an_error()
    {
        var args = CliArguments.Parse(["pause", "news-fetch", "--reason", "down"], allowSubcommand: true);

        Assert.Equal("pause", args.Subcommand);
        Assert.Equal("news-fetch", args.Positional());
        Assert.Null(args.Positional());
        Assert.Equal("down", args.Required("reason"));
        args.EnsureAllUsed();

        var extra = CliArguments.Parse(["list", "stray"], allowSubcommand: true);
        var error = Assert.Throws<CliUsageException>(extra.EnsureAllUsed);
        Assert.Contains("Unexpected argument 'stray'", error.Message, StringComparison.Ordinal);
        Assert.Throws<CliUsageException>(() => CliArguments.Parse(["stray"]));
    }
}
