using Tollgate.IO;

namespace Tollgate.Tools.Dotnet;

/// <summary>
/// Tollgate's own <c>coverlet.collector</c>, at the version its policy pins, for test projects that reference no
/// collector: NuGet downloads it (a restore of a small project of Tollgate's with a <c>PackageDownload</c>) into
/// the tools folder, and <c>dotnet test --test-adapter-path</c> points the test platform at it. Nothing in the
/// repository changes.
/// </summary>
internal sealed class CoverageCollectorPackage(ProcessRunner runner, string toolsDirectory)
{
    /// <summary>The NuGet package.</summary>
    public const string Package = "coverlet.collector";

    /// <summary>The folder holding the collector's assemblies, downloaded on first use.</summary>
    /// <exception cref="ToolNotFoundException">The download failed; the message says why.</exception>
    public async Task<string> EnsureAsync(string version, CancellationToken cancellation)
    {
        var home = Path.Combine(toolsDirectory, Package, version);
        var adapter = Path.Combine(home, "packages", Package, version.ToLowerInvariant(), "build", "netstandard2.0");
        if (File.Exists(Path.Combine(adapter, "coverlet.collector.dll")))
        {
            return adapter;
        }

        using var held = await InstallLock.AcquireAsync(home, cancellation).ConfigureAwait(false);
        if (File.Exists(Path.Combine(adapter, "coverlet.collector.dll")))
        {
            return adapter; // another run downloaded it while this one waited
        }

        // The download project stands apart from the repository's MSBuild and package settings.
        File.WriteAllText(Path.Combine(home, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(home, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(home, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(home, "download.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>netstandard2.0</TargetFramework>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageDownload Include="{Package}" Version="[{version}]" />
              </ItemGroup>
            </Project>
            """);
        var restore = await runner.RunAsync(
            new ProcessSpec(DotnetCli.Program, ["restore", Path.Combine(home, "download.csproj"), "--packages", Path.Combine(home, "packages")], home, TimeSpan.FromMinutes(5), InstallHint: DotnetCli.InstallHint) { Incidental = true },
            cancellation).ConfigureAwait(false);
        return restore.Succeeded && File.Exists(Path.Combine(adapter, "coverlet.collector.dll"))
            ? adapter
            : throw new ToolNotFoundException(Package, $"Downloading {Package} {version} into {home} failed (exit {restore.ExitCode}): {restore.Tail(3).ReplaceLineEndings(" ")}. Check that the NuGet feed serves {Package} {version}, or reference it in the test projects.");
    }
}
