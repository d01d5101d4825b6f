using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Tollgate.Evidence;

namespace Tollgate.Portfolio;

/// <summary>The metrics as Markdown (for a CI summary) and JSON (for scripts): one row per project, metric and environment.</summary>
internal static class MetricsReport
{
    /// <summary>A Markdown table, projects in order, with each value's target and rating.</summary>
    public static string Markdown(IReadOnlyList<ProjectMetric> metrics, DateTimeOffset end, TimeSpan window)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"## Metrics over {window.TotalDays:0.#} days to {end:yyyy-MM-dd HH:mm} UTC\n\n");
        text.Append("| Project | Metric | Environment | Value | Target | Rating | How |\n|---|---|---|---|---|---|---|\n");
        foreach (var metric in metrics)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {metric.Repository} | {metric.Metric} | {metric.Environment ?? ""} | {Value(metric.Value, metric.Target.Unit)} | {(metric.Target.HigherIsBetter ? "≥" : "≤")} {Value(metric.Target.Target, metric.Target.Unit)} | {metric.Rating} | {metric.Detail} |\n");
        }

        return text.ToString();
    }

    /// <summary>The same as JSON.</summary>
    public static string Json(IReadOnlyList<ProjectMetric> metrics, DateTimeOffset end, TimeSpan window) => new JsonObject
    {
        ["end"] = end.ToString("O", CultureInfo.InvariantCulture),
        ["windowDays"] = window.TotalDays,
        ["metrics"] = new JsonArray(metrics.Select(m => (JsonNode)new JsonObject
        {
            ["project"] = m.Repository,
            ["metric"] = m.Metric,
            ["environment"] = m.Environment,
            ["value"] = m.Value,
            ["target"] = m.Target.Target,
            ["better"] = m.Target.HigherIsBetter ? "higher" : "lower",
            ["unit"] = m.Target.Unit,
            ["rating"] = m.Rating,
            ["detail"] = m.Detail,
        }).ToArray()),
    }.ToJsonString(EvidenceJson.Options) + "\n";

    private static string Value(double? value, string unit) => value is not { } v ? "—" : string.Create(CultureInfo.InvariantCulture, $"{v:0.##}{(unit == "%" ? " %" : unit.Length > 0 ? " " + unit : "")}");
}
