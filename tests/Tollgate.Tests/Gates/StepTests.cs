using Tollgate.Engine;
using Tollgate.Evidence;
using Tollgate.Gates.ArchitectureTests;
using Tollgate.Gates.Coverage;
using Tollgate.Tests.Support;
using Tollgate.Tools;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Tests.Gates;

/// <summary>The gates' steps called directly, without a build, a host or a target: inputs in, result out.</summary>
public sealed class StepTests : IDisposable
{
    private readonly TempDirectory root = new();
    private readonly List<string> said = [];

    public void Dispose() => root.Dispose();

    private BundleWriter Bundle() => new(Path.Combine(root.Path, "artifacts", "evidence"));

    private ProjectInfo Tollgate() =>
        new(Path.Combine(root.Path, "src", "Tollgate", "Tollgate.csproj"), "net10.0", false, typeof(TollgateBuild).Assembly.Location, "", "10.0.100");

    [Fact]
    public async Task The_architecture_step_checks_the_rules_file_on_the_built_assembly()
    {
        root.Write(".nuke/architecture.json", """
            { "rules": [ { "name": "engine stays below the gates", "kind": "forbidden", "from": ["Tollgate.Engine.**"], "to": ["Tollgate.Gates.**"] } ] }
            """);
        var bundle = Bundle();

        var result = await new ArchitectureStep(bundle, said.Add).RunAsync(new ArchitectureInputs
        {
            Root = root.Path,
            Built = [Tollgate()],
            AssemblyPatterns = [],
            Freeze = false,
            TollgateVersion = "0.0.0",
        });

        Assert.Equal(GateStatus.Passed, result.Status);
        Assert.Equal(".nuke/architecture.json", result.Settings["rules"]);
        Assert.Contains(said, s => s.StartsWith("Checking 1 rules on Tollgate.dll", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(bundle.Staging, "reports", "architecturetests", "architecture.sarif")));
    }

    [Fact]
    public async Task The_architecture_step_fails_naming_the_type_that_breaks_a_rule()
    {
        root.Write(".nuke/architecture.json", """
            { "rules": [ { "name": "gates without io", "kind": "forbidden", "from": ["Tollgate.Gates.**"], "to": ["Tollgate.IO.**"] } ] }
            """);

        var result = await new ArchitectureStep(Bundle(), said.Add).RunAsync(new ArchitectureInputs
        {
            Root = root.Path,
            Built = [Tollgate()],
            AssemblyPatterns = [],
            Freeze = false,
            TollgateVersion = "0.0.0",
        });

        Assert.Equal(GateStatus.Failed, result.Status);
        Assert.Contains(result.Findings, f => f.Kind == "violation" && f.Message.StartsWith("Tollgate.Gates.", StringComparison.Ordinal) && f.Message.Contains("Tollgate.IO.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_rules_file_the_architecture_step_holds_the_default_rule()
    {
        var result = await new ArchitectureStep(Bundle(), said.Add).RunAsync(new ArchitectureInputs
        {
            Root = root.Path,
            Built = [Tollgate()],
            AssemblyPatterns = [],
            Freeze = false,
            TollgateVersion = "0.0.0",
        });

        Assert.Equal("default: no namespace cycles within each assembly", result.Settings["rules"]);
        Assert.Contains("default rules: no namespace cycles", result.Headline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coverage_step_without_coverage_files_fails_and_runs_no_tool()
    {
        var recorded = ProcessRunner.Record();
        var inputs = new CoverageInputs
        {
            Root = root.Path,
            TestResultsDirectory = Path.Combine(root.Path, "artifacts", "test-results"),
            ReportDirectory = Path.Combine(root.Path, "artifacts", "coverage"),
            Configuration = "Release",
            Policy = new CoveragePolicy(70, null, 0.5),
            ReportGenerator = new PinnedTool(Path.Combine(root.Path, "tools"), "5.6.0"),
        };

        var result = await new CoverageStep(new ProcessRunner(new BuildLog(TextWriter.Null, TextWriter.Null, Verbosity.Normal, new SecretMasker())), Bundle())
            .RunAsync(inputs, CancellationToken.None);

        Assert.NotEqual(GateStatus.Passed, result.Status);
        Assert.Equal("Release", result.Settings["configuration"]);
        Assert.Empty(recorded);
    }
}
