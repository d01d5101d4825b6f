using Tollgate.Tests.Support;

namespace Tollgate.Tests.Adoption;

/// <summary>A copy of a fixture repository (tests/fixtures/sample by default) in a temporary directory, with a patch laid over it.</summary>
internal sealed class SampleRepository : IDisposable
{
    private readonly TempDirectory directory = new();

    public SampleRepository(string? patch = null, string fixture = "sample")
    {
        var fixtures = Path.Combine(RepositoryRoot.Path, "tests", "fixtures");
        Copy(Path.Combine(fixtures, fixture), Root);
        if (patch is not null)
        {
            Copy(Path.Combine(fixtures, "patches", patch), Root);
        }
    }

    public string Root => directory.Path;

    public string Evidence => Path.Combine(Root, "artifacts", "evidence");

    public void Write(string relative, string text) => directory.Write(relative, text);

    public string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    public void Dispose() => directory.Dispose();

    public static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
