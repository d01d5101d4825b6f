namespace Tollgate.Deploy;

/// <summary>One deployment or rollback of an environment, as the history and the evidence keep it.</summary>
/// <param name="Environment">The environment.</param>
/// <param name="Action"><c>deploy</c> or <c>rollback</c>.</param>
/// <param name="Version">The version it put in place (for a rollback: the one it returned to).</param>
/// <param name="Commit">That version's commit.</param>
/// <param name="Strategy">How.</param>
/// <param name="At">When it ended.</param>
/// <param name="By">Who ran it (the CI host's user, or the local user).</param>
/// <param name="ApprovedBy">Who approved it, when approval was needed.</param>
/// <param name="Run">The CI run, when on a CI host.</param>
/// <param name="Outcome"><c>succeeded</c>, <c>failed</c> or <c>rolled-back</c> (a failed health check undone).</param>
/// <param name="Health">The health check's result.</param>
/// <param name="Detail">What was done, e.g. the container or the commit.</param>
internal sealed record DeploymentRecord(
    string Environment, string Action, string Version, string? Commit, string Strategy, DateTimeOffset At, string By, string? ApprovedBy,
    string? Run, string Outcome, string? Health, string? Detail);
