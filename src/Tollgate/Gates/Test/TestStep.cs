using Tollgate.Evidence;
using Tollgate.Gates.Cache;
using Tollgate.Gates.Shards;
using Tollgate.IO;
using Tollgate.Tools;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Gates.Test;

/// <summary>What the Test gate reads, in named groups: the build, where results go, the coverage collector, the shard.</summary>
internal sealed record TestInputs
{
    /// <summary>The build: every test project and framework it built.</summary>
    public required BuildScope Scope { get; init; }

    /// <summary>Where TRX and coverage files go (emptied first).</summary>
    public required string ResultsDirectory { get; init; }

    /// <summary>Run coverlet with the tests.</summary>
    public bool CollectCoverage { get; init; }

    /// <summary>Tollgate's pinned coverlet.collector, for VSTest projects that reference none.</summary>
    public required PinnedTool Collector { get; init; }

    /// <summary>How long a test may make no progress before its test host is stopped (<c>30m</c>); null: no limit.</summary>
    public string? HangTimeout { get; init; }

    /// <summary>This agent's part of a split run.</summary>
    public ShardSpec? Shard { get; init; }

    /// <summary>Earlier durations the shards are balanced by.</summary>
    public ShardTimings? Timings { get; init; }

    /// <summary>Tollgate's temporary folder, where <c>dotnet test</c> runs for a platform the repository's <c>global.json</c> does not choose; null: <c>.nuke/temp</c>.</summary>
    public string? TempDirectory { get; init; }

    /// <summary>Where <c>dotnet test</c> runs for each platform (a new instance each time: it reads <c>global.json</c> once, when first asked).</summary>
    public TestModes Modes => new(Scope.Root, TempDirectory ?? Path.Combine(Scope.Root, ".nuke", "temp"));
}

