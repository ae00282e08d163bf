using Astropal.Core.Email;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Infrastructure.Email;

internal static class EmailSetup
{
    /// <summary>
    /// Templates, the MIME builder and the transport chosen by <c>Email:Transport</c>
    /// (<c>Outbox</c> by default, or <c>Smtp</c>). Settings are validated at startup.
    /// </summary>
    public static IHostApplicationBuilder AddAstropalEmail(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());

        services.TryAddSingleton<EmailTemplateRenderer>();
        services.TryAddSingleton<EmailMimeBuilder>();
        services.TryAddSingleton<OutboxReader>();
        services.TryAddSingleton<OutboxEmailSender>();
        services.TryAddSingleton<SendRateLimiter>();
        services.TryAddSingleton<SmtpConnectionPool>();
        services.TryAddSingleton<SmtpEmailSender>();
        services.TryAddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Transport switch
        {
            EmailTransport.Smtp => sp.GetRequiredService<SmtpEmailSender>(),
            _ => sp.GetRequiredService<OutboxEmailSender>(),
        });

        return builder;
    }
}
