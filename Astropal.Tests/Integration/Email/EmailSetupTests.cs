using Astropal.Core.Email;
using Astropal.Tests.TestSupport;
using Astropal.Web.Infrastructure.Email;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Astropal.Tests.Integration.Email;

public sealed class EmailSetupTests
{
    [Fact]
    public async Task Smtp_transport_is_chosen_by_the_email_transport_setting()
    {
        await using var host = EmailTestHost.Create(new Dictionary<string, string?>
        {
            ["Email:Transport"] = "Smtp",
            ["Email:Smtp:Host"] = "smtp.resend.com",
            ["Email:Smtp:Port"] = "465",
            ["Email:Smtp:Security"] = "SslOnConnect",
            ["Email:Smtp:Username"] = "resend",
            ["Email:Smtp:Password"] = "re_123",
        });

        Assert.IsType<SmtpEmailSender>(host.Get<IEmailSender>());
        Assert.Same(host.Get<EmailTemplateRenderer>(), host.Get<EmailTemplateRenderer>());
    }

    [Fact]
    public async Task Invalid_email_settings_stop_the_host_at_startup_naming_the_setting()
    {
        await using var host = EmailTestHost.Create(new Dictionary<string, string?>
        {
            ["Email:Transport"] = "Smtp",
            ["Email:Smtp:Port"] = "70000",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.Host.StartAsync(CancellationToken.None));

        Assert.Contains("Email:Smtp:Host is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Email:Smtp:Port", error.Message, StringComparison.Ordinal);
    }
}
