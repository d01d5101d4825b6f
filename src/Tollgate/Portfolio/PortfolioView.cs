using Tollgate.IO;

namespace Tollgate.Portfolio;

/// <summary>
/// Everything the audit reports from the store at one moment: the metrics over the window (the portfolio's first, then each
/// project's), the weekly trends, and the registry's compliance when there is a registry. The audit and the scale bench
/// both read the store through it, so the bench measures what the audit does.
/// </summary>
internal sealed record PortfolioView(
    IReadOnlyList<ProjectMetric> Metrics, IReadOnlyList<MetricTrend> Trends, ComplianceReport? Compliance, PortfolioTargets Targets, DateTimeOffset End, TimeSpan Window, int Weeks)
{
    /// <summary>The view of <paramref name="store"/> at <paramref name="end"/>; <paramref name="weakens"/> says whether a parameter's value weakens the package's default.</summary>
    public static PortfolioView Of(
        RunStore store, PortfolioRegistry? registry, PortfolioTargets targets, DateTimeOffset end, TimeSpan window, int weeks, string auditingVersion, Func<string, string?, bool> weakens)
    {
        var main = registry?.MainBranches;
        var metrics = DeliveryMetrics.PortfolioOf(store, end, window, targets, main).Concat(DeliveryMetrics.Of(store, end, window, targets, main)).ToList();
        var compliance = registry is null ? null : PortfolioCompliance.Of(store, registry, end, auditingVersion, weakens);
        return new PortfolioView(metrics, MetricTrends.Of(store, end, weeks, main), compliance, targets, end, window, weeks);
    }

    /// <summary>Writes the dashboard's pages below <paramref name="directory"/>; returns how many.</summary>
    public int WriteDashboard(string directory)
    {
        var pages = Dashboard.Pages(Metrics, Trends, Compliance, Targets, End, Window, Weeks);
        foreach (var (path, html) in pages)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(directory, path))!);
            AtomicFile.Write(Path.Combine(directory, path), html);
        }

        return pages.Count;
    }
}
