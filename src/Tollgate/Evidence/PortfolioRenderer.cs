using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Tollgate.Evidence;

/// <summary>
/// The portfolio audit as Markdown, JSON and one static HTML page: a line per repository with its
/// Tollgate version (flagged when older than the newest seen: template drift), each gate's verdict and
/// figure, overrides that weaken a default, waivers and expired suppressions.
/// </summary>
internal static class PortfolioRenderer
{
    /// <summary>The gate columns, in the order Ci runs them; gates no repository ran are left out.</summary>
    public static IReadOnlyList<string> Columns(IReadOnlyList<PortfolioEntry> entries)
    {
        string[] order = ["Lint", "Test", "Coverage", "Mutation", "ArchitectureTests", "SecurityScan", "Package"];
        var seen = entries.SelectMany(e => e.Gates.Keys).Distinct(StringComparer.Ordinal).ToList();
        return order.Where(seen.Contains).Concat(seen.Where(g => !order.Contains(g)).Order(StringComparer.Ordinal)).ToList();
    }

    /// <summary>The newest Tollgate version among the bundles.</summary>
    public static string? Newest(IReadOnlyList<PortfolioEntry> entries) =>
        entries.Select(e => e.TollgateVersion).OrderByDescending(v => v, VersionOrder.Instance).FirstOrDefault();

    /// <summary>Markdown.</summary>
    public static string Markdown(IReadOnlyList<PortfolioEntry> entries, Func<ParameterRecord, bool> weakens, PortfolioUpgrade? upgrade = null)
    {
        var columns = Columns(entries);
        var newest = Newest(entries);
        var text = new StringBuilder($"# Tollgate portfolio audit\n\n{entries.Count} repositories; newest Tollgate {newest}.\n\n");
        text.Append("| Repository | Tollgate | Outcome | ").Append(string.Join(" | ", columns)).Append(" | Weakened defaults | Waivers | Expired suppressions |\n");
        text.Append("|---|---|---|").Append(string.Concat(columns.Select(_ => "---|"))).Append("---|---|---|\n");
        foreach (var entry in entries)
        {
            var version = entry.TollgateVersion == newest ? entry.TollgateVersion : $"{entry.TollgateVersion} (behind {newest})";
            text.Append($"| {Cell(entry.Repository)} | {Cell(version)} | {entry.Outcome} | ");
            text.Append(string.Join(" | ", columns.Select(c => entry.Gates.TryGetValue(c, out var g) ? Cell($"{g.Status}: {g.Headline}") : "—")));
            text.Append($" | {Cell(Weakened(entry, weakens))} | {Cell(string.Join("; ", entry.Waivers))} | {Cell(string.Join("; ", entry.ExpiredSuppressions))} |\n");
        }

        if (upgrade is not null)
        {
            text.Append($"\n## Moving to Tollgate {upgrade.To}\n\n");
            var moving = entries.Select(e => (Entry: e, Changes: upgrade.Changes(e.TollgateVersion))).Where(m => m.Changes.Count > 0).ToList();
            text.Append(moving.Count == 0 ? "No repository's gates change: each is on a version with this policy.\n" : "");
            foreach (var (entry, changes) in moving)
            {
                text.Append($"- **{entry.Repository}** (on {entry.TollgateVersion}), its gates get:\n");
                text.Append(string.Concat(changes.Select(c => $"  - {c}\n")));
            }
        }

        return text.ToString();
    }

