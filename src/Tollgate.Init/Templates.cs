namespace Tollgate.Init;

/// <summary>The files an adopting repository gets: the build project, <c>Build.cs</c>, the MSBuild shield of the build folder, the bootstrap scripts.</summary>
internal static class Templates
{
    /// <summary>The build class: every standard gate, Test by default.</summary>
    public const string BuildClass = """
        using Tollgate;

        /// <summary>This repository's build: Tollgate's gates (./build.sh --help lists targets and parameters).</summary>
        internal sealed class Build : TollgateBuild, IStandardGates
        {
            public static int Main(string[] args) => Execute<Build>(args, x => ((ITest)x).Test);
        }

        """;

    /// <summary>
    /// Keeps the repository's own MSBuild settings (target frameworks, central package versions, analyzers that
    /// fail on warnings) away from the build project, which is a net10.0 console program of its own.
    /// </summary>
    public const string BuildFolderProps = """
        <Project>
          <!-- Tollgate's build project stands apart from the repository's own MSBuild settings. -->
          <PropertyGroup>
            <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>
            <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
          </PropertyGroup>
        </Project>

        """;

    /// <summary>The other half of the shield: no Directory.Build.targets of the repository applies.</summary>
    public const string BuildFolderTargets = "<Project />\n";

    /// <summary>The build project, referencing Tollgate at <paramref name="version"/>.</summary>
    public static string BuildProject(string version) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <RootNamespace></RootNamespace>
            <IsPackable>false</IsPackable>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Tollgate" Version="{version}" />
          </ItemGroup>
        </Project>

        """;

    /// <summary>True for a bootstrap script Tollgate wrote.</summary>
    public static bool IsTollgateScript(string text) => text.Contains("Tollgate bootstrap", StringComparison.Ordinal);

    /// <summary>The bootstrap scripts named <paramref name="name"/> (.sh, .cmd, .ps1), building <c><paramref name="buildDirectory"/>/_build.csproj</c>.</summary>
    public static IEnumerable<(string Extension, string Text)> Scripts(string name, string buildDirectory)
    {
        var sh = Read("build.sh");
        var ps1 = Read("build.ps1");
        var cmd = Read("build.cmd");
        if (buildDirectory != "build")
        {
            sh = ReplaceOnce(sh, "BUILD_DIRECTORY=\"$SCRIPT_DIR/build\"", $"BUILD_DIRECTORY=\"$SCRIPT_DIR/{buildDirectory}\"");
            ps1 = ReplaceOnce(ps1, "$BuildDirectory = Join-Path $ScriptDir \"build\"", $"$BuildDirectory = Join-Path $ScriptDir \"{buildDirectory}\"");
        }

        if (name != "build")
        {
            cmd = ReplaceOnce(ReplaceOnce(cmd, "/build.sh\"", $"/{name}.sh\""), "build.ps1\"", $"{name}.ps1\"");
        }

        return [(".sh", sh), (".cmd", cmd), (".ps1", ps1)];
    }

    private static string Read(string name)
    {
        using var stream = typeof(Templates).Assembly.GetManifestResourceStream($"Tollgate.Init.{name}")
            ?? throw new InvalidOperationException($"Tollgate.Init was built without its {name} template.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string ReplaceOnce(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        return at >= 0 && text.IndexOf(from, at + from.Length, StringComparison.Ordinal) < 0
            ? text[..at] + to + text[(at + from.Length)..]
            : throw new InvalidOperationException($"The bootstrap template no longer holds '{from}' exactly once; Tollgate.Init must follow it.");
    }
}
