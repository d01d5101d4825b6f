using System.Text.RegularExpressions;
using System.Xml.Linq;
using Tollgate.Engine;
using Tollgate.Tests.Adoption;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.RealWorld;

/// <summary>
/// The gates on a repository whose tests run on both test platforms (tests/fixtures/platforms): a library with an
/// xunit.v3 test application on Microsoft.Testing.Platform (MTP) with coverlet.MTP, an NUnit 4 one on the NUnit runner
/// with Microsoft's TRX extension and no coverage extension, an MSTest.Sdk one, an old xunit 2 project on VSTest without a
/// coverage collector, and a sample no test references. Each figure is compared, in the same test, with what the bare
/// tools give on the same build: <c>dotnet test</c> in its platform mode with the same extensions, ReportGenerator.
/// </summary>
[Trait("Category", "Integration")]
[Collection(nameof(PlatformRunsCollection))]
public sealed partial class PlatformsRepositoryTests
{
    private static readonly string[] PlatformProjects = ["Shapes.XunitTests", "Shapes.NUnitTests", "Shapes.MSTests"];

    public sealed class PlatformsBuild : TollgateBuild, IStandardGates, IUseSharedTools;

    [Fact]
    public async Task Test_Coverage_and_Mutation_on_both_platforms_give_the_bare_tools_figures()
    {
        using var shapes = new SampleRepository(fixture: "platforms");
        var sources = Sources(shapes.Root);

        var run = await HostRun.RunAsync<PlatformsBuild>(shapes.Root, ["Test", "Coverage", "Mutation", "ArchitectureTests", "--mutation-threshold", "50"]);

        var test = Gate.Read(shapes.Evidence, "Test");
        Assert.True(test.Status == "passed", $"{test.Headline}: {string.Join("; ", test.Reasons)}\n{run.Output}{run.Error}");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(sources, Sources(shapes.Root)); // extensions supplied without editing a file of the repository
        Assert.Contains("Test projects: Shapes.LegacyTests, Shapes.MSTests (Microsoft.Testing.Platform), Shapes.NUnitTests (Microsoft.Testing.Platform), Shapes.XunitTests (Microsoft.Testing.Platform)", run.Output, StringComparison.Ordinal);

        // Applications that enter the platform on their own run themselves (as dotnet test starts them); xunit.v3's enters it only under dotnet test.
        Assert.Contains(test.Commands, c => c.StartsWith("dotnet exec ", StringComparison.Ordinal) && c.Contains("Shapes.NUnitTests.dll --results-directory", StringComparison.Ordinal));
        Assert.Contains(test.Commands, c => c.StartsWith("dotnet exec ", StringComparison.Ordinal) && c.Contains("Shapes.MSTests.dll --results-directory", StringComparison.Ordinal));
        Assert.Contains(test.Commands, c => c.StartsWith("dotnet test --project ", StringComparison.Ordinal) && c.Contains("Shapes.XunitTests.csproj", StringComparison.Ordinal));

        // The bare tools on the same build: each test application by dotnet test in its platform mode, the VSTest project in VSTest mode.
        var bare = await BareRunsAsync(shapes.Root);
        Assert.Equal(bare.Values.Sum(b => b.Passed), test.Metric("passed").GetDouble());
        Assert.Equal(0, test.Metric("failed").GetDouble());
        Assert.Equal(4, test.Metric("projects").GetDouble());
        foreach (var (project, figures) in bare)
        {
            Assert.True(figures.Passed > 0, $"{project}: the bare run passed no test");
            var trx = Path.Combine(shapes.Evidence, "reports", "test", project + ".trx");
            Assert.True(File.Exists(trx), $"{project}: no TRX in the bundle");
            Assert.Equal(figures.Passed, XDocument.Load(trx).Descendants().Count(e => e.Name.LocalName == "UnitTestResult" && (string?)e.Attribute("outcome") == "Passed"));
        }

        // tollgate-init lists exactly the test projects the gate ran, by the same rule.
        var init = new Tollgate.Init.Adopter(shapes.Root, "1.0.0").Run(new Tollgate.Init.AdoptionOptions("Shapes.sln", null));
        Assert.Equal(
            test.Findings.Where(f => f.GetProperty("kind").GetString() == "coverage-collector").Select(f => f.GetProperty("file").GetString()!).Order(StringComparer.Ordinal),
            init.TestProjects);

        // Whose reporters ran, per project.
        string Collector(string project) => Assert.Single(test.Findings, f => f.GetProperty("kind").GetString() == "coverage-collector" && f.GetProperty("file").GetString()!.Contains(project, StringComparison.Ordinal)).GetProperty("message").GetString()!;
        Assert.Equal("the project's own coverlet.MTP 10.1.1", Collector("Shapes.XunitTests"));
        Assert.Equal("the project's own coverlet.MTP 10.1.1", Collector("Shapes.MSTests"));
        Assert.Equal("Tollgate's coverlet.MTP 10.1.1 (the project references none)", Collector("Shapes.NUnitTests"));
        Assert.StartsWith("Tollgate's coverlet.collector", Collector("Shapes.LegacyTests"), StringComparison.Ordinal);
        Assert.Contains("Supplying coverlet.MTP 10.1.1 and Microsoft.Testing.Extensions.HangDump 2.5.3 to tests/Shapes.NUnitTests/Shapes.NUnitTests.csproj (it references none); building it again.", run.Output, StringComparison.Ordinal);
        Assert.Contains("Supplying Microsoft.Testing.Extensions.HangDump 2.5.3 to tests/Shapes.XunitTests/Shapes.XunitTests.csproj (it references none); building it again.", run.Output, StringComparison.Ordinal);

        // Coverage: ReportGenerator's merge of the bare runs' Cobertura files gives the same covered and coverable lines.
        var coverage = Gate.Read(shapes.Evidence, "Coverage");
        Assert.True(coverage.Status == "passed", $"{coverage.Headline}: {string.Join("; ", coverage.Reasons)}");
        var merged = await BareMergeAsync(shapes.Root, bare.Values.Select(b => b.Cobertura).OfType<string>().ToList());
        Assert.Equal((double)merged.Attribute("lines-covered")!, coverage.Metric("linesCovered").GetDouble());
        Assert.Equal((double)merged.Attribute("lines-valid")!, coverage.Metric("linesValid").GetDouble());

        // Mutation: Stryker runs one test runner per run, so the library is mutated once with the VSTest project and once with
        // the three test applications; the Microsoft.Testing.Platform part scores as bare Stryker's mtp runner does on the same
        // build, and in the whole a mutant counts as detected when either part detected it.
        var mutation = Gate.Read(shapes.Evidence, "Mutation");
        Assert.True(mutation.Status == "passed", $"{mutation.Headline}: {string.Join("; ", mutation.Reasons)}\n{run.Output}");
        var mtp = Statuses(Path.Combine(shapes.Root, "artifacts", "mutation", "Shapes.mtp", "reports", "mutation-report.json"));
        var vstest = Statuses(Path.Combine(shapes.Root, "artifacts", "mutation", "Shapes.vstest", "reports", "mutation-report.json"));
        // The same mutants, each detected or not alike; a mutant that timed out in either run is left out of that comparison, as a
        // timeout depends on the machine's load at that moment (both runs count it as detected).
        var bareMtp = await BareStrykerAsync(shapes.Root);
        Assert.Equal(bareMtp.Keys.Order(StringComparer.Ordinal), mtp.Keys.Order(StringComparer.Ordinal));
        var decided = mtp.Keys.Where(k => mtp[k] != "Timeout" && bareMtp[k] != "Timeout").ToList();
        Assert.True(decided.Count > mtp.Count / 2, $"{mtp.Count - decided.Count} of {mtp.Count} mutants timed out in one of the runs");
        Assert.All(decided, k => Assert.True(Detected(bareMtp[k]) == Detected(mtp[k]), $"{k}: bare Stryker {bareMtp[k]}, Tollgate's run {mtp[k]}"));
        var whole = Statuses(Path.Combine(shapes.Evidence, "reports", "mutation", "Shapes.json"));
        Assert.Equal(mtp.Count, whole.Count);
        Assert.Equal(vstest.Count, whole.Count);
        Assert.All(whole, mutant => Assert.Equal(Detected(mtp[mutant.Key]) || Detected(vstest[mutant.Key]), Detected(mutant.Value)));
        Assert.True(whole.Values.Count(Detected) > Math.Max(mtp.Values.Count(Detected), vstest.Values.Count(Detected)), "each platform's tests detect mutants the other's miss");
        double detected = whole.Values.Count(Detected), valid = whole.Values.Count(s => s is "Killed" or "Timeout" or "Survived" or "NoCoverage");
        Assert.Equal(Math.Round(detected * 100 / valid, 2), mutation.Metric("score").GetDouble());
        Assert.Contains(mutation.Findings, f => f.GetProperty("kind").GetString() == "mutation-runs" && f.GetProperty("message").GetString()!.Contains("Microsoft.Testing.Platform with Shapes.MSTests, Shapes.NUnitTests, Shapes.XunitTests", StringComparison.Ordinal));

        // ArchitectureTests reads the library and the sample, never a test application as if it were product code.
        Assert.Equal("0 violations (2 default rules: no namespace cycles)", Gate.Read(shapes.Evidence, "ArchitectureTests").Headline);
    }

