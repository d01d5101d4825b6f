namespace Tollgate.Portfolio;

/// <summary>
/// What one environment's deployments in a span of time come to: deployments made, those that succeeded, those that failed
/// (their health check included) or were followed by a rollback, the minutes from each failure to the environment's next
/// good deployment, and the hours from each good deployment's commit to the deployment. Counts of several environments or
/// spans add up (<see cref="Plus"/>), so a project's, a week's and the portfolio's figures come from one rule.
/// </summary>
internal sealed record DeliveryCounts(int Environments, int Deploys, int Good, int Failures, int Unrecovered, IReadOnlyList<double> RecoveryMinutes, IReadOnlyList<double> LeadHours)
{
    /// <summary>Nothing counted.</summary>
    public static DeliveryCounts None { get; } = new(0, 0, 0, 0, 0, [], []);

    /// <summary>The deployments of one environment (<paramref name="history"/>, oldest first) made in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static DeliveryCounts Of(IReadOnlyList<StoredDeployment> history, DateTimeOffset start, DateTimeOffset end)
    {
        var deploys = history.Where(d => d.At >= start && d.At < end && d.Action == "deploy").ToList();
        var good = deploys.Where(d => !Failed(d)).ToList();
        var failures = deploys.Where(d => Failed(d) || Next(history, d)?.Action == "rollback").ToList();
        var recoveries = failures
            .Select(f => (Failure: f, Recovery: history.FirstOrDefault(d => d.At > f.At && !Failed(d) && !(d.Action == "deploy" && Next(history, d)?.Action == "rollback"))))
            .ToList();
        return new DeliveryCounts(
            1, deploys.Count, good.Count, failures.Count, recoveries.Count(r => r.Recovery is null),
            recoveries.Where(r => r.Recovery is not null).Select(r => (r.Recovery!.At - r.Failure.At).TotalMinutes).ToList(),
            good.Where(d => d.CommittedAt is { } at && at <= d.At).Select(d => (d.At - d.CommittedAt!.Value).TotalHours).ToList());
    }

    /// <summary>These counts and <paramref name="other"/>'s together.</summary>
    public DeliveryCounts Plus(DeliveryCounts other) => new(
        Environments + other.Environments, Deploys + other.Deploys, Good + other.Good, Failures + other.Failures, Unrecovered + other.Unrecovered,
        [.. RecoveryMinutes, .. other.RecoveryMinutes], [.. LeadHours, .. other.LeadHours]);

    /// <summary>Successful deployments per environment counted; null without one.</summary>
    public double? GoodPerEnvironment => Environments == 0 ? null : (double)Good / Environments;

    /// <summary>Failures per deployment, in percent; null without a deployment.</summary>
    public double? ChangeFailureRate => Deploys == 0 ? null : 100.0 * Failures / Deploys;

    /// <summary>The mean time to recovery in minutes; null without a recovery.</summary>
    public double? MeanRecoveryMinutes => RecoveryMinutes.Count == 0 ? null : RecoveryMinutes.Average();

    /// <summary>The median lead time in hours; null without a deployment whose commit time is known.</summary>
    public double? MedianLeadHours
    {
        get
        {
            if (LeadHours.Count == 0)
            {
                return null;
            }

            var sorted = LeadHours.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }

    // A deployment that failed, its health check included (a failed check that was undone is "rolled-back").
    private static bool Failed(StoredDeployment deployment) => deployment.Outcome != "succeeded";

    private static StoredDeployment? Next(IReadOnlyList<StoredDeployment> history, StoredDeployment after) => history.FirstOrDefault(d => d.At > after.At);
}
