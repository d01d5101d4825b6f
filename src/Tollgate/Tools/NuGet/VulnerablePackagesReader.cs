using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tollgate.Tools.NuGet;

/// <summary>Reads the JSON (version 1) of <c>dotnet list package --vulnerable --include-transitive --format json</c>.</summary>
internal static class VulnerablePackagesReader
{
    /// <summary>Parses <paramref name="json"/>, which came from <paramref name="origin"/> (for messages).</summary>
    /// <exception cref="InvalidDataException">It is not that JSON.</exception>
    public static VulnerablePackagesReport Parse(string json, string origin)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{origin}: not the JSON of 'dotnet list package --format json' ({exception.Message.Split('\n')[0]}).", exception);
        }

        if (root is not JsonObject report || Int(report, "version") != 1)
        {
            throw new InvalidDataException($"{origin}: not version 1 of 'dotnet list package --format json'.");
        }

        var sources = Items(report, "sources").Select(s => s?.GetValue<string>() ?? "").ToList();
        var problems = Items(report, "problems").Select(p => $"{Text(p, "level")}: {Text(p, "text")} ({Text(p, "project")})").ToList();
        var packages = new List<VulnerablePackage>();
        foreach (var project in Items(report, "projects"))
        {
            foreach (var framework in Items(project, "frameworks"))
            {
                foreach (var (list, transitive) in new[] { ("topLevelPackages", false), ("transitivePackages", true) })
                {
                    foreach (var package in Items(framework, list))
                    {
                        foreach (var vulnerability in Items(package, "vulnerabilities"))
                        {
                            packages.Add(new VulnerablePackage(
                                Text(project, "path") ?? "", Text(framework, "framework") ?? "", Text(package, "id") ?? "",
                                Text(package, "resolvedVersion") ?? "", transitive, Text(vulnerability, "severity") ?? "Unknown", Text(vulnerability, "advisoryurl") ?? ""));
                        }
                    }
                }
            }
        }

        return new VulnerablePackagesReport(sources, problems, packages);
    }

    private static IEnumerable<JsonNode?> Items(JsonNode? node, string name) => node?[name] is JsonArray array ? array : [];

    private static string? Text(JsonNode? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static int? Int(JsonNode? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;
}
