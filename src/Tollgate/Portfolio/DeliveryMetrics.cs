using System.Globalization;

namespace Tollgate.Portfolio;

/// <summary>
/// The handbook's metrics per project, from the store of runs, over a window that ends at a given time:
/// <list type="bullet">
/// <item>pipeline success rate: of the window's runs that ran <c>Ci</c>, the share that succeeded;</item>
/// <item>coverage and mutation score: the latest figure, with its change over the window;</item>
/// <item>security pass rate: of the window's SecurityScan verdicts, the share that passed;</item>
/// <item>per environment, deployment frequency: successful deployments per week;</item>
/// <item>change failure rate: of the window's deployments, those that failed (their health check included) or were followed by a rollback;</item>
/// <item>time to recovery: from a failed deployment to the next good one (deployment or rollback) of that environment, on average.</item>
/// </list>
/// Every figure is computed here from the rows the store gives, so SQLite and PostgreSQL give the same.
/// </summary>
internal static class DeliveryMetrics
{
    /// <summary>The metrics of every project the store holds, for the window of <paramref name="window"/> ending at <paramref name="end"/>.</summary>
    public static IReadOnlyList<ProjectMetric> Of(RunStore store, DateTimeOffset end, TimeSpan window, PortfolioTargets targets)
    {
        var start = end - window;
        var runs = store.RunsBetween(start, end);
        var security = store.Verdicts("SecurityScan", end).Where(v => v.At >= start).ToList();
        var coverage = store.Figures("Coverage", "line", end);
        var mutation = store.Figures("Mutation", "score", end);
        var deployments = store.Deployments().Where(d => d.At < end).ToList();
        var repositories = store.Runs().Select(r => r.Repository).Concat(deployments.Select(d => d.Repository)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var metrics = new List<ProjectMetric>();
        foreach (var repository in repositories)
        {
            var ci = runs.Where(r => r.Repository == repository && r.Requested.Split(' ').Contains("Ci")).ToList();
            var succeeded = ci.Count(r => r.Outcome == "succeeded");
            metrics.Add(new ProjectMetric(repository, PortfolioTargets.PipelineSuccessRate, null, Share(succeeded, ci.Count), targets[PortfolioTargets.PipelineSuccessRate],
                ci.Count == 0 ? "no Ci run in the window" : $"{succeeded} of {ci.Count} Ci runs succeeded"));
            metrics.Add(Latest(repository, PortfolioTargets.Coverage, coverage, start, targets));
            metrics.Add(Latest(repository, PortfolioTargets.MutationScore, mutation, start, targets));
            var scans = security.Where(v => v.Repository == repository).ToList();
            var passed = scans.Count(v => v.Status == "passed");
            metrics.Add(new ProjectMetric(repository, PortfolioTargets.SecurityPassRate, null, Share(passed, scans.Count), targets[PortfolioTargets.SecurityPassRate],
                scans.Count == 0 ? "no security scan in the window" : $"{passed} of {scans.Count} scans passed"));
            foreach (var environment in deployments.Where(d => d.Repository == repository).Select(d => d.Environment).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                metrics.AddRange(Delivery(repository, environment, deployments.Where(d => d.Repository == repository && d.Environment == environment).ToList(), start, window, targets));
            }
        }

        return metrics;
    }

    private static ProjectMetric Latest(string repository, string metric, IReadOnlyList<(string Repository, DateTimeOffset At, double Value)> figures, DateTimeOffset start, PortfolioTargets targets)
    {
        var mine = figures.Where(f => f.Repository == repository).ToList();
        if (mine.Count == 0)
        {
            return new ProjectMetric(repository, metric, null, null, targets[metric], "never measured");
        }

        var latest = mine[^1];
        var before = mine.LastOrDefault(f => f.At < start);
        var trend = before == default ? "" : string.Create(CultureInfo.InvariantCulture, $"; {latest.Value - before.Value:+0.##;-0.##;±0} points over the window");
        return new ProjectMetric(repository, metric, null, latest.Value, targets[metric], string.Create(CultureInfo.InvariantCulture, $"{latest.Value:0.##} on {latest.At:yyyy-MM-dd}{trend}"));
    }

    private static IEnumerable<ProjectMetric> Delivery(
        string repository, string environment, IReadOnlyList<StoredDeployment> history, DateTimeOffset start, TimeSpan window, PortfolioTargets targets)
    {
        var deploys = history.Where(d => d.At >= start && d.Action == "deploy").ToList();
        var good = deploys.Count(d => d.Outcome == "succeeded");
        var weeks = window.TotalDays / 7;
        yield return new ProjectMetric(repository, PortfolioTargets.DeploymentsPerWeek, environment, good / weeks, targets[PortfolioTargets.DeploymentsPerWeek],
            string.Create(CultureInfo.InvariantCulture, $"{good} successful deployment(s) in {window.TotalDays:0.#} days"));

        var failures = deploys.Where(d => Failed(d) || Next(history, d)?.Action == "rollback").ToList();
        yield return new ProjectMetric(repository, PortfolioTargets.ChangeFailureRate, environment, Share(failures.Count, deploys.Count), targets[PortfolioTargets.ChangeFailureRate],
            deploys.Count == 0 ? "no deployment in the window" : $"{failures.Count} of {deploys.Count} deployments failed or were rolled back");

        var recoveries = failures.Select(f => (Failure: f, Recovery: history.FirstOrDefault(d => d.At > f.At && !Failed(d) && !(d.Action == "deploy" && Next(history, d)?.Action == "rollback")))).ToList();
        var recovered = recoveries.Where(r => r.Recovery is not null).Select(r => (r.Recovery!.At - r.Failure.At).TotalMinutes).ToList();
        var open = recoveries.Count - recovered.Count;
        yield return new ProjectMetric(repository, PortfolioTargets.TimeToRecoveryMinutes, environment, recovered.Count == 0 ? null : recovered.Average(), targets[PortfolioTargets.TimeToRecoveryMinutes],
            failures.Count == 0 ? "no failure in the window"
                : string.Create(CultureInfo.InvariantCulture, $"{recovered.Count} recovery(ies), on average {(recovered.Count == 0 ? 0 : recovered.Average()):0.#} min") + (open > 0 ? $"; {open} not recovered yet" : ""));
    }

    // A deployment that failed, its health check included (a failed check that was undone is "rolled-back").
    private static bool Failed(StoredDeployment deployment) => deployment.Outcome != "succeeded";

    private static StoredDeployment? Next(IReadOnlyList<StoredDeployment> history, StoredDeployment after) => history.FirstOrDefault(d => d.At > after.At);

    private static double? Share(int part, int whole) => whole == 0 ? null : 100.0 * part / whole;
}
