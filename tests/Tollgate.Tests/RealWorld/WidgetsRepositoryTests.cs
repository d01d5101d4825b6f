using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Tollgate.Engine;
using Tollgate.Tests.Adoption;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.RealWorld;

/// <summary>
/// Every gate, run as a consumer would, on a repository written the way libraries are (tests/fixtures/widgets):
/// a classic .sln; a library multi-targeted to netstandard2.0, net10.0 and a .NET this SDK cannot build unless
/// a property narrows it; a test project multi-targeted to net9.0 and net10.0 with no coverage collector; a
/// sample app and a tool no test references; an integration-test project whose package only a company feed
/// has. Each figure is compared, in the same test, with what the bare tool gives for the same input.
/// </summary>
[Trait("Category", "Integration")]
[Collection(nameof(WholeRunsCollection))]
public sealed partial class WidgetsRepositoryTests
{
    private const string Narrowing = "ReleasedFrameworksOnly=true";

    public sealed class WidgetsBuild : TollgateBuild, IStandardGates;

    private static async Task<SampleRepository> WidgetsAsync()
    {
        var widgets = new SampleRepository(fixture: "widgets");
        // What an integration-test project typically holds: the test database's password. Written here, not in the fixture,
        // so Tollgate's own secret scan has nothing to find; the scan must leave the left-out project alone.
        widgets.Write("tests/Widgets.IntegrationTests/appsettings.json", "{ \"Db\": \"Server=db;User Id=sa;Password=" + "Wdg7s-It3gr4t10n" + ";\" }\n");
        var git = await GitRepository.InitAsync(widgets.Root);
        widgets.Write(".gitignore", "bin/\nobj/\nartifacts/\n.nuke/temp/\n");
        await git.CommitAsync("widgets");
        return widgets;
    }

