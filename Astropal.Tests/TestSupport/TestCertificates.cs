using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Astropal.Tests.TestSupport;

/// <summary>Self-signed certificates written as password-protected .pfx files, e.g. for the Data Protection key ring.</summary>
internal static class TestCertificates
{
    /// <summary>Writes a new self-signed RSA certificate with its private key to <paramref name="path"/>.</summary>
    public static string WritePfx(string path, string password, string subject = "CN=Astropal test key ring")
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: false));
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
