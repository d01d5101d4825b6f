using Tollgate.Evidence;

namespace Tollgate.Gates.Shards;

/// <summary>
/// A gate on one shard of a split run sees only that shard's part (its tests' coverage): it keeps its figures and
/// reports for the merge, but does not judge — the merged bundle's gate does, from the merged data.
/// </summary>
internal static class ShardVerdict
{
    /// <summary><paramref name="result"/> as a shard's partial result: skipped, with the figures, the reasons dropped.</summary>
    public static GateResult Partial(GateResult result, ShardSpec shard) => result with
    {
        Status = GateStatus.Skipped,
        Headline = $"partial on shard {shard} ({result.Headline}); judged when the shards are merged",
        Reasons = [],
    };
}
