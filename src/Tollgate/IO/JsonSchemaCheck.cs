using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tollgate.IO;

/// <summary>
/// Holds a hand-written JSON file to the JSON schema (draft-07) Tollgate ships for it, before anything reads
/// it: unknown keys, wrong types, values out of range or not among those allowed. Each problem is one line,
/// <c>file:line: key: problem (expected …)</c>. It knows the keywords Tollgate's schemas use: <c>type</c>,
/// <c>properties</c>, <c>required</c>, <c>additionalProperties</c>, <c>items</c>, <c>enum</c>, <c>const</c>,
/// <c>minItems</c>, <c>maxItems</c>, <c>minLength</c>, <c>minimum</c>, <c>maximum</c>, <c>pattern</c>,
/// <c>$ref</c> (to <c>#/definitions/…</c>), <c>allOf</c>, <c>anyOf</c>, <c>if</c>/<c>then</c>.
/// </summary>
internal static class JsonSchemaCheck
{
    /// <summary>Checks <paramref name="path"/> (shown as <paramref name="shownAs"/>) against <paramref name="schemaText"/>.</summary>
    /// <exception cref="InvalidDataException">Invalid JSON, or every problem found, each on a line of its own naming the file and line.</exception>
    public static void Validate(string path, string shownAs, string schemaText)
    {
        var problems = Problems(path, shownAs, schemaText);
        if (problems.Count > 0)
        {
            throw new InvalidDataException(problems.Count == 1 ? problems[0] : $"{shownAs} has {problems.Count} problems, all to fix at once:\n  " + string.Join("\n  ", problems));
        }
    }

    /// <summary>Every problem of <paramref name="path"/>, one line each, in the order they stand in the file.</summary>
    public static IReadOnlyList<string> Problems(string path, string shownAs, string schemaText)
    {
        var bytes = File.ReadAllBytes(path);
        using var instance = JsonFile.Parse(path, shownAs);
        using var schema = JsonDocument.Parse(schemaText);
        var lines = JsonLines.Of(bytes);
        var found = new List<(string Pointer, string Key, string Problem)>();
        Check(schema.RootElement, schema.RootElement, instance.RootElement, "", "", found);
        return found
            .Select(p => (Line: lines.TryGetValue(p.Pointer, out var line) ? line : 1, p.Key, p.Problem))
            .OrderBy(p => p.Line)
            .Select(p => $"{shownAs}:{p.Line}: {(p.Key.Length == 0 ? "(the file)" : p.Key)}: {p.Problem}")
            .Distinct()
            .ToList();
    }

