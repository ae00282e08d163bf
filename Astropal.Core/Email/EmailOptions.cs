namespace Astropal.Core.Email;

public enum EmailTransport
{
    /// <summary>Write each message as an .eml file under <c>&lt;Storage:DataDirectory&gt;/outbox</c>.</summary>
    Outbox,

    /// <summary>Send through an SMTP server with MailKit.</summary>
    Smtp,
}

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>Settings of the <c>Email</c> section.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public EmailTransport Transport { get; set; } = EmailTransport.Outbox;

    /// <summary>Upper bound of messages per second over SMTP; 0 means no limit.</summary>
    public double MaxPerSecond { get; set; }

    /// <summary>Mailbox for the mailto part of List-Unsubscribe; the brand's support address when empty.</summary>
    public string? UnsubscribeMailbox { get; set; }

    /// <summary>
    /// A folder laid out like <c>emails/</c> (<c>dist/*.html</c>, <c>templates/*.txt.hbs</c>,
    /// <c>partials/footer.txt.hbs</c>, <c>subjects.json</c>) whose files replace the built-in ones:
    /// a second brand is its <c>Brand</c> settings plus this folder. Files it lacks come from the build.
    /// </summary>
    public string? TemplateDirectory { get; set; }

    public SmtpSettings Smtp { get; set; } = new();

    public DkimSettings Dkim { get; set; } = new();

    public sealed class SmtpSettings
    {
        public string? Host { get; set; }

        public int Port { get; set; } = 587;

        public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

        public string? Username { get; set; }

        public string? Password { get; set; }

        /// <summary>How many authenticated connections are kept open and reused.</summary>
        public int PoolSize { get; set; } = 2;

        public int TimeoutSeconds { get; set; } = 30;

        /// <summary>A pooled connection idle longer than this is checked with NOOP before it is reused.</summary>
        public int IdleCheckSeconds { get; set; } = 30;

        /// <summary>
        /// SHA-256 fingerprint (64 hex digits, colons allowed) of a relay certificate to accept although it does not
        /// chain to a trusted root: an internal relay with a self-signed certificate. Any other certificate must be valid.
        /// </summary>
        public string? TrustedCertificateSha256 { get; set; }

        /// <summary>The fingerprint without separators, upper case; null when unset.</summary>
        public string? TrustedFingerprint =>
            string.IsNullOrWhiteSpace(TrustedCertificateSha256) ? null : TrustedCertificateSha256.Replace(":", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
    }

    public sealed class DkimSettings
    {
        public string? Domain { get; set; }

        public string? Selector { get; set; }

        /// <summary>PEM file with the RSA private key (PKCS#1 or PKCS#8).</summary>
        public string? PrivateKeyPath { get; set; }

        public bool Enabled =>
            !string.IsNullOrWhiteSpace(Domain) || !string.IsNullOrWhiteSpace(Selector) || !string.IsNullOrWhiteSpace(PrivateKeyPath);
    }
}
