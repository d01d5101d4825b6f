namespace Tollgate.Gates.Shards;

/// <summary>
/// Which shard does which unit. Longest first, each to the least-loaded shard (ties: the lowest index), the weight of a
/// unit being its recorded duration when the timings have it, else its size scaled by the recorded seconds per size
/// unit of its kind (or the size alone without any history). Ordering is by weight, then key, so every agent computes
/// the same plan from the same inputs: no coordination is needed.
/// </summary>
internal sealed class ShardPlan
{
    private readonly IReadOnlyList<IReadOnlyList<ShardUnit>> shards;

    private ShardPlan(IReadOnlyList<IReadOnlyList<ShardUnit>> shards, IReadOnlyList<double> loads)
    {
        this.shards = shards;
        Loads = loads;
    }

    /// <summary>The estimated load of each shard (index 0 is shard 1).</summary>
    public IReadOnlyList<double> Loads { get; }

    /// <summary>The units of shard <paramref name="index"/> (1-based).</summary>
    public IReadOnlyList<ShardUnit> Of(int index) => shards[index - 1];

    /// <summary>Assigns <paramref name="units"/> to <paramref name="total"/> shards.</summary>
    public static ShardPlan Assign(IReadOnlyList<ShardUnit> units, int total, ShardTimings? timings = null)
    {
        var weighted = units.Select(u => (Unit: u, Weight: Weight(u, units, timings)))
            .OrderByDescending(u => u.Weight).ThenBy(u => u.Unit.Key, StringComparer.Ordinal)
            .ToList();
        var lists = Enumerable.Range(0, total).Select(_ => new List<ShardUnit>()).ToList();
        var loads = new double[total];
        foreach (var (unit, weight) in weighted)
        {
            var lightest = 0;
            for (var i = 1; i < total; i++)
            {
                if (loads[i] < loads[lightest])
                {
                    lightest = i;
                }
            }

            lists[lightest].Add(unit);
            loads[lightest] += weight;
        }

        return new ShardPlan(lists.Select(l => (IReadOnlyList<ShardUnit>)l.OrderBy(u => u.Key, StringComparer.Ordinal).ToList()).ToList(), loads);
    }

    /// <summary>Round robin in key order: what a fixed split (NUKE's) does, for comparison.</summary>
    public static ShardPlan RoundRobin(IReadOnlyList<ShardUnit> units, int total, ShardTimings? timings = null)
    {
        var ordered = units.OrderBy(u => u.Key, StringComparer.Ordinal).ToList();
        var lists = Enumerable.Range(0, total).Select(_ => new List<ShardUnit>()).ToList();
        var loads = new double[total];
        for (var i = 0; i < ordered.Count; i++)
        {
            lists[i % total].Add(ordered[i]);
            loads[i % total] += Weight(ordered[i], units, timings);
        }

        return new ShardPlan(lists.Select(l => (IReadOnlyList<ShardUnit>)l).ToList(), loads);
    }

    private static double Weight(ShardUnit unit, IReadOnlyList<ShardUnit> all, ShardTimings? timings)
    {
        if (timings is null)
        {
            return unit.Size;
        }

        if (timings.Seconds.TryGetValue(unit.Key, out var seconds))
        {
            return seconds;
        }

        // No history for this unit (new, or newly split): its size at the pace its kind had.
        var known = all.Where(u => u.Work == unit.Work && timings.Seconds.ContainsKey(u.Key) && u.Size > 0).ToList();
        return known.Count == 0 ? unit.Size : unit.Size * known.Sum(u => timings.Seconds[u.Key]) / known.Sum(u => u.Size);
    }
}
