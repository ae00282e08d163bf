using Astropal.Web.Infrastructure.Identity;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Features.Alerts;

/// <summary>Checks every channel at startup; each message names the channel and the field.</summary>
public sealed class AlertChannelsValidator : IValidateOptions<AlertChannelsOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertChannelsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (channel, settings) in options.Channels)
        {
            var key = $"{AlertChannelsOptions.SectionName}:{channel}";
            if (!Enum.TryParse<AlertChannelType>(settings.Type, ignoreCase: true, out var type) || !Enum.IsDefined(type) || int.TryParse(settings.Type, out _))
            {
                failures.Add($"{key}:Type must be Email, Webhook or Slack (got '{settings.Type}').");
                continue;
            }

            if (!AlertSeverities.IsKnown(settings.MinSeverity))
            {
                failures.Add($"{key}:MinSeverity must be critical, high, medium or low (got '{settings.MinSeverity}').");
            }

            switch (type)
            {
                case AlertChannelType.Email:
                    ValidateEmail(key, settings, failures);
                    break;
                case AlertChannelType.Webhook:
                    ValidateUrl(key, settings, failures);
                    if (string.IsNullOrWhiteSpace(settings.Secret))
                    {
                        failures.Add($"{key}:Secret is required for a Webhook channel (the HMAC key of X-Astropal-Signature).");
                    }

                    break;
                case AlertChannelType.Slack:
                    ValidateUrl(key, settings, failures);
                    break;
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateEmail(string key, AlertChannelOptions settings, List<string> failures)
    {
        var hasRole = !string.IsNullOrWhiteSpace(settings.ToRole);
        if (!hasRole && settings.To.Count == 0)
        {
            failures.Add($"{key} is an Email channel: set ToRole ({string.Join(" or ", OperatorRoles.All)}) and/or To (addresses).");
        }

        if (hasRole && !OperatorRoles.All.Contains(settings.ToRole!.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{key}:ToRole must be {string.Join(" or ", OperatorRoles.All)} (got '{settings.ToRole}').");
        }

        foreach (var address in settings.To)
        {
            if (!MimeKit.MailboxAddress.TryParse(address, out var mailbox) || mailbox.Address.IndexOf('@', StringComparison.Ordinal) <= 0)
            {
                failures.Add($"{key}:To has '{address}', which is not an email address.");
            }
        }
    }

    private static void ValidateUrl(string key, AlertChannelOptions settings, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(settings.Url))
        {
            failures.Add($"{key}:Url is required for a {settings.ChannelType} channel.");
        }
        else if (!Uri.TryCreate(settings.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{key}:Url must be an absolute http(s) URL (got '{settings.Url}').");
        }
    }
}
