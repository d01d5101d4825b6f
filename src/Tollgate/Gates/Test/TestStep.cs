using Tollgate.Evidence;
using Tollgate.IO;
using Tollgate.Tools;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Gates.Test;

/// <summary>What the Test gate reads.</summary>
/// <param name="Root">The repository root.</param>
/// <param name="Built">The build's facts: every test project and framework.</param>
/// <param name="Configuration">The configuration built.</param>
/// <param name="ResultsDirectory">Where TRX and coverage files go (emptied first).</param>
/// <param name="CollectCoverage">Run coverlet with the tests.</param>
/// <param name="Properties">MSBuild properties of the run.</param>
/// <param name="ToolsDirectory">Where Tollgate's pinned coverage collector is kept.</param>
/// <param name="CollectorVersion">The pinned coverlet.collector version for projects that reference none.</param>
internal sealed record TestInputs(
    string Root, IReadOnlyList<ProjectInfo> Built, string Configuration, string ResultsDirectory, bool CollectCoverage,
    IReadOnlyList<string> Properties, string ToolsDirectory, string CollectorVersion);

/// <summary>
/// The Test gate from inputs to result: every test project once per framework, side by side, against the one
/// build; a project without a coverage collector gets Tollgate's pinned one (the findings say whose ran);
/// TRX files and a JUnit rendering into the evidence.
/// </summary>
internal sealed class TestStep(ProcessRunner runner, EvidenceBundle evidence, Action<string> say)
{
    public async Task<GateResult> RunAsync(TestInputs inputs, CancellationToken cancellation)
    {
        var tests = inputs.Built.Where(p => p.IsTestProject).ToList();
        var projects = tests.Select(p => p.Project).Distinct().ToList();
        say($"Test projects: {(projects.Count == 0 ? "none" : string.Join(", ", projects.Select(Path.GetFileNameWithoutExtension)))}");
        var tools = new Dictionary<string, string> { ["dotnet"] = inputs.Built[0].Sdk };
        string? supplied = null;
        if (inputs.CollectCoverage && tests.Any(p => p.CoverageCollector is null))
        {
            supplied = await new CoverageCollectorPackage(runner, inputs.ToolsDirectory).EnsureAsync(inputs.CollectorVersion, cancellation).ConfigureAwait(false);
            tools[CoverageCollectorPackage.Package] = inputs.CollectorVersion;
        }

        var collectorFindings = tests.GroupBy(p => p.Project).Select(project =>
        {
            var own = project.First().CoverageCollector;
            var relative = PortablePath.Relative(inputs.Root, project.Key);
            return own is null
                ? new Finding("coverage-collector", $"Tollgate's {CoverageCollectorPackage.Package} {tools.GetValueOrDefault(CoverageCollectorPackage.Package, "(not run: --collect-coverage false)")} (the project references none)", relative, Rule: "supplied")
                : new Finding("coverage-collector", $"the project's own {CoverageCollectorPackage.Package} {own}", relative, Rule: "own");
        }).ToList();

        var runs = tests.Select(p => new TestRun(p.Project, p.Framework, p.CoverageCollector is null ? supplied : null)).Distinct().ToList();
        var outcomes = await new TestRunner(runner, say).RunAsync(
            inputs.Root, runs, inputs.Configuration, inputs.ResultsDirectory, inputs.CollectCoverage, inputs.Properties, cancellation).ConfigureAwait(false);
        var multiTargeted = runs.GroupBy(r => r.Project).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        foreach (var run in runs)
        {
            var trx = Path.Combine(TestRunner.ResultsDirectoryOf(inputs.ResultsDirectory, run.Project, run.Framework), TestRunner.TrxFileName);
            if (File.Exists(trx))
            {
                var name = Path.GetFileNameWithoutExtension(run.Project) + (multiTargeted.Contains(run.Project) ? $".{run.Framework}" : "");
                evidence.AddReport(TestGate.Name, trx, name + ".trx");
            }
        }

        var evaluated = TestGate.Evaluate(outcomes, tools);
        evidence.WriteFile("junit.xml", JUnitExporter.Render(TestJUnit.Suites(outcomes)));
        return evaluated with { Findings = [.. evaluated.Findings, .. collectorFindings] };
    }
}
