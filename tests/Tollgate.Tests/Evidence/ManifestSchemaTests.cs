using System.Text.Json;
using System.Text.RegularExpressions;
using Tollgate.Evidence;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Evidence;

/// <summary>
/// Holds a written manifest to the shipped schema: every object has exactly the schema's required
/// properties (it forbids others), enums and patterns hold. A small checker of the keywords the schema uses.
/// </summary>
public class ManifestSchemaTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public void A_written_manifest_conforms_to_the_shipped_schema()
    {
        EvidenceFixture.Write(Path.Combine(root.Path, "evidence"));
        using var schema = JsonDocument.Parse(ManifestSchema.Text);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(root.Path, "evidence", "manifest.json")));

        var problems = new List<string>();
        Check(schema.RootElement, manifest.RootElement, "$", problems);

        Assert.Empty(problems);
    }

    [Fact]
    public void The_checker_catches_a_property_the_schema_does_not_know()
    {
        using var schema = JsonDocument.Parse(ManifestSchema.Text);
        EvidenceFixture.Write(Path.Combine(root.Path, "evidence"));
        var text = File.ReadAllText(Path.Combine(root.Path, "evidence", "manifest.json")).Replace("\"schemaVersion\": 1,", "\"schemaVersion\": 1, \"surprise\": true,", StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(text);

        var problems = new List<string>();
        Check(schema.RootElement, manifest.RootElement, "$", problems);

        Assert.Contains("$.surprise: not in the schema", problems);
    }

    private static void Check(JsonElement schema, JsonElement value, string path, List<string> problems)
    {
        if (schema.TryGetProperty("const", out var constant) && constant.GetRawText() != value.GetRawText())
        {
            problems.Add($"{path}: expected {constant.GetRawText()}");
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => a.GetRawText() == value.GetRawText()))
        {
            problems.Add($"{path}: {value.GetRawText()} is not one of {allowed.GetRawText()}");
        }

        if (schema.TryGetProperty("type", out var type) && !TypeMatches(type, value))
        {
            problems.Add($"{path}: {value.ValueKind} is not {type.GetRawText()}");
        }

        if (schema.TryGetProperty("pattern", out var pattern) && value.ValueKind == JsonValueKind.String && !Regex.IsMatch(value.GetString()!, pattern.GetString()!))
        {
            problems.Add($"{path}: '{value.GetString()}' does not match {pattern.GetString()}");
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            var properties = schema.TryGetProperty("properties", out var p) ? p : default;
            foreach (var required in schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!) : [])
            {
                if (!value.TryGetProperty(required, out _))
                {
                    problems.Add($"{path}.{required}: required but missing");
                }
            }

            foreach (var property in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var child))
                {
                    Check(child, property.Value, $"{path}.{property.Name}", problems);
                }
                else if (schema.TryGetProperty("additionalProperties", out var additional))
                {
                    if (additional.ValueKind == JsonValueKind.False)
                    {
                        problems.Add($"{path}.{property.Name}: not in the schema");
                    }
                    else if (additional.ValueKind == JsonValueKind.Object)
                    {
                        Check(additional, property.Value, $"{path}.{property.Name}", problems);
                    }
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(items, item, $"{path}[{i++}]", problems);
            }
        }
    }

    private static bool TypeMatches(JsonElement type, JsonElement value)
    {
        var names = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
        return names.Any(name => name switch
        {
            "string" => value.ValueKind == JsonValueKind.String,
            "number" => value.ValueKind == JsonValueKind.Number,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "null" => value.ValueKind == JsonValueKind.Null,
            _ => false,
        });
    }
}
