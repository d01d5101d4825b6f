namespace Tollgate.Engine;

/// <summary>One target of a plan: whether it was asked for by name and, if so, why it is skipped.</summary>
internal sealed record PlannedTarget(ExecutableTarget Target, bool Invoked, string? SkipReason);

/// <summary>The targets of one run, in the order they run.</summary>
internal sealed record ExecutionPlan(IReadOnlyList<PlannedTarget> Targets)
{
    /// <summary>The names in order.</summary>
    public IReadOnlyList<string> Names => Targets.Select(t => t.Target.Name).ToList();
}
