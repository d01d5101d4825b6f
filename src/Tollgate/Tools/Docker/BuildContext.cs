using System.Formats.Tar;

namespace Tollgate.Tools.Docker;

/// <summary>
/// An image's build context as the tar the engine wants: the files of a directory (without build output:
/// <c>bin/</c>, <c>obj/</c>) and, optionally, another directory placed under a prefix (e.g. the
/// project's publish output under <c>publish/</c>). Nothing is written into the source directory.
/// </summary>
internal static class BuildContext
{
    /// <summary>Writes the tar into a memory stream, positioned at its start.</summary>
    public static MemoryStream Create(string directory, string? extraDirectory = null, string extraPrefix = "publish")
    {
        var stream = new MemoryStream();
        using (var tar = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(directory, file).Replace('\\', '/');
                if (relative.Split('/').SkipLast(1).Any(part => part is "bin" or "obj"))
                {
                    continue;
                }

                tar.WriteEntry(file, relative);
            }

            if (extraDirectory is not null)
            {
                foreach (var file in Directory.EnumerateFiles(extraDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    tar.WriteEntry(file, $"{extraPrefix}/{Path.GetRelativePath(extraDirectory, file).Replace('\\', '/')}");
                }
            }
        }

        stream.Position = 0;
        return stream;
    }
}
