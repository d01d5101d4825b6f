using Tollgate.Evidence;
using Tollgate.Gates.Merge;
using Tollgate.Gates.Mutation;

namespace Tollgate;

/// <summary>
/// Merges the bundles of a run split over CI agents (<c>--shard i/N</c>) into the bundle one run would have written,
/// every verdict recomputed from the merged data with the policy; the manifest lists the shards. Package, Deploy and
/// Verify read it as any other bundle; the units' durations update <c>.nuke/shard-timings.json</c> for the next split.
/// </summary>
public interface IMergeEvidence : ICoverage, IMutation
{
    /// <summary>The shards' bundles.</summary>
    [Parameter("The evidence bundles of every shard of a split run (each agent's artifacts/evidence) to merge into one", Name = "MergeEvidence")]
    AbsolutePath[] ShardBundles => this.ValueOf(() => ShardBundles, []);

    /// <summary>Merges the shards' bundles.</summary>
    Target MergeEvidence => _ => _
        .Description("Merge the evidence bundles of a split run's shards into the bundle one run would have written")
        .Executes(async context =>
        {
            // Every shard is held to the trust Verify and Deploy hold a bundle to: with --evidence-public-key, signed by one of those keys.
            IReadOnlyList<ShardBundle> bundles;
            var keys = new List<EvidenceKey>();
            try
            {
                keys.AddRange((this is IVerify verify ? verify.Read(() => verify.EvidencePublicKey) : []).Select(path => EvidenceKey.Read(path, "--evidence-public-key")));
                bundles = Gates.Merge.ShardBundles.Read(
                    [.. this.Read(() => ShardBundles).Select(b => b.ToString())], (await GitFactsAsync(context.Cancellation).ConfigureAwait(false)).Commit, keys.Count == 0 ? null : keys);
            }
            catch (InvalidDataException exception)
            {
                throw new BuildException(exception.Message);
            }
            finally
            {
                keys.ForEach(k => k.Dispose());
            }

            var clock = System.Diagnostics.Stopwatch.StartNew();
            var inputs = new MergeInputs
            {
                Root = RootDirectory,
                Bundles = bundles,
                WorkDirectory = RootDirectory / ".nuke" / "temp" / "merge",
                Coverage = CoverageInputsOf(RootDirectory / ".nuke" / "temp" / "merge" / "coverage"),
                Mutation = new MutationPolicy(this.Read(() => MutationThreshold), this.Read(() => MutationEmptyScopeAllowed), null),
            };
            var (gates, timings) = await new ShardMerge(ProcessRunner, RunEvidence, context.Log.Info, ToolHooks)
                .RunAsync(inputs, context.Cancellation).ConfigureAwait(false);
            foreach (var gate in gates)
            {
                RunEvidence.RecordGate(GateTarget.Finish(this, gate, gate.Commands), clock.Elapsed); // as every gate is recorded
            }

            RunEvidence.Shards = [.. bundles.Select(b => new ShardRecord
            {
                Index = b.Shard.Index,
                Total = b.Shard.Total,
                Commit = b.Manifest.Commit,
                Host = b.Manifest.CiHost.Name,
                Url = b.Manifest.CiHost.Details.TryGetValue("url", out var url) ? url : null,
            })];
            var file = RootDirectory / Gates.Shards.ShardTimings.DefaultFile;
            var known = File.Exists(file) ? Gates.Shards.ShardTimings.Read(file) : new Gates.Shards.ShardTimings(new Dictionary<string, double>());
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, known.With(timings).ToJson());
            context.Log.Info($"Shard timings for the next split: {file.RelativeTo(RootDirectory)} ({timings.Seconds.Count} units).");
            var failed = gates.Where(g => g.Status is not (GateStatus.Passed or GateStatus.Skipped)).ToList();
            if (failed.Count > 0)
            {
                throw new TargetFailedException($"merged gates did not pass: {string.Join("; ", failed.Select(g => $"{g.Gate} {g.Status.ToString().ToLowerInvariant()}: {string.Join("; ", g.Reasons)}"))}");
            }
        });
}
