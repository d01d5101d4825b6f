namespace Tollgate.Tests.Support;

/// <summary>Every file below a directory, by its relative path, with its SHA-256: two snapshots are equal when nothing changed.</summary>
internal static class DirectoryDigests
{
    public static SortedDictionary<string, string> Of(string directory) => new(
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);
}
