using Tollgate.Ci;
using Tollgate.Gates;
using Tollgate.Gates.Mutation;
using Tollgate.Gates.Shards;
using Tollgate.Tools.Dotnet;
using Tollgate.Tools.Stryker;

namespace Tollgate;

/// <summary>
/// The Mutation gate: Stryker.NET (pinned, installed on first use) on every project in scope, scored by
/// Tollgate from the JSON report; on a pull request, or with <c>--mutation-since</c>, only changed code.
/// </summary>
public interface IMutation : ITest
{
    /// <summary>Minimum mutation score.</summary>
    [Parameter("Minimum mutation score, in percent")]
    [Bounds(0, 100)]
    double MutationThreshold => this.ValueOf(() => MutationThreshold, PolicyDefaults.Current.MutationScore);

    /// <summary>Which projects are mutated.</summary>
    [Parameter("Projects to mutate, by file name pattern, e.g. *.Domain.csproj (default: every non-test project a test project references)")]
    string[] MutationProjects => this.ValueOf(() => MutationProjects, []);

    /// <summary>Which files are mutated.</summary>
    [Parameter("Files to mutate, as Stryker glob patterns, e.g. **/Domain/**/*.cs (default: all)")]
    string[] MutationMutate => this.ValueOf(() => MutationMutate, []);

    /// <summary>Incremental mutation.</summary>
    [Parameter("Mutate only code changed since this git ref (default on a pull request: its target branch)")]
    string? MutationSince => this.ValueOf(() => MutationSince, null);

    /// <summary>Parallel test runners.</summary>
    [Parameter("Stryker test runners in parallel (default: the processor count)")]
    [Bounds(1, 256)]
    int MutationConcurrency => this.ValueOf(() => MutationConcurrency, Environment.ProcessorCount);

    /// <summary>Extra time per mutant.</summary>
    [Parameter("Milliseconds added to each mutant's time budget")]
    [Bounds(0)]
    int MutationAdditionalTimeout => this.ValueOf(() => MutationAdditionalTimeout, 1000);

    /// <summary>How long a file's mutants are reused from the result cache.</summary>
    [Parameter("Days a source file's mutants are reused from the result cache before Stryker tests them again (default from the policy: 7; 0 tests every file each run)")]
    [Bounds(0, 3650)]
    int MutationCacheDays => this.ValueOf(() => MutationCacheDays, PolicyDefaults.Current.MutationCacheDays);

    /// <summary>Which tests Stryker runs.</summary>
    [Parameter("A VSTest filter for the tests Stryker runs (e.g. to leave slow integration tests out)")]
    string? MutationTestCaseFilter => this.ValueOf(() => MutationTestCaseFilter, null);

    /// <summary>A Stryker.NET program instead of the pinned one.</summary>
    [Parameter("A Stryker.NET program to run instead of the pinned dotnet-stryker: a path (from the root) or a name on PATH; the evidence records it (default: the pinned version, installed in .nuke/temp/tools)")]
    string? StrykerExecutable => this.ValueOf(() => StrykerExecutable, null);

    /// <summary>Whether an empty scope passes.</summary>
    [Parameter("Pass when the scope holds no mutant (a scope that is empty on purpose)")]
    bool MutationEmptyScopeAllowed => this.ValueOf(() => MutationEmptyScopeAllowed, false);

    /// <summary>Where Stryker's reports go, one directory per project.</summary>
    AbsolutePath MutationReportDirectory => ArtifactsDirectory / "mutation";

    /// <summary>Changes how Stryker.NET runs, e.g. <c>s =&gt; s.AddArguments("--ignore-methods", "*Log*")</c>.</summary>
    Configure<StrykerSettings> StrykerSettings => settings => settings;

    /// <summary>Mutation-tests the projects in scope.</summary>
    Target Mutation => _ => _
        .Description("Mutation-test the projects in scope with Stryker.NET and hold the score to the policy")
        .DependsOn(Test)
        .ProceedAfterFailure()
        // Stryker swaps mutated assemblies into the test projects' output (Test reads it, so Mutation comes after it) and
        // builds the projects again: with the run's build targets that build finds them up to date and writes nothing, so
        // Lint and Coverage may run beside it; the assemblies ArchitectureTests reads and the obj/ folders the NuGet audit
        // restores into are left to those gates first.
        .TryAfter<IArchitectureTests>(x => x.ArchitectureTests)
        .TryAfter<ISecurityScan>(x => x.SecurityScan)
        .Produces(MutationReportDirectory.RelativeTo(RootDirectory))
        .Executes(context => GateTarget.RunAsync(this, context, MutationGate.Name, async () =>
        {
            var since = this.Read(() => MutationSince) ?? PullRequest.TargetRef(EnvironmentVariables);
            var releaseTags = await Tools.Git.GitHistory.ReleaseTagsAtHeadAsync(ProcessRunner, RootDirectory, context.Cancellation).ConfigureAwait(false);
            var inputs = new MutationInputs
            {
                Scope = new BuildScope(RootDirectory, BuildInfo.Read(BuildInfoDirectory), BuildTarget, this.Read(() => Configuration), BuildProperties),
                Choice = new MutationChoice(
                    this.Read(() => MutationProjects), since, this.Read(() => MutationMutate), this.Read(() => MutationTestCaseFilter), Path.GetFileNameWithoutExtension(SolutionFile),
                    Selection.IsWhole, CheckedShard, CheckedShard.IsSplit ? CheckedShardTimings : null),
                Policy = new MutationPolicy(this.Read(() => MutationThreshold), this.Read(() => MutationEmptyScopeAllowed), since),
                Run = new MutationRunOptions(this.Read(() => MutationConcurrency), this.Read(() => MutationAdditionalTimeout), BuildTargetsPath, MutationReportDirectory, this.Read(() => MutationCacheDays),
                    releaseTags.Count == 0 ? null : $"HEAD is the release {releaseTags[0]}: a release's score is a full run's"),
                Stryker = new PinnedTool(this.Read(() => ToolsDirectory), PolicyDefaults.Current.ToolVersion(StrykerTool.Package), this.Read(() => StrykerExecutable)),
            };
            var step = new MutationStep(ProcessRunner, RunEvidence, context.Log.Info, context.Log.Always, ToolHooks, await ResultCacheAsync(context.Cancellation).ConfigureAwait(false));
            var result = await step.RunAsync(inputs, context.Cancellation).ConfigureAwait(false);
            result = inputs.Choice.Shard!.IsSplit && result.Status != GateStatus.Skipped ? ShardVerdict.Partial(result, inputs.Choice.Shard) : result;
            foreach (var finding in result.Findings.Where(f => f.Kind == "hotspot"))
            {
                context.Log.Warn($"{finding.File}: {finding.Message}");
            }

            return result;
        }));
}
