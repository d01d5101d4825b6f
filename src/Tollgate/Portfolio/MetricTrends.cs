namespace Tollgate.Portfolio;

/// <summary>One metric's weekly trend: a value per week (null: nothing to count that week) for the portfolio and for each project.</summary>
internal sealed record MetricTrend(string Metric, IReadOnlyList<double?> Portfolio, IReadOnlyDictionary<string, IReadOnlyList<double?>> Projects);

/// <summary>
/// The metrics week by week over the last weeks to a given end, for the dashboard's charts. Each week is counted on its own:
/// pipeline success and security pass rates of that week's runs, the mean coverage and mutation score of that week's runs,
/// and the week's deployments (every environment of a project together; for the portfolio, every project's): successful
/// deployments per environment, change failure rate, mean time to recovery and median lead time. The portfolio's rates are of all its runs
/// that week; its coverage and mutation score are the mean of its projects'.
/// </summary>
internal static class MetricTrends
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>Every metric's trend over <paramref name="weeks"/> weeks ending at <paramref name="end"/>, the oldest week first.</summary>
    public static IReadOnlyList<MetricTrend> Of(RunStore store, DateTimeOffset end, int weeks, MainBranches? mainBranch = null)
    {
        mainBranch ??= MainBranches.Default;
        var start = end - (Week * weeks);
        var trends = new List<MetricTrend>
        {
            Rates(PortfolioTargets.PipelineSuccessRate, weeks,
                store.CiOutcomes(start, end, Week).Where(c => mainBranch.Counts(c.Repository, c.Branch)).Select(c => (c.Repository, c.Bucket, c.Succeeded, c.Runs))),
            Means(PortfolioTargets.Coverage, weeks, store.FigureMeans("Coverage", "line", start, end, Week)),
            Means(PortfolioTargets.MutationScore, weeks, store.FigureMeans("Mutation", "score", start, end, Week)),
            Rates(PortfolioTargets.SecurityPassRate, weeks, store.VerdictCounts("SecurityScan", start, end, Week).Select(v => (v.Repository, v.Bucket, v.Passed, v.Verdicts))),
        };

        // Each environment's deployments counted week by week, then added up per project and for the portfolio.
        var counts = store.DeploymentsBetween(start, end)
            .GroupBy(d => (d.Repository, d.Environment))
            .SelectMany(g => Enumerable.Range(0, weeks).Select(w => (g.Key.Repository, Week: w, Counts: DeliveryCounts.Of(g.ToList(), start + (Week * w), start + (Week * (w + 1))))))
            .ToList();
        var byProject = counts.GroupBy(c => c.Repository, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Enumerable.Range(0, weeks).Select(w => g.Where(c => c.Week == w).Aggregate(DeliveryCounts.None, (a, c) => a.Plus(c.Counts))).ToList(), StringComparer.Ordinal);
        var portfolio = Enumerable.Range(0, weeks).Select(w => counts.Where(c => c.Week == w).Aggregate(DeliveryCounts.None, (a, c) => a.Plus(c.Counts))).ToList();
        foreach (var (metric, value) in new (string, Func<DeliveryCounts, double?>)[]
        {
            (PortfolioTargets.DeploymentsPerWeek, c => c.GoodPerEnvironment),
            (PortfolioTargets.ChangeFailureRate, c => c.ChangeFailureRate),
            (PortfolioTargets.TimeToRecoveryMinutes, c => c.MeanRecoveryMinutes),
            (PortfolioTargets.LeadTimeHours, c => c.MedianLeadHours),
        })
        {
            trends.Add(new MetricTrend(metric, portfolio.Select(value).ToList(),
                byProject.ToDictionary(p => p.Key, p => (IReadOnlyList<double?>)p.Value.Select(value).ToList(), StringComparer.Ordinal)));
        }

        return trends;
    }

    private static MetricTrend Rates(string metric, int weeks, IEnumerable<(string Repository, int Bucket, int Part, int Whole)> rows)
    {
        var list = rows.Where(r => r.Bucket >= 0 && r.Bucket < weeks).ToList();
        var projects = list.GroupBy(r => r.Repository, StringComparer.Ordinal).ToDictionary(
            g => g.Key, g => (IReadOnlyList<double?>)Enumerable.Range(0, weeks).Select(w => Share(g.Where(r => r.Bucket == w).Sum(r => r.Part), g.Where(r => r.Bucket == w).Sum(r => r.Whole))).ToList(),
            StringComparer.Ordinal);
        var portfolio = Enumerable.Range(0, weeks).Select(w => Share(list.Where(r => r.Bucket == w).Sum(r => r.Part), list.Where(r => r.Bucket == w).Sum(r => r.Whole))).ToList();
        return new MetricTrend(metric, portfolio, projects);
    }

    private static MetricTrend Means(string metric, int weeks, IEnumerable<(string Repository, int Bucket, double Mean)> rows)
    {
        var list = rows.Where(r => r.Bucket >= 0 && r.Bucket < weeks).ToList();
        var projects = list.GroupBy(r => r.Repository, StringComparer.Ordinal).ToDictionary(
            g => g.Key, g => (IReadOnlyList<double?>)Enumerable.Range(0, weeks).Select(w => g.Where(r => r.Bucket == w).Select(r => (double?)r.Mean).FirstOrDefault()).ToList(),
            StringComparer.Ordinal);
        var portfolio = Enumerable.Range(0, weeks).Select(w => list.Where(r => r.Bucket == w).Select(r => r.Mean).DefaultIfEmpty(double.NaN).Average() is var mean && double.IsNaN(mean) ? (double?)null : mean).ToList();
        return new MetricTrend(metric, portfolio, projects);
    }

    private static double? Share(int part, int whole) => whole == 0 ? null : 100.0 * part / whole;
}
