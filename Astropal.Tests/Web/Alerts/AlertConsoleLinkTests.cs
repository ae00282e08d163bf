using Astropal.Core.Branding;
using Astropal.Web.Features.Alerts;
using Microsoft.Extensions.Options;

namespace Astropal.Tests.Web.Alerts;

public sealed class AlertConsoleLinkTests
{
    private readonly AlertConsoleLink _link = new(Options.Create(new BrandOptions { SiteUrl = "https://astropal.example/" }));

    [Fact]
    public void A_console_runbook_link_becomes_absolute_in_messages_and_other_links_stay_as_they_are()
    {
        Assert.Equal("https://astropal.example/ops/runbooks/email-delivery-issues", _link.Absolute("/ops/runbooks/email-delivery-issues"));
        Assert.Equal("https://git.example/docs/runbooks/x.md", _link.Absolute("https://git.example/docs/runbooks/x.md"));
        Assert.Equal("//cdn.example/x", _link.Absolute("//cdn.example/x"));
        Assert.Null(_link.Absolute(null));
        Assert.Equal("https://astropal.example/ops/alerts", _link.Url);
    }
}
