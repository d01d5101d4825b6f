using Tollgate.Evidence;
using Tollgate.Gates.Cache;
using Tollgate.Gates.Shards;
using Tollgate.IO;
using Tollgate.Tools;
using Tollgate.Tools.Dotnet;
using Tollgate.Tools.Git;
using Tollgate.Tools.Stryker;

namespace Tollgate.Gates.Mutation;

/// <summary>What the Mutation gate reads, in named groups: the build, what to mutate, the policy, how Stryker runs, and Stryker itself.</summary>
internal sealed record MutationInputs
{
    /// <summary>The build Stryker mutates.</summary>
    public required BuildScope Scope { get; init; }

    /// <summary>What is mutated and tested.</summary>
    public required MutationChoice Choice { get; init; }

    /// <summary>The score to reach and whether an empty scope passes.</summary>
    public required MutationPolicy Policy { get; init; }

    /// <summary>How Stryker runs.</summary>
    public required MutationRunOptions Run { get; init; }

    /// <summary>Stryker.NET: pinned, or given.</summary>
    public required PinnedTool Stryker { get; init; }
}

/// <summary>What Mutation mutates and which tests it runs.</summary>
/// <param name="ProjectPatterns">Projects to mutate (<c>--mutation-projects</c>); empty: the default scope.</param>
/// <param name="Since">Mutate only code changed since this ref (null: everything).</param>
/// <param name="Mutate">Stryker's <c>mutate</c> globs.</param>
/// <param name="TestCaseFilter">The VSTest filter of the tests Stryker runs.</param>
/// <param name="SolutionName">The solution's name, for the reports of a solution-mode run.</param>
/// <param name="WholeSolution">The build target is the repository's solution, not a selection of its projects Tollgate wrote.</param>
/// <param name="Shard">This agent's part of a split run.</param>
/// <param name="Timings">Earlier durations the shards are balanced by.</param>
internal sealed record MutationChoice(
    IReadOnlyList<string> ProjectPatterns, string? Since, IReadOnlyList<string> Mutate, string? TestCaseFilter, string SolutionName, bool WholeSolution = true,
    ShardSpec? Shard = null, ShardTimings? Timings = null);

/// <summary>How Stryker runs.</summary>
/// <param name="Concurrency">Stryker's test runners.</param>
/// <param name="AdditionalTimeout">Milliseconds added to each mutant's budget.</param>
/// <param name="BuildTargets">The run's build targets file, handed to Stryker's builds so they find the run's build up to date.</param>
/// <param name="ReportDirectory">Where Stryker's reports go.</param>
/// <param name="CacheDays">How many days a file's mutants are reused from the result cache before they are tested again.</param>
/// <param name="FullRunBecause">Why every file is mutated this time, the cache only written (a release tag on HEAD); null: reuse what holds.</param>
internal sealed record MutationRunOptions(int Concurrency, int AdditionalTimeout, string BuildTargets, string ReportDirectory, int CacheDays = 7, string? FullRunBecause = null);

/// <summary>
/// The Mutation gate from inputs to result: the scope (projects the tests reach), Stryker in solution mode when
/// the default scope holds several projects of one framework, else once per project; reports into the
/// evidence; the score recomputed from the mutants' statuses and held to the policy. On a shard of a split run, only
/// the shard's units, each project on its own: whole projects, or some source files of a large one (Stryker's
/// <c>mutate</c>); the units' durations go into the evidence.
/// </summary>
/// <remarks>
/// With a result cache (and not <c>--mutation-since</c>), each file's mutants are a unit (<see cref="MutationCache"/>): Stryker
/// mutates only the files whose mutants cannot be reused, each project on its own, and the score is over every mutant.
/// </remarks>
internal sealed class MutationStep(ProcessRunner runner, BundleWriter evidence, Action<string> say, Action<string> progress, ToolHooks? hooks = null, CacheContext? cache = null)
{
    private readonly List<Finding> combinations = [];
    private readonly List<CacheEntry> reusedEntries = [];
    private int retestedFiles;

