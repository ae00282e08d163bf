namespace Astropal.Web.Infrastructure.Security;

/// <summary>
/// Settings of the <c>DataProtection</c> section: the certificate that encrypts the Data Protection key ring
/// at rest in the database. Required outside Development.
/// </summary>
public sealed class DataProtectionKeyOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>A .pfx file (certificate with its private key), absolute or relative to the content root.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of the .pfx (a secret: environment variable <c>DataProtection__CertificatePassword</c>).</summary>
    public string? CertificatePassword { get; set; }
}
