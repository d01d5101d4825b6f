using System.Diagnostics;

namespace Tollgate.Engine;

/// <summary>
/// Runs a plan in order. A failure stops the build unless the failing target proceeds after failure,
/// in which case only its dependents are left out; assured targets run whatever happened; an aggregate
/// target without actions is Collective when its dependencies passed and Failed when one did not.
/// </summary>
internal sealed class Executor(BuildLog log, ITargetObserver? observer = null, int maxParallel = 1)
{
    /// <summary>Runs <paramref name="plan"/>; cancelling <paramref name="cancellation"/> aborts the running targets.</summary>
    /// <remarks>
    /// Up to <c>maxParallel</c> targets run at once: a target starts when every planned target it depends on or
    /// is ordered after has ended, earliest in the plan first (with 1, exactly the plan's order). One running
    /// target writes to the console at a time; the others' lines are held and shown as a block when it ends.
    /// </remarks>
    public async Task<IReadOnlyList<TargetResult>> RunAsync(ExecutionPlan plan, CancellationToken cancellation)
    {
        var results = new Dictionary<ExecutableTarget, TargetResult>();
        var predecessors = Predecessors(plan);
        var pending = plan.Targets.ToList();
        var running = new List<(ExecutableTarget Target, LogSection Section, Task<TargetResult> Run)>();
        var waiting = new List<LogSection>();
        LogSection? live = null;
        string? stopReason = null;

        while (pending.Count > 0 || running.Count > 0)
        {
            var started = false;
            foreach (var planned in pending.ToList())
            {
                if (running.Count >= Math.Max(1, maxParallel))
                {
                    break;
                }

                var target = planned.Target;
                if (!predecessors[target].All(results.ContainsKey))
                {
                    continue;
                }

                pending.Remove(planned);
                started = true;
                if (cancellation.IsCancellationRequested)
                {
                    stopReason ??= "the build was aborted";
                }

                if (Decide(planned, results, stopReason) is { } decided)
                {
                    results[target] = decided;
                    break; // an ended target may free others: look again from the start of the plan
                }

                var section = new LogSection(target.Name);
                if (live is null)
                {
                    live = section;
                    log.MakeLive(section);
                }

                // Assured targets run after an abort too, with a token of their own.
                var token = target.IsAssured ? CancellationToken.None : cancellation;
                running.Add((target, section, Task.Run(() => RunInSectionAsync(target, section, token), CancellationToken.None)));
            }

            if (started && running.Count < Math.Max(1, maxParallel) && pending.Count > 0)
            {
                continue;
            }

            if (running.Count == 0)
            {
                // The plan is in dependency order, so with nothing running the first pending target is ready.
                _ = started || pending.Count == 0 ? true : throw new InvalidOperationException($"No planned target can start: {string.Join(", ", pending.Select(p => p.Target.Name))}.");
                continue;
            }

            var done = await Task.WhenAny(running.Select(r => r.Run)).ConfigureAwait(false);
            var ended = running.First(r => r.Run == done);
            running.Remove(ended);
            var result = await done.ConfigureAwait(false);
            results[ended.Target] = result;
            stopReason = StopReason(ended.Target, result, stopReason);

            if (ended.Section != live)
            {
                waiting.Add(ended.Section);
                continue;
            }

            waiting.ForEach(log.MakeLive);
            waiting.Clear();
            live = running.Count > 0 ? running[0].Section : null;
            if (live is not null)
            {
                log.MakeLive(live);
            }
        }

        waiting.ForEach(log.MakeLive);
        return plan.Targets.Select(p => results[p.Target]).ToList();
    }

    private TargetResult? Decide(PlannedTarget planned, Dictionary<ExecutableTarget, TargetResult> results, string? stopReason)
    {
        var target = planned.Target;
        if (stopReason is not null && !target.IsAssured)
        {
            return Ended(target, TargetStatus.NotRun, stopReason);
        }

        if (planned.SkipReason is not null)
        {
            return Ended(target, TargetStatus.Skipped, planned.SkipReason);
        }

        if (BrokenDependencies(target, results) is { Count: > 0 } broken && !target.IsAssured)
        {
            var reason = $"{(broken.Count == 1 ? "dependency" : "dependencies")} {string.Join(", ", broken)} did not succeed";
            return Ended(target, target.IsCollective ? TargetStatus.Failed : TargetStatus.NotRun, reason);
        }

        return null;
    }

