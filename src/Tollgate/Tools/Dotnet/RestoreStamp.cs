using System.Security.Cryptography;
using System.Text;

namespace Tollgate.Tools.Dotnet;

/// <summary>
/// Whether the last restore still holds, so the build can skip NuGet's own no-op check (about half a second
/// on every run): a digest of everything a restore reads — project, props and targets files, NuGet.config,
/// global.json, lock files, solution files (path, size, time), the configuration and extra properties — and
/// every project's <c>obj/project.assets.json</c> being there. A build with <c>--no-restore</c> that fails is
/// run again with the restore, so a missed input costs time, never a wrong build.
/// </summary>
internal static class RestoreStamp
{
    private static readonly string[] Skipped = ["bin", "obj", ".git", "artifacts", ".nuke", "node_modules"];
    private static readonly string[] Extensions = [".csproj", ".fsproj", ".vbproj", ".props", ".targets", ".sln", ".slnx", ".slnf"];
    private static readonly string[] Names = ["nuget.config", "global.json", "packages.lock.json"];

    /// <summary>The digest of the restore's inputs now; null when a project has no restore output at all.</summary>
    public static string? Current(string root, IReadOnlyList<string> projects, string configuration, IReadOnlyList<string> properties)
    {
        if (projects.Count == 0 || projects.Any(p => !File.Exists(Path.Combine(Path.GetDirectoryName(p)!, "obj", "project.assets.json"))))
        {
            return null;
        }

        var text = new StringBuilder().Append(configuration).Append('\n').AppendJoin('\n', properties).Append('\n');
        foreach (var file in Inputs(root))
        {
            var info = new FileInfo(file);
            text.Append(Path.GetRelativePath(root, file)).Append('|').Append(info.Length).Append('|').Append(info.LastWriteTimeUtc.Ticks).Append('\n');
        }

        foreach (var project in projects)
        {
            text.Append(File.GetLastWriteTimeUtc(Path.Combine(Path.GetDirectoryName(project)!, "obj", "project.assets.json")).Ticks).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>True when <paramref name="stampFile"/> holds <paramref name="current"/>.</summary>
    public static bool Holds(string stampFile, string? current) =>
        current is not null && File.Exists(stampFile) && File.ReadAllText(stampFile).Trim() == current;

    private static IEnumerable<string> Inputs(string root)
    {
        var walk = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        var pending = new Stack<string>([root]);
        var found = new List<string>();
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            found.AddRange(Directory.EnumerateFiles(directory, "*", walk)
                .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase) || Names.Contains(Path.GetFileName(f), StringComparer.OrdinalIgnoreCase)));
            foreach (var child in Directory.EnumerateDirectories(directory, "*", walk).Where(d => !Skipped.Contains(Path.GetFileName(d))))
            {
                pending.Push(child);
            }
        }

        return found.Order(StringComparer.Ordinal);
    }
}
