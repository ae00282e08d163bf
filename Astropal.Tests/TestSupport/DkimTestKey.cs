using System.Security.Cryptography;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Astropal.Tests.TestSupport;

/// <summary>A throwaway RSA key pair for DKIM: the private key as a PEM file, the public key served by a stub "DNS".</summary>
internal sealed class DkimTestKey : IDisposable
{
    private readonly RSA rsa = RSA.Create(2048);

    public DkimTestKey()
    {
        PrivateKeyPath = Path.Combine(Path.GetTempPath(), $"dkim-{Guid.NewGuid():N}.pem");
        File.WriteAllText(PrivateKeyPath, rsa.ExportRSAPrivateKeyPem());
        DnsTxtRecord = $"v=DKIM1; k=rsa; p={Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo())}";
    }

    public string PrivateKeyPath { get; }

    /// <summary>What would be published at <c>&lt;selector&gt;._domainkey.&lt;domain&gt;</c>.</summary>
    public string DnsTxtRecord { get; }

    public Task<bool> VerifyAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var signature = message.Headers.First(h => h.Id == HeaderId.DkimSignature);
        return new DkimVerifier(new StubLocator(DnsTxtRecord)).VerifyAsync(message, signature, cancellationToken);
    }

    public void Dispose()
    {
        rsa.Dispose();
        File.Delete(PrivateKeyPath);
    }

    private sealed class StubLocator(string txt) : DkimPublicKeyLocatorBase
    {
        public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            GetPublicKey(txt);

        public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(GetPublicKey(txt));
    }
}
