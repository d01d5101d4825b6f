using Tollgate.Gates.Coverage;
using Tollgate.Gates.Shards;
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
        // Coverage merges the files this run's Test wrote; with Test skipped, those in artifacts/test-results are an earlier run's.
        .Requires(() => PlannedTargets.Contains(nameof(Test)), () =>
            $"its Test in the same run: with Test skipped, the coverage files in {TestResultsDirectory.RelativeTo(RootDirectory)} are an earlier run's, not this one's (do not --skip Test)")
        .ProceedAfterFailure()
        .Produces(CoverageReportDirectory.RelativeTo(RootDirectory))
        .Executes(context => GateTarget.RunAsync(this, context, CoverageGate.Name, async () =>
        {
            var inputs = CoverageInputsOf(TestResultsDirectory);
            var shard = CheckedShard;
            var result = await new CoverageStep(ProcessRunner, RunEvidence, ToolHooks, await ResultCacheAsync(context.Cancellation).ConfigureAwait(false)).RunAsync(inputs, context.Cancellation).ConfigureAwait(false);
            return shard.IsSplit ? ShardVerdict.Partial(result, shard) : result;
        }));

    /// <summary>The Coverage gate's inputs over the coverage files below <paramref name="collected"/>: the policy, the baseline, the filters.</summary>
    internal CoverageInputs CoverageInputsOf(AbsolutePath collected) => new()
    {
        Root = RootDirectory,
        TestResultsDirectory = collected,
        ReportDirectory = CoverageReportDirectory,
        Configuration = this.Read(() => Configuration),
        Policy = new CoveragePolicy(this.Read(() => CoverageThreshold), this.Read(() => CoverageBranchThreshold), this.Read(() => CoverageTolerance)),
        Baseline = CoverageBaselineOrDefault(),
        AssemblyFilters = this.Read(() => CoverageAssemblyFilters),
        FileFilters = this.Read(() => CoverageFileFilters),
        ReportGenerator = new PinnedTool(this.Read(() => ToolsDirectory), PolicyDefaults.Current.ToolVersion(ReportGeneratorTool.Package), this.Read(() => ReportGeneratorExecutable)),
    };

    /// <summary>A ReportGenerator program instead of the pinned one.</summary>
    [Parameter("A ReportGenerator program to run instead of the pinned reportgenerator: a path (from the root) or a name on PATH; the evidence records it (default: the pinned version, installed in .nuke/temp/tools)")]
    string? ReportGeneratorExecutable => this.ValueOf(() => ReportGeneratorExecutable, null);

    private CoverageBaseline? CoverageBaselineOrDefault()
    {
        var committed = RootDirectory / ".nuke" / "coverage-baseline.json";
        var path = this.Read(() => CoverageBaseline) ?? (File.Exists(committed) ? committed : null);
        return path is null ? null : CoverageBaselineReader.Read(path, path.RelativeTo(RootDirectory));
    }
}
