using System.Text.Json;
using Tollgate.IO;

namespace Tollgate.Gates.ArchitectureTests;

/// <summary>
/// Reads the rules of <c>.nuke/architecture.json</c> (schema: <c>architecture.schema.json</c>). A mistake is
/// an <see cref="InvalidDataException"/> naming the file, the rule and the fix.
/// </summary>
internal static class ArchitectureRulesFile
{
    /// <summary>The file's name under <c>.nuke/</c>.</summary>
    public const string FileName = "architecture.json";

    /// <summary>The rules in <paramref name="path"/> (shown as <paramref name="shownAs"/> in messages).</summary>
    public static IReadOnlyList<ArchitectureRule> Read(string path, string shownAs)
    {
        JsonSchemaCheck.Validate(path, shownAs, EmbeddedText.Read(ArchitectureSchema.Resource));
        using (var document = JsonFile.Parse(path, shownAs))
        {
            if (!document.RootElement.TryGetProperty("rules", out var rules) || rules.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"{shownAs} has no \"rules\" array; see architecture.schema.json beside it.");
            }

            return rules.EnumerateArray().Select((rule, i) => Rule(rule, $"{shownAs} rule {i + 1}")).ToList();
        }
    }

    private static ArchitectureRule Rule(JsonElement rule, string at)
    {
        var name = Text(rule, "name", at);
        var where = $"{at} ('{name}')";
        try
        {
            return Text(rule, "kind", where) switch
            {
                "layers" => new LayersRule(name, Array(rule, "layers", where).Select(l => new Layer(Text(l, "name", where), Set(l, "types", where))).ToList()),
                "forbidden" => new ForbiddenRule(name, Set(rule, "from", where), Set(rule, "to", where)),
                "placement" => Placement(rule, name, where),
                "noCycles" => new NoCyclesRule(name, Text(rule, "slices", where)),
                var other => throw new InvalidDataException($"{where}: kind '{other}' is not one of layers, forbidden, placement, noCycles."),
            };
        }
        catch (ArgumentException exception)
        {
            throw new InvalidDataException($"{where}: a pattern is not a valid regular expression ({exception.Message}).", exception);
        }
    }

    private static PlacementRule Placement(JsonElement rule, string name, string where)
    {
        var types = rule.TryGetProperty("types", out _) ? Set(rule, "types", where) : null;
        var baseTypes = rule.TryGetProperty("baseTypes", out _) ? Set(rule, "baseTypes", where) : null;
        return types is null && baseTypes is null
            ? throw new InvalidDataException($"{where}: a placement rule needs \"types\" or \"baseTypes\".")
            : new PlacementRule(name, types, baseTypes, Set(rule, "in", where));
    }

    private static string Text(JsonElement element, string property, string at) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0
            ? value.GetString()!
            : throw new InvalidDataException($"{at}: \"{property}\" is missing; give it as a string.");

    private static List<JsonElement> Array(JsonElement element, string property, string at) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0
            ? value.EnumerateArray().ToList()
            : throw new InvalidDataException($"{at}: \"{property}\" is missing; give it as a non-empty array.");

    private static TypeSet Set(JsonElement element, string property, string at) =>
        new(Array(element, property, at).Select(p => p.ValueKind == JsonValueKind.String
            ? TypePattern.Parse(p.GetString()!)
            : throw new InvalidDataException($"{at}: \"{property}\" holds a {p.ValueKind}; patterns are strings.")).ToList());
}
