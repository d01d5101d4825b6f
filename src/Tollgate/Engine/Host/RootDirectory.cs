namespace Tollgate.Engine;

/// <summary>Finds the build root: the nearest directory, upwards, that holds <c>.nuke/</c>.</summary>
internal static class RootDirectory
{
    /// <summary>The marker directory's name.</summary>
    public const string Marker = ".nuke";

    /// <summary>The given root, or the nearest ancestor of <paramref name="start"/> (itself included) with <c>.nuke/</c>.</summary>
    public static AbsolutePath Find(string start, string? given)
    {
        if (given is not null)
        {
            var root = new AbsolutePath(Path.Combine(start, given));
            return Directory.Exists(root / Marker)
                ? root
                : throw new BuildException($"--root {given}: {root} has no {Marker}/ directory; point --root at the repository root or create {root / Marker}.");
        }

        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, Marker)))
            {
                return new AbsolutePath(directory.FullName);
            }
        }

        throw new BuildException($"No {Marker}/ directory in {start} or any parent, so the build root is unknown; create {Marker}/ at the repository root or pass --root DIR.");
    }
}
