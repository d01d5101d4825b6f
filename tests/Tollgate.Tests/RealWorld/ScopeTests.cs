using System.Text.Json;
using Tollgate.Gates;
using Tollgate.Gates.Mutation;
using Tollgate.Tests.Support;
using Tollgate.Tools.Dotnet;
using Tollgate.Tools.Stryker;

namespace Tollgate.Tests.RealWorld;

/// <summary>The pure parts of working on real repositories: which projects, which framework, what Stryker is told and what it said.</summary>
public sealed class ScopeTests : IDisposable
{
    private readonly TempDirectory directory = new(withNuke: false);

    public void Dispose() => directory.Dispose();

    private static ProjectInfo Project(string path, string framework, bool test = false, params string[] references) =>
        new($"/r/{path}", framework, test, "", "", "10.0.401", !test, references.Select(r => $"/r/{r}").ToList());

    [Fact]
    public void Mutation_covers_what_tests_reach_through_references_for_a_framework_they_test()
    {
        ProjectInfo[] built =
        [
            Project("src/Core/Core.csproj", "netstandard2.0"), Project("src/Core/Core.csproj", "net10.0"),
            Project("src/Api/Api.csproj", "net10.0", false, "src/Core/Core.csproj"),
            Project("samples/Demo/Demo.csproj", "net10.0", false, "src/Core/Core.csproj"),
            Project("tools/Gen/Gen.csproj", "net10.0"),
            Project("tests/Api.Tests/Api.Tests.csproj", "net9.0", true, "src/Api/Api.csproj"), Project("tests/Api.Tests/Api.Tests.csproj", "net10.0", true, "src/Api/Api.csproj"),
        ];

        var scope = MutationScope.Of(built, [], "/r");

        Assert.Equal(
            [("/r/src/Api/Api.csproj", "net10.0", false), ("/r/src/Core/Core.csproj", "net10.0", true)],
            scope.Mutated.Select(m => (m.Project, m.Framework, m.MultiTargeted)));
        Assert.All(scope.Mutated, m => Assert.Equal(["/r/tests/Api.Tests/Api.Tests.csproj"], m.TestProjects));
        Assert.Equal([("samples/Demo/Demo.csproj", "no test project references it"), ("tools/Gen/Gen.csproj", "no test project references it")], scope.NotMutated);
        Assert.Equal(["/r/src/Core/Core.csproj"], MutationScope.Of(built, ["Core.csproj"], "/r").Mutated.Select(m => m.Project));
    }

    [Theory]
    [InlineData("net10.0", "net9.0")]
    [InlineData("net9.0", "netstandard2.1")]
    [InlineData("netstandard2.1", "netstandard2.0")]
    [InlineData("netstandard2.0", "net48")]
    [InlineData("netcoreapp3.1", "netstandard2.1")]
    public void Frameworks_rank_modern_dotnet_above_standard_above_framework(string higher, string lower) =>
        Assert.True(TargetFrameworks.Rank(higher).CompareTo(TargetFrameworks.Rank(lower)) > 0);

    [Fact]
    public void A_selection_takes_patterns_on_names_and_paths_and_a_solution_filter()
    {
        directory.Write("Shop.slnx", "<Solution>\n  <Project Path=\"src/Shop/Shop.csproj\" />\n  <Project Path=\"samples/Demo/Demo.csproj\" />\n  <Project Path=\"tests/Shop.IntegrationTests/Shop.IntegrationTests.csproj\" />\n</Solution>\n");
        directory.Write("ci.slnf", """{ "solution": { "path": "Shop.slnx", "projects": [ "src\\Shop\\Shop.csproj" ] } }""");
        var root = directory.Path;

        var excluded = ProjectSelection.Of(root, Path.Combine(root, "Shop.slnx"), [], ["*.IntegrationTests.csproj", "samples/*"]);
        var only = ProjectSelection.Of(root, Path.Combine(root, "Shop.slnx"), ["src/*"], []);
        var filtered = ProjectSelection.Of(root, Path.Combine(root, "ci.slnf"), [], []);

        Assert.Equal([Path.Combine(root, "src/Shop/Shop.csproj")], excluded.Included);
        Assert.Equal([("samples/Demo/Demo.csproj", "excluded by --exclude-projects *.IntegrationTests.csproj samples/*"), ("tests/Shop.IntegrationTests/Shop.IntegrationTests.csproj", "excluded by --exclude-projects *.IntegrationTests.csproj samples/*")], excluded.Excluded);
        Assert.Equal(excluded.Included, only.Included);
        Assert.Equal(excluded.Included, filtered.Included);
        Assert.Contains(("samples/Demo/Demo.csproj", "not in the solution filter ci.slnf"), filtered.Excluded);
        Assert.False(filtered.IsWhole);
        var written = excluded.BuildTarget(Path.Combine(root, ".nuke", "temp", "selection"));
        Assert.Equal("<Solution>\n  <Project Path=\"../../../src/Shop/Shop.csproj\" />\n</Solution>\n", File.ReadAllText(written).ReplaceLineEndings("\n"));
        Assert.True(excluded.InExcludedProject(root, "tests/Shop.IntegrationTests/appsettings.json"));
        Assert.False(excluded.InExcludedProject(root, "src/Shop/appsettings.json"));
        Assert.False(excluded.InExcludedProject(root, "README.md"));
    }

