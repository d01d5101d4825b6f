using System.Text.Json.Nodes;

namespace Tollgate.Evidence;

/// <summary>Renders a gate's findings as one SARIF 2.1.0 log, for code-scanning views.</summary>
internal static class SarifExporter
{
    /// <summary>The SARIF text of <paramref name="result"/>'s findings.</summary>
    public static string Render(GateResult result, string toolVersion)
    {
        var rules = result.Findings.Select(f => f.Rule ?? f.Kind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(id => new JsonObject { ["id"] = id })
            .ToArray<JsonNode?>();
        var results = result.Findings.Select(finding =>
        {
            var entry = new JsonObject
            {
                ["ruleId"] = finding.Rule ?? finding.Kind,
                ["level"] = Level(finding.Severity),
                ["message"] = new JsonObject { ["text"] = finding.Message },
            };
            if (finding.File is not null)
            {
                var physical = new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = finding.File } };
                if (finding.Line is { } line)
                {
                    physical["region"] = new JsonObject { ["startLine"] = line };
                }

                entry["locations"] = new JsonArray(new JsonObject { ["physicalLocation"] = physical });
            }

            return entry;
        }).ToArray<JsonNode?>();

        var log = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = $"Tollgate {result.Gate}",
                        ["version"] = toolVersion,
                        ["rules"] = new JsonArray(rules),
                    },
                },
                ["results"] = new JsonArray(results),
            }),
        };
        return log.ToJsonString(EvidenceJson.Options) + "\n";
    }

    private static string Level(string? severity) => severity?.ToLowerInvariant() switch
    {
        "error" or "critical" or "high" => "error",
        "note" or "info" or "low" or "none" => "note",
        _ => "warning",
    };
}
