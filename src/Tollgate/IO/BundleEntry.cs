using System.Security.Cryptography;

namespace Tollgate.IO;

/// <summary>
/// A file inside a bundle, checked before it is read: a plain file of the size the manifest records, reached from the bundle's
/// directory through no symbolic link (a link could point anywhere: <c>/etc/passwd</c>, <c>/dev/zero</c>, a FIFO that never
/// answers). A FIFO or a device has no size, so a size check comes before any read, and a digest reads no further than the
/// recorded size; an empty entry is never opened.
/// </summary>
internal static class BundleEntry
{
    private static readonly string EmptyDigest = Convert.ToHexStringLower(SHA256.HashData([]));

    /// <summary>Why <paramref name="relative"/> below <paramref name="directory"/> is not a plain file reached without a link; null when it is (or is missing).</summary>
    public static string? Unsafe(string directory, string relative)
    {
        var current = directory;
        foreach (var part in relative.Split('/'))
        {
            current = Path.Combine(current, part);
            var info = new FileInfo(current);
            if (info.LinkTarget is not null || (info.Exists || Directory.Exists(current)) && (File.GetAttributes(current) & FileAttributes.ReparsePoint) != 0)
            {
                return $"{relative} is reached through the symbolic link {Path.GetRelativePath(directory, current).Replace('\\', '/')}, which may point outside the bundle";
            }
        }

        return null;
    }

    /// <summary>The SHA-256 of the entry when its size is <paramref name="bytes"/>, reading at most that many bytes; null when its size differs.</summary>
    public static string? Sha256(string path, long bytes)
    {
        var length = new FileInfo(path).Length;
        if (length != bytes)
        {
            return null;
        }

        if (bytes == 0)
        {
            return EmptyDigest;
        }

        using var stream = new FileStream(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read });
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long left = bytes;
        int read;
        while (left > 0 && (read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left))) > 0)
        {
            hash.AppendData(buffer, 0, read);
            left -= read;
        }

        return left == 0 ? Convert.ToHexStringLower(hash.GetHashAndReset()) : null;
    }

    /// <summary>The entry's text when its size is <paramref name="bytes"/> (and not empty), read no further; null otherwise.</summary>
    public static string? ReadText(string path, long bytes)
    {
        if (bytes <= 0 || new FileInfo(path).Length != bytes)
        {
            return null;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var buffer = new byte[bytes];
        stream.ReadExactly(buffer);
        return System.Text.Encoding.UTF8.GetString(buffer);
    }

    /// <summary>Every file and link below <paramref name="directory"/>, relative with forward slashes; links are listed, never followed.</summary>
    public static IReadOnlyList<string> Below(string directory)
    {
        var found = new List<string>();
        var pending = new Stack<string>([directory]);
        while (pending.Count > 0)
        {
            foreach (var entry in new DirectoryInfo(pending.Pop()).EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo folder && folder.LinkTarget is null)
                {
                    pending.Push(folder.FullName);
                }
                else
                {
                    found.Add(PortablePath.Relative(directory, entry.FullName));
                }
            }
        }

        return found.Order(StringComparer.Ordinal).ToList();
    }
}
