using System.Security.Cryptography;

namespace Tollgate.Evidence;

/// <summary>
/// An ECDSA P-256 key that signs or checks evidence, with its id: the SHA-256 (hex) of its public key's
/// SubjectPublicKeyInfo, the same for the private key and the public key of a pair, so a bundle names the
/// key that signed it and keys can be rotated. .NET's own cryptography has no Ed25519, so only P-256 is taken.
/// </summary>
internal sealed class EvidenceKey : IDisposable
{
    private readonly ECDsa key;

    private EvidenceKey(ECDsa key, bool isPrivate, string source)
    {
        this.key = key;
        IsPrivate = isPrivate;
        Source = source;
        Id = Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
    }

    /// <summary>The key's id: SHA-256 of the public key (hex).</summary>
    public string Id { get; }

    /// <summary>True when it can sign.</summary>
    public bool IsPrivate { get; }

    /// <summary>Where it came from, for messages (a path, or "the value of …").</summary>
    public string Source { get; }

    /// <summary>Reads a PEM key from <paramref name="pathOrPem"/>: a file's path, or the PEM text itself.</summary>
    /// <exception cref="InvalidDataException">Not a readable PEM ECDSA P-256 key; the message names the source and the fix.</exception>
    public static EvidenceKey Read(string pathOrPem, string shownAs)
    {
        var isPem = pathOrPem.Contains("-----BEGIN", StringComparison.Ordinal);
        var source = isPem ? shownAs : pathOrPem;
        if (!isPem && !File.Exists(pathOrPem))
        {
            throw new InvalidDataException($"{shownAs}: '{pathOrPem}' is neither a PEM key nor a file; give the path of a PEM file or its text.");
        }

        var pem = isPem ? pathOrPem : File.ReadAllText(pathOrPem);
        var label = PemEncoding.TryFind(pem, out var fields) ? pem[fields.Label] : null;
        if (label is null)
        {
            throw new InvalidDataException($"{source}: no PEM block found; expected a PEM private key (PKCS#8 or SEC1 EC) or a PEM public key, as openssl writes them.");
        }

        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(pem);
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            ecdsa.Dispose();
            throw new InvalidDataException(
                $"{source}: the {label} is not an ECDSA key (an Ed25519 or RSA key?); Tollgate signs with ECDSA P-256, which .NET's own cryptography provides: openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt > evidence-signing.pem");
        }

        var curve = ecdsa.ExportParameters(false).Curve;
        if (curve.Oid.FriendlyName is not ("nistP256" or "ECDSA_P256") && curve.Oid.Value != "1.2.840.10045.3.1.7")
        {
            ecdsa.Dispose();
            throw new InvalidDataException($"{source}: the key is on curve {curve.Oid.FriendlyName ?? curve.Oid.Value}; Tollgate takes P-256 (prime256v1) only.");
        }

        return new EvidenceKey(ecdsa, label.Contains("PRIVATE", StringComparison.Ordinal), source);
    }

    /// <summary>Signs <paramref name="data"/> (ECDSA P-256 with SHA-256, DER signature as DSSE tools expect).</summary>
    public byte[] Sign(byte[] data) =>
        IsPrivate ? key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
            : throw new InvalidOperationException($"{Source} is a public key; signing needs the private key.");

    /// <summary>True when <paramref name="signature"/> is this key's over <paramref name="data"/>.</summary>
    public bool Verifies(byte[] data, byte[] signature) =>
        key.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    public void Dispose() => key.Dispose();
}
