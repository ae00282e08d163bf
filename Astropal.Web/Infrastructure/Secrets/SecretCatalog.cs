namespace Astropal.Web.Infrastructure.Secrets;

/// <summary>A setting that holds a secret (or a value without which a live environment cannot work).</summary>
/// <param name="Key">Configuration key, e.g. <c>Stripe:SecretKey</c> (environment variable <c>Stripe__SecretKey</c>).</param>
/// <param name="Purpose">What it is for, shown next to present/missing.</param>
/// <param name="IsRequired">Whether the given environment needs it, given that environment's configuration.</param>
public sealed record SecretRequirement(string Key, string Purpose, Func<string, IConfiguration, bool> IsRequired);

/// <summary>Every secret the product reads. Each integration adds its own here.</summary>
public static class SecretCatalog
{
    private static bool Live(string environment) =>
        environment.Equals("Production", StringComparison.OrdinalIgnoreCase)
        || environment.Equals("Staging", StringComparison.OrdinalIgnoreCase);

    private static bool IsDevelopment(string environment) =>
        environment.Equals("Development", StringComparison.OrdinalIgnoreCase);

    private static bool LiveOrConfigured(string environment, IConfiguration config, string key, string value) =>
        Live(environment) || string.Equals(config[key], value, StringComparison.OrdinalIgnoreCase);

    /// <summary>Production sells plans through Stripe when Billing:Basic or Billing:Pro has a price id.</summary>
    private static bool SellsPlans(string environment, IConfiguration config) =>
        environment.Equals("Production", StringComparison.OrdinalIgnoreCase)
        && (!string.IsNullOrWhiteSpace(config["Billing:Basic:StripePriceId"]) || !string.IsNullOrWhiteSpace(config["Billing:Pro:StripePriceId"]));

    public static IReadOnlyList<SecretRequirement> All { get; } =
    [
        new("ConnectionStrings:Astropal", "Database connection string (required for SQL Server)",
            (_, c) => string.Equals(c["Database:Provider"], "SqlServer", StringComparison.OrdinalIgnoreCase)),
        new("DataProtection:CertificatePath", "Certificate (.pfx) that encrypts the Data Protection keys in the database",
            (e, _) => !IsDevelopment(e)),
        new("DataProtection:CertificatePassword", "Password of the Data Protection certificate",
            (e, _) => !IsDevelopment(e)),
        new("Email:Smtp:Host", "SMTP server host (e.g. smtp.resend.com)",
            (e, c) => LiveOrConfigured(e, c, "Email:Transport", "Smtp")),
        new("Email:Smtp:Username", "SMTP user name",
            (e, c) => LiveOrConfigured(e, c, "Email:Transport", "Smtp")),
        new("Email:Smtp:Password", "SMTP password / API key",
            (e, c) => LiveOrConfigured(e, c, "Email:Transport", "Smtp")),
        new("Delivery:WebhookSecret", "Resend webhook signing secret (bounces, complaints)",
            (e, _) => Live(e)),
        new("Llm:Providers:Grok:ApiKey", "xAI Grok API key", (e, _) => Live(e)),
        new("Llm:Providers:OpenAI:ApiKey", "OpenAI API key", (e, _) => Live(e)),
        new("News:ApiKey", "NewsAPI key", (e, _) => Live(e)),
        new("Stripe:SecretKey", "Stripe secret API key (required in Production when a paid plan has a StripePriceId)", SellsPlans),
        new("Stripe:PublishableKey", "Stripe publishable key (required in Production when a paid plan has a StripePriceId)", SellsPlans),
        new("Stripe:WebhookSecret", "Stripe webhook signing secret (required in Production when a paid plan has a StripePriceId)", SellsPlans),
        new("Sentry:Dsn", "Sentry DSN (error reporting)", (e, _) => Live(e)),
        // Optional: without it only loopback clients can scrape /metrics.
        new("Metrics:ScrapeToken", "Bearer token for Prometheus scrapes of /metrics from another host (optional)", (_, _) => false),
    ];

    /// <summary>
    /// <see cref="All"/> plus the secrets of the configured alert channels: each Webhook channel's <c>Secret</c> and each
    /// Slack channel's <c>Url</c> (the incoming-webhook URL is itself the credential), required wherever the channel is configured.
    /// </summary>
    public static IReadOnlyList<SecretRequirement> For(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var channels = configuration.GetSection("Alerts:Channels").GetChildren()
            .Select(c => (c.Key, Type: c["Type"]?.Trim()))
            .OrderBy(c => c.Key, StringComparer.OrdinalIgnoreCase)
            .Select(c => c.Type?.ToUpperInvariant() switch
            {
                "WEBHOOK" => new SecretRequirement($"Alerts:Channels:{c.Key}:Secret", $"HMAC key of the '{c.Key}' alert webhook", (_, _) => true),
                "SLACK" => new SecretRequirement($"Alerts:Channels:{c.Key}:Url", $"Slack incoming-webhook URL of the '{c.Key}' alert channel", (_, _) => true),
                _ => null,
            })
            .OfType<SecretRequirement>();
        return [.. All, .. channels];
    }
}
