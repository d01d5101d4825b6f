namespace Tollgate.IO;

/// <summary>
/// A folder for credentials a tool reads from files (a NuGet.Config with a feed's password, a response file with an API
/// key): created readable by its owner only, each file created so before a byte is written, and removed with everything in
/// it when disposed — after the step, whether it succeeded, failed or was cancelled. Credentials so never stand in a
/// command line (every user of the machine sees those) nor stay on disk.
/// </summary>
internal sealed class PrivateFiles : IDisposable
{
    private PrivateFiles(string directory) => Directory = directory;

    /// <summary>The folder.</summary>
    public string Directory { get; }

    /// <summary>A new folder below <paramref name="parent"/>, owner-only.</summary>
    public static PrivateFiles Create(string parent)
    {
        System.IO.Directory.CreateDirectory(parent);
        var path = Path.Combine(parent, "private-" + Guid.NewGuid().ToString("N"));
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(path);
        }
        else
        {
            System.IO.Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new PrivateFiles(path);
    }

    /// <summary>Writes <paramref name="text"/> into a new owner-only file of the folder and returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(Directory, name);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)))
        {
            writer.Write(text);
        }

        return path;
    }

    /// <summary>Removes the folder and its files.</summary>
    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // already gone
        }
    }
}
