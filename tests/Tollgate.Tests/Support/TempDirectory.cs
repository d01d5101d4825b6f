namespace Tollgate.Tests.Support;

/// <summary>A directory of its own for one test, removed afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(bool withNuke = true)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tollgate-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        if (withNuke)
        {
            Directory.CreateDirectory(System.IO.Path.Combine(Path, ".nuke"));
        }
    }

    public string Path { get; }

    public string Write(string relative, string text)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a process of the test may still hold a file; the temp folder is cleaned by the OS
        }
    }
}
