using Tollgate.Evidence;
using Tollgate.Gates.Coverage;
using Tollgate.Gates.Mutation;
using Tollgate.Gates.Shards;
using Tollgate.Gates.Test;
using Tollgate.IO;
using Tollgate.Tools;
using Tollgate.Tools.Cobertura;
using Tollgate.Tools.Stryker;
using Tollgate.Tools.Trx;

namespace Tollgate.Gates.Merge;

/// <summary>What MergeEvidence reads.</summary>
internal sealed record MergeInputs
{
    /// <summary>The repository root.</summary>
    public required string Root { get; init; }

    /// <summary>The shards' bundles, checked.</summary>
    public required IReadOnlyList<ShardBundle> Bundles { get; init; }

    /// <summary>Scratch space (<c>.nuke/temp/merge</c>), emptied first.</summary>
    public required string WorkDirectory { get; init; }

    /// <summary>How the merged coverage is judged (its test results directory is the scratch space's).</summary>
    public required CoverageInputs Coverage { get; init; }

    /// <summary>How the merged mutants are judged.</summary>
    public required MutationPolicy Mutation { get; init; }
}

/// <summary>
/// One bundle from a split run's shard bundles, as one run would have written it: tests from every shard's TRX files (JUnit
/// re-rendered from them), coverage re-merged by ReportGenerator from the shards' Cobertura files (never by averaging
/// percentages), mutants gathered from the shards' Stryker reports and the score recomputed from their statuses, every
/// verdict recomputed with the policy; the gates that ran on one shard (Lint, ArchitectureTests, SecurityScan) as they
/// were judged there, with their reports. The units' durations are kept for the next split.
/// </summary>
internal sealed class ShardMerge(ProcessRunner runner, BundleWriter evidence, Action<string> say, ToolHooks? hooks = null)
{
    /// <summary>The gates that run on one shard and are carried over whole.</summary>
    public static readonly IReadOnlyList<string> CarriedGates = ["Lint", "ArchitectureTests", "SecurityScan"];

    /// <summary>Merges; returns the merged gates' results and the merged timings.</summary>
    public async Task<(IReadOnlyList<GateResult> Gates, ShardTimings Timings)> RunAsync(MergeInputs inputs, CancellationToken cancellation)
    {
        if (Directory.Exists(inputs.WorkDirectory))
        {
            Directory.Delete(inputs.WorkDirectory, recursive: true);
        }

        Directory.CreateDirectory(inputs.WorkDirectory);
        var gates = new List<GateResult> { WithShardCommands(inputs, MergeTests(inputs)) };
        gates.Add(WithShardCommands(inputs, await MergeCoverageAsync(inputs, cancellation).ConfigureAwait(false)));
        if (MergeMutation(inputs) is { } mutation)
        {
            gates.Add(WithShardCommands(inputs, mutation));
        }

        gates.AddRange(CarriedGates.Select(name => Carry(inputs, name)).OfType<GateResult>());
        var timings = inputs.Bundles.Select(b => Directory.Exists(Path.Combine(b.Directory, ShardTimings.BundleFolder)) ? ShardTimings.Read(b.Directory) : null)
            .OfType<ShardTimings>().Aggregate(new ShardTimings(new Dictionary<string, double>()), (all, next) => all.With(next));
        evidence.WriteReport(ShardTimings.BundleGate, "merged.json", timings.ToJson());
        say($"Merged {inputs.Bundles.Count} shards: {string.Join("; ", gates.Select(g => $"{g.Gate} {g.Status.ToString().ToLowerInvariant()} ({g.Headline})"))}");
        return (gates, timings);
    }

    // Every shard's TRX files, one outcome per project and framework with all its tests; a crash a shard recorded stays one.
    private GateResult MergeTests(MergeInputs inputs)
    {
        var outcomes = new Dictionary<(string Project, string? Framework), (int ExitCode, List<TrxTestCase> Tests, TimeSpan Duration)>();
        var crashes = new List<string>();
        foreach (var bundle in inputs.Bundles)
        {
            var gate = bundle.Gate(TestGate.Name);
            if (gate is null || gate.Status == GateStatus.Skipped)
            {
                continue;
            }

            if (gate.Status == GateStatus.Error)
            {
                crashes.AddRange(gate.Reasons.Select(r => $"shard {bundle.Shard.Index}/{bundle.Shard.Total}: {r}"));
            }

            var projects = gate.Findings.Where(f => f.Kind == "coverage-collector" && f.File is not null)
                .ToDictionary(f => Path.GetFileNameWithoutExtension(f.File!), f => f.File!, StringComparer.Ordinal);
            foreach (var report in gate.Reports.Where(r => r.EndsWith(".trx", StringComparison.Ordinal)))
            {
                var source = Path.Combine(bundle.Directory, report);
                var name = Path.GetFileNameWithoutExtension(report);
                evidence.AddReport(TestGate.Name, source, $"{name}.shard{bundle.Shard.Index}.trx");
                var (project, framework) = projects.TryGetValue(name, out var whole) ? (whole, (string?)null)
                    : projects.FirstOrDefault(p => name.StartsWith(p.Key + ".", StringComparison.Ordinal)) is { Key: not null } multi
                        ? (multi.Value, name[(multi.Key.Length + 1)..]) : (name, null);
                var results = TrxReader.Read(source);
                var key = (project, framework);
                var (exitCode, tests, duration) = outcomes.TryGetValue(key, out var before) ? before : (0, new List<TrxTestCase>(), TimeSpan.Zero);
                tests.AddRange(results.Tests);
                outcomes[key] = (Math.Max(exitCode, results.Failed > 0 ? 1 : 0), tests, duration + results.Duration);
            }
        }

        var merged = outcomes.OrderBy(o => o.Key.Project, StringComparer.Ordinal).ThenBy(o => o.Key.Framework, StringComparer.Ordinal)
            .Select(o => new TestProjectOutcome(o.Key.Project, o.Value.ExitCode, new TrxResults(o.Value.Tests, o.Value.Duration), null, o.Key.Framework))
            .ToList();
        evidence.WriteFile("junit.xml", JUnitExporter.Render(TestJUnit.Suites(merged)));
        var result = TestGate.Evaluate(merged, ToolsOf(inputs, TestGate.Name));
        return crashes.Count == 0 ? result : result with { Status = GateStatus.Error, Reasons = [.. result.Reasons, .. crashes] };
    }

