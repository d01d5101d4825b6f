namespace Tollgate.IO;

/// <summary>Paths as evidence and messages write them: relative, with forward slashes, in ordinal order.</summary>
internal static class PortablePath
{
    /// <summary><paramref name="path"/> relative to <paramref name="directory"/>, with forward slashes.</summary>
    public static string Relative(string directory, string path) => Path.GetRelativePath(directory, path).Replace('\\', '/');

    /// <summary>Every file below <paramref name="directory"/>, relative to it, in ordinal order.</summary>
    public static IReadOnlyList<string> FilesBelow(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Select(file => Relative(directory, file))
            .Order(StringComparer.Ordinal)
            .ToList();
}
