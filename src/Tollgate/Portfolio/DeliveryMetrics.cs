using System.Globalization;

namespace Tollgate.Portfolio;

/// <summary>
/// The handbook's metrics per project, from the store of runs, over a window that ends at a given time:
/// <list type="bullet">
/// <item>pipeline success rate: of the window's runs of the main branch that ran <c>Ci</c>, the share that succeeded;</item>
/// <item>coverage and mutation score: the latest figure, with its change over the window;</item>
/// <item>security pass rate: of the window's SecurityScan verdicts, the share that passed;</item>
/// <item>per environment (<see cref="DeliveryCounts"/>): successful deployments per week, change failure rate, mean time to
/// recovery, and the median lead time from a commit to its deployment.</item>
/// </list>
/// The database counts and groups (so a year of a large portfolio is not read into memory); the rates are worked out here,
/// so SQLite and PostgreSQL give the same figures.
/// </summary>
internal static class DeliveryMetrics
{
    /// <summary>
    /// The metrics of every project the store holds, for the window of <paramref name="window"/> ending at <paramref name="end"/>;
    /// <paramref name="mainBranch"/> says whether a repository's run on a branch (null: not recorded) counts as its main branch's.
    /// </summary>
    public static IReadOnlyList<ProjectMetric> Of(RunStore store, DateTimeOffset end, TimeSpan window, PortfolioTargets targets, MainBranches? mainBranch = null)
    {
        mainBranch ??= MainBranches.Default;
        var start = end - window;
        var ci = store.CiOutcomes(start, end, window).Where(c => mainBranch.Counts(c.Repository, c.Branch))
            .GroupBy(c => c.Repository).ToDictionary(g => g.Key, g => (Succeeded: g.Sum(c => c.Succeeded), Runs: g.Sum(c => c.Runs)), StringComparer.Ordinal);
        var security = store.VerdictCounts("SecurityScan", start, end, window)
            .GroupBy(v => v.Repository).ToDictionary(g => g.Key, g => (Passed: g.Sum(v => v.Passed), Verdicts: g.Sum(v => v.Verdicts)), StringComparer.Ordinal);
        var figures = new[] { ("Coverage", "line", PortfolioTargets.Coverage), ("Mutation", "score", PortfolioTargets.MutationScore) }
            .Select(f => (Metric: f.Item3, Latest: store.LatestFigures(f.Item1, f.Item2, end), Before: store.LatestFigures(f.Item1, f.Item2, start))).ToList();
        var deployments = store.DeploymentsBetween(start, end).ToLookup(d => d.Repository, StringComparer.Ordinal);
        var metrics = new List<ProjectMetric>();
        foreach (var repository in store.Repositories())
        {
            var (succeeded, runs) = ci.GetValueOrDefault(repository);
            metrics.Add(new ProjectMetric(repository, PortfolioTargets.PipelineSuccessRate, null, Share(succeeded, runs), targets[PortfolioTargets.PipelineSuccessRate],
                runs == 0 ? "no Ci run of the main branch in the window" : $"{succeeded} of {runs} Ci runs succeeded"));
            foreach (var (metric, latest, before) in figures)
            {
                metrics.Add(Latest(repository, metric, latest, before, targets));
            }

            var (passed, verdicts) = security.GetValueOrDefault(repository);
            metrics.Add(new ProjectMetric(repository, PortfolioTargets.SecurityPassRate, null, Share(passed, verdicts), targets[PortfolioTargets.SecurityPassRate],
                verdicts == 0 ? "no security scan in the window" : $"{passed} of {verdicts} scans passed"));
            foreach (var environment in deployments[repository].GroupBy(d => d.Environment).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                metrics.AddRange(Delivery(repository, environment.Key, DeliveryCounts.Of(environment.ToList(), start, end), window, targets));
            }
        }

        return metrics;
    }

    /// <summary>The name the portfolio's own figures carry in place of a project's.</summary>
    public const string Portfolio = "(portfolio)";

