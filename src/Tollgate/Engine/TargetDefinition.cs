using System.Linq.Expressions;

namespace Tollgate.Engine;

/// <summary>What a <see cref="Target"/> filled in: actions, relations and conditions.</summary>
internal sealed class TargetDefinition(object build, string name) : ITargetDefinition
{
    internal string? DescriptionText { get; private set; }
    internal List<Func<TargetContext, Task>> Actions { get; } = [];
    internal List<Target> Dependencies { get; } = [];
    internal List<Target> AfterTargets { get; } = [];
    internal List<Target> BeforeTargets { get; } = [];
    internal List<Target> TriggeredTargets { get; } = [];
    internal List<Target> DependentTargets { get; } = [];
    internal List<Target> TriggeringTargets { get; } = [];
    internal DependencyBehavior DependenciesWhenSkipped { get; private set; } = DependencyBehavior.Execute;
    internal List<(Func<bool> Condition, string Text)> Conditions { get; } = [];
    internal List<(Func<bool> Condition, Func<string> Text)> Requirements { get; } = [];
    internal List<string> Artifacts { get; } = [];
    internal bool Proceeds { get; private set; }
    internal bool Assured { get; private set; }
    internal bool WithoutEvidence { get; private set; }

    public ITargetDefinition Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    public ITargetDefinition Executes(Action action) =>
        Add(_ => { action(); return Task.CompletedTask; });

    public ITargetDefinition Executes(Action<TargetContext> action) =>
        Add(context => { action(context); return Task.CompletedTask; });

    public ITargetDefinition Executes(Func<Task> action) => Add(_ => action());

    public ITargetDefinition Executes(Func<TargetContext, Task> action) => Add(action);

    public ITargetDefinition DependsOn(params Target[] targets) => Collect(Dependencies, targets);

    public ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets) => Collect(Dependencies, Of(targets));

    public ITargetDefinition After(params Target[] targets) => Collect(AfterTargets, targets);

    public ITargetDefinition After<T>(params Func<T, Target>[] targets) => Collect(AfterTargets, Of(targets));

    public ITargetDefinition Before(params Target[] targets) => Collect(BeforeTargets, targets);

    public ITargetDefinition Before<T>(params Func<T, Target>[] targets) => Collect(BeforeTargets, Of(targets));

    public ITargetDefinition Triggers(params Target[] targets) => Collect(TriggeredTargets, targets);

    public ITargetDefinition Triggers<T>(params Func<T, Target>[] targets) => Collect(TriggeredTargets, Of(targets));

    public ITargetDefinition DependentFor(params Target[] targets) => Collect(DependentTargets, targets);

    public ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets) => Collect(DependentTargets, Of(targets));

    public ITargetDefinition TriggeredBy(params Target[] targets) => Collect(TriggeringTargets, targets);

    public ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets) => Collect(TriggeringTargets, Of(targets));

    public ITargetDefinition TryAfter<T>(params Func<T, Target>[] targets) => Collect(AfterTargets, OfIfImplemented(targets));

    public ITargetDefinition TryBefore<T>(params Func<T, Target>[] targets) => Collect(BeforeTargets, OfIfImplemented(targets));

    public ITargetDefinition TryDependsOn<T>(params Func<T, Target>[] targets) => Collect(Dependencies, OfIfImplemented(targets));

    public ITargetDefinition WhenSkipped(DependencyBehavior dependencies)
    {
        DependenciesWhenSkipped = dependencies;
        return this;
    }

    public ITargetDefinition OnlyWhen(Func<bool> condition, string? reason = null)
    {
        Conditions.Add((condition, reason ?? "condition"));
        return this;
    }

    public ITargetDefinition Requires(Func<bool> condition, string? requirement = null)
    {
        Requirements.Add((condition, () => requirement ?? "requirement"));
        return this;
    }

    public ITargetDefinition Requires(Func<bool> condition, Func<string> requirement)
    {
        Requirements.Add((condition, requirement));
        return this;
    }

    public ITargetDefinition ProceedAfterFailure()
    {
        Proceeds = true;
        return this;
    }

    public ITargetDefinition AssuredAfterFailure()
    {
        Assured = true;
        return this;
    }

    public ITargetDefinition Produces(params string[] paths)
    {
        Artifacts.AddRange(paths);
        return this;
    }

    public ITargetDefinition LeavesEvidenceAlone()
    {
        WithoutEvidence = true;
        return this;
    }

    public ITargetDefinition Inherit<T>(Expression<Func<T, Target>> baseTarget)
    {
        var inherited = BaseTargetInvoker.Invoke(build, baseTarget);
        return inherited(this);
    }

    public ITargetDefinition Inherit<T>()
    {
        var inherited = BaseTargetInvoker.Invoke<T>(build, name);
        return inherited(this);
    }

    private TargetDefinition Add(Func<TargetContext, Task> action)
    {
        Actions.Add(action);
        return this;
    }

    private TargetDefinition Collect(List<Target> list, IEnumerable<Target> targets)
    {
        list.AddRange(targets);
        return this;
    }

    private IEnumerable<Target> OfIfImplemented<T>(Func<T, Target>[] targets) =>
        build is T component ? targets.Select(select => select(component)) : [];

    private IEnumerable<Target> Of<T>(Func<T, Target>[] targets)
    {
        if (build is not T component)
        {
            throw new BuildException(
                $"The build {build.GetType().Name} refers to a target of {typeof(T).Name} but does not implement it; add {typeof(T).Name} to the build's interfaces.");
        }

        return targets.Select(select => select(component));
    }
}
