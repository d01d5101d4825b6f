using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tollgate.Tools.Trivy;

/// <summary>
/// Reads Trivy's JSON report (<c>--format json</c>, schema version 2): <c>Results[]</c> with their
/// <c>Vulnerabilities</c>, <c>Misconfigurations</c> (failed ones) and <c>Secrets</c>.
/// </summary>
internal static class TrivyReportReader
{
    /// <summary>The findings of the report at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is missing, not JSON, or not a Trivy report.</exception>
    public static IReadOnlyList<TrivyFinding> Read(string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (Exception exception) when (exception is JsonException or IOException)
        {
            throw new InvalidDataException($"{path}: not a Trivy JSON report ({exception.Message.Split('\n')[0]}).", exception);
        }

        if (root is not JsonObject report || !report.ContainsKey("SchemaVersion"))
        {
            throw new InvalidDataException($"{path}: not a Trivy JSON report (no SchemaVersion); was Trivy run with --format json?");
        }

        var findings = new List<TrivyFinding>();
        foreach (var result in report["Results"]?.AsArray() ?? [])
        {
            var target = Text(result, "Target") ?? "";
            foreach (var v in Items(result, "Vulnerabilities"))
            {
                findings.Add(new TrivyFinding(
                    "vulnerability", target, Text(v, "VulnerabilityID") ?? "?", Severity(v), Text(v, "Title") ?? Text(v, "VulnerabilityID") ?? "",
                    Text(v, "PkgName"), Text(v, "InstalledVersion"), Empty(Text(v, "FixedVersion")), Url: Text(v, "PrimaryURL")));
            }

            foreach (var m in Items(result, "Misconfigurations").Where(m => Text(m, "Status") is null or "FAIL"))
            {
                findings.Add(new TrivyFinding(
                    "misconfiguration", target, Text(m, "AVDID") ?? Text(m, "ID") ?? "?", Severity(m), Text(m, "Title") ?? Text(m, "Message") ?? "",
                    Line: Number(m?["CauseMetadata"], "StartLine"), Url: Text(m, "PrimaryURL")));
            }

            foreach (var s in Items(result, "Secrets"))
            {
                findings.Add(new TrivyFinding("secret", target, Text(s, "RuleID") ?? "?", Severity(s), Text(s, "Title") ?? Text(s, "Category") ?? "", Line: Number(s, "StartLine")));
            }
        }

        return findings;
    }

    /// <summary>
    /// The report with every <c>Match</c> and <c>Code</c> removed: they quote the scanned lines, which may
    /// hold the very secret found. This is the form that goes into evidence.
    /// </summary>
    public static string Sanitized(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        Strip(root);
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                obj.Remove("Match");
                obj.Remove("Code");
                foreach (var (_, child) in obj.ToList())
                {
                    Strip(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Strip(child);
                }

                break;
        }
    }

    private static IEnumerable<JsonNode?> Items(JsonNode? node, string name) => node?[name] is JsonArray array ? array : [];

    private static string? Text(JsonNode? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static int? Number(JsonNode? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;

    private static string Severity(JsonNode? node) => (Text(node, "Severity") ?? "UNKNOWN").ToUpperInvariant();

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
