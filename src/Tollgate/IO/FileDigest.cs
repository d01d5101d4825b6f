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

    /// <summary>The SHA-256 of a stream's first <paramref name="length"/> bytes: no further than a file's size when it was opened, so a file that grows (or a device) is read to an end.</summary>
    public static string Sha256(Stream stream, long length)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        for (var left = length; left > 0;)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                break;
            }

            hash.AppendData(buffer, 0, read);
            left -= read;
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
