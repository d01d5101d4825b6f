using Tollgate.Ci;
using Tollgate.Gates.Mutation;
using Tollgate.Tools.Dotnet;
using Tollgate.Tools.Git;
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

    /// <summary>Which tests Stryker runs.</summary>
    [Parameter("A VSTest filter for the tests Stryker runs (e.g. to leave slow integration tests out)")]
    string? MutationTestCaseFilter => this.ValueOf(() => MutationTestCaseFilter, null);

    /// <summary>Whether an empty scope passes.</summary>
    [Parameter("Pass when the scope holds no mutant (a scope that is empty on purpose)")]
    bool MutationEmptyScopeAllowed => this.ValueOf(() => MutationEmptyScopeAllowed, false);

    /// <summary>Where Stryker's reports go, one directory per project.</summary>
    AbsolutePath MutationReportDirectory => ArtifactsDirectory / "mutation";

    private void AddReports(AbsolutePath output, string name)
    {
        foreach (var (report, extension) in new[] { (StrykerTool.ReportPath, ".json"), (StrykerTool.HtmlPath, ".html") })
        {
            if (File.Exists(output / report))
            {
                RunEvidence.AddReport(MutationGate.Name, output / report, name + extension);
            }
        }
    }

    /// <summary>Changes how Stryker.NET runs, e.g. <c>s =&gt; s.AddArguments("--ignore-methods", "*Log*")</c>.</summary>
    Configure<StrykerSettings> StrykerSettings => settings => settings;

    /// <summary>Mutation-tests the projects in scope.</summary>
    Target Mutation => _ => _
        .Description("Mutation-test the projects in scope with Stryker.NET and hold the score to the policy")
        .DependsOn(Test)
        .ProceedAfterFailure()
        // Stryker rebuilds the projects and swaps mutated assemblies into the test projects' output: never while another gate reads them.
        .TryAfter<ILint>(x => x.Lint)
        .TryAfter<ICoverage>(x => x.Coverage)
        .TryAfter<IArchitectureTests>(x => x.ArchitectureTests)
        .TryAfter<ISecurityScan>(x => x.SecurityScan)
        .Produces("artifacts/mutation")
        .Executes(context => GateTarget.RunAsync(this, context, MutationGate.Name, async () =>
        {
            var built = BuildInfo.Read(BuildInfoDirectory);
            var scope = MutationScope.Of(built, this.Read(() => MutationProjects), RootDirectory);
            foreach (var (project, reason) in scope.NotMutated)
            {
                context.Log.Info($"Not mutated: {project} ({reason})");
            }

            var since = this.Read(() => MutationSince) ?? PullRequest.TargetRef(EnvironmentVariables);
            var sinceCommit = since is null ? null
                : await GitFacts.ResolveAsync(ProcessRunner, RootDirectory, since, context.Cancellation).ConfigureAwait(false)
                    ?? throw new TargetFailedException($"--mutation-since '{since}' names no commit in this repository; fetch it (e.g. git fetch origin main, or a full clone instead of a shallow one) or name another ref.");
            var version = PolicyDefaults.Current.ToolVersion(StrykerTool.Package);
            var policy = new MutationPolicy(this.Read(() => MutationThreshold), this.Read(() => MutationEmptyScopeAllowed), since);
            var tools = new Dictionary<string, string> { [StrykerTool.Package] = version };
            var stryker = await new DotnetTools(ProcessRunner, this.Read(() => ToolsDirectory)).EnsureAsync(StrykerTool.Package, version, StrykerTool.Command, context.Cancellation).ConfigureAwait(false);
            var runs = new List<MutationRun>();
            var frameworks = scope.Mutated.Select(t => t.Framework).Distinct().ToList();
            if (scope.Mutated.Count > 1 && this.Read(() => MutationProjects).Length == 0 && frameworks.Count == 1)
            {
                // Several projects, the default scope: Stryker's solution mode mutates exactly what the solution's test
                // projects reach, in one analysis and one build instead of one per project (bench/mutation-scope.sh).
                var solution = BuildTarget;
                context.Log.Info($"Mutating {string.Join(", ", scope.Mutated.Select(t => Path.GetFileNameWithoutExtension(t.Project)))} ({frameworks[0]}) in one Stryker run on {solution.Name}{(since is null ? "" : $" (only code changed since {since})")} with {this.Read(() => MutationConcurrency)} runners…");
                var config = new StrykerConfig(
                    solution.Name, [], this.Read(() => Configuration), this.Read(() => MutationConcurrency), this.Read(() => MutationAdditionalTimeout), this.Read(() => MutationThreshold), this.Read(() => MutationMutate), sinceCommit,
                    this.Read(() => MutationTestCaseFilter), frameworks[0], solution);
                var output = MutationReportDirectory / "solution";
                runs.Add(await new MutationRunner(ProcessRunner.With(StrykerSettings(new StrykerSettings())), line => context.Log.Always(line)).RunAsync(stryker, RootDirectory, solution, config, output, CheckedMSBuildProperties, context.Cancellation).ConfigureAwait(false));
                AddReports(output, Path.GetFileNameWithoutExtension(SolutionFile));
            }

            foreach (var target in runs.Count > 0 ? [] : scope.Mutated)
            {
                var name = Path.GetFileNameWithoutExtension(target.Project);
                context.Log.Info($"Mutating {name} ({target.Framework}){(since is null ? "" : $" (only code changed since {since})")} with {this.Read(() => MutationConcurrency)} runners, tested by {string.Join(", ", target.TestProjects.Select(Path.GetFileNameWithoutExtension))}…");
                var config = new StrykerConfig(
                    Path.GetFileName(target.Project), target.TestProjects, this.Read(() => Configuration), this.Read(() => MutationConcurrency), this.Read(() => MutationAdditionalTimeout), this.Read(() => MutationThreshold), this.Read(() => MutationMutate), sinceCommit,
                    this.Read(() => MutationTestCaseFilter), target.Framework);
                var output = MutationReportDirectory / name;
                var run = await new MutationRunner(ProcessRunner.With(StrykerSettings(new StrykerSettings())), line => context.Log.Always(line)).RunAsync(stryker, RootDirectory, target.Project, config, output, CheckedMSBuildProperties, context.Cancellation).ConfigureAwait(false);
                runs.Add(run);
                AddReports(output, name);
            }

            var evaluated = MutationGate.Evaluate(runs, policy, tools);
            var result = evaluated with
            {
                Findings = [.. evaluated.Findings, .. scope.NotMutated.Select(n => new Finding("not-mutated", $"{n.Project} not mutated: {n.Reason}", n.Project))],
            };
            foreach (var finding in result.Findings.Where(f => f.Kind == "hotspot"))
            {
                context.Log.Warn($"{finding.File}: {finding.Message}");
            }

            return result;
        }));
}
