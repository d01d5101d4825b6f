using Tollgate.IO;

namespace Tollgate.Tools.Dotnet;

/// <summary>
/// Where <c>dotnet test</c> runs for each <see cref="TestPlatform"/>. Since .NET 10 the <c>global.json</c> that applies
/// to the working directory decides whether <c>dotnet test</c> runs VSTest or Microsoft.Testing.Platform, for every
/// project at once. A project of the repository's own mode runs from the root, as the repository runs it; a project of
/// the other mode (a solution holding both) runs from a folder of Tollgate's whose <c>global.json</c> is the
/// repository's (same SDK) with the other runner. Nothing in the repository changes.
/// </summary>
/// <param name="Root">The repository root.</param>
/// <param name="TempDirectory">Tollgate's temporary folder (<c>.nuke/temp</c>).</param>
internal sealed record TestModes(string Root, string TempDirectory)
{
    private readonly Lazy<bool> usesPlatform = new(() => GlobalJson.UsesTestingPlatform(Root));

    /// <summary>Whether the repository runs <c>dotnet test</c> on Microsoft.Testing.Platform (its <c>global.json</c>).</summary>
    public bool RepositoryUsesPlatform => usesPlatform.Value;

    /// <summary>The working directory of a <c>dotnet test</c> on <paramref name="platform"/>, its <c>global.json</c> written when needed.</summary>
    public string WorkingDirectory(TestPlatform platform)
    {
        var wantsPlatform = platform == TestPlatform.TestingPlatform;
        if (wantsPlatform == RepositoryUsesPlatform)
        {
            return Root;
        }

        var directory = Path.Combine(TempDirectory, "test-mode", wantsPlatform ? "mtp" : "vstest");
        Directory.CreateDirectory(directory);
        AtomicFile.WriteIfChanged(Path.Combine(directory, GlobalJson.FileName), GlobalJson.WithRunner(Root, wantsPlatform));
        return directory;
    }
}