    public async Task<GateResult> RunAsync(MutationInputs inputs, CancellationToken cancellation)
    {
        var scope = MutationScope.Of(inputs.Scope.Built, inputs.Choice.ProjectPatterns, inputs.Scope.Root);
        foreach (var (project, reason) in scope.NotMutated)
        {
            say($"Not mutated: {project} ({reason})");
        }

        var sinceCommit = inputs.Choice.Since is null ? null
            : await GitFacts.ResolveAsync(runner, inputs.Scope.Root, inputs.Choice.Since, cancellation).ConfigureAwait(false)
                ?? throw new InvalidDataException($"--mutation-since '{inputs.Choice.Since}' names no commit in this repository; fetch it (e.g. git fetch origin main, or a full clone instead of a shallow one) or name another ref.");
        var stryker = await ToolChoice.OfAsync(
            new DotnetTools(runner, inputs.Stryker.Directory), inputs.Stryker.Given, "stryker-executable", inputs.Scope.Root,
            StrykerTool.Package, inputs.Stryker.Version, StrykerTool.Command, cancellation).ConfigureAwait(false);
        var tools = new Dictionary<string, string> { [StrykerTool.Package] = stryker.Version };
        var program = stryker.Program;
        var changed = inputs.Choice.Since is null ? "" : $" (only code changed since {inputs.Choice.Since})";
        var logs = CompilerLogFreshness.Before(inputs.Scope.Built);
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
        var targets = scope.Mutated;
        IReadOnlyList<ShardUnit>? mine = null;
        if (inputs.Choice.Shard is { IsSplit: true } shard)
        {
            var units = ShardUnits.Mutation(inputs.Scope.Root, scope.Mutated.Select(t => t.Project).ToList(), shard.Total, inputs.Choice.Mutate);
            mine = ShardPlan.Assign(units, shard.Total, inputs.Choice.Timings).Of(shard.Index);
            say($"Shard {shard}: {mine.Count} of {units.Count} mutation unit(s) ({(inputs.Choice.Timings is null ? "balanced by size" : "balanced by recorded durations")})");
            var chosen = mine.Select(u => u.Project).ToHashSet(StringComparer.Ordinal);
            targets = scope.Mutated.Where(t => chosen.Contains(PortablePath.Relative(inputs.Scope.Root, t.Project))).ToList();
            if (targets.Count == 0)
            {
                return new GateResult(
                    MutationGate.Name, GateStatus.Skipped, $"shard {shard} has no mutation unit ({units.Count} unit(s) over {shard.Total} shards)", [],
                    new Dictionary<string, double>(), new Dictionary<string, double>(), tools, []);
            }
        }

        var frameworks = targets.Select(t => t.Framework).Distinct().ToList();
        var platforms = Platforms(inputs);
        var solutionPlatforms = platforms.Values.Distinct().ToList();
        var cached = cache is null || cache.Cache.Mode == CacheMode.Off || sinceCommit is not null ? null
            : new MutationCache(cache, inputs.Scope.Root, inputs.Scope.Built, CacheSettings(inputs, tools), TimeSpan.FromDays(inputs.Run.CacheDays))
            {
                Renew = inputs.Run.FullRunBecause is not null,
            };
        var plans = new Dictionary<MutationTarget, (IReadOnlyDictionary<string, CacheEntry> Reused, IReadOnlyList<string> Retest)>();
        foreach (var target in cached is null ? [] : targets.Where(t => t.TestProjects.Select(p => platforms.GetValueOrDefault(p, TestPlatform.VSTest)).Distinct().Count() == 1))
        {
            var files = MutationCache.FilesOf(target, Mutate(inputs, mine, target.Project));
            plans[target] = inputs.Run.FullRunBecause is null
                ? await cached!.PlanAsync(target, files, say, cancellation).ConfigureAwait(false)
                : (new Dictionary<string, CacheEntry>(), files);
        }

        if (cached is not null && inputs.Run.FullRunBecause is { } because)
        {
            say($"Mutating every file, reusing nothing from the result cache ({because}); what Stryker finds is stored for the next runs");
        }

        if (plans.Values.Sum(p => p.Reused.Count) > 0)
        {
            say($"Reused from the result cache: the mutants of {plans.Values.Sum(p => p.Reused.Count)} of {plans.Values.Sum(p => p.Reused.Count + p.Retest.Count)} file(s); Stryker tests {plans.Values.Sum(p => p.Retest.Count)} (--no-cache tests them all)");
        }

        if (plans.Values.All(p => p.Reused.Count == 0) && OneSolutionRun(inputs, targets, split: mine is not null, solutionPlatforms))
        {
            // Several projects, the default scope: Stryker's solution mode mutates exactly what the solution's test
            // projects reach, in one analysis and one build instead of one per project (bench/mutation-scope.sh).
            var solution = Path.GetFileName(inputs.Scope.BuildTarget);
            say($"Mutating {string.Join(", ", scope.Mutated.Select(t => Path.GetFileNameWithoutExtension(t.Project)))} ({frameworks[0]}) in one Stryker run on {solution}{changed} with {inputs.Run.Concurrency} runners…");
            var config = Config(inputs, solution, [], frameworks[0], sinceCommit) with { Solution = inputs.Scope.BuildTarget, TestingPlatform = solutionPlatforms[0] == TestPlatform.TestingPlatform };
            var output = Path.Combine(inputs.Run.ReportDirectory, "solution");
            var run = await new MutationRunner(runner, progress, hooks).RunAsync(program, inputs.Scope.Root, inputs.Scope.BuildTarget, config, output, inputs.Scope.Properties, inputs.Run.BuildTargets, cancellation).ConfigureAwait(false);
            runs.Add(run);
            AddReports(output, inputs.Choice.SolutionName);
            foreach (var (target, plan) in run.Finished ? plans : [])
            {
                await cached!.StoreAsync(target, plan.Retest, Path.Combine(output, StrykerTool.ReportPath), cancellation).ConfigureAwait(false);
                retestedFiles += plan.Retest.Count;
            }
        }

        var durations = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var target in runs.Count > 0 ? [] : targets)
        {
            var name = Path.GetFileNameWithoutExtension(target.Project);
            var mutate = Mutate(inputs, mine, target.Project);
            say($"Mutating {name} ({target.Framework}){changed}{(mutate == inputs.Choice.Mutate ? "" : $", {mutate.Count(m => !m.StartsWith('!'))} of its files")} with {inputs.Run.Concurrency} runners, tested by {string.Join(", ", target.TestProjects.Select(Path.GetFileNameWithoutExtension))}…");
            var config = Config(inputs, Path.GetFileName(target.Project), target.TestProjects, target.Framework, sinceCommit) with { Mutate = mutate };
            var output = Path.Combine(inputs.Run.ReportDirectory, name);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var byPlatform = target.TestProjects.GroupBy(t => platforms.GetValueOrDefault(t, TestPlatform.VSTest)).OrderBy(g => g.Key).ToList();
            if (byPlatform.Count == 1 && plans.TryGetValue(target, out var plan))
            {
                config = config with { TestingPlatform = byPlatform[0].Key == TestPlatform.TestingPlatform };
                runs.Add(await RunCachedAsync(inputs, program, target, config, output, name, plan, cached!, cancellation).ConfigureAwait(false));
            }
            else if (byPlatform.Count == 1)
            {
                config = config with { TestingPlatform = byPlatform[0].Key == TestPlatform.TestingPlatform };
                runs.Add(await new MutationRunner(runner, progress, hooks).RunAsync(program, inputs.Scope.Root, target.Project, config, output, inputs.Scope.Properties, inputs.Run.BuildTargets, cancellation).ConfigureAwait(false));
                AddReports(output, name);
            }
            else
            {
                runs.Add(await RunOnBothPlatformsAsync(inputs, program, target, config, byPlatform, output, name, cancellation).ConfigureAwait(false));
            }

            durations[PortablePath.Relative(inputs.Scope.Root, target.Project)] = clock.Elapsed;
        }

