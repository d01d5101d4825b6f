using System.Security.Cryptography;

namespace Tollgate.IO;

/// <summary>SHA-256 digests as lower-case hex, the form evidence records them in.</summary>
internal static class FileDigest
{
    /// <summary>The SHA-256 of a file's bytes.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