    /// <summary>JSON.</summary>
    public static string Json(IReadOnlyList<PortfolioEntry> entries, Func<ParameterRecord, bool> weakens, PortfolioUpgrade? upgrade = null)
    {
        var newest = Newest(entries);
        var repositories = entries.Select(e => (JsonNode?)new JsonObject
        {
            ["repository"] = e.Repository,
            ["bundle"] = e.Bundle,
            ["tollgateVersion"] = e.TollgateVersion,
            ["behindNewest"] = e.TollgateVersion != newest,
            ["commit"] = e.Commit,
            ["outcome"] = e.Outcome,
            ["gates"] = new JsonObject(e.Gates.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
                KeyValuePair.Create(g.Key, (JsonNode?)new JsonObject { ["status"] = g.Value.Status, ["headline"] = g.Value.Headline }))),
            ["weakenedDefaults"] = new JsonArray(e.Overrides.Where(weakens).Select(p => (JsonNode?)$"{p.Name}={p.Value}").ToArray()),
            ["overrides"] = new JsonArray(e.Overrides.Select(p => (JsonNode?)$"{p.Name}={(p.Secret ? "(secret)" : p.Value)}").ToArray()),
            ["waivers"] = new JsonArray(e.Waivers.Select(w => (JsonNode?)w).ToArray()),
            ["expiredSuppressions"] = new JsonArray(e.ExpiredSuppressions.Select(s => (JsonNode?)s).ToArray()),
            ["policyChangesOnMoving"] = new JsonArray((upgrade?.Changes(e.TollgateVersion) ?? []).Select(c => (JsonNode?)c).ToArray()),
        }).ToArray();
        return new JsonObject { ["newestTollgateVersion"] = newest, ["movingTo"] = upgrade?.To, ["repositories"] = new JsonArray(repositories) }.ToJsonString(EvidenceJson.Options) + "\n";
    }

    /// <summary>One static HTML page, nothing loaded from anywhere.</summary>
    public static string Html(IReadOnlyList<PortfolioEntry> entries, Func<ParameterRecord, bool> weakens, PortfolioUpgrade? upgrade = null)
    {
        var columns = Columns(entries);
        var newest = Newest(entries);
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Tollgate portfolio audit</title>\n<style>");
        html.Append("body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.3em .6em;vertical-align:top}");
        html.Append(".passed{background:#e6f4ea}.failed,.error{background:#fce8e6}.behind{background:#fff4ce}</style></head><body>\n");
        html.Append($"<h1>Tollgate portfolio audit</h1>\n<p>{entries.Count} repositories; newest Tollgate {E(newest ?? "")}.</p>\n<table>\n<tr><th>Repository</th><th>Tollgate</th><th>Outcome</th>");
        foreach (var column in columns)
        {
            html.Append($"<th>{E(column)}</th>");
        }

        html.Append("<th>Weakened defaults</th><th>Waivers</th><th>Expired suppressions</th></tr>\n");
        foreach (var entry in entries)
        {
            var behind = entry.TollgateVersion != newest;
            html.Append($"<tr><td>{E(entry.Repository)}</td><td class=\"{(behind ? "behind" : "")}\">{E(entry.TollgateVersion)}{(behind ? $" (behind {E(newest!)})" : "")}</td><td class=\"{E(entry.Outcome == "succeeded" ? "passed" : "failed")}\">{E(entry.Outcome)}</td>");
            foreach (var column in columns)
            {
                html.Append(entry.Gates.TryGetValue(column, out var gate) ? $"<td class=\"{E(gate.Status)}\">{E(gate.Status)}: {E(gate.Headline)}</td>" : "<td>—</td>");
            }

            html.Append($"<td>{E(Weakened(entry, weakens))}</td><td>{E(string.Join("; ", entry.Waivers))}</td><td>{E(string.Join("; ", entry.ExpiredSuppressions))}</td></tr>\n");
        }

        html.Append("</table>\n");
        if (upgrade is not null)
        {
            html.Append($"<h2>Moving to Tollgate {E(upgrade.To)}</h2>\n<ul>\n");
            foreach (var entry in entries.Where(e => upgrade.Changes(e.TollgateVersion).Count > 0))
            {
                html.Append($"<li><b>{E(entry.Repository)}</b> (on {E(entry.TollgateVersion)}), its gates get:<ul>");
                html.Append(string.Concat(upgrade.Changes(entry.TollgateVersion).Select(c => $"<li>{E(c)}</li>")));
                html.Append("</ul></li>\n");
            }

            html.Append("</ul>\n");
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static string Weakened(PortfolioEntry entry, Func<ParameterRecord, bool> weakens) =>
        string.Join("; ", entry.Overrides.Where(weakens).Select(p => $"{p.Name}={p.Value}"));

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
