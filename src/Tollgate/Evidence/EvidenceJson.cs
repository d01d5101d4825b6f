using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Evidence;

/// <summary>How evidence is serialized: camelCase, indented, enums as strings, keys in ordinal order.</summary>
internal static class EvidenceJson
{
    /// <summary>The serializer options of every evidence file.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The JSON text of a value, ending in a newline.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options) + "\n";

    /// <summary>A dictionary copy in ordinal key order, so output is stable.</summary>
    public static IReadOnlyDictionary<string, TValue> Sorted<TValue>(IReadOnlyDictionary<string, TValue> values) =>
        new SortedDictionary<string, TValue>(values.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal);
}
