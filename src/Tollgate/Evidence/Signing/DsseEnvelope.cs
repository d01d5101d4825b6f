using System.Text;
using System.Text.Json.Serialization;

namespace Tollgate.Evidence;

/// <summary>One signature of a DSSE envelope: the signing key's id and the signature (base64).</summary>
internal sealed record DsseSignature([property: JsonPropertyName("keyid")] string KeyId, [property: JsonPropertyName("sig")] string Sig);

/// <summary>
/// A Dead Simple Signing Envelope (DSSE v1, the envelope of in-toto attestations and Sigstore): the payload
/// (base64) and its type, and signatures over the pre-authentication encoding of both, so a signature made for
/// one type of statement can never be passed off as another.
/// </summary>
internal sealed record DsseEnvelope(
    [property: JsonPropertyName("payloadType")] string PayloadType,
    [property: JsonPropertyName("payload")] string Payload,
    [property: JsonPropertyName("signatures")] IReadOnlyList<DsseSignature> Signatures)
{
    /// <summary>The payload type of a signed <c>manifest.json</c>.</summary>
    public const string ManifestType = "application/vnd.tollgate.manifest+json";

    /// <summary>The payload type of an in-toto statement.</summary>
    public const string InTotoType = "application/vnd.in-toto+json";

    /// <summary>DSSE's pre-authentication encoding: <c>"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body</c>.</summary>
    public static byte[] Pae(string payloadType, byte[] body)
    {
        var type = Encoding.UTF8.GetBytes(payloadType);
        var head = Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"DSSEv1 {type.Length} {payloadType} {body.Length} "));
        return [.. head, .. body];
    }

    /// <summary>Signs <paramref name="body"/> as <paramref name="payloadType"/> with <paramref name="key"/>.</summary>
    public static DsseEnvelope Sign(string payloadType, byte[] body, EvidenceKey key) =>
        new(payloadType, Convert.ToBase64String(body), [new DsseSignature(key.Id, Convert.ToBase64String(key.Sign(Pae(payloadType, body))))]);

    /// <summary>The payload's bytes.</summary>
    public byte[] Body() => Convert.FromBase64String(Payload);

    /// <summary>
    /// Checks the envelope against the trusted keys: null when one of its signatures is by a trusted key and
    /// verifies; otherwise why not, naming the key ids.
    /// </summary>
    public string? Check(IReadOnlyList<EvidenceKey> trusted)
    {
        byte[] body;
        try
        {
            body = Body();
        }
        catch (FormatException)
        {
            return "the payload is not base64";
        }

        if (Signatures.Count == 0)
        {
            return "the envelope holds no signature";
        }

        foreach (var signature in Signatures)
        {
            var key = trusted.FirstOrDefault(k => string.Equals(k.Id, signature.KeyId, StringComparison.OrdinalIgnoreCase));
            if (key is null)
            {
                continue;
            }

            try
            {
                return key.Verifies(Pae(PayloadType, body), Convert.FromBase64String(signature.Sig))
                    ? null
                    : $"the signature by key {signature.KeyId} does not verify (the manifest or the signature was changed)";
            }
            catch (FormatException)
            {
                return $"the signature by key {signature.KeyId} is not base64";
            }
        }

        return $"signed by key {string.Join(", ", Signatures.Select(s => s.KeyId))}, which is not among the trusted keys ({string.Join(", ", trusted.Select(k => $"{k.Id} from {k.Source}"))})";
    }
}