    /// <summary>
    /// The portfolio's figures over the same window, from every project together: the rates of all its Ci runs, scans and
    /// deployments; the mean of its projects' latest coverage and mutation score; successful deployments per week per
    /// environment deployed to; the mean of all recoveries and the median of all lead times.
    /// </summary>
    public static IReadOnlyList<ProjectMetric> PortfolioOf(RunStore store, DateTimeOffset end, TimeSpan window, PortfolioTargets targets, MainBranches? mainBranch = null)
    {
        mainBranch ??= MainBranches.Default;
        var start = end - window;
        var ci = store.CiOutcomes(start, end, window).Where(c => mainBranch.Counts(c.Repository, c.Branch)).ToList();
        var (succeeded, runs) = (ci.Sum(c => c.Succeeded), ci.Sum(c => c.Runs));
        var scans = store.VerdictCounts("SecurityScan", start, end, window);
        var (passed, verdicts) = (scans.Sum(v => v.Passed), scans.Sum(v => v.Verdicts));
        var environments = store.DeploymentsBetween(start, end).GroupBy(d => (d.Repository, d.Environment)).Select(g => DeliveryCounts.Of(g.ToList(), start, end)).ToList();
        var counts = environments.Aggregate(DeliveryCounts.None, (all, one) => all.Plus(one));
        var metrics = new List<ProjectMetric>
        {
            new(Portfolio, PortfolioTargets.PipelineSuccessRate, null, Share(succeeded, runs), targets[PortfolioTargets.PipelineSuccessRate],
                $"{succeeded} of {runs} Ci runs of main succeeded, {ci.Select(c => c.Repository).Distinct(StringComparer.Ordinal).Count()} projects"),
        };
        foreach (var (gate, figure, metric) in new[] { ("Coverage", "line", PortfolioTargets.Coverage), ("Mutation", "score", PortfolioTargets.MutationScore) })
        {
            var latest = store.LatestFigures(gate, figure, end).Values.Select(v => v.Value).ToList();
            metrics.Add(new ProjectMetric(Portfolio, metric, null, latest.Count == 0 ? null : latest.Average(), targets[metric], $"the mean of {latest.Count} projects' latest"));
        }

        metrics.Add(new ProjectMetric(Portfolio, PortfolioTargets.SecurityPassRate, null, Share(passed, verdicts), targets[PortfolioTargets.SecurityPassRate], $"{passed} of {verdicts} scans passed"));
        metrics.Add(new ProjectMetric(Portfolio, PortfolioTargets.DeploymentsPerWeek, null, counts.GoodPerEnvironment / (window.TotalDays / 7),
            targets[PortfolioTargets.DeploymentsPerWeek], string.Create(CultureInfo.InvariantCulture, $"{counts.Good} successful deployment(s) to {environments.Count} environment(s) of projects, per environment")));
        metrics.Add(new ProjectMetric(Portfolio, PortfolioTargets.ChangeFailureRate, null, counts.ChangeFailureRate, targets[PortfolioTargets.ChangeFailureRate],
            $"{counts.Failures} of {counts.Deploys} deployments failed or were rolled back"));
        metrics.Add(new ProjectMetric(Portfolio, PortfolioTargets.TimeToRecoveryMinutes, null, counts.MeanRecoveryMinutes, targets[PortfolioTargets.TimeToRecoveryMinutes],
            $"{counts.RecoveryMinutes.Count} recovery(ies), {counts.Unrecovered} not recovered yet"));
        metrics.Add(new ProjectMetric(Portfolio, PortfolioTargets.LeadTimeHours, null, counts.MedianLeadHours, targets[PortfolioTargets.LeadTimeHours],
            $"median of {counts.LeadHours.Count} deployment(s), from commit to deployment"));
        return metrics;
    }

    private static ProjectMetric Latest(
        string repository, string metric, IReadOnlyDictionary<string, (DateTimeOffset At, double Value)> latest, IReadOnlyDictionary<string, (DateTimeOffset At, double Value)> before,
        PortfolioTargets targets)
    {
        if (!latest.TryGetValue(repository, out var now))
        {
            return new ProjectMetric(repository, metric, null, null, targets[metric], "never measured");
        }

        var trend = before.TryGetValue(repository, out var then) ? string.Create(CultureInfo.InvariantCulture, $"; {now.Value - then.Value:+0.##;-0.##;±0} points over the window") : "";
        return new ProjectMetric(repository, metric, null, now.Value, targets[metric], string.Create(CultureInfo.InvariantCulture, $"{now.Value:0.##} on {now.At:yyyy-MM-dd}{trend}"));
    }

    private static IEnumerable<ProjectMetric> Delivery(string repository, string environment, DeliveryCounts counts, TimeSpan window, PortfolioTargets targets)
    {
        yield return new ProjectMetric(repository, PortfolioTargets.DeploymentsPerWeek, environment, counts.Good / (window.TotalDays / 7), targets[PortfolioTargets.DeploymentsPerWeek],
            string.Create(CultureInfo.InvariantCulture, $"{counts.Good} successful deployment(s) in {window.TotalDays:0.#} days"));
        yield return new ProjectMetric(repository, PortfolioTargets.ChangeFailureRate, environment, counts.ChangeFailureRate, targets[PortfolioTargets.ChangeFailureRate],
            counts.Deploys == 0 ? "no deployment in the window" : $"{counts.Failures} of {counts.Deploys} deployments failed or were rolled back");
        yield return new ProjectMetric(repository, PortfolioTargets.TimeToRecoveryMinutes, environment, counts.MeanRecoveryMinutes, targets[PortfolioTargets.TimeToRecoveryMinutes],
            counts.Failures == 0 ? "no failure in the window"
                : string.Create(CultureInfo.InvariantCulture, $"{counts.RecoveryMinutes.Count} recovery(ies), on average {counts.MeanRecoveryMinutes ?? 0:0.#} min")
                    + (counts.Unrecovered > 0 ? $"; {counts.Unrecovered} not recovered yet" : ""));
        yield return new ProjectMetric(repository, PortfolioTargets.LeadTimeHours, environment, counts.MedianLeadHours, targets[PortfolioTargets.LeadTimeHours],
            counts.LeadHours.Count == 0 ? "no deployment whose commit time is recorded"
                : string.Create(CultureInfo.InvariantCulture, $"median of {counts.LeadHours.Count} deployment(s), from commit to deployment"));
    }

    private static double? Share(int part, int whole) => whole == 0 ? null : 100.0 * part / whole;
}