/// <summary>
/// The Test gate from inputs to result: every test project once per framework, side by side, against the one
/// build, on its platform (VSTest, or Microsoft.Testing.Platform with the platform's own reporters); a VSTest project
/// without a coverage collector gets Tollgate's pinned one (the findings say whose ran);
/// TRX files and a JUnit rendering into the evidence. On a shard of a split run, only the shard's units: whole test
/// projects, or test classes of a large one chosen by a VSTest filter; the units' durations go into the evidence.
/// </summary>
/// <remarks>Each run's settings are built here and handed to the build's <see cref="DotnetTestSettings"/> hook, once per project and framework, before anything is decided from them.</remarks>
/// <remarks>With a result cache, a run whose key is stored is not run: its results are restored and judged like the rest, and the gate document lists it as reused (<see cref="TestCache"/>).</remarks>
internal sealed class TestStep(ProcessRunner runner, BundleWriter evidence, Action<string> say, ToolHooks? hooks = null, CacheContext? cache = null)
{
    public async Task<GateResult> RunAsync(TestInputs inputs, CancellationToken cancellation)
    {
        var tests = inputs.Scope.Built.Where(p => p.IsTestProject).ToList();
        var shard = inputs.Shard ?? ShardSpec.Whole;
        IReadOnlyList<ShardUnit>? mine = null;
        if (shard.IsSplit)
        {
            var units = ShardUnits.Tests(inputs.Scope.Root, inputs.Scope.Built, shard.Total);
            mine = ShardPlan.Assign(units, shard.Total, inputs.Timings).Of(shard.Index);
            say($"Shard {shard}: {mine.Count} of {units.Count} test unit(s) ({(inputs.Timings is null ? "balanced by size" : "balanced by recorded durations")})");
            var chosen = mine.Select(u => u.Project).ToHashSet(StringComparer.Ordinal);
            tests = tests.Where(p => chosen.Contains(PortablePath.Relative(inputs.Scope.Root, p.Project))).ToList();
            if (tests.Count == 0)
            {
                return new GateResult(
                    TestGate.Name, GateStatus.Skipped, $"shard {shard} has no test unit ({units.Count} unit(s) over {shard.Total} shards)", [],
                    new Dictionary<string, double>(), new Dictionary<string, double>(), new Dictionary<string, string>(), []);
            }
        }

        var modes = inputs.Modes;
        var usesPlatform = modes.RepositoryUsesPlatform;
        var onPlatform = tests.Where(p => p.PlatformIn(usesPlatform) == TestPlatform.TestingPlatform).ToList();
        var projects = tests.DistinctBy(p => p.Project).Select(p => $"{Path.GetFileNameWithoutExtension(p.Project)}{(onPlatform.Contains(p) ? " (Microsoft.Testing.Platform)" : "")}").ToList();
        say($"Test projects: {(projects.Count == 0 ? "none" : string.Join(", ", projects))}");
        var tools = new Dictionary<string, string> { ["dotnet"] = inputs.Scope.Built[0].Sdk };
        var platformVersions = onPlatform.Select(p => p.Facts.PlatformPackages.GetValueOrDefault(TestingFacts.PlatformPackage)).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        if (platformVersions.Count > 0)
        {
            tools[TestingFacts.PlatformPackage] = string.Join(", ", platformVersions);
        }

        string? supplied = null;
        if (inputs.CollectCoverage && tests.Except(onPlatform).Any(p => p.CoverageCollector is null))
        {
            supplied = await new CoverageCollectorPackage(runner, inputs.Collector.Directory).EnsureAsync(inputs.Collector.Version, cancellation).ConfigureAwait(false);
            tools[CoverageCollectorPackage.Package] = inputs.Collector.Version;
        }

        tests = tests.DistinctBy(p => (p.Project, p.Framework)).ToList();
        var settings = tests.ToDictionary(p => (p.Project, p.Framework), p => (hooks ?? ToolHooks.None).Apply(new DotnetTestSettings
        {
            Project = p.Project,
            Framework = p.Framework,
            Configuration = inputs.Scope.Configuration,
            OnTestingPlatform = onPlatform.Contains(p),
            ResultsDirectory = TestRunner.ResultsDirectoryOf(inputs.ResultsDirectory, p.Project, p.Framework),
            Properties = inputs.Scope.Properties,
            BlameHangTimeout = inputs.HangTimeout,
            CollectCoverage = inputs.CollectCoverage,
            TrxFileName = TestRunner.TrxFileName,
        }));
        var decisions = onPlatform.DistinctBy(p => (p.Project, p.Framework)).ToDictionary(
            p => (p.Project, p.Framework),
            p => PlatformRuns.For(p, PortablePath.Relative(inputs.Scope.Root, p.Project), settings[(p.Project, p.Framework)].Filter, Classes(inputs, mine, p.Project), inputs.CollectCoverage));
        var collectorFindings = tests.GroupBy(p => p.Project).Select(project =>
        {
            var first = project.First();
            var relative = PortablePath.Relative(inputs.Scope.Root, project.Key);
            if (decisions.TryGetValue((first.Project, first.Framework), out var decision))
            {
                return PlatformFinding(first, relative, decision, inputs.CollectCoverage);
            }

            var own = first.CoverageCollector;
            return own is null
                ? new Finding
                {
                    Kind = "coverage-collector",
                    Message = $"Tollgate's {CoverageCollectorPackage.Package} {tools.GetValueOrDefault(CoverageCollectorPackage.Package, "(not run: --collect-coverage false)")} (the project references none)",
                    File = relative,
                    Rule = "supplied",
                }
                : new Finding
                {
                    Kind = "coverage-collector",
                    Message = $"the project's own {CoverageCollectorPackage.Package} {own}",
                    File = relative,
                    Rule = "own",
                };
        }).ToList();

        var runs = tests.Where(p => decisions.GetValueOrDefault((p.Project, p.Framework))?.Problem is null)
            .Select(p =>
            {
                var own = settings[(p.Project, p.Framework)];
                return new TestRun(decisions.TryGetValue((p.Project, p.Framework), out var decision)
                    ? own with { Platform = decision.Run, FilterOptions = decision.Run!.Filter }
                    : own with { CollectorPath = p.CoverageCollector is null ? supplied : null, FilterOptions = VSTestFilterOptions(own.Filter, Classes(inputs, mine, p.Project)) });
            })
            .ToList();
        var cached = cache is null || cache.Cache.Mode == CacheMode.Off ? null : new TestCache(cache, inputs.Scope.Root, inputs.Scope.Built, inputs.Collector.Version, inputs.Collector.Directory);
        var keys = new Dictionary<TestRun, KeyIngredients>();
        var hits = new Dictionary<TestRun, CacheEntry>();
        foreach (var run in cached is null ? [] : runs)
        {
            var unit = cached!;
            keys[run] = cache!.Cache.Measure(() => unit.Ingredients(run));
            if (await cache!.Cache.ReadAsync(TestGate.Name, unit.UnitOf(run), keys[run], cancellation).ConfigureAwait(false) is { } entry)
            {
                hits[run] = entry;
            }
        }

        var toRun = runs.Where(r => !hits.ContainsKey(r)).ToList();
        if (hits.Count > 0)
        {
            say($"Reused from the result cache: {hits.Count} of {runs.Count} test run(s) ({string.Join(", ", hits.Keys.Select(cached!.UnitOf))}); --no-cache runs them all");
        }

        var fresh = await new TestRunner(runner, say).RunAsync(inputs.Scope.Root, toRun, inputs.ResultsDirectory, modes, cancellation).ConfigureAwait(false);
        var byRun = toRun.Zip(fresh).ToDictionary(p => p.First, p => p.Second);
        foreach (var run in cached is null ? [] : toRun)
        {
            cached!.RebaseCoverage(run);
        }

        foreach (var (run, entry) in hits)
        {
            byRun[run] = cached!.Restore(run, entry);
        }

        foreach (var (run, outcome) in cached is null ? [] : toRun.Zip(fresh).Where(p => TestCache.Keeps(p.Second)))
        {
            await cache!.Cache.WriteAsync(TestGate.Name, cached!.UnitOf(run), keys[run], TestCache.Data(outcome), CacheEntry.FilesBelow(run.Settings.ResultsDirectory), cancellation).ConfigureAwait(false);
        }

        var ran = runs.Select(r => byRun[r]).ToList();
        var unrunnable = decisions.Where(d => d.Value.Problem is not null)
            .Select(d => new TestProjectOutcome(PortablePath.Relative(inputs.Scope.Root, d.Key.Project), -1, null, null, d.Key.Framework, d.Value.Problem))
            .DistinctBy(o => (o.Project, o.Framework));
        var outcomes = ran.Concat(unrunnable).ToList();
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

        if (mine is not null)
        {
            evidence.WriteReport(ShardTimings.BundleGate, "test.json", UnitTimings(mine, outcomes).ToJson());
        }

        var evaluated = TestGate.Evaluate(outcomes, tools);
        evidence.WriteFile("junit.xml", JUnitExporter.Render(TestJUnit.Suites(outcomes)));
        evaluated = evaluated with { Findings = [.. evaluated.Findings, .. collectorFindings] };
        if (hits.Count == 0)
        {
            return evaluated;
        }

        var reused = hits.Values.Select(CacheContext.Reused).OrderBy(r => r.Unit, StringComparer.Ordinal).ToList();
        var reusedTests = hits.Keys.Sum(r => byRun[r].Results!.Passed + byRun[r].Results!.Failed + byRun[r].Results!.Skipped);
        return evaluated with
        {
            Headline = $"{evaluated.Headline} ({CacheContext.Summary(reusedTests, reused)})",
            Reused = reused,
        };
    }

