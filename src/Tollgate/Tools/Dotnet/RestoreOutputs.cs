namespace Tollgate.Tools.Dotnet;

/// <summary>
/// What a restore writes into each project's <c>obj/</c> (the assets file, NuGet's cache, its generated props and
/// targets), saved before a restore Tollgate runs for its own purposes (NuGet's audit) and put back after it, so
/// that the build's next restore, build and Stryker see exactly what the build saw.
/// </summary>
internal sealed class RestoreOutputs : IDisposable
{
    private static readonly string[] Patterns = ["project.assets.json", "project.nuget.cache", "*.nuget.dgspec.json", "*.nuget.g.props", "*.nuget.g.targets"];
    private readonly string backup;
    private readonly List<(string Original, string? Saved)> files = [];

    private RestoreOutputs(string backup) => this.backup = backup;

    /// <summary>Saves the restore outputs of <paramref name="projects"/> into <paramref name="backup"/>.</summary>
    public static RestoreOutputs Save(IEnumerable<string> projects, string backup)
    {
        if (Directory.Exists(backup))
        {
            Directory.Delete(backup, recursive: true);
        }

        var saved = new RestoreOutputs(backup);
        var index = 0;
        foreach (var obj in projects.Select(p => Path.Combine(Path.GetDirectoryName(p)!, "obj")).Distinct())
        {
            foreach (var name in new[] { "project.assets.json", "project.nuget.cache" })
            {
                saved.Track(Path.Combine(obj, name), ref index);
            }

            foreach (var file in Directory.Exists(obj) ? Patterns.Skip(2).SelectMany(p => Directory.GetFiles(obj, p)) : [])
            {
                saved.Track(file, ref index);
            }
        }

        return saved;
    }

    /// <summary>Puts every saved file back, and removes those that were not there before.</summary>
    public void Dispose()
    {
        foreach (var (original, copy) in files)
        {
            if (copy is null)
            {
                File.Delete(original);
            }
            else
            {
                File.Copy(copy, original, overwrite: true);
                File.SetLastWriteTimeUtc(original, File.GetLastWriteTimeUtc(copy));
            }
        }

        if (Directory.Exists(backup))
        {
            Directory.Delete(backup, recursive: true);
        }
    }

    private void Track(string file, ref int index)
    {
        if (!File.Exists(file))
        {
            files.Add((file, null));
            return;
        }

        Directory.CreateDirectory(backup);
        var copy = Path.Combine(backup, $"{index++}-{Path.GetFileName(file)}");
        File.Copy(file, copy);
        File.SetLastWriteTimeUtc(copy, File.GetLastWriteTimeUtc(file));
        files.Add((file, copy));
    }
}
