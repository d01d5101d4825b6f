using System.Text.Json;
using Json.Schema;

namespace Tollgate.Tests.Support;

/// <summary>
/// A published JSON Schema (draft-07 and later) checked with a full validator (JsonSchema.Net), with the schemas it
/// refers to (CycloneDX's SPDX licence list and JSF signature) registered from the same fixture folder.
/// </summary>
internal static class StandardSchema
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "tests", "fixtures", "schemas");

    // Building a schema registers it under its $id, so each is built once; the referenced ones first.
    private static readonly BuildOptions Options = new() { SchemaRegistry = new SchemaRegistry() };
    private static readonly Dictionary<string, JsonSchema> Built = [];
    private static readonly Lock Gate = new();

    private static JsonSchema Schema(string file)
    {
        lock (Gate)
        {
            if (Built.Count == 0)
            {
                foreach (var referenced in new[] { "spdx.schema.json", "jsf-0.82.schema.json" })
                {
                    Built[referenced] = JsonSchema.FromText(File.ReadAllText(Path.Combine(Folder, referenced)), Options);
                }
            }

            if (!Built.TryGetValue(file, out var schema))
            {
                Built[file] = schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Folder, file)), Options);
            }

            return schema;
        }
    }

    /// <summary>The errors of <paramref name="json"/> against the fixture schema <paramref name="schemaFile"/>, one line each.</summary>
    public static IReadOnlyList<string> Errors(string schemaFile, string json)
    {
        var schema = Schema(schemaFile);
        using var instance = JsonDocument.Parse(json);
        var result = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")).ToList();
    }
}
