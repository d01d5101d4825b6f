using Tollgate.Evidence;
using Tollgate.Tools;
using Tollgate.Tools.Dotnet;
using Tollgate.Tools.Git;
using Tollgate.Tools.Stryker;

namespace Tollgate.Gates.Mutation;

/// <summary>What the Mutation gate reads.</summary>
/// <param name="Root">The repository root.</param>
/// <param name="Built">The build's facts (which test projects reach which projects).</param>
/// <param name="ProjectPatterns">Projects to mutate (<c>--mutation-projects</c>); empty: the default scope.</param>
/// <param name="Since">Mutate only code changed since this ref (null: everything).</param>
/// <param name="Policy">The score to reach and whether an empty scope passes.</param>
/// <param name="Configuration">The configuration Stryker builds.</param>
/// <param name="Concurrency">Stryker's test runners.</param>
/// <param name="AdditionalTimeout">Milliseconds added to each mutant's budget.</param>
/// <param name="Mutate">Stryker's <c>mutate</c> globs.</param>
/// <param name="TestCaseFilter">The VSTest filter of the tests Stryker runs.</param>
/// <param name="BuildTarget">The solution (or selection) for Stryker's solution mode.</param>
/// <param name="SolutionName">The solution's name, for the reports of a solution-mode run.</param>
/// <param name="Properties">MSBuild properties of the run.</param>
/// <param name="ToolsDirectory">Where Stryker is installed.</param>
/// <param name="StrykerVersion">The pinned Stryker version.</param>
/// <param name="ReportDirectory">Where Stryker's reports go.</param>
internal sealed record MutationInputs(
    string Root, IReadOnlyList<ProjectInfo> Built, IReadOnlyList<string> ProjectPatterns, string? Since, MutationPolicy Policy, string Configuration,
    int Concurrency, int AdditionalTimeout, IReadOnlyList<string> Mutate, string? TestCaseFilter, string BuildTarget, string SolutionName,
    IReadOnlyList<string> Properties, string ToolsDirectory, string StrykerVersion, string ReportDirectory);

/// <summary>
/// The Mutation gate from inputs to result: the scope (projects the tests reach), Stryker in solution mode when
/// the default scope holds several projects of one framework, else once per project; reports into the
/// evidence; the score recomputed from the mutants' statuses and held to the policy.
/// </summary>
internal sealed class MutationStep(ProcessRunner runner, ProcessRunner stryker, EvidenceBundle evidence, Action<string> say, Action<string> progress)
{
    public async Task<GateResult> RunAsync(MutationInputs inputs, CancellationToken cancellation)
    {
        var scope = MutationScope.Of(inputs.Built, inputs.ProjectPatterns, inputs.Root);
        foreach (var (project, reason) in scope.NotMutated)
        {
            say($"Not mutated: {project} ({reason})");
        }

        var sinceCommit = inputs.Since is null ? null
            : await GitFacts.ResolveAsync(runner, inputs.Root, inputs.Since, cancellation).ConfigureAwait(false)
                ?? throw new InvalidDataException($"--mutation-since '{inputs.Since}' names no commit in this repository; fetch it (e.g. git fetch origin main, or a full clone instead of a shallow one) or name another ref.");
        var tools = new Dictionary<string, string> { [StrykerTool.Package] = inputs.StrykerVersion };
        var program = await new DotnetTools(runner, inputs.ToolsDirectory).EnsureAsync(StrykerTool.Package, inputs.StrykerVersion, StrykerTool.Command, cancellation).ConfigureAwait(false);
        var changed = inputs.Since is null ? "" : $" (only code changed since {inputs.Since})";
        var logs = CompilerLogFreshness.Before(inputs.Built);
        try
        {
            return await RunStrykerAsync(inputs, scope, program, sinceCommit, changed, tools, cancellation).ConfigureAwait(false);
        }
        finally
        {
            logs.Restore();
        }
    }

    private async Task<GateResult> RunStrykerAsync(
        MutationInputs inputs, MutationScope scope, string program, string? sinceCommit, string changed, Dictionary<string, string> tools, CancellationToken cancellation)
    {
        var runs = new List<MutationRun>();
        var frameworks = scope.Mutated.Select(t => t.Framework).Distinct().ToList();
        if (scope.Mutated.Count > 1 && inputs.ProjectPatterns.Count == 0 && frameworks.Count == 1)
        {
            // Several projects, the default scope: Stryker's solution mode mutates exactly what the solution's test
            // projects reach, in one analysis and one build instead of one per project (bench/mutation-scope.sh).
            var solution = Path.GetFileName(inputs.BuildTarget);
            say($"Mutating {string.Join(", ", scope.Mutated.Select(t => Path.GetFileNameWithoutExtension(t.Project)))} ({frameworks[0]}) in one Stryker run on {solution}{changed} with {inputs.Concurrency} runners…");
            var config = Config(inputs, solution, [], frameworks[0], sinceCommit) with { Solution = inputs.BuildTarget };
            var output = Path.Combine(inputs.ReportDirectory, "solution");
            runs.Add(await new MutationRunner(stryker, progress).RunAsync(program, inputs.Root, inputs.BuildTarget, config, output, inputs.Properties, cancellation).ConfigureAwait(false));
            AddReports(output, inputs.SolutionName);
        }

        foreach (var target in runs.Count > 0 ? [] : scope.Mutated)
        {
            var name = Path.GetFileNameWithoutExtension(target.Project);
            say($"Mutating {name} ({target.Framework}){changed} with {inputs.Concurrency} runners, tested by {string.Join(", ", target.TestProjects.Select(Path.GetFileNameWithoutExtension))}…");
            var config = Config(inputs, Path.GetFileName(target.Project), target.TestProjects, target.Framework, sinceCommit);
            var output = Path.Combine(inputs.ReportDirectory, name);
            runs.Add(await new MutationRunner(stryker, progress).RunAsync(program, inputs.Root, target.Project, config, output, inputs.Properties, cancellation).ConfigureAwait(false));
            AddReports(output, name);
        }

        var evaluated = MutationGate.Evaluate(runs, inputs.Policy, tools);
        return evaluated with
        {
            Findings = [.. evaluated.Findings, .. scope.NotMutated.Select(n => new Finding("not-mutated", $"{n.Project} not mutated: {n.Reason}", n.Project))],
        };
    }

    private static StrykerConfig Config(MutationInputs inputs, string project, IReadOnlyList<string> testProjects, string framework, string? sinceCommit) =>
        new(project, testProjects, inputs.Configuration, inputs.Concurrency, inputs.AdditionalTimeout, inputs.Policy.Threshold, inputs.Mutate, sinceCommit, inputs.TestCaseFilter, framework);

    private void AddReports(string output, string name)
    {
        foreach (var (report, extension) in new[] { (StrykerTool.ReportPath, ".json"), (StrykerTool.HtmlPath, ".html") })
        {
            var path = Path.Combine(output, report);
            if (File.Exists(path))
            {
                evidence.AddReport(MutationGate.Name, path, name + extension);
            }
        }
    }
}