    private static void Check(JsonElement root, JsonElement schema, JsonElement value, string pointer, string key, List<(string, string, string)> found)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            Check(root, Resolve(root, reference.GetString()!), value, pointer, key, found);
        }

        void Problem(string text) => found.Add((pointer, key, text));

        if (schema.TryGetProperty("type", out var type) && !TypeMatches(type, value))
        {
            Problem(value.ValueKind == JsonValueKind.Null ? $"null where {string.Join(" or ", Types(type).Select(Article))} belongs" : $"{Describe(value)} is {Article(KindOf(value))} (expected {string.Join(" or ", Types(type))})");
            return;
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonEquals(constant, value))
        {
            Problem($"{Describe(value)} is not allowed (expected {constant.GetRawText()})");
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonEquals(a, value)))
        {
            Problem($"{Describe(value)} is not allowed (expected one of {string.Join(", ", allowed.EnumerateArray().Select(a => a.GetRawText()))})");
        }

        CheckNumber(schema, value, Problem);
        CheckString(schema, value, Problem);
        if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(root, schema, value, pointer, key, found, Problem);
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            CheckArray(root, schema, value, pointer, key, found, Problem);
        }

        foreach (var part in schema.TryGetProperty("allOf", out var all) ? all.EnumerateArray() : Enumerable.Empty<JsonElement>())
        {
            Check(root, part, value, pointer, key, found);
        }

        if (schema.TryGetProperty("anyOf", out var any) && !any.EnumerateArray().Any(option => Passes(root, option, value)))
        {
            Problem($"matches none of the allowed forms (expected {string.Join(" or ", any.EnumerateArray().Select(Summary))})");
        }

        if (schema.TryGetProperty("if", out var condition) && schema.TryGetProperty("then", out var then) && Passes(root, condition, value))
        {
            Check(root, then, value, pointer, key, found);
        }
    }

    private static void CheckObject(
        JsonElement root, JsonElement schema, JsonElement value, string pointer, string key, List<(string, string, string)> found, Action<string> problem)
    {
        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        foreach (var required in schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!) : [])
        {
            if (!value.TryGetProperty(required, out _))
            {
                problem($"\"{required}\" is missing (add it)");
            }
        }

        foreach (var property in value.EnumerateObject())
        {
            var childPointer = $"{pointer}/{Escape(property.Name)}";
            var childKey = key.Length == 0 ? property.Name : $"{key}.{property.Name}";
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var child))
            {
                Check(root, child, property.Value, childPointer, childKey, found);
            }
            else if (schema.TryGetProperty("additionalProperties", out var additional))
            {
                if (additional.ValueKind == JsonValueKind.False)
                {
                    var known = properties.ValueKind == JsonValueKind.Object ? properties.EnumerateObject().Select(k => k.Name).Where(k => k != "$schema").ToList() : [];
                    var close = known.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase) || Distance(k, property.Name) <= 2);
                    found.Add((childPointer, childKey, $"unknown key{(close is null ? "" : $", did you mean \"{close}\"?")} (expected one of {string.Join(", ", known)})"));
                }
                else
                {
                    Check(root, additional, property.Value, childPointer, childKey, found);
                }
            }
        }
    }

    private static void CheckArray(
        JsonElement root, JsonElement schema, JsonElement value, string pointer, string key, List<(string, string, string)> found, Action<string> problem)
    {
        var count = value.GetArrayLength();
        if (schema.TryGetProperty("minItems", out var min) && count < min.GetInt32())
        {
            problem($"has {count} item(s) (expected at least {min.GetInt32()})");
        }

        if (schema.TryGetProperty("maxItems", out var max) && count > max.GetInt32())
        {
            problem($"has {count} item(s) (expected at most {max.GetInt32()})");
        }

        if (schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(root, items, item, $"{pointer}/{i}", $"{key}[{i}]", found);
                i++;
            }
        }
    }

    private static void CheckNumber(JsonElement schema, JsonElement value, Action<string> problem)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            return;
        }

        var number = value.GetDouble();
        if (schema.TryGetProperty("minimum", out var min) && number < min.GetDouble())
        {
            problem($"{value.GetRawText()} is too small (expected {min.GetRawText()} or more)");
        }

        if (schema.TryGetProperty("maximum", out var max) && number > max.GetDouble())
        {
            problem($"{value.GetRawText()} is too large (expected {max.GetRawText()} or less)");
        }
    }

    private static void CheckString(JsonElement schema, JsonElement value, Action<string> problem)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return;
        }

        var text = value.GetString()!;
        if (schema.TryGetProperty("minLength", out var min) && text.Length < min.GetInt32())
        {
            problem($"\"{text}\" is too short (expected at least {min.GetInt32()} character(s))");
        }

        if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            var example = schema.TryGetProperty("examples", out var examples) && examples.GetArrayLength() > 0 ? $", e.g. {examples[0]}" : "";
            problem($"\"{text}\" does not have the expected form (expected a match of {pattern.GetString()}{example})");
        }
    }

    private static bool Passes(JsonElement root, JsonElement schema, JsonElement value)
    {
        var found = new List<(string, string, string)>();
        Check(root, schema, value, "", "", found);
        return found.Count == 0;
    }

    private static JsonElement Resolve(JsonElement root, string reference)
    {
        var node = root;
        foreach (var part in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        return node;
    }

    private static bool TypeMatches(JsonElement type, JsonElement value) => Types(type).Any(t => t switch
    {
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        _ => t == KindOf(value),
    });

    private static IEnumerable<string> Types(JsonElement type) =>
        type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!) : [type.GetString()!];

    private static string KindOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    private static string Article(string kind) => kind is "object" or "array" ? $"an {kind}" : $"a {kind}";

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "{…}",
        JsonValueKind.Array => "[…]",
        _ => value.GetRawText(),
    };

    private static string Summary(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) ? $"\"{string.Join("\", \"", required.EnumerateArray().Select(r => r.GetString()))}\"" : schema.GetRawText();

    private static bool JsonEquals(JsonElement a, JsonElement b) =>
        a.ValueKind == JsonValueKind.Number && b.ValueKind == JsonValueKind.Number
            ? a.GetDouble().Equals(b.GetDouble())
            : a.ValueKind == b.ValueKind && a.GetRawText() == b.GetRawText();

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (char.ToLower(a[i - 1], CultureInfo.InvariantCulture) == char.ToLower(b[j - 1], CultureInfo.InvariantCulture) ? 0 : 1));
                previous = current;
            }
        }

        return row[b.Length];
    }
}
