using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace Tollgate;

/// <summary>The fluent definition of a target, filled in by a <see cref="Target"/>.</summary>
public interface ITargetDefinition
{
    /// <summary>One line shown by <c>--help</c>.</summary>
    ITargetDefinition Description(string description);

    /// <summary>Adds a synchronous action.</summary>
    ITargetDefinition Executes(Action action);

    /// <summary>Adds a synchronous action that receives the target's context.</summary>
    ITargetDefinition Executes(Action<TargetContext> action);

    /// <summary>Adds an asynchronous action.</summary>
    ITargetDefinition Executes(Func<Task> action);

    /// <summary>Adds an asynchronous action that receives the target's context (with its cancellation token).</summary>
    ITargetDefinition Executes(Func<TargetContext, Task> action);

    /// <summary>These targets run first and must not fail.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>These targets of component <typeparamref name="T"/> run first and must not fail.</summary>
    ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets);

    /// <summary>Ordering only: when both are planned, this target runs after those.</summary>
    ITargetDefinition After(params Target[] targets);

    /// <inheritdoc cref="After(Target[])"/>
    ITargetDefinition After<T>(params Func<T, Target>[] targets);

    /// <summary>Ordering only: when both are planned, this target runs before those.</summary>
    ITargetDefinition Before(params Target[] targets);

    /// <inheritdoc cref="Before(Target[])"/>
    ITargetDefinition Before<T>(params Func<T, Target>[] targets);

    /// <summary>Planning this target plans those too, to run after it.</summary>
    ITargetDefinition Triggers(params Target[] targets);

    /// <inheritdoc cref="Triggers(Target[])"/>
    ITargetDefinition Triggers<T>(params Func<T, Target>[] targets);

    /// <summary>The reverse of <c>DependsOn</c>: those targets depend on this one (put a target of yours between two of a component's).</summary>
    ITargetDefinition DependentFor(params Target[] targets);

    /// <inheritdoc cref="DependentFor(Target[])"/>
    ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets);

    /// <summary>The reverse of <c>Triggers</c>: planning one of those targets plans this one, to run after it.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);

    /// <inheritdoc cref="TriggeredBy(Target[])"/>
    ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets);

    /// <summary>As <c>After</c>, when the build implements <typeparamref name="T"/>; nothing otherwise (no error).</summary>
    ITargetDefinition TryAfter<T>(params Func<T, Target>[] targets);

    /// <summary>As <c>Before</c>, when the build implements <typeparamref name="T"/>; nothing otherwise (no error).</summary>
    ITargetDefinition TryBefore<T>(params Func<T, Target>[] targets);

    /// <summary>As <c>DependsOn</c>, when the build implements <typeparamref name="T"/>; nothing otherwise (no error).</summary>
    ITargetDefinition TryDependsOn<T>(params Func<T, Target>[] targets);

    /// <summary>
    /// What happens to this target's dependencies when it is skipped with <c>--skip</c>: by default they still run;
    /// <see cref="DependencyBehavior.Skip"/> skips those that no other running target needs.
    /// </summary>
    ITargetDefinition WhenSkipped(DependencyBehavior dependencies);

    /// <summary>Evaluated just before the target would run; when false the target is skipped and the expression is printed as the reason.</summary>
    ITargetDefinition OnlyWhen(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? reason = null);

    /// <summary>Checked for every planned target before anything runs; when false the build stops with the expression as the error.</summary>
    ITargetDefinition Requires(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? requirement = null);

    /// <summary>As <see cref="Requires(Func{bool}, string?)"/>, with the error made when it is shown (so it can name the value that fails).</summary>
    ITargetDefinition Requires(Func<bool> condition, Func<string> requirement);

    /// <summary>When this target fails, the build goes on (its dependents do not run) and fails at the end.</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>This target runs even after a failure or an abort (clean-up, evidence).</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>Artifact paths (relative to the root) that this target produces.</summary>
    ITargetDefinition Produces(params string[] paths);

    /// <summary>Runs this target without writing an evidence bundle (e.g. a target that verifies one).</summary>
    ITargetDefinition LeavesEvidenceAlone();

    /// <summary>
    /// Keeps everything a component's own definition of this target has (actions, dependencies, conditions),
    /// so that an override in the build can add to it rather than replace it.
    /// </summary>
    ITargetDefinition Inherit<T>(Expression<Func<T, Target>> baseTarget);

    /// <summary>As <see cref="Inherit{T}(Expression{Func{T, Target}})"/> for the target of <typeparamref name="T"/> that has this target's name.</summary>
    ITargetDefinition Inherit<T>();
}
