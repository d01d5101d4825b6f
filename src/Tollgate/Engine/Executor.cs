using System.Diagnostics;

namespace Tollgate.Engine;

/// <summary>
/// Runs a plan in order. A failure stops the build unless the failing target proceeds after failure,
/// in which case only its dependents are left out; assured targets run whatever happened; an aggregate
/// target without actions is Collective when its dependencies passed and Failed when one did not.
/// </summary>
public sealed class Executor(BuildLog log, ITargetObserver? observer = null)
{
    /// <summary>Runs <paramref name="plan"/>; cancelling <paramref name="cancellation"/> aborts the running target.</summary>
    public async Task<IReadOnlyList<TargetResult>> RunAsync(ExecutionPlan plan, CancellationToken cancellation)
    {
        var results = new Dictionary<ExecutableTarget, TargetResult>();
        string? stopReason = null;

        foreach (var planned in plan.Targets)
        {
            var target = planned.Target;
            if (cancellation.IsCancellationRequested)
            {
                stopReason ??= "the build was aborted";
            }

            TargetResult result;
            if (stopReason is not null && !target.IsAssured)
            {
                result = Ended(target, TargetStatus.NotRun, stopReason);
            }
            else if (planned.SkipReason is not null)
            {
                result = Ended(target, TargetStatus.Skipped, planned.SkipReason);
            }
            else if (BrokenDependencies(target, results) is { Count: > 0 } broken && !target.IsAssured)
            {
                var reason = $"{(broken.Count == 1 ? "dependency" : "dependencies")} {string.Join(", ", broken)} did not succeed";
                result = Ended(target, target.IsCollective ? TargetStatus.Failed : TargetStatus.NotRun, reason);
            }
            else
            {
                // Assured targets run after an abort too, with a token of their own.
                var token = target.IsAssured ? CancellationToken.None : cancellation;
                result = await RunTargetAsync(target, token).ConfigureAwait(false);
            }

            results[target] = result;
            if (result.Status == TargetStatus.Aborted)
            {
                stopReason = "the build was aborted";
            }
            else if (result.Status == TargetStatus.Failed && !target.ProceedsAfterFailure && !target.IsCollective && stopReason is null)
            {
                stopReason = $"{target.Name} failed";
            }
        }

        return plan.Targets.Select(p => results[p.Target]).ToList();
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