    private static string? StopReason(ExecutableTarget target, TargetResult result, string? stopReason)
    {
        if (result.Status == TargetStatus.Aborted)
        {
            return "the build was aborted";
        }

        return result.Status == TargetStatus.Failed && !target.ProceedsAfterFailure && !target.IsCollective && stopReason is null
            ? $"{target.Name} failed"
            : stopReason;
    }

    // Every planned target that must end before another starts: its dependencies, the targets it runs after,
    // and the targets that run before it or trigger it.
    private static Dictionary<ExecutableTarget, List<ExecutableTarget>> Predecessors(ExecutionPlan plan)
    {
        var planned = plan.Targets.Select(p => p.Target).ToHashSet();
        return planned.ToDictionary(target => target, target => target.Dependencies
            .Concat(target.After)
            .Concat(planned.Where(other => other.Before.Contains(target) || other.Triggers.Contains(target)))
            .Where(planned.Contains)
            .Distinct()
            .ToList());
    }

    private async Task<TargetResult> RunInSectionAsync(ExecutableTarget target, LogSection section, CancellationToken cancellation)
    {
        log.Enter(section);
        return await RunTargetAsync(target, cancellation).ConfigureAwait(false);
    }

    private static List<string> BrokenDependencies(ExecutableTarget target, Dictionary<ExecutableTarget, TargetResult> results) =>
        target.Dependencies
            .Where(d => results.TryGetValue(d, out var r) && r.Status is TargetStatus.Failed or TargetStatus.NotRun or TargetStatus.Aborted)
            .Select(d => d.Name)
            .ToList();

    private TargetResult Ended(ExecutableTarget target, TargetStatus status, string reason)
    {
        log.Info($"── {target.Name}: {status.ToString().ToLowerInvariant()} ({reason})");
        return new TargetResult(target.Name, status, TimeSpan.Zero, reason, null, null);
    }

    private async Task<TargetResult> RunTargetAsync(ExecutableTarget target, CancellationToken cancellation)
    {
        foreach (var (condition, text) in target.Definition.Conditions)
        {
            if (!condition())
            {
                return Ended(target, TargetStatus.Skipped, $"condition {text} is false");
            }
        }

        if (target.IsCollective)
        {
            return new TargetResult(target.Name, TargetStatus.Collective, TimeSpan.Zero, null, null, null);
        }

        observer?.Starting(target.Name);
        log.Always($"═══ {target.Name}");
        var result = await RunActionsAsync(target, cancellation).ConfigureAwait(false);
        observer?.Finished(result);
        return result;
    }

    private async Task<TargetResult> RunActionsAsync(ExecutableTarget target, CancellationToken cancellation)
    {
        var context = new TargetContext(target.Name, log, cancellation);
        var clock = Stopwatch.StartNew();
        try
        {
            foreach (var action in target.Definition.Actions)
            {
                cancellation.ThrowIfCancellationRequested();
                await action(context).ConfigureAwait(false);
            }

            return new TargetResult(target.Name, TargetStatus.Succeeded, clock.Elapsed, null, context.Headline, context.ClosingLine);
        }
        catch (Exception exception) when (cancellation.IsCancellationRequested && exception is OperationCanceledException or TaskCanceledException)
        {
            log.Error($"{target.Name} aborted.");
            return new TargetResult(target.Name, TargetStatus.Aborted, clock.Elapsed, "aborted by a signal", context.Headline, context.ClosingLine);
        }
        catch (Exception exception)
        {
            var message = exception is TargetFailedException or BuildException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
            log.Error($"{target.Name} failed: {message}");
            if (exception is not TargetFailedException and not BuildException)
            {
                log.Debug(exception.ToString());
            }

            return new TargetResult(target.Name, TargetStatus.Failed, clock.Elapsed, message, context.Headline, context.ClosingLine);
        }
    }
}