    // What each shard ran for the gate ("shard 2/3: dotnet test …"), then what the merge ran for it (ReportGenerator), and
    // the units each shard took from the result cache.
    private static GateResult WithShardCommands(MergeInputs inputs, GateResult merged) => merged with
    {
        Reused = [.. inputs.Bundles.SelectMany(b => b.Gate(merged.Gate)?.Reused ?? []), .. merged.Reused],
        Commands =
        [
            .. inputs.Bundles.SelectMany(b => (b.Gate(merged.Gate)?.Commands ?? []).Select(c => $"shard {b.Shard.Index}/{b.Shard.Total}: {c}")),
            .. merged.Commands,
        ],
    };

    // ReportGenerator over the shards' merged Cobertura files, as over one run's collected files; the commands it ran go with the result.
    private async Task<GateResult> MergeCoverageAsync(MergeInputs inputs, CancellationToken cancellation)
    {
        var recorded = ProcessRunner.Record();
        var collected = Path.Combine(inputs.WorkDirectory, "coverage");
        foreach (var bundle in inputs.Bundles)
        {
            var cobertura = Path.Combine(bundle.Directory, "reports", "coverage", "Cobertura.xml");
            if (File.Exists(cobertura))
            {
                CoberturaRebase.Copy(cobertura, Path.Combine(collected, $"shard{bundle.Shard.Index}", CoverageRunner.CollectorFile), inputs.Root);
            }
        }

        var result = await new CoverageStep(runner, evidence, hooks).RunAsync(inputs.Coverage with { TestResultsDirectory = collected }, cancellation).ConfigureAwait(false);
        lock (recorded)
        {
            return result with { Commands = [.. recorded] };
        }
    }

    // Every shard's Stryker reports: the mutants with their statuses, the score from the counts.
    private GateResult? MergeMutation(MergeInputs inputs)
    {
        var runs = new List<MutationRun>();
        foreach (var bundle in inputs.Bundles)
        {
            var gate = bundle.Gate(MutationGate.Name);
            foreach (var report in gate?.Reports.Where(r => r.EndsWith(".json", StringComparison.Ordinal)) ?? [])
            {
                var source = Path.Combine(bundle.Directory, report);
                var name = Path.GetFileNameWithoutExtension(report);
                evidence.AddReport(MutationGate.Name, source, $"{name}.shard{bundle.Shard.Index}.json");
                // Source paths of the shard's checkout, moved to this one's.
                var mutants = MutationReportReader.Read(source)
                    .Select(m => m with { File = CoberturaRebase.Rebased(m.File, inputs.Root) is { } here ? PortablePath.Relative(inputs.Root, here) : m.File })
                    .ToList();
                runs.Add(new MutationRun(name, 0, mutants, null));
            }
        }

        return runs.Count == 0 ? null : MutationGate.Evaluate(runs, inputs.Mutation, ToolsOf(inputs, MutationGate.Name));
    }

    // A gate that ran on one shard: its document and reports as they are.
    private GateResult? Carry(MergeInputs inputs, string name)
    {
        var (bundle, gate) = inputs.Bundles.Select(b => (Bundle: b, Gate: b.Gate(name))).FirstOrDefault(g => g.Gate is { Status: not GateStatus.Skipped });
        if (gate is null)
        {
            return null;
        }

        foreach (var report in gate.Reports)
        {
            evidence.AddReport(name, Path.Combine(bundle!.Directory, report), Path.GetFileName(report));
        }

        return GateResult.From(gate);
    }

    private static IReadOnlyDictionary<string, string> ToolsOf(MergeInputs inputs, string gate) =>
        inputs.Bundles.Select(b => b.Gate(gate)).OfType<GateDocument>().Select(g => g.Tools).FirstOrDefault() ?? new Dictionary<string, string>();
}