    [Fact]
    public async Task A_project_that_cannot_restore_stops_the_build_with_its_error_and_excluding_it_is_the_fix()
    {
        using var widgets = await WidgetsAsync();

        var run = await HostRun.RunAsync<WidgetsBuild>(widgets.Root, ["Compile", "--msbuild-properties", Narrowing]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("error NU1101: Unable to find package Contoso.Testing.Postgres", run.Error, StringComparison.Ordinal);

        var narrowed = await HostRun.RunAsync<WidgetsBuild>(widgets.Root, ["Compile", "--msbuild-properties", Narrowing, "--exclude-projects", "*.IntegrationTests.csproj"]);

        Assert.True(narrowed.ExitCode == ExitCodes.Success, narrowed.Output + narrowed.Error);
        using var projects = JsonDocument.Parse(File.ReadAllText(Path.Combine(widgets.Evidence, "projects.json")));
        Assert.Equal(4, projects.RootElement.GetProperty("included").GetArrayLength());
        var excluded = Assert.Single(projects.RootElement.GetProperty("excluded").EnumerateArray());
        Assert.Equal("tests/Widgets.IntegrationTests/Widgets.IntegrationTests.csproj", excluded.GetProperty("project").GetString());
        Assert.Equal("excluded by --exclude-projects *.IntegrationTests.csproj", excluded.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Every_gate_gives_the_bare_tools_figures()
    {
        using var widgets = await WidgetsAsync();
        widgets.Write(".nuke/parameters.json", $$"""
            {
              "ExcludeProjects": ["*.IntegrationTests.csproj"],
              "MSBuildProperties": ["{{Narrowing}}"],
              "PackageProjects": ["Widgets.csproj"],
              "ToolsDirectory": "{{SharedTools.Path}}"
            }
            """);
        widgets.Write(".nuke/security.json", """
            { "waivers": [ { "scanner": "trivy", "reason": "not installable here" }, { "scanner": "nuget-audit", "reason": "no vulnerability feed here" } ] }
            """);

        // As a consumer runs it: its own build project (here referencing this checkout's Tollgate) through build.sh, a process of its own.
        widgets.Write("build/_build.csproj", BuildProjectFile.Text($"<ProjectReference Include=\"{Path.Combine(RepositoryRoot.Path, "src", "Tollgate", "Tollgate.csproj")}\" />"));
        widgets.Write("build/Build.cs", """
            using Tollgate;

            internal sealed class Build : TollgateBuild, IStandardGates
            {
                public static int Main(string[] args) => Execute<Build>(args, x => ((ITest)x).Test);
            }
            """);
        File.Copy(Path.Combine(RepositoryRoot.Path, "build.sh"), Path.Combine(widgets.Root, "build.sh"));
        File.Copy(Path.Combine(RepositoryRoot.Path, "global.json"), Path.Combine(widgets.Root, "global.json"));

        var ci = await Shell.RunAsync(widgets.Root, "bash", ["build.sh", "Ci"], TimeSpan.FromMinutes(15));

        Assert.True(ci.ExitCode == 0, ci.Output + ci.Error);
        var lintFigures = Gate.Read(widgets.Evidence, "Lint").Metrics.GetRawText();

        // Lint is deterministic at a commit: an incremental run finds the same diagnostics.
        var again = await Shell.RunAsync(widgets.Root, "bash", ["build.sh", "Lint"], TimeSpan.FromMinutes(5));
        Assert.True(again.ExitCode == 0, again.Output + again.Error);
        Assert.Equal(lintFigures, Gate.Read(widgets.Evidence, "Lint").Metrics.GetRawText());
        SampleRepository.Copy(widgets.Evidence + ".previous.1", widgets.Evidence); // the Ci bundle, for the figures below

        // Test: every framework of the multi-targeted test project counts, as dotnet test reports them for the same build.
        var bareTests = await Shell.RunAsync(widgets.Root, "dotnet", ["test", "tests/Widgets.Tests/Widgets.Tests.csproj", "-c", "Release", $"-p:{Narrowing}", "--nologo", "--no-build"], TimeSpan.FromMinutes(5));
        var perFramework = PassedLine().Matches(bareTests.Output).ToDictionary(m => m.Groups["framework"].Value, m => int.Parse(m.Groups["passed"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["net10.0", "net9.0"], perFramework.Keys.Order(StringComparer.Ordinal));
        var test = Gate.Read(widgets.Evidence, "Test");
        Assert.Equal(perFramework.Values.Sum(), test.Metric("passed").GetDouble());
        Assert.Equal(perFramework["net9.0"], test.Metric("passed.net9.0").GetDouble());
        Assert.Equal(perFramework["net10.0"], test.Metric("passed.net10.0").GetDouble());
        Assert.Contains(test.Findings, f => f.GetProperty("kind").GetString() == "coverage-collector" && f.GetProperty("rule").GetString() == "supplied");

        // Coverage: the collector Tollgate supplied, merged by ReportGenerator, against the same collector and ReportGenerator run by hand.
        var collector = SharedTools.CoverletCollector;
        var bareResults = Path.Combine(widgets.Root, "bare-results");
        var bareCoverage = await Shell.RunAsync(widgets.Root, "dotnet", [
            "test", "tests/Widgets.Tests/Widgets.Tests.csproj", "-c", "Release", $"-p:{Narrowing}", "--nologo", "--no-build",
            "--collect", "XPlat Code Coverage", "--test-adapter-path", collector, "--results-directory", bareResults], TimeSpan.FromMinutes(5));
        Assert.True(bareCoverage.ExitCode == 0, bareCoverage.Output + bareCoverage.Error);
        var reports = string.Join(';', Directory.GetFiles(bareResults, "coverage.cobertura.xml", SearchOption.AllDirectories));
        var merge = await Shell.RunAsync(widgets.Root, Path.Combine(SharedTools.Path, "reportgenerator"), [$"-reports:{reports}", $"-targetdir:{Path.Combine(widgets.Root, "bare-merged")}", "-reporttypes:Cobertura"]);
        Assert.True(merge.ExitCode == 0, merge.Output + merge.Error);
        var merged = XDocument.Load(Path.Combine(widgets.Root, "bare-merged", "Cobertura.xml")).Root!;
        var coverage = Gate.Read(widgets.Evidence, "Coverage");
        Assert.Equal((double)merged.Attribute("lines-covered")!, coverage.Metric("linesCovered").GetDouble());
        Assert.Equal((double)merged.Attribute("lines-valid")!, coverage.Metric("linesValid").GetDouble());

        // Mutation: only the library the tests reach, for the framework Tollgate built and tested, scored as bare Stryker scores it.
        var mutation = Gate.Read(widgets.Evidence, "Mutation");
        Assert.Contains(mutation.Findings, f => f.GetProperty("message").GetString() == "samples/Widgets.Demo/Widgets.Demo.csproj not mutated: no test project references it");
        Assert.Contains(mutation.Findings, f => f.GetProperty("message").GetString() == "src/Widgets.Tools/Widgets.Tools.csproj not mutated: no test project references it");
        var bareScore = await BareStrykerScoreAsync(widgets);
        Assert.Equal(bareScore, mutation.Metric("score").GetDouble());

        // ArchitectureTests: without a rules file the default rule holds; each project's assembly is read once.
        var architecture = Gate.Read(widgets.Evidence, "ArchitectureTests");
        architecture.AssertStatus("passed");
        Assert.Equal("0 violations (3 default rules: no namespace cycles)", architecture.Headline);

        // SecurityScan: the left-out project's files are not the chosen code; the rest is scanned.
        var security = Gate.Read(widgets.Evidence, "SecurityScan");
        security.AssertStatus("passed");
        Assert.DoesNotContain(security.Findings, f => f.GetProperty("kind").GetString() == "secret");
        Assert.DoesNotContain("Wdg7s-It3gr4t10n", File.ReadAllText(Path.Combine(widgets.Evidence, "gates", "securityscan.json")), StringComparison.Ordinal);

        // Package: the one library, at the version the repository declares, never below it.
        var package = Gate.Read(widgets.Evidence, "Package");
        Assert.Equal("2.3.0-alpha.0.1: 1 package(s), 0 image(s)", package.Headline);
        Assert.Contains(package.Findings, f => f.GetProperty("message").GetString() == "samples/Widgets.Demo/Widgets.Demo.csproj not packed: not named by --package-projects Widgets.csproj");

        // Packed as built (--no-build after this run's Compile, every framework of the library), and the same package bare
        // dotnet pack makes of the same project at the same version, reproducibly built: the same assemblies, byte for byte, the same nuspec.
        Assert.Contains(" --no-build ", Assert.Single(package.Commands, c => c.StartsWith("dotnet pack ", StringComparison.Ordinal)), StringComparison.Ordinal);
        var version = await BarePackAsync(widgets);
        var packed = PackageContents(Path.Combine(widgets.Root, "artifacts", "packages", $"Widgets.{version}.nupkg"));
        var bare = PackageContents(Path.Combine(widgets.Root, "bare-packages", $"Widgets.{version}.nupkg"));
        Assert.Equal(["lib/net10.0/Widgets.dll", "lib/netstandard2.0/Widgets.dll"], packed.Keys.Where(k => k.EndsWith(".dll", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(bare.Keys.Order(StringComparer.Ordinal), packed.Keys.Order(StringComparer.Ordinal));
        Assert.All(packed, entry => Assert.True(bare[entry.Key] == entry.Value, $"{entry.Key} differs from bare dotnet pack's"));
    }

    // Bare dotnet pack of the library at the version the Package gate recorded; returns that NuGet version.
    private static async Task<string> BarePackAsync(SampleRepository widgets)
    {
        using var artifacts = JsonDocument.Parse(File.ReadAllText(Path.Combine(widgets.Evidence, "artifacts.json")));
        var version = artifacts.RootElement.GetProperty("version");
        string Of(string name) => version.GetProperty(name).GetString()!;
        var pack = await Shell.RunAsync(widgets.Root, "dotnet", [
            "pack", "src/Widgets/Widgets.csproj", "-c", "Release", "--nologo", "-o", "bare-packages", "--include-symbols", "-p:SymbolPackageFormat=snupkg", $"-p:{Narrowing}",
            $"-p:Version={Of("nuGetVersion")}", $"-p:PackageVersion={Of("nuGetVersion")}", $"-p:AssemblyVersion={Of("assemblyVersion")}", $"-p:FileVersion={Of("assemblyVersion")}",
            $"-p:InformationalVersion={Of("informationalVersion")}", $"-p:RepositoryCommit={artifacts.RootElement.GetProperty("commit").GetString()}",
            "-p:Deterministic=true", "-p:ContinuousIntegrationBuild=true"], TimeSpan.FromMinutes(5)); // the SDK's own reproducible build, as Package compiles

        Assert.True(pack.ExitCode == 0, pack.Output + pack.Error);
        return Of("nuGetVersion");
    }

    // A package's entries and their SHA-256, without the OPC parts NuGet names or stamps anew on every pack.
    private static Dictionary<string, string> PackageContents(string nupkg)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(nupkg);
        return zip.Entries.Where(e => !e.FullName.StartsWith("package/", StringComparison.Ordinal) && e.FullName is not "_rels/.rels" and not "[Content_Types].xml")
            .ToDictionary(e => e.FullName, e =>
            {
                using var stream = e.Open();
                return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(stream));
            });
    }

    private static async Task<double> BareStrykerScoreAsync(SampleRepository widgets)
    {
        var config = Path.Combine(widgets.Root, "bare-stryker.json");
        File.WriteAllText(config, $$"""
            { "stryker-config": { "project": "Widgets.csproj", "test-projects": ["{{Path.Combine(widgets.Root, "tests", "Widgets.Tests", "Widgets.Tests.csproj")}}"],
              "configuration": "Release", "concurrency": 2, "additional-timeout": 1000, "target-framework": "net10.0", "reporters": ["json"] } }
            """);
        var output = Path.Combine(widgets.Root, "bare-stryker");
        var run = await Shell.RunAsync(
            Path.Combine(widgets.Root, "tests", "Widgets.Tests"), Path.Combine(SharedTools.Path, "dotnet-stryker"), ["--config-file", config, "--output", output, "--skip-version-check"],
            TimeSpan.FromMinutes(10), new Dictionary<string, string> { ["ReleasedFrameworksOnly"] = "true" });
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "reports", "mutation-report.json")));
        var statuses = report.RootElement.GetProperty("files").EnumerateObject()
            .SelectMany(f => f.Value.GetProperty("mutants").EnumerateArray()).Select(m => m.GetProperty("status").GetString()).ToList();
        double detected = statuses.Count(s => s is "Killed" or "Timeout");
        double valid = detected + statuses.Count(s => s is "Survived" or "NoCoverage");
        return Math.Round(detected * 100 / valid, 2);
    }

    [GeneratedRegex(@"Passed!\s+-\s+Failed:\s+0, Passed:\s+(?<passed>\d+),.*\((?<framework>net[\d.]+)\)")]
    private static partial Regex PassedLine();
}
