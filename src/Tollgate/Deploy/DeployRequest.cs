namespace Tollgate.Deploy;

/// <summary>What a strategy is asked to put in place: a version of the build, for an environment, approved.</summary>
/// <param name="Environment">The environment.</param>
/// <param name="Version">The version to put in place.</param>
/// <param name="Commit">Its commit.</param>
/// <param name="Image">The image to run (docker).</param>
/// <param name="Root">The repository root.</param>
/// <param name="Approval">Who runs and who approved it.</param>
/// <param name="History">The environment's records so far.</param>
internal sealed record DeployRequest(
    DeployEnvironment Environment, string Version, string? Commit, string? Image, string Root, Approval Approval, IReadOnlyList<DeploymentRecord> History)
{
    /// <summary>A record of this request's environment, runner and approver.</summary>
    public DeploymentRecord Record(string action, string version, string? commit, string outcome, string? health, string detail) =>
        new(Environment.Name, action, version, commit, Environment.Strategy, DateTimeOffset.UtcNow, Approval.By, Approval.ApprovedBy, Approval.Run, outcome, health, detail);
}

/// <summary>How a deployment or rollback ended.</summary>
/// <param name="Outcome"><c>succeeded</c>, <c>failed</c> or <c>rolled-back</c>.</param>
/// <param name="Health">The health check's last result.</param>
/// <param name="Detail">What was done.</param>
/// <param name="HistoryWritten">True when the strategy keeps the history itself (gitops: in the deployment repository).</param>
internal sealed record DeployOutcome(string Outcome, string? Health, string Detail, bool HistoryWritten = false);

/// <summary>One way of putting a version in place, and of returning to the previous one.</summary>
internal interface IDeployStrategy
{
    /// <summary>Deploys; a failing health check is undone (outcome <c>rolled-back</c>).</summary>
    Task<DeployOutcome> DeployAsync(DeployRequest request, CancellationToken cancellation);

    /// <summary>Returns the environment to <paramref name="previous"/>.</summary>
    Task<DeployOutcome> RollbackAsync(DeployRequest request, DeploymentRecord previous, CancellationToken cancellation);
}