    [Fact]
    public async Task In_a_repository_whose_global_json_runs_the_platform_the_vstest_project_still_runs_as_vstest()
    {
        using var shapes = new SampleRepository(fixture: "platforms");
        shapes.Write("global.json", "{ \"sdk\": { \"version\": \"10.0.100\", \"rollForward\": \"latestFeature\" }, \"test\": { \"runner\": \"Microsoft.Testing.Platform\" } }\n");

        var run = await HostRun.RunAsync<PlatformsBuild>(shapes.Root, ["Test"]);

        var test = Gate.Read(shapes.Evidence, "Test");
        Assert.True(test.Status == "passed", $"{test.Headline}: {string.Join("; ", test.Reasons)}\n{run.Output}{run.Error}");
        Assert.Equal("17 passed, 0 failed", test.Headline);
        Assert.Equal(4, test.Metric("projects").GetDouble());

        // dotnet test in the repository's own mode refuses the VSTest project; Tollgate ran it from a folder whose global.json is the
        // repository's with VSTest's runner (the same SDK), and left the repository's global.json alone.
        var bare = await Shell.RunAsync(shapes.Root, "dotnet", ["test", "--project", "tests/Shapes.LegacyTests/Shapes.LegacyTests.csproj", "--no-build", "-c", "Release"], TimeSpan.FromMinutes(5));
        Assert.NotEqual(0, bare.ExitCode);
        var folder = File.ReadAllText(Path.Combine(shapes.Root, ".nuke", "temp", "test-mode", "vstest", "global.json"));
        Assert.Contains("\"version\": \"10.0.100\"", folder, StringComparison.Ordinal);
        Assert.DoesNotContain("\"test\"", folder, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Testing.Platform", shapes.Read("global.json"), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(shapes.Root, ".nuke", "temp", "test-mode", "mtp")));
    }

    [Fact]
    public async Task A_test_that_never_ends_is_stopped_after_the_hang_timeout_and_named_on_either_platform()
    {
        using var shapes = new SampleRepository(fixture: "platforms");
        shapes.Write("tests/Shapes.LegacyTests/WaitTests.cs", "using Xunit;\n\nnamespace Shapes.LegacyTests;\n\npublic class WaitTests\n{\n    [Fact]\n    public void Waits_for_ever() => Thread.Sleep(Timeout.Infinite);\n}\n");
        shapes.Write("tests/Shapes.NUnitTests/WaitTests.cs", "using NUnit.Framework;\n\nnamespace Shapes.NUnitTests;\n\npublic class WaitTests\n{\n    [Test]\n    public void Waits_for_ever() => Thread.Sleep(Timeout.Infinite);\n}\n");

        // Long enough for a test host to start and run the quick tests on a loaded machine; the waiting test never ends.
        var run = await HostRun.RunAsync<PlatformsBuild>(shapes.Root, ["Test", "--test-hang-timeout", "20s", "--collect-coverage", "false", "--exclude-projects", "*.MSTests.csproj", "*.XunitTests.csproj"]);

        var test = Gate.Read(shapes.Evidence, "Test");
        Assert.True(test.Status == "failed", $"{test.Headline}: {string.Join("; ", test.Reasons)}\n{run.Output}{run.Error}");
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.True(test.Reasons.Contains("tests/Shapes.LegacyTests/Shapes.LegacyTests.csproj (net10.0): Shapes.LegacyTests.WaitTests.Waits_for_ever made no progress within the hang timeout (--test-hang-timeout), so its test host was stopped"), string.Join("\n", test.Reasons));
        Assert.True(test.Reasons.Contains("tests/Shapes.NUnitTests/Shapes.NUnitTests.csproj (net10.0): Waits_for_ever made no progress within the hang timeout (--test-hang-timeout), so its test host was stopped"), string.Join("\n", test.Reasons));
        Assert.Contains("hung", test.Headline, StringComparison.Ordinal);
        Assert.Equal(7, test.Metric("passed").GetDouble()); // the tests that finished still count
        Assert.Contains(test.Commands, c => c.Contains("--hangdump-timeout 20s", StringComparison.Ordinal));
        Assert.Contains(test.Commands, c => c.Contains("--blame-hang-timeout 20s", StringComparison.Ordinal));

        var refused = await HostRun.RunAsync<PlatformsBuild>(shapes.Root, ["Test", "--test-hang-timeout", "half an hour"]);
        Assert.Equal(ExitCodes.BadInput, refused.ExitCode);
        Assert.Contains("--test-hang-timeout to be a duration both test platforms read, not 'half an hour'", refused.Error, StringComparison.Ordinal);
    }

    private static bool Detected(string status) => status is "Killed" or "Timeout";

    // Each mutant of a Stryker report by file, location, mutator and replacement, with its status.
    private static Dictionary<string, string> Statuses(string report)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(report));
        return document.RootElement.GetProperty("files").EnumerateObject()
            .SelectMany(f => f.Value.GetProperty("mutants").EnumerateArray().Select(m => (
                Key: $"{Path.GetFileName(f.Name)}:{m.GetProperty("location").GetRawText()}:{m.GetProperty("mutatorName").GetString()}:{(m.TryGetProperty("replacement", out var r) ? r.GetString() : "")}",
                Status: m.GetProperty("status").GetString()!)))
            .ToDictionary(m => m.Key, m => m.Status, StringComparer.Ordinal);
    }

    // Bare Stryker with its Microsoft.Testing.Platform runner and the three test applications, on the build Tollgate made.
    private static async Task<Dictionary<string, string>> BareStrykerAsync(string root)
    {
        var config = Path.Combine(root, "bare-stryker.json");
        var tests = PlatformProjects.Select(p => Path.Combine(root, "tests", p, p + ".csproj"));
        File.WriteAllText(config, $$"""
            { "stryker-config": { "project": "Shapes.csproj", "test-projects": [{{string.Join(", ", tests.Select(t => $"\"{t}\""))}}],
              "test-runner": "mtp", "configuration": "Release", "concurrency": 2, "additional-timeout": 1000, "reporters": ["json"] } }
            """);
        var output = Path.Combine(root, "bare-stryker");
        var run = await Shell.RunAsync(Path.Combine(root, "src", "Shapes"), Path.Combine(SharedTools.Path, "dotnet-stryker"), ["--config-file", config, "--output", output, "--skip-version-check"], TimeSpan.FromMinutes(10));
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        return Statuses(Path.Combine(output, "reports", "mutation-report.json"));
    }

    internal sealed record BareRun(int Passed, string? Cobertura);

    // The repository's own files: all but build outputs, Tollgate's folders and the bare tools' results.
    private static SortedDictionary<string, string> Sources(string root) => new(
        DirectoryDigests.Of(root).Where(f => !f.Key.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "artifacts" or ".nuke" || part.StartsWith("bare-", StringComparison.Ordinal)))
            .ToDictionary(f => f.Key, f => f.Value),
        StringComparer.Ordinal);

    // dotnet test --no-build of each test project as its platform runs it, with the reporters the project has; coverage
    // from coverlet.MTP where the application has it, from coverlet.collector (Tollgate's copy) for the VSTest project.
    internal static async Task<Dictionary<string, BareRun>> BareRunsAsync(string root)
    {
        var platformMode = Path.Combine(root, "bare-mtp-mode");
        Directory.CreateDirectory(platformMode);
        File.WriteAllText(Path.Combine(platformMode, "global.json"), """{ "test": { "runner": "Microsoft.Testing.Platform" } }""");
        var runs = new Dictionary<string, BareRun>();
        foreach (var project in PlatformProjects)
        {
            var results = Path.Combine(root, "bare-results", project);
            var trx = project == "Shapes.XunitTests" ? "--report-xunit-trx" : "--report-trx";
            var run = await Shell.RunAsync(platformMode, "dotnet", [
                "test", "--project", Path.Combine(root, "tests", project, project + ".csproj"), "--no-build", "-c", "Release",
                "--results-directory", results, trx, "--coverlet", "--coverlet-output-format", "cobertura"], TimeSpan.FromMinutes(5));
            Assert.True(run.ExitCode == 0, run.Output + run.Error);
            runs[project] = new BareRun(Succeeded(run.Output), Directory.GetFiles(results, "*.cobertura*.xml").SingleOrDefault());
        }

        var collector = SharedTools.CoverletCollector;
        var legacyResults = Path.Combine(root, "bare-results", "Shapes.LegacyTests");
        var legacy = await Shell.RunAsync(root, "dotnet", [
            "test", "tests/Shapes.LegacyTests/Shapes.LegacyTests.csproj", "--no-build", "-c", "Release", "--nologo",
            "--collect", "XPlat Code Coverage", "--test-adapter-path", collector, "--results-directory", legacyResults], TimeSpan.FromMinutes(5));
        Assert.True(legacy.ExitCode == 0, legacy.Output + legacy.Error);
        runs["Shapes.LegacyTests"] = new BareRun(
            int.Parse(VSTestPassed().Match(legacy.Output).Groups["passed"].Value, System.Globalization.CultureInfo.InvariantCulture),
            Directory.GetFiles(legacyResults, "coverage.cobertura.xml", SearchOption.AllDirectories).Single());
        return runs;
    }

    internal static async Task<XElement> BareMergeAsync(string root, IReadOnlyList<string> reports)
    {
        var target = Path.Combine(root, "bare-merged");
        var merge = await Shell.RunAsync(root, Path.Combine(SharedTools.Path, "reportgenerator"), [$"-reports:{string.Join(';', reports)}", $"-targetdir:{target}", "-reporttypes:Cobertura"]);
        Assert.True(merge.ExitCode == 0, merge.Output + merge.Error);
        return XDocument.Load(Path.Combine(target, "Cobertura.xml")).Root!;
    }

    private static int Succeeded(string output) =>
        int.Parse(PlatformSucceeded().Match(output).Groups["passed"].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*succeeded:\s*(?<passed>\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex PlatformSucceeded();

    [GeneratedRegex(@"Passed!\s+-\s+Failed:\s+0, Passed:\s+(?<passed>\d+),")]
    private static partial Regex VSTestPassed();
}
