using System.Text;
using System.Text.Json;
using Tollgate.IO;

namespace Tollgate.Engine;

/// <summary>
/// <c>.nuke/build.schema.json</c>: the JSON schema of <c>.nuke/parameters.json</c>, made from the build's
/// targets and parameters so editors complete and check it. Rewritten only when it changes.
/// </summary>
internal static class BuildSchema
{
    /// <summary>The schema's file name under <c>.nuke/</c>.</summary>
    public const string FileName = "build.schema.json";

    /// <summary>Writes the schema if its content differs from what is on disk.</summary>
    public static void Update(AbsolutePath path, IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ParameterDescriptor> parameters, BuildLog log)
    {
        if (AtomicFile.WriteIfChanged(path, Render(targets, parameters)))
        {
            log.Debug($"Updated {path}.");
        }
    }

    /// <summary>The schema text.</summary>
    public static string Render(IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ParameterDescriptor> parameters)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            json.WriteString("title", "Tollgate build parameters");
            json.WriteString("type", "object");
            json.WriteStartObject("properties");
            json.WriteStartObject("$schema");
            json.WriteString("type", "string");
            json.WriteEndObject();
            TargetList(json, "Target", "Targets to run.", targets);
            TargetList(json, "Skip", "Targets to skip.", targets);
            foreach (var parameter in parameters)
            {
                json.WriteStartObject(parameter.Name);
                if (parameter.Description is not null)
                {
                    json.WriteString("description", parameter.Description);
                }

                TypeOf(json, parameter.Type);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteBoolean("additionalProperties", false);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void TargetList(Utf8JsonWriter json, string name, string description, IReadOnlyList<ExecutableTarget> targets)
    {
        json.WriteStartObject(name);
        json.WriteString("description", description);
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        json.WriteString("type", "string");
        json.WriteStartArray("enum");
        foreach (var target in targets)
        {
            json.WriteStringValue(target.Name);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void TypeOf(Utf8JsonWriter json, Type type)
    {
        if (type.IsArray)
        {
            json.WriteString("type", "array");
            json.WriteStartObject("items");
            TypeOf(json, type.GetElementType()!);
            json.WriteEndObject();
            return;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsEnum)
        {
            json.WriteString("type", "string");
            json.WriteStartArray("enum");
            foreach (var name in Enum.GetNames(target))
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
            return;
        }

        json.WriteString("type", target == typeof(bool) ? "boolean"
            : target == typeof(int) || target == typeof(long) ? "integer"
            : target == typeof(double) ? "number"
            : "string");
    }
}
