using Tollgate.Evidence;
using Tollgate.IO;
using Tollgate.Tools;
using Tollgate.Tools.Cobertura;
using Tollgate.Tools.Dotnet;
using Tollgate.Tools.ReportGenerator;

namespace Tollgate.Gates.Coverage;

/// <summary>What the Coverage gate reads.</summary>
/// <param name="Root">The repository root.</param>
/// <param name="TestResultsDirectory">Where the Test run left its coverage files.</param>
/// <param name="ReportDirectory">Where the merged reports go.</param>
/// <param name="Policy">Thresholds and tolerance.</param>
/// <param name="Baseline">The ratchet, when there is one.</param>
/// <param name="AssemblyFilters">ReportGenerator's assembly filters.</param>
/// <param name="FileFilters">ReportGenerator's file filters.</param>
/// <param name="ToolsDirectory">Where ReportGenerator is installed.</param>
/// <param name="ReportGeneratorVersion">The pinned ReportGenerator version.</param>
/// <param name="Configuration">The configuration the tests ran in (recorded: figures depend on it).</param>
/// <param name="ReportGeneratorExecutable">A ReportGenerator program the build names instead of the pinned one (null: the pinned one).</param>
internal sealed record CoverageInputs(
    string Root, string TestResultsDirectory, string ReportDirectory, CoveragePolicy Policy, CoverageBaseline? Baseline,
    IReadOnlyList<string> AssemblyFilters, IReadOnlyList<string> FileFilters, string ToolsDirectory, string ReportGeneratorVersion, string Configuration,
    string? ReportGeneratorExecutable = null);

/// <summary>
/// The Coverage gate from inputs to result: the Test run's coverage files merged by ReportGenerator (no second
/// test run), read from the merged Cobertura file and held to the policy and the baseline.
/// </summary>
internal sealed class CoverageStep(ProcessRunner runner, BundleWriter evidence, ToolHooks? hooks = null)
{
    public async Task<GateResult> RunAsync(CoverageInputs inputs, CancellationToken cancellation)
    {
        var tools = new Dictionary<string, string> { [ReportGeneratorTool.Package] = inputs.ReportGeneratorVersion };
        var settings = new Dictionary<string, string> { ["configuration"] = inputs.Configuration };
        var collected = CoverageRunner.CollectedFiles(inputs.TestResultsDirectory);
        if (collected.Count == 0)
        {
            return CoverageGate.Evaluate(null, [], inputs.Policy, inputs.Baseline, tools) with { Settings = settings };
        }

        var reportGenerator = await ToolChoice.OfAsync(
            new DotnetTools(runner, inputs.ToolsDirectory), inputs.ReportGeneratorExecutable, "report-generator-executable", inputs.Root,
            ReportGeneratorTool.Package, inputs.ReportGeneratorVersion, ReportGeneratorTool.Command, cancellation).ConfigureAwait(false);
        tools[ReportGeneratorTool.Package] = reportGenerator.Version;
        var merged = await new CoverageRunner(runner, hooks).MergeAsync(
            reportGenerator.Program, collected, inputs.ReportDirectory, inputs.AssemblyFilters, inputs.FileFilters, inputs.Root, cancellation).ConfigureAwait(false);
        evidence.AddReportDirectory(CoverageGate.Name, inputs.ReportDirectory);
        var (counts, files) = CoberturaReader.Read(merged);
        var relative = files.Select(f => f with { File = Path.IsPathRooted(f.File) ? PortablePath.Relative(inputs.Root, f.File) : f.File.Replace('\\', '/') }).ToList();
        return CoverageGate.Evaluate(counts, relative, inputs.Policy, inputs.Baseline, tools) with { Settings = settings };
    }
}
