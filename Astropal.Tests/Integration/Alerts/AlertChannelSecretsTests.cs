using Astropal.Web.Infrastructure.Secrets;
using Microsoft.Extensions.Configuration;

namespace Astropal.Tests.Integration.Alerts;

public sealed class AlertChannelSecretsTests
{
    [Fact]
    public void Each_webhook_channel_needs_its_secret_and_each_slack_channel_its_url()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alerts:Channels:pager:Type"] = "Webhook",
            ["Alerts:Channels:pager:Url"] = "https://hooks.example/x",
            ["Alerts:Channels:costs:Type"] = "Slack",
            ["Alerts:Channels:ops:Type"] = "Email",
            ["Alerts:Channels:ops:ToRole"] = "Admin",
        }).Build();

        var catalog = SecretCatalog.For(configuration);

        var extra = catalog.Skip(SecretCatalog.All.Count).ToList();
        Assert.Equal(["Alerts:Channels:costs:Url", "Alerts:Channels:pager:Secret"], extra.Select(s => s.Key).ToArray());
        Assert.All(extra, s => Assert.True(s.IsRequired("Development", configuration)));
        Assert.Equal(SecretCatalog.All.Count, SecretCatalog.For(new ConfigurationBuilder().Build()).Count);
    }
}
