using Tollgate.Evidence;
using Tollgate.IO;
using Tollgate.Tools;
using Tollgate.Tools.Cobertura;
using Tollgate.Tools.Dotnet;
using Tollgate.Tools.ReportGenerator;

namespace Tollgate.Gates.Coverage;

/// <summary>What the Coverage gate reads, in named groups: where the files are, the policy and its ratchet, what is counted, and ReportGenerator.</summary>
internal sealed record CoverageInputs
{
    /// <summary>The repository root.</summary>
    public required string Root { get; init; }

    /// <summary>Where the Test run left its coverage files.</summary>
    public required string TestResultsDirectory { get; init; }

    /// <summary>Where the merged reports go.</summary>
    public required string ReportDirectory { get; init; }

    /// <summary>The configuration the tests ran in (recorded: figures depend on it).</summary>
    public required string Configuration { get; init; }

    /// <summary>Thresholds and tolerance.</summary>
    public required CoveragePolicy Policy { get; init; }

    /// <summary>The ratchet, when there is one.</summary>
    public CoverageBaseline? Baseline { get; init; }

    /// <summary>ReportGenerator's assembly filters (<c>+Include</c>, <c>-Exclude</c>).</summary>
    public IReadOnlyList<string> AssemblyFilters { get; init; } = [];

    /// <summary>ReportGenerator's file filters.</summary>
    public IReadOnlyList<string> FileFilters { get; init; } = [];

    /// <summary>ReportGenerator: pinned, or given.</summary>
    public required PinnedTool ReportGenerator { get; init; }
}

/// <summary>
/// The Coverage gate from inputs to result: the Test run's coverage files merged by ReportGenerator (no second
/// test run), read from the merged Cobertura file and held to the policy and the baseline.
/// </summary>
internal sealed class CoverageStep(ProcessRunner runner, BundleWriter evidence, ToolHooks? hooks = null)
{
    public async Task<GateResult> RunAsync(CoverageInputs inputs, CancellationToken cancellation)
    {
        var tools = new Dictionary<string, string> { [ReportGeneratorTool.Package] = inputs.ReportGenerator.Version };
        var settings = new Dictionary<string, string> { ["configuration"] = inputs.Configuration };
        var collected = CoverageRunner.CollectedFiles(inputs.TestResultsDirectory);
        if (collected.Count == 0)
        {
            return CoverageGate.Evaluate(null, [], inputs.Policy, inputs.Baseline, tools) with { Settings = settings };
        }

        var reportGenerator = await ToolChoice.OfAsync(
            new DotnetTools(runner, inputs.ReportGenerator.Directory), inputs.ReportGenerator.Given, "report-generator-executable", inputs.Root,
            ReportGeneratorTool.Package, inputs.ReportGenerator.Version, ReportGeneratorTool.Command, cancellation).ConfigureAwait(false);
        tools[ReportGeneratorTool.Package] = reportGenerator.Version;
        var merged = await new CoverageRunner(runner, hooks).MergeAsync(
            reportGenerator.Program, collected, inputs.ReportDirectory, inputs.AssemblyFilters, inputs.FileFilters, inputs.Root, cancellation).ConfigureAwait(false);
        evidence.AddReportDirectory(CoverageGate.Name, inputs.ReportDirectory);
        var (counts, files) = CoberturaReader.Read(merged);
        var relative = files.Select(f => f with { File = Path.IsPathRooted(f.File) ? PortablePath.Relative(inputs.Root, f.File) : f.File.Replace('\\', '/') }).ToList();
        return CoverageGate.Evaluate(counts, relative, inputs.Policy, inputs.Baseline, tools) with { Settings = settings };
    }
}
