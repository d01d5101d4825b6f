using System.Text;
using System.Text.Json.Nodes;
using Tollgate.Evidence;

namespace Tollgate.Portfolio;

/// <summary>The registry's compliance as Markdown (for a CI summary) and JSON (for scripts).</summary>
internal static class ComplianceText
{
    /// <summary>A line per project with its reasons, then the projects the registry and the evidence do not share.</summary>
    public static string Markdown(ComplianceReport report)
    {
        var text = new StringBuilder($"## Compliance: {report.Projects.Count(p => p.Compliant)} of {report.Projects.Count} registered projects\n\n");
        text.Append("| Project | Compliant | Why not |\n|---|---|---|\n");
        foreach (var project in report.Projects)
        {
            text.Append($"| {project.Slug} | {(project.Compliant ? "yes" : "no")} | {string.Join("; ", project.Reasons).Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }

        if (report.Unregistered.Count > 0)
        {
            text.Append($"\nEvidence of projects the registry does not list: {string.Join(", ", report.Unregistered)}.\n");
        }

        if (report.WithoutEvidence.Count > 0)
        {
            text.Append($"\nRegistered projects with no evidence: {string.Join(", ", report.WithoutEvidence)}.\n");
        }

        return text.ToString();
    }

    /// <summary>The same as JSON.</summary>
    public static string Json(ComplianceReport report) => new JsonObject
    {
        ["newestTollgateVersion"] = report.Newest,
        ["projects"] = new JsonArray(report.Projects.Select(p => (JsonNode)new JsonObject
        {
            ["slug"] = p.Slug,
            ["repository"] = p.Repository,
            ["compliant"] = p.Compliant,
            ["latestRun"] = p.LatestRun?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["tollgateVersion"] = p.TollgateVersion,
            ["reasons"] = new JsonArray(p.Reasons.Select(r => (JsonNode)r).ToArray()),
        }).ToArray()),
        ["unregistered"] = new JsonArray(report.Unregistered.Select(r => (JsonNode)r).ToArray()),
        ["withoutEvidence"] = new JsonArray(report.WithoutEvidence.Select(r => (JsonNode)r).ToArray()),
    }.ToJsonString(EvidenceJson.Options) + "\n";
}