    [Fact]
    public void Properties_reach_a_tool_as_variables_and_as_a_late_import()
    {
        var variables = PropertyEnvironment.Environment(["ReleasedFrameworksOnly=true", "TargetFrameworks=net10.0;netstandard2.0"], directory.Path)!;

        Assert.Equal("true", variables["ReleasedFrameworksOnly"]);
        var targets = variables["CustomAfterMicrosoftCommonTargets"]!;
        Assert.Equal(targets, variables["CustomAfterMicrosoftCommonCrossTargetingTargets"]);
        Assert.Contains("<TargetFrameworks>net10.0;netstandard2.0</TargetFrameworks>", File.ReadAllText(targets), StringComparison.Ordinal);
        Assert.Null(PropertyEnvironment.Environment([], directory.Path));
    }

    [Fact]
    public void A_tool_that_builds_again_gets_the_builds_targets_dated_as_they_are()
    {
        var buildTargets = Path.Combine(directory.Path, "Tollgate.Build.targets");
        File.WriteAllText(buildTargets, "<Project />");
        var dated = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(buildTargets, dated);

        var variables = PropertyEnvironment.Environment([], Path.Combine(directory.Path, "tool"), buildTargets)!;

        Assert.Equal("true", variables["TollgateKeepBuildOutputs"]);
        var targets = variables["CustomAfterMicrosoftCommonTargets"]!;
        Assert.Contains($"<Import Project=\"{buildTargets}\" Condition=\"'$(IsCrossTargetingBuild)' != 'true'\" />", File.ReadAllText(targets), StringComparison.Ordinal);
        Assert.Equal(dated, File.GetLastWriteTimeUtc(targets));
        Assert.False(PropertyEnvironment.Environment(["A=1"], Path.Combine(directory.Path, "other"))!.ContainsKey("TollgateKeepBuildOutputs"));
    }

    [Fact]
    public void Solution_mode_names_the_solution_and_no_project()
    {
        var path = Path.Combine(directory.Path, "stryker-config.json");
        new StrykerConfig("Repo.slnx", [], "Release", 2, 1000, 70, [], null, null, "net10.0", "/r/Repo.slnx").Write(path);

        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var settings = config.RootElement.GetProperty("stryker-config");
        Assert.Equal("/r/Repo.slnx", settings.GetProperty("solution").GetString());
        Assert.Equal("net10.0", settings.GetProperty("target-framework").GetString());
        Assert.False(settings.TryGetProperty("project", out _));
        Assert.False(settings.TryGetProperty("test-projects", out _));
    }

    [Fact]
    public void Progress_is_followed_from_strykers_log_and_paced_from_when_testing_began()
    {
        var now = TimeSpan.FromSeconds(20);
        var progress = new MutationProgress(() => now);
        Assert.Equal("Mutating Shop: 0:20 elapsed, Stryker is building and analysing", progress.Describe("Shop"));

        now = TimeSpan.FromSeconds(100); // analysis and the initial test run took 1:40
        progress.Observe("[02:43:17 INF] 40    total mutants will be tested");
        now = TimeSpan.FromSeconds(130);
        progress.Observe("[02:43:20 DBG] Test run for 36: Equality mutation, 49: String mutation is failed ");
        progress.Observe("[02:43:21 DBG] Test run for 37: Equality mutation is success ");
        progress.Observe("[02:43:21 DBG] Runner 0: Testing [9: Equality mutation,46: Equality mutation]");

        Assert.Equal("Mutating Shop: 3/40 mutants tested (7 %), 2:10 elapsed, about 6:10 left", progress.Describe("Shop"));
    }

