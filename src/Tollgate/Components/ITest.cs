using Tollgate.Evidence;
using Tollgate.Gates.Test;
using Tollgate.IO;
using Tollgate.Tools.Dotnet;

namespace Tollgate;

/// <summary>
/// Runs every test project once per target framework, against the one build, and judges the results from TRX.
/// A test project without a coverage collector gets Tollgate's own (pinned) for the run; the evidence says whose ran.
/// </summary>
public interface ITest : ICompile
{
    /// <summary>Whether the coverlet collector runs with the tests (the Coverage gate reads its files).</summary>
    [Parameter("Collect code coverage with coverlet while testing")]
    bool CollectCoverage => this.ValueOf(() => CollectCoverage, true);

    /// <summary>Where the test results of this run go (emptied first).</summary>
    AbsolutePath TestResultsDirectory => ArtifactsDirectory / "test-results";

    /// <summary>Changes how <c>dotnet test</c> runs: <c>Configure&lt;DotnetTestSettings&gt; ITest.TestSettings =&gt; s =&gt; s with { BlameHangTimeout = "5m" };</c></summary>
    Configure<DotnetTestSettings> TestSettings => settings => settings;

    /// <summary>Runs the tests.</summary>
    Target Test => _ => _
        .Description("Run the tests (TRX, coverage); zero tests is a failure")
        .DependsOn(Compile)
        .ProceedAfterFailure()
        .Produces("artifacts/test-results")
        .Executes(context => GateTarget.RunAsync(this, context, TestGate.Name, async () =>
        {
            var built = BuildInfo.Read(BuildInfoDirectory);
            var tests = built.Where(p => p.IsTestProject).ToList();
            var projects = tests.Select(p => p.Project).Distinct().ToList();
            context.Log.Info($"Test projects: {(projects.Count == 0 ? "none" : string.Join(", ", projects.Select(p => Path.GetFileNameWithoutExtension(p))))}");
            var tools = new Dictionary<string, string> { ["dotnet"] = built[0].Sdk };
            var collectorFindings = new List<Finding>();
            string? supplied = null;
            if (this.Read(() => CollectCoverage) && tests.Any(p => p.CoverageCollector is null))
            {
                var version = PolicyDefaults.Current.ToolVersion(CoverageCollectorPackage.Package);
                supplied = await new CoverageCollectorPackage(ProcessRunner, this.Read(() => ToolsDirectory)).EnsureAsync(version, context.Cancellation).ConfigureAwait(false);
                tools[CoverageCollectorPackage.Package] = version;
            }

            foreach (var project in tests.GroupBy(p => p.Project))
            {
                var own = project.First().CoverageCollector;
                var relative = PortablePath.Relative(RootDirectory, project.Key);
                collectorFindings.Add(own is null
                    ? new Finding("coverage-collector", $"Tollgate's {CoverageCollectorPackage.Package} {tools.GetValueOrDefault(CoverageCollectorPackage.Package, "(not run: --collect-coverage false)")} (the project references none)", relative, Rule: "supplied")
                    : new Finding("coverage-collector", $"the project's own {CoverageCollectorPackage.Package} {own}", relative, Rule: "own"));
            }

            var runs = tests.Select(p => new TestRun(p.Project, p.Framework, p.CoverageCollector is null ? supplied : null)).Distinct().ToList();
            var outcomes = await new TestRunner(ProcessRunner.With(TestSettings(new DotnetTestSettings()))).RunAsync(
                RootDirectory, runs, this.Read(() => Configuration), TestResultsDirectory, this.Read(() => CollectCoverage), CheckedMSBuildProperties, context.Cancellation).ConfigureAwait(false);
            var multiTargeted = runs.GroupBy(r => r.Project).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
            foreach (var run in runs)
            {
                var trx = Path.Combine(TestRunner.ResultsDirectoryOf(TestResultsDirectory, run.Project, run.Framework), TestRunner.TrxFileName);
                if (File.Exists(trx))
                {
                    var name = Path.GetFileNameWithoutExtension(run.Project) + (multiTargeted.Contains(run.Project) ? $".{run.Framework}" : "");
                    RunEvidence.AddReport(TestGate.Name, trx, name + ".trx");
                }
            }

            var evaluated = TestGate.Evaluate(outcomes, tools);
            var result = evaluated with { Findings = [.. evaluated.Findings, .. collectorFindings] };
            foreach (var finding in evaluated.Findings)
            {
                context.Log.Error($"{finding.Rule ?? finding.File}: {finding.Message.Split('\n')[0]}");
            }

            RunEvidence.WriteFile("junit.xml", JUnitExporter.Render(TestJUnit.Suites(outcomes)));
            context.ClosingLine = $"{TestGate.Name}: {result.Headline}";
            return result;
        }));
}
