using System.Globalization;
using System.Net;
using System.Text;

namespace Tollgate.Portfolio;

/// <summary>
/// The portfolio's dashboard: <c>dashboard.html</c> (the portfolio's table with each value rated green, amber or red against
/// its target, each project's compliance, and a weekly trend chart per metric) and a page per project under
/// <c>projects/</c> (its metrics per environment, why it does not comply, its own charts). Every page is self-contained: its
/// style inline, no script, no font or image from anywhere, so it opens from a CI artifact as it is.
/// </summary>
internal static class Dashboard
{
    /// <summary>The metrics in the order the table shows them.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        PortfolioTargets.PipelineSuccessRate, PortfolioTargets.Coverage, PortfolioTargets.MutationScore, PortfolioTargets.SecurityPassRate,
        PortfolioTargets.DeploymentsPerWeek, PortfolioTargets.ChangeFailureRate, PortfolioTargets.TimeToRecoveryMinutes, PortfolioTargets.LeadTimeHours,
    ];

    private static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>
    {
        [PortfolioTargets.PipelineSuccessRate] = "Pipeline success",
        [PortfolioTargets.Coverage] = "Coverage",
        [PortfolioTargets.MutationScore] = "Mutation score",
        [PortfolioTargets.SecurityPassRate] = "Security pass rate",
        [PortfolioTargets.DeploymentsPerWeek] = "Deployments / week",
        [PortfolioTargets.ChangeFailureRate] = "Change failure rate",
        [PortfolioTargets.TimeToRecoveryMinutes] = "Time to recovery",
        [PortfolioTargets.LeadTimeHours] = "Lead time",
    };

    private const string Style =
        "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:1.5em;color:#1f2328;background:#fff}h1{margin:.2em 0}p.sub{color:#59636e;margin-top:0}"
        + "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #d1d9e0;padding:.35em .6em;text-align:left;vertical-align:top;font-size:.92em}"
        + "th{background:#f6f8fa}td.green{background:#dafbe1}td.amber{background:#fff1c2}td.red{background:#ffdcd7}td.grey{color:#818b98}"
        + ".badge{display:inline-block;padding:.1em .5em;border-radius:1em;font-weight:600}.badge.green{background:#1f883d;color:#fff}.badge.red{background:#cf222e;color:#fff}"
        + ".badge.amber{background:#bf8700;color:#fff}.badge.grey{background:#818b98;color:#fff}.charts{display:flex;flex-wrap:wrap;gap:1em}"
        + "figure{margin:0;border:1px solid #d1d9e0;border-radius:6px;padding:.5em}figcaption{font-weight:600;font-size:.9em}"
        + "svg .axis{stroke:#818b98}svg .target{stroke:#59636e;stroke-dasharray:4 3}svg .line{fill:none;stroke:#0969da;stroke-width:2}"
        + "svg .tick{font-size:10px;fill:#59636e}svg .point.green{fill:#1f883d}svg .point.amber{fill:#bf8700}svg .point.red{fill:#cf222e}"
        + "ul.reasons{margin:.2em 0;padding-left:1.2em}a{color:#0969da}tr.portfolio td,tr.portfolio th{border-bottom:2px solid #59636e;font-weight:600}td[data-metric]{white-space:nowrap}";

    /// <summary>The pages: <c>dashboard.html</c> first, then <c>projects/&lt;page&gt;.html</c> for each project.</summary>
    public static IReadOnlyList<(string Path, string Html)> Pages(
        IReadOnlyList<ProjectMetric> metrics, IReadOnlyList<MetricTrend> trends, ComplianceReport? compliance, PortfolioTargets targets, DateTimeOffset end, TimeSpan window, int weeks)
    {
        var firstWeek = end.AddDays(-7 * weeks);
        var projects = metrics.Select(m => m.Repository).Where(r => r != DeliveryMetrics.Portfolio).Distinct(StringComparer.Ordinal).ToList();
        var complianceOf = (compliance?.Projects ?? []).Where(p => p.Repository is not null).ToDictionary(p => p.Repository!, StringComparer.Ordinal);
        var pages = new List<(string, string)> { ("dashboard.html", Index(metrics, trends, compliance, complianceOf, targets, end, window, firstWeek, projects)) };
        foreach (var project in projects)
        {
            pages.Add(($"projects/{PageName(project)}.html", ProjectPage(project, metrics, trends, complianceOf.GetValueOrDefault(project), targets, end, window, firstWeek)));
        }

        return pages;
    }

    /// <summary>A file name for a project's page that stays inside <c>projects/</c> whatever the repository is called.</summary>
    public static string PageName(string project)
    {
        var name = new string(project.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray());
        return name.Length == 0 || name[0] == '.' ? "_" + name : name;
    }

    private static string Index(
        IReadOnlyList<ProjectMetric> metrics, IReadOnlyList<MetricTrend> trends, ComplianceReport? compliance, Dictionary<string, ProjectCompliance> complianceOf,
        PortfolioTargets targets, DateTimeOffset end, TimeSpan window, DateTimeOffset firstWeek, IReadOnlyList<string> projects)
    {
        var html = Head("Tollgate portfolio");
        html.Append(CultureInfo.InvariantCulture, $"<h1>Portfolio</h1>\n<p class=\"sub\">{projects.Count} projects · metrics over {window.TotalDays:0} days to {end:yyyy-MM-dd HH:mm} UTC");
        html.Append(CultureInfo.InvariantCulture, $" · {metrics.Count(m => m.Rating == "green")} green, {metrics.Count(m => m.Rating == "amber")} amber, {metrics.Count(m => m.Rating == "red")} red");
        if (compliance is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $" · <span id=\"compliant\">{compliance.Projects.Count(p => p.Compliant)} of {compliance.Projects.Count}</span> registered projects compliant");
        }

        html.Append("</p>\n<table id=\"portfolio\">\n<tr><th>Project</th>");
        if (compliance is not null)
        {
            html.Append("<th>Compliance</th>");
        }

        html.Append(string.Concat(Columns.Select(c => $"<th>{E(Titles[c])}<br><small>{E(Target(targets[c]))}</small></th>"))).Append("</tr>\n");
        if (metrics.Any(m => m.Repository == DeliveryMetrics.Portfolio))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr data-project=\"{E(DeliveryMetrics.Portfolio)}\" class=\"portfolio\"><th>Portfolio</th>");
            if (compliance is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td>{compliance.Projects.Count(p => p.Compliant)} of {compliance.Projects.Count} compliant</td>");
            }

            foreach (var column in Columns)
            {
                html.Append(Cell(DeliveryMetrics.Portfolio, column, metrics.Where(m => m.Repository == DeliveryMetrics.Portfolio && m.Metric == column).ToList()));
            }

            html.Append("</tr>\n");
        }
        foreach (var project in projects)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr data-project=\"{E(project)}\"><td><a href=\"projects/{E(PageName(project))}.html\">{E(project)}</a></td>");
            if (compliance is not null)
            {
                html.Append(complianceOf.TryGetValue(project, out var state) ? ComplianceCell(state) : "<td class=\"grey\" data-compliance=\"unregistered\">not in the registry</td>");
            }

            foreach (var column in Columns)
            {
                html.Append(Cell(project, column, metrics.Where(m => m.Repository == project && m.Metric == column).ToList()));
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n");
        if (compliance is not null && (compliance.WithoutEvidence.Count > 0 || compliance.Unregistered.Count > 0))
        {
            html.Append("<h2>Registry and evidence apart</h2>\n<ul id=\"apart\">");
            html.Append(string.Concat(compliance.WithoutEvidence.Select(p => $"<li data-registered-without-evidence=\"{E(p)}\">{E(p)}: in the registry, no evidence ingested</li>")));
            html.Append(string.Concat(compliance.Unregistered.Select(p => $"<li data-unregistered=\"{E(p)}\">{E(p)}: evidence ingested, not in the registry</li>")));
            html.Append("</ul>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>Trends, week by week</h2>\n<div class=\"charts\">");
        foreach (var trend in trends)
        {
            html.Append(CultureInfo.InvariantCulture, $"<figure><figcaption>{E(Titles[trend.Metric])} (portfolio)</figcaption>{TrendChart.Svg(trend.Metric, trend.Portfolio, firstWeek, targets[trend.Metric])}</figure>");
        }

        return html.Append("</div>\n</body></html>\n").ToString();
    }

    private static string ProjectPage(
        string project, IReadOnlyList<ProjectMetric> metrics, IReadOnlyList<MetricTrend> trends, ProjectCompliance? compliance, PortfolioTargets targets, DateTimeOffset end,
        TimeSpan window, DateTimeOffset firstWeek)
    {
        var html = Head($"{project} · Tollgate portfolio");
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"../dashboard.html\">← Portfolio</a></p>\n<h1>{E(project)}</h1>\n<p class=\"sub\">Metrics over {window.TotalDays:0} days to {end:yyyy-MM-dd HH:mm} UTC</p>\n");
        if (compliance is not null)
        {
            html.Append(compliance.Compliant
                ? "<p id=\"compliance\"><span class=\"badge green\">compliant</span></p>\n"
                : $"<div id=\"compliance\"><span class=\"badge red\">not compliant</span><ul class=\"reasons\">{string.Concat(compliance.Reasons.Select(r => $"<li>{E(r)}</li>"))}</ul></div>\n");
        }

        html.Append("<table id=\"metrics\">\n<tr><th>Metric</th><th>Environment</th><th>Value</th><th>Target</th><th>How</th></tr>\n");
        foreach (var metric in metrics.Where(m => m.Repository == project).OrderBy(m => Columns.ToList().IndexOf(m.Metric)).ThenBy(m => m.Environment, StringComparer.Ordinal))
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr data-metric=\"{E(metric.Metric)}\" data-environment=\"{E(metric.Environment ?? "")}\"><td>{E(Titles[metric.Metric])}</td><td>{E(metric.Environment ?? "")}</td><td class=\"{metric.Rating}\">{E(Value(metric.Value, metric.Target.Unit))}</td><td>{E(Target(metric.Target))}</td><td>{E(metric.Detail)}</td></tr>\n");
        }

        html.Append("</table>\n<h2>Trends, week by week</h2>\n<div class=\"charts\">");
        foreach (var trend in trends)
        {
            var values = trend.Projects.TryGetValue(project, out var mine) ? mine : trend.Portfolio.Select(_ => (double?)null).ToList();
            html.Append(CultureInfo.InvariantCulture, $"<figure><figcaption>{E(Titles[trend.Metric])}</figcaption>{TrendChart.Svg(trend.Metric, values, firstWeek, targets[trend.Metric])}</figure>");
        }

        return html.Append("</div>\n</body></html>\n").ToString();
    }

    private static string ComplianceCell(ProjectCompliance state) => state.Compliant
        ? "<td class=\"green\" data-compliance=\"compliant\">compliant</td>"
        : $"<td class=\"red\" data-compliance=\"not-compliant\">not compliant<ul class=\"reasons\">{string.Concat(state.Reasons.Select(r => $"<li>{E(r)}</li>"))}</ul></td>";

    // A project's cell for one metric: the value, or each environment's; rated by the worst of them.
    private static string Cell(string project, string metric, IReadOnlyList<ProjectMetric> values)
    {
        string[] order = ["red", "amber", "green", "grey"];
        var rating = values.Count == 0 ? "grey" : values.Select(v => v.Rating).OrderBy(r => Array.IndexOf(order, r)).First();
        var text = values.Count == 0 ? "—"
            : string.Join("<br>", values.Select(v => (v.Environment is null ? "" : E(v.Environment) + ": ") + E(Value(v.Value, v.Target.Unit))));
        return $"<td class=\"{rating}\" data-metric=\"{E(metric)}\" data-rating=\"{rating}\" title=\"{E(string.Join("; ", values.Select(v => v.Detail)))}\">{text}</td>";
    }

    private static StringBuilder Head(string title) => new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
        .Append(CultureInfo.InvariantCulture, $"<title>{E(title)}</title>\n<style>{Style}</style></head><body>\n");

    private static string Target(MetricTarget target) => $"{(target.HigherIsBetter ? "≥" : "≤")} {Value(target.Target, target.Unit)}";

    private static string Value(double? value, string unit) =>
        value is not { } v ? "—" : string.Create(CultureInfo.InvariantCulture, $"{v:0.##}{(unit == "%" ? " %" : unit.Length > 0 ? " " + unit : "")}");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