    [Fact]
    public void The_files_a_long_run_names_are_those_in_the_mutate_scope_not_every_file_stryker_creates_mutants_in()
    {
        var now = TimeSpan.FromSeconds(20);
        var progress = new MutationProgress(() => now, path => !path.EndsWith("Generated.cs", StringComparison.Ordinal));
        foreach (var (file, count) in new[] { ("Generated.cs", 90), ("Tax.cs", 4) })
        {
            progress.Observe($"[19:14:24 DBG] Mutating /r/src/Shop/{file}");
            for (var i = 0; i < count; i++)
            {
                progress.Observe($"[19:14:24 DBG] Mutant {i} created a * b -> a / b using Stryker.Core.Mutators.BinaryExpressionMutator");
            }
        }

        progress.Observe("[19:14:30 INF] 4    total mutants will be tested");
        now = TimeSpan.FromHours(1);
        progress.Observe("[19:14:31 DBG] Test run for 0: Arithmetic mutation is success ");

        Assert.EndsWith("; most mutants in Tax.cs (4): narrow the run with --mutation-mutate \"**/Tax.cs\" or --mutation-since <ref>", progress.Describe("Shop"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_is_in_the_mutate_scope_by_its_path_relative_to_its_own_project()
    {
        using var root = new TempDirectory(withNuke: false);
        root.Write("src/Shop/Shop.csproj", "<Project />");
        var tax = root.Write("src/Shop/Billing/Tax.cs", "");
        var json = root.Write("src/Shop/IO/Json.cs", "");

        Assert.True(MutationRunner.InScope(["**/Billing/*.cs"], tax));
        Assert.False(MutationRunner.InScope(["**/Billing/*.cs"], json));
        Assert.False(MutationRunner.InScope(["**/*.cs", "!IO/**"], json));
        Assert.True(MutationRunner.InScope([], json));
    }

    [Fact]
    public void Progress_says_what_stryker_does_before_testing_and_a_long_run_names_the_files_to_narrow_it_to()
    {
        var now = TimeSpan.FromSeconds(20);
        var progress = new MutationProgress(() => now);
        progress.Observe("[19:14:22 INF] Number of tests found: 15 for project /r/src/Shop/Shop.csproj. Initial test run started.");
        Assert.Equal("Mutating Shop: 0:20 elapsed, Stryker runs the tests once without mutants (initial test run)", progress.Describe("Shop"));

        foreach (var (file, count) in new[] { ("Orders.cs", 30), ("Money.cs", 8), ("Tax.cs", 40), ("Util.cs", 2) })
        {
            progress.Observe($"[19:14:24 DBG] Mutating /r/src/Shop/{file}");
            for (var i = 0; i < count; i++)
            {
                progress.Observe($"[19:14:24 DBG] Mutant {i} created a * b -> a / b using Stryker.Core.Mutators.BinaryExpressionMutator");
            }
        }

        progress.Observe("[19:14:27 INF] Capture mutant coverage using 'CoverageBasedTest' mode.");
        Assert.Equal("Mutating Shop: 0:20 elapsed, Stryker measures which tests cover which mutant", progress.Describe("Shop"));

        progress.Observe("[19:14:30 INF] 80    total mutants will be tested");
        now = TimeSpan.FromSeconds(80);
        progress.Observe("[19:14:31 DBG] Test run for 0: Arithmetic mutation is success ");
        Assert.Equal(
            "Mutating Shop: 1/80 mutants tested (1 %), 1:20 elapsed, about 1:19:00 left; most mutants in Tax.cs (40), Orders.cs (30), Money.cs (8): narrow the run with --mutation-mutate \"**/Tax.cs\" or --mutation-since <ref>",
            progress.Describe("Shop"));
    }

    [Fact]
    public void Strykers_solution_mode_serves_several_projects_of_one_framework_and_platform_in_the_repositorys_own_solution()
    {
        MutationTarget[] two = [new("/r/src/A/A.csproj", ["/r/t/T.csproj"], "net10.0", false), new("/r/src/B/B.csproj", ["/r/t/T.csproj"], "net10.0", false)];
        var inputs = new MutationInputs
        {
            Scope = new BuildScope("/r", [], "/r/R.slnx", "Release", []),
            Choice = new MutationChoice([], null, [], null, "R"),
            Policy = new MutationPolicy(70, false, null),
            Run = new MutationRunOptions(2, 1000, "/r/t.targets", "/r/artifacts/mutation"),
            Stryker = new PinnedTool("/tools", "5.1.0"),
        };
        TestPlatform[] one = [TestPlatform.VSTest];

        Assert.True(MutationStep.OneSolutionRun(inputs, two, split: false, one));
        Assert.False(MutationStep.OneSolutionRun(inputs with { Choice = inputs.Choice with { WholeSolution = false } }, two, split: false, one)); // a selection Tollgate wrote
        Assert.False(MutationStep.OneSolutionRun(inputs, two, split: false, [TestPlatform.VSTest, TestPlatform.TestingPlatform]));
        Assert.False(MutationStep.OneSolutionRun(inputs, two, split: true, one));
        Assert.False(MutationStep.OneSolutionRun(inputs, two[..1], split: false, one));
        Assert.False(MutationStep.OneSolutionRun(inputs, [two[0], two[1] with { Framework = "net9.0" }], split: false, one));
    }

    [Fact]
    public void A_failed_stryker_run_is_explained_by_the_lines_that_name_the_cause()
    {
        var spec = new ProcessSpec("dotnet-stryker", [], "/");
        var output = string.Join('\n', Enumerable.Range(0, 40).Select(i => $"[02:41:{i:00} INF] busy {i}"))
            + "\n/r/src/Widgets/Widgets.csproj : error NU1102: Unable to find package Microsoft.NETCore.App.Ref with version (= 11.0.0)\n"
            + string.Join('\n', Enumerable.Range(0, 12).Select(i => $"[02:42:{i:00} INF] tail {i}"));

        var cause = MutationRunner.Cause(new ProcessResult(spec, 1, output, "", TimeSpan.Zero, false));

        Assert.Equal("/r/src/Widgets/Widgets.csproj : error NU1102: Unable to find package Microsoft.NETCore.App.Ref with version (= 11.0.0)", cause);
    }
}
