using Tollgate.Gates.Coverage;
using Tollgate.IO;
using Tollgate.Tools.Cobertura;
using Tollgate.Tools.Dotnet;
using Tollgate.Tools.ReportGenerator;

namespace Tollgate;

/// <summary>
/// The Coverage gate: merges the coverage the Test run collected (no second test run) with ReportGenerator
/// and holds line coverage (and branch coverage, when asked) to the policy, and to a baseline when one is given.
/// </summary>
public interface ICoverage : ITest
{
    /// <summary>Minimum line coverage, percent.</summary>
    [Parameter("Minimum line coverage, in percent")]
    [Bounds(0, 100)]
    double CoverageThreshold => this.ValueOf(() => CoverageThreshold, PolicyDefaults.Current.CoverageLine);

    /// <summary>Minimum branch coverage, percent; off when not set.</summary>
    [Parameter("Minimum branch coverage, in percent (off when not set)")]
    [Bounds(0, 100)]
    double? CoverageBranchThreshold => this.ValueOf(() => CoverageBranchThreshold, PolicyDefaults.Current.CoverageBranch);

    /// <summary>Baseline for the ratchet.</summary>
    [Parameter("A previous manifest.json or a coverage-baseline.json to hold coverage to (default: .nuke/coverage-baseline.json when it exists)")]
    AbsolutePath? CoverageBaseline => this.ValueOf(() => CoverageBaseline, null);

    /// <summary>Allowed drop below the baseline, percentage points.</summary>
    [Parameter("How many percentage points line coverage may drop below the baseline")]
    [Bounds(0, 100)]
    double CoverageTolerance => this.ValueOf(() => CoverageTolerance, PolicyDefaults.Current.CoverageTolerance);

    /// <summary>ReportGenerator assembly filters.</summary>
    [Parameter("Assemblies to include or exclude, as +Name or -Name (wildcards allowed)")]
    string[] CoverageAssemblyFilters => this.ValueOf(() => CoverageAssemblyFilters, []);

    /// <summary>ReportGenerator file filters.</summary>
    [Parameter("Source files to include or exclude, as +pattern or -pattern (e.g. -**/Migrations/**)")]
    string[] CoverageFileFilters => this.ValueOf(() => CoverageFileFilters, []);

    /// <summary>Where the merged reports go.</summary>
    AbsolutePath CoverageReportDirectory => ArtifactsDirectory / "coverage";

    /// <summary>Changes how ReportGenerator runs, e.g. <c>s =&gt; s.AddArguments("-classfilters:-*.Migrations.*")</c>.</summary>
    Configure<ReportGeneratorSettings> ReportGeneratorSettings => settings => settings;

    /// <summary>Holds coverage to the policy.</summary>
    Target Coverage => _ => _
        .Description("Merge the tests' coverage (ReportGenerator) and hold line coverage to the policy")
        .DependsOn(Test)
        .ProceedAfterFailure()
        .Produces("artifacts/coverage")
        .Executes(context => GateTarget.RunAsync(this, context, CoverageGate.Name, async () =>
        {
            var policy = new CoveragePolicy(this.Read(() => CoverageThreshold), this.Read(() => CoverageBranchThreshold), this.Read(() => CoverageTolerance));
            var baseline = CoverageBaselineOrDefault();
            var version = PolicyDefaults.Current.ToolVersion(ReportGeneratorTool.Package);
            var tools = new Dictionary<string, string> { [ReportGeneratorTool.Package] = version };
            var collected = CoverageRunner.CollectedFiles(TestResultsDirectory);
            var settings = new Dictionary<string, string> { ["configuration"] = this.Read(() => Configuration) };
            if (collected.Count == 0)
            {
                return CoverageGate.Evaluate(null, [], policy, baseline, tools) with { Settings = settings };
            }

            var reportGenerator = await new DotnetTools(ProcessRunner, this.Read(() => ToolsDirectory))
                .EnsureAsync(ReportGeneratorTool.Package, version, ReportGeneratorTool.Command, context.Cancellation).ConfigureAwait(false);
            var merged = await new CoverageRunner(ProcessRunner.With(ReportGeneratorSettings(new ReportGeneratorSettings()))).MergeAsync(
                reportGenerator, collected, CoverageReportDirectory, this.Read(() => CoverageAssemblyFilters), this.Read(() => CoverageFileFilters), RootDirectory, context.Cancellation).ConfigureAwait(false);
            RunEvidence.AddReportDirectory(CoverageGate.Name, CoverageReportDirectory);
            var (counts, files) = CoberturaReader.Read(merged);
            return CoverageGate.Evaluate(counts, files.Select(f => f with { File = Relative(f.File) }).ToList(), policy, baseline, tools) with { Settings = settings };
        }));

    private CoverageBaseline? CoverageBaselineOrDefault()
    {
        var committed = RootDirectory / ".nuke" / "coverage-baseline.json";
        var path = this.Read(() => CoverageBaseline) ?? (File.Exists(committed) ? committed : null);
        return path is null ? null : CoverageBaselineReader.Read(path, path.RelativeTo(RootDirectory));
    }

    private string Relative(string file) =>
        Path.IsPathRooted(file) ? PortablePath.Relative(RootDirectory, file) : file.Replace('\\', '/');
}
