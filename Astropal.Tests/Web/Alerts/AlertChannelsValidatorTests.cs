using Astropal.Web.Features.Alerts;
using Microsoft.Extensions.Configuration;

namespace Astropal.Tests.Web.Alerts;

public sealed class AlertChannelsValidatorTests
{
    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = new AlertChannelsOptions();
        configuration.GetSection(AlertChannelsOptions.SectionName).Bind(options.Channels);
        return new AlertChannelsValidator().Validate(null, options);
    }

    [Fact]
    public void Well_formed_channels_of_every_type_pass()
    {
        var result = Validate(new()
        {
            ["Alerts:Channels:ops:Type"] = "email",
            ["Alerts:Channels:ops:ToRole"] = "Admin",
            ["Alerts:Channels:list:Type"] = "Email",
            ["Alerts:Channels:list:To:0"] = "oncall@example.com",
            ["Alerts:Channels:hook:Type"] = "Webhook",
            ["Alerts:Channels:hook:Url"] = "https://hooks.example/x",
            ["Alerts:Channels:hook:Secret"] = "k",
            ["Alerts:Channels:hook:MinSeverity"] = "High",
            ["Alerts:Channels:slack:Type"] = "Slack",
            ["Alerts:Channels:slack:Url"] = "https://hooks.slack.com/services/T/B/X",
        });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("Type", "Pager", "Alerts:Channels:c:Type must be Email, Webhook or Slack (got 'Pager').")]
    [InlineData("Type", "1", "Alerts:Channels:c:Type must be Email, Webhook or Slack (got '1').")]
    [InlineData("Url", "", "Alerts:Channels:c:Url is required for a Webhook channel.")]
    [InlineData("Url", "/relative/hook", "Alerts:Channels:c:Url must be an absolute http(s) URL (got '/relative/hook').")]
    [InlineData("Url", "ftp://hooks.example/x", "Alerts:Channels:c:Url must be an absolute http(s) URL (got 'ftp://hooks.example/x').")]
    [InlineData("Secret", "", "Alerts:Channels:c:Secret is required for a Webhook channel")]
    [InlineData("MinSeverity", "urgent", "Alerts:Channels:c:MinSeverity must be critical, high, medium or low (got 'urgent').")]
    public void A_bad_webhook_field_is_named_with_its_channel(string field, string value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Alerts:Channels:c:Type"] = "Webhook",
            ["Alerts:Channels:c:Url"] = "https://hooks.example/x",
            ["Alerts:Channels:c:Secret"] = "k",
        };
        settings["Alerts:Channels:c:" + field] = value;

        var result = Validate(settings);

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void An_email_channel_needs_a_role_or_addresses()
    {
        var result = Validate(new() { ["Alerts:Channels:mail:Type"] = "Email" });

        Assert.Contains("Alerts:Channels:mail is an Email channel: set ToRole (Admin or Operator) and/or To (addresses).", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_role_and_a_bad_address_are_named()
    {
        var result = Validate(new()
        {
            ["Alerts:Channels:mail:Type"] = "Email",
            ["Alerts:Channels:mail:ToRole"] = "Owner",
            ["Alerts:Channels:mail:To:0"] = "not an address",
        });

        Assert.Contains("Alerts:Channels:mail:ToRole must be Admin or Operator (got 'Owner').", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Alerts:Channels:mail:To has 'not an address', which is not an email address.", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slack_channel_needs_a_url_but_no_secret()
    {
        var result = Validate(new() { ["Alerts:Channels:chat:Type"] = "Slack" });

        Assert.Equal("Alerts:Channels:chat:Url is required for a Slack channel.", result.FailureMessage);
    }

    [Fact]
    public void The_app_does_not_start_with_a_bad_channel()
    {
        using var app = new TestSupport.AstropalAppFactory
        {
            Settings = new Dictionary<string, string?> { ["Alerts:Channels:hook:Type"] = "Webhook", ["Alerts:Channels:hook:Url"] = "https://hooks.example/x" },
        };

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("Alerts:Channels:hook:Secret is required", error.ToString(), StringComparison.Ordinal);
    }
}
