namespace Tollgate.Engine;

/// <summary>
/// Turns the targets asked for into an ordered plan: their dependencies and triggered targets are added,
/// dependencies run first, <c>After</c>/<c>Before</c> order targets that are planned anyway, and ties
/// keep the order in which targets were asked for and declared.
/// </summary>
internal static class Planner
{
    /// <summary>Plans <paramref name="requested"/> (or the default target when none is named).</summary>
    /// <param name="all">Every target of the build.</param>
    /// <param name="requested">Target names as typed; case, dashes and underscores do not matter.</param>
    /// <param name="defaultTarget">Run when no target is named.</param>
    /// <param name="skip">Null: skip nothing. Empty: skip everything not named. Otherwise the names to skip.</param>
    public static ExecutionPlan Plan(
        IReadOnlyList<ExecutableTarget> all, IReadOnlyList<string> requested, string? defaultTarget, IReadOnlyList<string>? skip)
    {
        var names = requested.Count > 0 ? requested
            : defaultTarget is not null ? [defaultTarget]
            : throw new BuildException("No target named and the build has no default target; name one, e.g. ./build.sh Test, or see ./build.sh --help.");

        var invoked = names.Select(name => Find(all, name)).Distinct().ToList();
        var natural = NaturalOrder(invoked);
        var ordered = TopologicalOrder(natural);
        var skipped = skip?.Select(name => Find(all, name)).ToHashSet();
        var reasons = ordered.ToDictionary(target => target, target => SkipReason(target, invoked, skip, skipped));
        SkipDependenciesOfSkipped(ordered, invoked, reasons);

        return new ExecutionPlan(ordered
            .Select(target => new PlannedTarget(target, invoked.Contains(target), reasons[target]))
            .ToList());
    }

    // WhenSkipped(DependencyBehavior.Skip): a skipped target's dependencies are skipped too when every planned
    // target that needs them is skipped and they were not asked for; the skip carries on down their own dependencies.
    private static void SkipDependenciesOfSkipped(
        List<ExecutableTarget> ordered, List<ExecutableTarget> invoked, Dictionary<ExecutableTarget, string?> reasons)
    {
        var cascading = ordered.Where(t => reasons[t] is not null && t.Definition.DependenciesWhenSkipped == DependencyBehavior.Skip).ToList();
        for (var i = 0; i < cascading.Count; i++)
        {
            var skippedTarget = cascading[i];
            foreach (var dependency in skippedTarget.Dependencies)
            {
                if (reasons[dependency] is null && !invoked.Contains(dependency)
                    && ordered.Where(t => t.Dependencies.Contains(dependency)).All(t => reasons[t] is not null))
                {
                    reasons[dependency] = $"a dependency of {skippedTarget.Name}, which is skipped (WhenSkipped)";
                    cascading.Add(dependency);
                }
            }
        }
    }

    /// <summary>The target called <paramref name="name"/>, or an error naming the closest targets.</summary>
    public static ExecutableTarget Find(IReadOnlyList<ExecutableTarget> all, string name)
    {
        var wanted = Names.Normalize(name);
        return all.FirstOrDefault(t => Names.Normalize(t.Name) == wanted)
            ?? throw new BuildException($"Unknown target '{name}'.{Names.DidYouMean(name, all.Select(t => t.Name))} Run ./build.sh --help for the list.");
    }

    private static string? SkipReason(
        ExecutableTarget target, List<ExecutableTarget> invoked, IReadOnlyList<string>? skip, HashSet<ExecutableTarget>? skipped)
    {
        if (skip is null)
        {
            return null;
        }

        if (skip.Count == 0)
        {
            return invoked.Contains(target) ? null : "--skip (all but the named targets)";
        }

        return skipped!.Contains(target) ? "--skip" : null;
    }

    // Depth-first, dependencies before dependents, triggered targets after the target that triggers them.
    private static List<ExecutableTarget> NaturalOrder(IEnumerable<ExecutableTarget> invoked)
    {
        var order = new List<ExecutableTarget>();
        var visiting = new Stack<ExecutableTarget>();
        var seen = new HashSet<ExecutableTarget>();

        void Visit(ExecutableTarget target)
        {
            if (visiting.Contains(target))
            {
                var cycle = visiting.Reverse().SkipWhile(t => t != target).Append(target);
                throw new BuildException($"The targets depend on each other in a cycle: {string.Join(" -> ", cycle)}. Remove one of these DependsOn.");
            }

            if (!seen.Add(target))
            {
                return;
            }

            visiting.Push(target);
            foreach (var dependency in target.Dependencies)
            {
                Visit(dependency);
            }

            visiting.Pop();
            order.Add(target);
            foreach (var triggered in target.Triggers)
            {
                Visit(triggered);
            }
        }

        foreach (var target in invoked)
        {
            Visit(target);
        }

        return order;
    }

    // Kahn's algorithm over every ordering edge between planned targets; among the ready targets the one
    // earliest in the natural order goes first, so plans are stable.
    private static List<ExecutableTarget> TopologicalOrder(List<ExecutableTarget> natural)
    {
        var planned = natural.ToHashSet();
        var edges = natural.ToDictionary(t => t, _ => new HashSet<ExecutableTarget>());
        void Edge(ExecutableTarget first, ExecutableTarget then)
        {
            if (planned.Contains(first) && planned.Contains(then))
            {
                edges[first].Add(then);
            }
        }

        foreach (var target in natural)
        {
            target.Dependencies.ToList().ForEach(d => Edge(d, target));
            target.After.ToList().ForEach(a => Edge(a, target));
            target.Before.ToList().ForEach(b => Edge(target, b));
            target.Triggers.ToList().ForEach(t => Edge(target, t));
        }

        var incoming = natural.ToDictionary(t => t, t => natural.Count(other => edges[other].Contains(t)));
        var rank = natural.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i);
        var ready = new SortedSet<ExecutableTarget>(natural.Where(t => incoming[t] == 0), Comparer<ExecutableTarget>.Create((a, b) => rank[a].CompareTo(rank[b])));
        var order = new List<ExecutableTarget>();
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            order.Add(next);
            foreach (var then in edges[next])
            {
                if (--incoming[then] == 0)
                {
                    ready.Add(then);
                }
            }
        }

        if (order.Count < natural.Count)
        {
            var stuck = natural.Where(t => !order.Contains(t)).ToList();
            throw new BuildException($"The targets' order is a cycle: {DescribeCycle(stuck, edges)}. Remove one of these After/Before/Triggers.");
        }

        return order;
    }

    // Every target left over has a left-over predecessor, so walking predecessors must close a cycle.
    private static string DescribeCycle(List<ExecutableTarget> stuck, Dictionary<ExecutableTarget, HashSet<ExecutableTarget>> edges)
    {
        var path = new List<ExecutableTarget> { stuck[0] };
        var current = stuck[0];
        while (true)
        {
            current = stuck.First(p => edges[p].Contains(current));
            var at = path.IndexOf(current);
            if (at >= 0)
            {
                var cycle = path.Skip(at).Reverse().ToList();
                return string.Join(" -> ", cycle.Append(cycle[0]));
            }

            path.Add(current);
        }
    }
}