    // What the evidence says of a test application: the platform, whose TRX reporter and whose coverage ran, or why it did not run.
    private static Finding PlatformFinding(ProjectInfo project, string relative, PlatformRuns.Decision decision, bool collectCoverage)
    {
        if (decision.Run is not { } run)
        {
            return new Finding { Kind = "coverage-collector", Message = $"not run: {decision.Problem}", File = relative, Rule = "none" };
        }

        var coverage = !run.Coverlet ? $"no coverage: the project has no {TestingFacts.CoverletExtension} (--collect-coverage false)"
            : (collectCoverage ? "" : "(not run: --collect-coverage false) ") + PlatformRuns.Whose(project.Facts, TestingFacts.CoverletExtension);
        var rule = !run.Coverlet ? "none" : project.Facts.Owns(TestingFacts.CoverletExtension) ? "own" : "supplied";
        return new Finding
        {
            Kind = "coverage-collector",
            Message = coverage,
            File = relative,
            Rule = rule,
            Detail = PlatformRuns.Reporters(project, run),
        };
    }

    // The test classes a shard was given of this project (null Part: the whole project).
    private static IReadOnlyList<string> Classes(TestInputs inputs, IReadOnlyList<ShardUnit>? mine, string project)
    {
        var relative = PortablePath.Relative(inputs.Scope.Root, project);
        return mine?.Where(u => u.Project == relative && u.Part is not null).Select(u => u.Part!).ToList() ?? [];
    }

    // The run's own filter, and on a shard the test classes it was given of this project: --filter FullyQualifiedName~Ns.Class.
    private static IReadOnlyList<string> VSTestFilterOptions(string? own, IReadOnlyList<string> classes) =>
        PlatformRuns.VSTestFilter(own, classes) is { } filter ? ["--filter", filter] : [];

    // How long each of the shard's units took: a whole project its tests' time, a class the time of its tests.
    private static ShardTimings UnitTimings(IReadOnlyList<ShardUnit> units, IReadOnlyList<TestProjectOutcome> outcomes) => new(units.ToDictionary(
        u => u.Key,
        u => outcomes.Where(o => o.Project == u.Project && o.Results is not null)
            .SelectMany(o => o.Results!.Tests)
            .Where(t => u.Part is null || t.Name.StartsWith(u.Part + ".", StringComparison.Ordinal))
            .Sum(t => t.Duration.TotalSeconds),
        StringComparer.Ordinal));
}
