using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Tollgate.Evidence;

/// <summary>
/// <c>codequality.json</c>: the located code findings of every gate (lint diagnostics, architecture
/// violations, vulnerabilities, misconfigurations, secrets) in the Code Climate subset GitLab's code
/// quality report reads. Written into every bundle, so the bundle is the same on every host.
/// </summary>
internal static class CodeQualityExporter
{
    /// <summary>The file's name at the bundle's top level.</summary>
    public const string FileName = "codequality.json";

    private static readonly HashSet<string> Kinds = new(StringComparer.Ordinal) { "lint", "violation", "vulnerability", "misconfiguration", "secret" };

    /// <summary>The JSON text of the findings of <paramref name="gates"/>.</summary>
    public static string Render(IEnumerable<GateResult> gates)
    {
        var issues = gates.SelectMany(g => g.Findings.Where(f => f.File is not null && f.SuppressedBy is null && Kinds.Contains(f.Kind)).Select(f => (Gate: g.Gate, Finding: f)))
            .Select(x => (JsonNode?)new JsonObject
            {
                ["description"] = $"{x.Gate}: {x.Finding.Message}",
                ["check_name"] = x.Finding.Rule ?? x.Finding.Kind,
                ["fingerprint"] = Fingerprint(x.Gate, x.Finding),
                ["severity"] = Severity(x.Finding.Severity),
                ["location"] = new JsonObject { ["path"] = x.Finding.File, ["lines"] = new JsonObject { ["begin"] = Math.Max(1, x.Finding.Line ?? 1) } },
            }).ToArray();
        return new JsonArray(issues).ToJsonString(EvidenceJson.Options) + "\n";
    }

    /// <summary>GitLab's severities: <c>info</c>, <c>minor</c>, <c>major</c>, <c>critical</c>.</summary>
    public static string Severity(string? severity) => severity?.ToLowerInvariant() switch
    {
        "critical" => "critical",
        "high" or "error" => "major",
        "medium" or "moderate" or "warning" => "minor",
        null => "major",
        _ => "info",
    };

    private static string Fingerprint(string gate, Finding finding) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{gate}|{finding.Rule}|{finding.File}|{finding.Line}|{finding.Message}")))[..32];
}
