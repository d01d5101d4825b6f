using System.Security.Cryptography;

namespace Tollgate.Tests.Support;

/// <summary>A fresh ECDSA P-256 key pair written as PEM files, as an operator would make with openssl.</summary>
internal sealed record SigningKeys(string PrivatePem, string PublicPem, string Id)
{
    public static SigningKeys Create(string directory, string name = "evidence")
    {
        Directory.CreateDirectory(directory);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var privatePath = Path.Combine(directory, $"{name}.pem");
        var publicPath = Path.Combine(directory, $"{name}.pub.pem");
        File.WriteAllText(privatePath, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(publicPath, key.ExportSubjectPublicKeyInfoPem());
        return new SigningKeys(privatePath, publicPath, Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo())));
    }
}
