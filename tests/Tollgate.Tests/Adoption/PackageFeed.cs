using System.Text.Json.Nodes;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Adoption;

/// <summary>
/// A local folder feed holding Tollgate and Tollgate.Init packed from a copy of this repository's sources, at versions
/// unique to this test run (so the global package cache never serves an older build of the same version).
/// </summary>
internal sealed class PackageFeed : IDisposable
{
    private static readonly string[] RootFiles =
        ["Directory.Build.props", "Directory.Packages.props", "global.json", "README.md", "CHANGELOG.md", ".editorconfig", "build.sh", "build.cmd", "build.ps1"];

    private readonly TempDirectory directory = new(withNuke: false);
    private readonly List<string> versions = [];

    public string Path => System.IO.Path.Combine(directory.Path, "feed");

    /// <summary>Packs Tollgate at <paramref name="version"/>, after letting <paramref name="editDefaults"/> change its policy defaults.</summary>
    public async Task PackAsync(string version, Action<JsonObject>? editDefaults = null)
    {
        var source = System.IO.Path.Combine(directory.Path, "source-" + version);
        foreach (var file in RootFiles)
        {
            File.Copy(System.IO.Path.Combine(RepositoryRoot.Path, file), System.IO.Path.Combine(Directory.CreateDirectory(source).FullName, file));
        }

        SampleRepository.Copy(System.IO.Path.Combine(RepositoryRoot.Path, "shared-targets"), System.IO.Path.Combine(source, "shared-targets"));
        SampleRepository.Copy(System.IO.Path.Combine(RepositoryRoot.Path, "src", "Tollgate"), System.IO.Path.Combine(source, "src", "Tollgate"));
        SampleRepository.Copy(System.IO.Path.Combine(RepositoryRoot.Path, "src", "Tollgate.Init"), System.IO.Path.Combine(source, "src", "Tollgate.Init"));
        if (editDefaults is not null)
        {
            var defaultsFile = System.IO.Path.Combine(source, "src", "Tollgate", "Policy", "defaults.json");
            var defaults = JsonNode.Parse(File.ReadAllText(defaultsFile))!.AsObject();
            editDefaults(defaults);
            File.WriteAllText(defaultsFile, defaults.ToJsonString());
        }

        foreach (var project in new[] { "src/Tollgate/Tollgate.csproj", "src/Tollgate.Init/Tollgate.Init.csproj" })
        {
            var pack = await Shell.RunAsync(source, "dotnet", ["pack", project, "-c", "Release", "-o", Path, $"-p:Version={version}", "--nologo"]);
            Assert.True(pack.ExitCode == 0, pack.Output + pack.Error);
        }

        versions.Add(version);
    }

    public void Dispose()
    {
        directory.Dispose();
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var version in versions)
        {
            foreach (var id in new[] { "tollgate", "tollgate.init" })
            {
                var cached = System.IO.Path.Combine(cache, id, version);
                if (Directory.Exists(cached))
                {
                    Directory.Delete(cached, recursive: true);
                }
            }
        }
    }
}
