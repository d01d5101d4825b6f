using Tollgate.Engine;
using Tollgate.Evidence;
using Tollgate.Gates.Test;
using Tollgate.Tools.Dotnet;

namespace Tollgate;

/// <summary>Runs every test project once, against the one build, and judges the results from TRX.</summary>
public interface ITest : ICompile
{
    /// <summary>Whether the coverlet collector runs with the tests (the Coverage gate reads its files).</summary>
    [Parameter("Collect code coverage with coverlet while testing")]
    bool CollectCoverage => this.ValueOf(() => CollectCoverage, true);

    /// <summary>Where the test results of this run go (emptied first).</summary>
    AbsolutePath TestResultsDirectory => ArtifactsDirectory / "test-results";

    /// <summary>Runs the tests.</summary>
    Target Test => _ => _
        .Description("Run the tests (TRX, coverage); zero tests is a failure")
        .DependsOn(Compile)
        .ProceedAfterFailure()
        .Produces("artifacts/test-results")
        .Executes(context => GateTarget.RunAsync(this, context, TestGate.Name, async () =>
        {
            var built = BuildInfo.Read(BuildInfoDirectory);
            var projects = built.Where(p => p.IsTestProject).Select(p => p.Project).Distinct().ToList();
            context.Log.Info($"Test projects: {(projects.Count == 0 ? "none" : string.Join(", ", projects.Select(p => Path.GetFileNameWithoutExtension(p))))}");
            var outcomes = await new TestRunner(ProcessRunner).RunAsync(
                RootDirectory, projects, Configuration, TestResultsDirectory, CollectCoverage, CheckedMSBuildProperties, context.Cancellation).ConfigureAwait(false);
            foreach (var project in projects)
            {
                var trx = Path.Combine(TestRunner.ResultsDirectoryOf(TestResultsDirectory, project), TestRunner.TrxFileName);
                if (File.Exists(trx))
                {
                    RunEvidence.AddReport(TestGate.Name, trx, Path.GetFileNameWithoutExtension(project) + ".trx");
                }
            }

            var result = TestGate.Evaluate(outcomes, new Dictionary<string, string> { ["dotnet"] = built[0].Sdk });
            foreach (var finding in result.Findings)
            {
                context.Log.Error($"{finding.Rule ?? finding.File}: {finding.Message.Split('\n')[0]}");
            }

            RunEvidence.WriteFile("junit.xml", JUnitExporter.Render(TestJUnit.Suites(outcomes)));
            context.ClosingLine = $"{TestGate.Name}: {result.Headline}";
            return result;
        }));
}
