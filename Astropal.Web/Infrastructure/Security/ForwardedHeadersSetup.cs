using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Astropal.Web.Infrastructure.Security;

/// <summary>
/// Behind a reverse proxy the scheme and the client address come from <c>X-Forwarded-Proto</c> and
/// <c>X-Forwarded-For</c>, believed only from the proxies of <c>ForwardedHeaders:KnownProxies</c> (addresses)
/// and <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges), besides loopback. Each setting is a list
/// (<c>ForwardedHeaders:KnownProxies:0</c>, …) or one comma-separated value (<c>ForwardedHeaders__KnownProxies=10.0.0.5,10.0.0.6</c>).
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";
    public const string KnownNetworksKey = "ForwardedHeaders:KnownNetworks";

    public static IHostApplicationBuilder AddAstropalForwardedHeaders(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var errors = new List<string>();
        var proxies = new List<IPAddress>();
        foreach (var value in Values(configuration, KnownProxiesKey))
        {
            if (IPAddress.TryParse(value, out var address))
            {
                proxies.Add(address);
            }
            else
            {
                errors.Add($"{KnownProxiesKey}: '{value}' is not an IP address.");
            }
        }

        var networks = new List<System.Net.IPNetwork>();
        foreach (var value in Values(configuration, KnownNetworksKey))
        {
            if (System.Net.IPNetwork.TryParse(value, out var network))
            {
                networks.Add(network);
            }
            else
            {
                errors.Add($"{KnownNetworksKey}: '{value}' is not a network in CIDR notation (e.g. 10.0.0.0/8).");
            }
        }

        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(network);
            }
        });
        builder.Services.AddOptions<ForwardedHeadersOptions>().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ForwardedHeadersOptions>>(new ListsReadable(errors));
        return builder;
    }

    private static List<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var items = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return items
            .SelectMany(v => v.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
    }

    private sealed class ListsReadable(IReadOnlyList<string> errors) : IValidateOptions<ForwardedHeadersOptions>
    {
        public ValidateOptionsResult Validate(string? name, ForwardedHeadersOptions options) =>
            errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
