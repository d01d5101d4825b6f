using Tollgate.Tools;

namespace Tollgate.Deploy;

/// <summary>
/// Runs the environment's own command (helm, flyctl, az, kubectl…) with <c>{version}</c>,
/// <c>{environment}</c> and <c>{commit}</c> replaced, as an argument list, never through a shell; then the
/// health check. A failing check runs the rollback command with the previous version, when there is one.
/// </summary>
internal sealed class CommandStrategy(ProcessRunner runner, HealthProbe probe) : IDeployStrategy
{
    /// <inheritdoc />
    public async Task<DeployOutcome> DeployAsync(DeployRequest request, CancellationToken cancellation)
    {
        var target = request.Environment.Command!;
        var run = await RunAsync(target.Deploy, request, request.Version, request.Commit, cancellation).ConfigureAwait(false);
        if (!run.Succeeded)
        {
            return new DeployOutcome("failed", null, $"{string.Join(" ", run.Spec.Arguments.Prepend(run.Spec.FileName))} exited {run.ExitCode}: {run.Tail(5).Trim()}");
        }

        if (request.Environment.Health is not { } check)
        {
            return new DeployOutcome("succeeded", null, "the deploy command succeeded");
        }

        var (passed, health) = await probe.WaitAsync(check, null, request.Environment.Timeout, cancellation).ConfigureAwait(false);
        if (passed)
        {
            return new DeployOutcome("succeeded", health, "the deploy command succeeded");
        }

        var previous = DeploymentHistory.InPlace(request.History).LastOrDefault();
        if (target.Rollback is null || previous is null)
        {
            return new DeployOutcome("failed", health, "the health check failed, and there is no rollback command or previous version to return to");
        }

        var back = await RunAsync(target.Rollback, request, previous.Version, previous.Commit, cancellation).ConfigureAwait(false);
        return new DeployOutcome(back.Succeeded ? "rolled-back" : "failed", health, back.Succeeded ? $"returned to {previous.Version}" : $"the rollback command exited {back.ExitCode}");
    }

    /// <inheritdoc />
    public async Task<DeployOutcome> RollbackAsync(DeployRequest request, DeploymentRecord previous, CancellationToken cancellation)
    {
        var rollback = request.Environment.Command!.Rollback
            ?? throw new InvalidDataException($"environment {request.Environment.Name} has no rollback command; add target \"rollback\" in .nuke/environments.json.");
        var run = await RunAsync(rollback, request, previous.Version, previous.Commit, cancellation).ConfigureAwait(false);
        return new DeployOutcome(run.Succeeded ? "succeeded" : "failed", null, run.Succeeded ? $"returned to {previous.Version}" : $"the rollback command exited {run.ExitCode}: {run.Tail(5).Trim()}");
    }

    private Task<ProcessResult> RunAsync(IReadOnlyList<string> command, DeployRequest request, string version, string? commit, CancellationToken cancellation)
    {
        var words = command.Select(w => w.Replace("{version}", version, StringComparison.Ordinal)
            .Replace("{environment}", request.Environment.Name, StringComparison.Ordinal)
            .Replace("{commit}", commit ?? "", StringComparison.Ordinal)).ToList();
        if (words[0].Contains('/', StringComparison.Ordinal) && !Path.IsPathRooted(words[0]))
        {
            words[0] = Path.GetFullPath(words[0], request.Root);
        }

        var environment = new Dictionary<string, string?> { ["TOLLGATE_VERSION"] = version, ["TOLLGATE_ENVIRONMENT"] = request.Environment.Name, ["TOLLGATE_COMMIT"] = commit };
        return runner.RunAsync(new ProcessSpec(words[0], words.Skip(1).ToList(), request.Root, request.Environment.Timeout + TimeSpan.FromMinutes(10), environment), cancellation);
    }
}
