namespace Tollgate.Ci;

/// <summary>
/// The CI definition files a checkout holds, where every CI host Tollgate knows looks for them, with their digests
/// (<see cref="CiFileRecord.DigestOf"/>): what a run records, so a portfolio audit can tell a project whose CI file drifted
/// from the template it should use. A link is not followed: it is not a file the host would run.
/// </summary>
internal static class CiDefinitionFiles
{
    // Single files, from the root.
    private static readonly string[] Files =
    [
        ".gitlab-ci.yml", "azure-pipelines.yml", "azure-pipelines.yaml", "Jenkinsfile", "bitbucket-pipelines.yml", ".circleci/config.yml",
        ".teamcity/settings.kts",
    ];

    // Folders whose YAML files are all definitions.
    private static readonly string[] Folders = [".github/workflows", ".gitlab"];

    /// <summary>The definitions below <paramref name="root"/>, by path.</summary>
    public static IReadOnlyList<CiFileRecord> Of(string root)
    {
        var paths = Files.Where(f => IsFile(Path.Combine(root, f))).ToList();
        foreach (var folder in Folders.Select(f => (Name: f, Path: Path.Combine(root, f))).Where(f => Directory.Exists(f.Path) && !IsLink(f.Path)))
        {
            paths.AddRange(Directory.EnumerateFiles(folder.Path)
                .Where(f => (f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal)) && IsFile(f))
                .Select(f => folder.Name + "/" + Path.GetFileName(f)));
        }

        return paths.Order(StringComparer.Ordinal)
            .Select(p => (Path: p, Content: Read(root, p)))
            .Where(f => f.Content is not null)
            .Select(f => new CiFileRecord { Path = f.Path, Sha256 = CiFileRecord.DigestOf(f.Content) })
            .ToList();
    }

    // The file's bytes when it is a regular file (a FIFO or a device under a CI file's name is not read), up to its size at opening.
    private static byte[]? Read(string root, string path)
    {
        try
        {
            var (kind, stream, length) = IO.RawFile.Open(root, IO.RawPath.FromText(path));
            using (stream)
            {
                if (kind != IO.RawFileKind.Regular || length > 1 << 20)
                {
                    return null;
                }

                var content = new byte[length];
                stream!.ReadExactly(content);
                return content;
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsFile(string path) => File.Exists(path) && !IsLink(path);

    private static bool IsLink(string path) => new FileInfo(path).Attributes.HasFlag(FileAttributes.ReparsePoint);
}