        if (mine is not null)
        {
            evidence.WriteReport(ShardTimings.BundleGate, "mutation.json", UnitTimings(mine, runs, durations, inputs.Scope.Root).ToJson());
        }

        var evaluated = MutationGate.Evaluate(runs, inputs.Policy, tools);
        evaluated = WithReuse(evaluated, runs);
        return evaluated with
        {
            Findings = [.. evaluated.Findings, .. scope.NotMutated.Select(n => new Finding
            {
                Kind = "not-mutated",
                Message = $"{n.Project} not mutated: {n.Reason}",
                File = n.Project,
            }), .. combinations],
        };
    }

    // One project through the cache: Stryker mutates only the files whose mutants are not reused (none at all when every
    // file's are), and the project's report is its report with the reused files' mutants put back.
    private async Task<MutationRun> RunCachedAsync(
        MutationInputs inputs, string program, MutationTarget target, StrykerConfig config, string output, string name,
        (IReadOnlyDictionary<string, CacheEntry> Reused, IReadOnlyList<string> Retest) plan, MutationCache cached, CancellationToken cancellation)
    {
        var report = Path.Combine(output, StrykerTool.ReportPath);
        MutationRun? tested = null;
        if (plan.Retest.Count > 0)
        {
            var only = plan.Reused.Count == 0 ? config.Mutate : MutateOnly(target.Project, plan.Retest, inputs.Choice.Mutate);
            tested = await new MutationRunner(runner, progress, hooks).RunAsync(
                program, inputs.Scope.Root, target.Project, config with { Mutate = only }, output, inputs.Scope.Properties, inputs.Run.BuildTargets, cancellation).ConfigureAwait(false);
            if (!tested.Finished)
            {
                AddReports(output, name);
                return tested;
            }

            await cached.StoreAsync(target, plan.Retest, report, cancellation).ConfigureAwait(false);
            retestedFiles += plan.Retest.Count;
        }
        else
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }

            say($"Not mutating {name}: the mutants of all its {plan.Reused.Count} file(s) are reused from the result cache");
        }

        reusedEntries.AddRange(plan.Reused.Values);
        if (plan.Reused.Count > 0)
        {
            cached.Combine(tested is null ? null : report, plan.Reused, report);
        }

        AddReports(output, name);
        var mutants = MutationReportReader.Read(report).Select(m => m with { File = PortablePath.Relative(inputs.Scope.Root, m.File) }).ToList();
        return new MutationRun(PortablePath.Relative(inputs.Scope.Root, target.Project), tested?.ExitCode ?? 0, mutants, null);
    }

    // What a stored mutant's status depends on of the run's settings (not where the checkout is, nor the score to reach).
    private static KeyIngredients CacheSettings(MutationInputs inputs, IReadOnlyDictionary<string, string> tools) => new KeyIngredients()
        .Add("stryker", tools.GetValueOrDefault(StrykerTool.Package, ""))
        .Add("configuration", inputs.Scope.Configuration)
        .AddDigest("properties", string.Join('\n', inputs.Scope.Properties))
        .Add("additional-timeout", inputs.Run.AdditionalTimeout.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Add("test-case-filter", inputs.Choice.TestCaseFilter ?? "");

    // The gate's result with what the cache gave: the reused files listed, the headline and a finding saying how many mutants were kept and how many tested.
    private GateResult WithReuse(GateResult evaluated, IReadOnlyList<MutationRun> runs)
    {
        if (reusedEntries.Count == 0)
        {
            return evaluated;
        }

        var reused = reusedEntries.Select(CacheContext.Reused).OrderBy(r => r.Unit, StringComparer.Ordinal).ToList();
        var files = reused.Select(r => r.Unit).ToHashSet(StringComparer.Ordinal);
        // Counted as the score counts: mutants that were tested (not ignored or left uncompiled).
        var all = runs.SelectMany(r => r.Mutants ?? []).Where(m => m.Status is "Killed" or "Timeout" or "Survived" or "NoCoverage").ToList();
        var kept = all.Count(m => files.Contains(m.File));
        return evaluated with
        {
            Headline = kept == 0 ? evaluated.Headline : $"{evaluated.Headline} ({CacheContext.Summary(kept, reused)})", // files without mutants reused alone: nothing to say
            Reused = reused,
            Findings =
            [
                .. evaluated.Findings,
                new Finding
                {
                    Kind = "mutation-cache",
                    Message = $"{kept} of {all.Count} mutants reused from the result cache ({reused.Count} file(s)); {all.Count - kept} tested by Stryker ({retestedFiles} file(s))",
                },
            ],
        };
    }

    // Stryker's mutate globs for some files of a project (relative to it), the run's exclusions kept.
    private static IReadOnlyList<string> MutateOnly(string project, IReadOnlyList<string> files, IReadOnlyList<string> mutate)
    {
        var directory = Path.GetDirectoryName(project)!;
        return [.. files.Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/')), .. mutate.Where(m => m.StartsWith('!'))];
    }

    /// <summary>
    /// Whether Stryker's solution mode serves: several projects of the default scope, of one framework, tested on one
    /// platform, in the repository's own solution (on a selection Tollgate wrote, Stryker looks for the test assemblies
    /// under another platform folder than the build wrote), and not a shard's share.
    /// </summary>
    internal static bool OneSolutionRun(MutationInputs inputs, IReadOnlyList<MutationTarget> targets, bool split, IReadOnlyCollection<TestPlatform> platforms) =>
        !split && targets.Count > 1 && inputs.Choice.ProjectPatterns.Count == 0 && targets.Select(t => t.Framework).Distinct().Count() == 1 && platforms.Count == 1 && inputs.Choice.WholeSolution;

    // Stryker runs one test runner per run: a project tested on both platforms is mutated once with each platform's test
    // projects, and the two reports become one in which each mutant is as detected as its better outcome.
    private async Task<MutationRun> RunOnBothPlatformsAsync(
        MutationInputs inputs, string program, MutationTarget target, StrykerConfig config, IReadOnlyList<IGrouping<TestPlatform, string>> byPlatform, string output, string name,
        CancellationToken cancellation)
    {
        var parts = new List<(string Label, string Output, MutationRun Run)>();
        combinations.Add(new Finding
        {
            Kind = "mutation-runs",
            Message = $"mutated once per test platform, as Stryker runs one test runner per run: {string.Join("; ", byPlatform.Select(p => $"{(p.Key == TestPlatform.TestingPlatform ? "Microsoft.Testing.Platform" : "VSTest")} with {string.Join(", ", p.Select(Path.GetFileNameWithoutExtension))}"))}; each mutant counts with its better outcome",
            File = PortablePath.Relative(inputs.Scope.Root, target.Project),
        });
        foreach (var platform in byPlatform)
        {
            var label = platform.Key == TestPlatform.TestingPlatform ? "mtp" : "vstest";
            say($"Stryker runs one test runner at a time: {name} with {string.Join(", ", platform.Select(Path.GetFileNameWithoutExtension))} on {(platform.Key == TestPlatform.TestingPlatform ? "Microsoft.Testing.Platform" : "VSTest")}…");
            var part = Path.Combine(inputs.Run.ReportDirectory, $"{name}.{label}");
            var run = await new MutationRunner(runner, progress, hooks).RunAsync(
                program, inputs.Scope.Root, target.Project, config with { TestProjects = [.. platform], TestingPlatform = platform.Key == TestPlatform.TestingPlatform }, part, inputs.Scope.Properties,
                inputs.Run.BuildTargets, cancellation).ConfigureAwait(false);
            var html = Path.Combine(part, StrykerTool.HtmlPath);
            if (File.Exists(html))
            {
                evidence.AddReport(MutationGate.Name, html, $"{name}.{label}.html");
            }

            parts.Add((label, part, run));
        }

        if (parts.FirstOrDefault(p => !p.Run.Finished) is { Run: not null } failed)
        {
            return failed.Run with { OutputTail = $"on {failed.Label}: {failed.Run.OutputTail}" };
        }

        var combined = Path.Combine(output, StrykerTool.ReportPath);
        Directory.CreateDirectory(Path.GetDirectoryName(combined)!);
        MutationReports.Combine(Path.Combine(parts[0].Output, StrykerTool.ReportPath), Path.Combine(parts[1].Output, StrykerTool.ReportPath), combined);
        evidence.AddReport(MutationGate.Name, combined, name + ".json");
        var mutants = MutationReportReader.Read(combined).Select(m => m with { File = PortablePath.Relative(inputs.Scope.Root, m.File) }).ToList();
        return new MutationRun(PortablePath.Relative(inputs.Scope.Root, target.Project), parts.Max(p => p.Run.ExitCode), mutants, null);
    }

    // The platform each test project runs on (full path → platform), as the Test gate runs it.
    private static Dictionary<string, TestPlatform> Platforms(MutationInputs inputs)
    {
        var usesPlatform = GlobalJson.UsesTestingPlatform(inputs.Scope.Root);
        return inputs.Scope.Built.Where(p => p.IsTestProject).GroupBy(p => p.Project, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().PlatformIn(usesPlatform) ?? TestPlatform.VSTest, StringComparer.Ordinal);
    }

    private static StrykerConfig Config(MutationInputs inputs, string project, IReadOnlyList<string> testProjects, string framework, string? sinceCommit) =>
        new(project, testProjects, inputs.Scope.Configuration, inputs.Run.Concurrency, inputs.Run.AdditionalTimeout, inputs.Policy.Threshold, inputs.Choice.Mutate, sinceCommit, inputs.Choice.TestCaseFilter, framework);

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

    // A shard's files of a project split by file: Stryker's mutate globs (relative to the project), the build's exclusions kept.
    private static IReadOnlyList<string> Mutate(MutationInputs inputs, IReadOnlyList<ShardUnit>? mine, string project)
    {
        var relative = PortablePath.Relative(inputs.Scope.Root, project);
        var files = mine?.Where(u => u.Project == relative && u.Part is not null).Select(u => u.Part!).ToList() ?? [];
        if (files.Count == 0)
        {
            return inputs.Choice.Mutate;
        }

        return MutateOnly(project, files.Select(f => Path.Combine(inputs.Scope.Root, f)).ToList(), inputs.Choice.Mutate);
    }

    // How long each unit took: a whole project its Stryker run, a file its share of its project's run by mutants.
    private static ShardTimings UnitTimings(IReadOnlyList<ShardUnit> units, IReadOnlyList<MutationRun> runs, IReadOnlyDictionary<string, TimeSpan> durations, string root)
    {
        var mutants = runs.SelectMany(r => r.Mutants ?? []).GroupBy(m => PortablePath.Relative(root, m.File)).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new ShardTimings(units.ToDictionary(
            u => u.Key,
            u =>
            {
                var run = durations.GetValueOrDefault(u.Project).TotalSeconds;
                if (u.Part is null)
                {
                    return run;
                }

                var project = units.Where(o => o.Project == u.Project && o.Part is not null).Sum(o => mutants.GetValueOrDefault(o.Part!));
                return project == 0 ? run / units.Count(o => o.Project == u.Project) : run * mutants.GetValueOrDefault(u.Part) / project;
            },
            StringComparer.Ordinal));
    }
}
