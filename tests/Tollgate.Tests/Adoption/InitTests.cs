using Tollgate.Init;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Adoption;

/// <summary>
/// tollgate-init on repositories as people have them: a solution with a test project that has no coverage
/// collector, a build.ps1 of their own, a .gitignore that ignores build/, another build system's build
/// project, a CI file already there. It never overwrites a file, and a second run changes nothing.
/// </summary>
[Trait("Category", "Integration")]
public sealed class InitTests : IDisposable
{
    private const string Version = "1.4.0";
    private readonly TempDirectory directory = new(withNuke: false);

    public void Dispose() => directory.Dispose();

    private string Root => directory.Path;

    private async Task<GitRepository> RepositoryAsync()
    {
        directory.Write("Shop.sln", """

            Microsoft Visual Studio Solution File, Format Version 12.00
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Shop", "src\Shop\Shop.csproj", "{11111111-1111-1111-1111-111111111111}"
            EndProject
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Shop.Tests", "tests\Shop.Tests\Shop.Tests.csproj", "{22222222-2222-2222-2222-222222222222}"
            EndProject
            Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "docs", "docs", "{33333333-3333-3333-3333-333333333333}"
            EndProject
            Global
            EndGlobal
            """);
        directory.Write("src/Shop/Shop.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup><TargetFrameworks>netstandard2.0;net8.0</TargetFrameworks></PropertyGroup>\n</Project>\n");
        directory.Write("tests/Shop.Tests/Shop.Tests.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.8.0" />
                <PackageReference Include="NUnit" Version="3.14.0" />
              </ItemGroup>
            </Project>
            """);
        var git = await GitRepository.InitAsync(Root);
        await git.CommitAsync("shop");
        return git;
    }

    private AdoptionReport Adopt(string? ci = null) => new Adopter(Root, Version).Run(new AdoptionOptions(null, ci));

    private string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    [Fact]
    public async Task A_plain_repository_gets_the_build_project_scripts_nuke_folder_and_gitignore_entries()
    {
        await RepositoryAsync();

        var report = Adopt();

        Assert.Equal("Shop.sln", report.Solution);
        Assert.Equal(["tests/Shop.Tests/Shop.Tests.csproj"], report.TestProjects);
        Assert.Equal(["tests/Shop.Tests/Shop.Tests.csproj"], report.WithoutCollector);
        Assert.Contains("<PackageReference Include=\"Tollgate\" Version=\"1.4.0\" />", Read("build/_build.csproj"), StringComparison.Ordinal);
        Assert.Contains("class Build : TollgateBuild, IStandardGates", Read("build/Build.cs"), StringComparison.Ordinal);
        Assert.Contains("<ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>", Read("build/Directory.Build.props"), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "build.sh")), Read("build.sh"));
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(Path.Combine(Root, "build.sh")).HasFlag(UnixFileMode.UserExecute));
        Assert.Contains("\"Solution\": \"Shop.sln\"", Read(".nuke/parameters.json"), StringComparison.Ordinal);
        Assert.Contains(".nuke/temp/\nartifacts/\n", Read(".gitignore"), StringComparison.Ordinal);
        Assert.Equal("./build.sh Test", report.Next);
        Assert.Contains(report.Lines(), l => l.Contains("has no coverage collector", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_repository_with_its_own_bootstrap_scripts_keeps_them_and_gets_tollgate_scripts_beside()
    {
        await RepositoryAsync();
        directory.Write("build.ps1", "Invoke-psake default.ps1 # the repository's own CI runs this\n");
        directory.Write("build.sh", "#!/bin/sh\nmake all\n");

        var report = Adopt(ci: "gitlab-ci");

        Assert.Equal("Invoke-psake default.ps1 # the repository's own CI runs this\n", Read("build.ps1"));
        Assert.Contains("./tollgate.sh", Read(".gitlab/quality-gates.yml"), StringComparison.Ordinal);
        Assert.DoesNotContain("./build.sh", Read(".gitlab/quality-gates.yml"), StringComparison.Ordinal);
        Assert.Equal("#!/bin/sh\nmake all\n", Read("build.sh"));
        Assert.Contains("BUILD_DIRECTORY=\"$SCRIPT_DIR/build\"", Read("tollgate.sh"), StringComparison.Ordinal);
        Assert.Contains("\"$SCRIPT_DIR/tollgate.sh\"", Read("tollgate.cmd"), StringComparison.Ordinal);
        Assert.Contains("%~dp0tollgate.ps1\"", Read("tollgate.cmd"), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Root, "build.cmd")));
        Assert.Equal("./tollgate.sh Test", report.Next);
        Assert.Contains(report.Steps, s => s.Action == "kept" && s.Why.Contains("Tollgate's are tollgate.sh", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_gitignore_that_hides_build_gets_an_exception_for_it_and_git_then_sees_the_project()
    {
        var git = await RepositoryAsync();
        directory.Write(".gitignore", "bin/\nobj/\nbuild/\n");

        Adopt();

        Assert.EndsWith("build/\n\n# Tollgate: tool state and outputs are not committed; the build project is.\n.nuke/temp/\nartifacts/\n!build/\n", Read(".gitignore"), StringComparison.Ordinal);
        Assert.Equal("build/Build.cs\nbuild/Directory.Build.props\nbuild/Directory.Build.targets\nbuild/_build.csproj", await git.GitAsync("ls-files", "--others", "--exclude-standard", "build"));
    }

    [Fact]
    public async Task Another_build_systems_project_stays_and_tollgate_builds_from_its_own_folder()
    {
        await RepositoryAsync();
        directory.Write("build/_build.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"Nuke.Common\" Version=\"9.0.4\" /></ItemGroup></Project>\n");

        var report = Adopt();

        Assert.Contains("Nuke.Common", Read("build/_build.csproj"), StringComparison.Ordinal);
        Assert.Contains("Include=\"Tollgate\"", Read("tollgate/_build.csproj"), StringComparison.Ordinal);
        Assert.Contains("BUILD_DIRECTORY=\"$SCRIPT_DIR/tollgate\"", Read("tollgate.sh"), StringComparison.Ordinal);
        Assert.Contains("$BuildDirectory = Join-Path $ScriptDir \"tollgate\"", Read("tollgate.ps1"), StringComparison.Ordinal);
        Assert.Equal("./tollgate.sh Test", report.Next);
    }

    [Fact]
    public async Task A_ci_file_already_there_is_kept_and_tollgates_is_written_beside_it()
    {
        await RepositoryAsync();
        directory.Write(".github/workflows/tollgate.yml", "name: ours\n");

        var report = Adopt(ci: "github-actions");

        Assert.Equal("name: ours\n", Read(".github/workflows/tollgate.yml"));
        Assert.Contains("run: ./build.sh ${{ inputs.target || 'Ci' }}", Read(".github/workflows/tollgate.yml.tollgate"), StringComparison.Ordinal);
        Assert.Contains(report.Steps, s => s is { File: ".github/workflows/tollgate.yml.tollgate", Action: "written beside" });
    }

    [Fact]
    public async Task A_second_run_changes_nothing()
    {
        await RepositoryAsync();
        Adopt();
        var before = Directory.GetFiles(Root, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/.git/", StringComparison.Ordinal))
            .ToDictionary(f => f, File.ReadAllText);

        var again = Adopt();

        Assert.All(again.Steps, s => Assert.Equal("unchanged", s.Action));
        Assert.Equal(before, Directory.GetFiles(Root, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/.git/", StringComparison.Ordinal)).ToDictionary(f => f, File.ReadAllText));
    }

    [Fact]
    public void No_solution_or_several_is_an_error_that_says_what_to_do()
    {
        var none = Assert.Throws<AdoptionException>(() => Adopt());
        Assert.Contains("No .sln or .slnx at or below", none.Message, StringComparison.Ordinal);

        directory.Write("A.sln", "");
        directory.Write("B.slnx", "<Solution />");
        var several = Assert.Throws<AdoptionException>(() => Adopt());
        Assert.Contains("Several solutions in", several.Message, StringComparison.Ordinal);
        Assert.Contains("(A.sln, B.slnx): pick the one CI builds with --solution PATH", several.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_solution_below_the_root_is_found_and_build_outputs_are_not_searched()
    {
        await RepositoryAsync();
        File.Move(Path.Combine(Root, "Shop.sln"), Path.Combine(Root, "src", "Shop.sln"));
        File.WriteAllText(Path.Combine(Root, "src", "Shop.sln"), File.ReadAllText(Path.Combine(Root, "src", "Shop.sln")).Replace("src\\Shop", "Shop", StringComparison.Ordinal).Replace("tests\\", "..\\tests\\", StringComparison.Ordinal));
        directory.Write("src/Shop/bin/Release/packed/Copy.sln", "");

        var report = Adopt();

        Assert.Equal("src/Shop.sln", report.Solution);
        Assert.Equal(["tests/Shop.Tests/Shop.Tests.csproj"], report.TestProjects);
        Assert.Contains("\"Solution\": \"src/Shop.sln\"", Read(".nuke/parameters.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_test_project_without_a_collector_is_told_the_gate_supplies_one_never_to_add_a_package_without_a_version()
    {
        await RepositoryAsync();

        var lines = Adopt().Lines().ToList();

        Assert.Contains("  tests/Shop.Tests/Shop.Tests.csproj has no coverage collector: the Test gate runs Tollgate's pinned coverlet.collector with it (nothing to add).", lines);
        Assert.DoesNotContain(lines, l => l.Contains("<PackageReference", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_feed_tollgate_comes_from_is_recorded_in_the_repositorys_nuget_config_keeping_what_it_had()
    {
        await RepositoryAsync();

        var created = new Adopter(Root, Version).Run(new AdoptionOptions(null, null, "https://feed.example/v3/index.json"));

        Assert.Contains(created.Steps, s => s is { File: "nuget.config", Action: "created" });
        Assert.Contains("<add key=\"tollgate\" value=\"https://feed.example/v3/index.json\" />", Read("nuget.config"), StringComparison.Ordinal);

        File.Delete(Path.Combine(Root, "nuget.config"));
        directory.Write("NuGet.Config", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <!-- the company's feeds -->\n  <packageSources>\n    <add key=\"tollgate\" value=\"https://other.example/v3/index.json\" />\n  </packageSources>\n</configuration>\n");
        var extended = new Adopter(Root, Version).Run(new AdoptionOptions(null, null, "https://feed.example/v3/index.json"));

        Assert.Contains(extended.Steps, s => s is { File: "NuGet.Config", Action: "extended" } && s.Why.Contains("'tollgate2'", StringComparison.Ordinal));
        var config = Read("NuGet.Config");
        Assert.Contains("<!-- the company's feeds -->", config, StringComparison.Ordinal);
        Assert.Contains("<add key=\"tollgate\" value=\"https://other.example/v3/index.json\" />", config, StringComparison.Ordinal);
        Assert.Contains("<add key=\"tollgate2\" value=\"https://feed.example/v3/index.json\" />", config, StringComparison.Ordinal);

        var again = new Adopter(Root, Version).Run(new AdoptionOptions(null, null, "https://feed.example/v3/index.json/"));
        Assert.Contains(again.Steps, s => s is { File: "NuGet.Config", Action: "kept" });
        Assert.Equal(config, Read("NuGet.Config"));
    }

    [Fact]
    public async Task Test_projects_of_both_platforms_are_listed_by_the_gates_rule()
    {
        await RepositoryAsync();
        foreach (var project in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "tests", "fixtures", "platforms"), "*.*proj", SearchOption.AllDirectories))
        {
            directory.Write(Path.GetRelativePath(Path.Combine(RepositoryRoot.Path, "tests", "fixtures", "platforms"), project), File.ReadAllText(project));
        }

        File.Copy(Path.Combine(RepositoryRoot.Path, "tests", "fixtures", "platforms", "Directory.Build.props"), Path.Combine(Root, "Directory.Build.props"));
        File.Delete(Path.Combine(Root, "Shop.sln"));
        File.Copy(Path.Combine(RepositoryRoot.Path, "tests", "fixtures", "platforms", "Shapes.sln"), Path.Combine(Root, "Shapes.sln"));

        var report = Adopt();

        Assert.Equal(
            ["tests/Shapes.LegacyTests/Shapes.LegacyTests.csproj", "tests/Shapes.MSTests/Shapes.MSTests.csproj (Microsoft.Testing.Platform)",
             "tests/Shapes.NUnitTests/Shapes.NUnitTests.csproj (Microsoft.Testing.Platform)", "tests/Shapes.XunitTests/Shapes.XunitTests.csproj (Microsoft.Testing.Platform)"],
            report.Tests.Select(t => t.ToString()));
        Assert.Equal(["tests/Shapes.LegacyTests/Shapes.LegacyTests.csproj", "tests/Shapes.NUnitTests/Shapes.NUnitTests.csproj"], report.WithoutCollector);

        // With global.json's test runner on the platform, an xunit.v3 project that also has the VSTest adapter runs on the platform too.
        directory.Write("tests/Dual/Dual.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"xunit.v3\" Version=\"3.2.2\" /><PackageReference Include=\"Microsoft.NET.Test.Sdk\" Version=\"18.0.1\" /></ItemGroup></Project>");
        Assert.Equal(Tollgate.Tools.Dotnet.TestPlatform.VSTest, ProjectKind.Platform(Path.Combine(Root, "tests", "Dual", "Dual.csproj"), Root));
        directory.Write("global.json", "{ \"test\": { \"runner\": \"Microsoft.Testing.Platform\" } }");
        Assert.Equal(Tollgate.Tools.Dotnet.TestPlatform.TestingPlatform, ProjectKind.Platform(Path.Combine(Root, "tests", "Dual", "Dual.csproj"), Root));
    }
}
