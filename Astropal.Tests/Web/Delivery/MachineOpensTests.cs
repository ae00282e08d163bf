using Astropal.Web.Features.Delivery;

namespace Astropal.Tests.Web.Delivery;

public sealed class MachineOpensTests
{
    private static readonly DateTimeOffset Sent = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, true)]
    [InlineData(1999, true)]
    [InlineData(2000, true)]
    [InlineData(2001, false)]
    [InlineData(600_000, false)]
    public void An_open_within_two_seconds_of_sending_is_a_machine(int millisecondsAfter, bool machine) =>
        Assert.Equal(machine, MachineOpens.IsMachine(Sent, Sent.AddMilliseconds(millisecondsAfter), "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"));

    [Fact]
    public void An_open_before_the_send_was_recorded_is_a_machine() =>
        Assert.True(MachineOpens.IsMachine(null, Sent, null));

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)", true)]
    [InlineData("Mozilla/5.0", true)]
    [InlineData(" Mozilla/5.0 ", true)]
    [InlineData("YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html", true)]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148", false)]
    [InlineData("Microsoft Outlook 16.0", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Mail_privacy_proxies_are_recognised_by_user_agent(string? userAgent, bool proxy) =>
        Assert.Equal(proxy, MachineOpens.IsProxy(userAgent));
}
