using System.Text.Json;

namespace Tollgate.Tests.Adoption;

/// <summary>A gate document of an evidence bundle.</summary>
internal sealed record Gate(string Status, string Headline, JsonElement Metrics, JsonElement Thresholds, IReadOnlyList<JsonElement> Findings, IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Commands)
{
    public static Gate Read(string evidence, string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(evidence, "gates", name.ToLowerInvariant() + ".json")));
        var root = document.RootElement.Clone();
        return new Gate(
            root.GetProperty("status").GetString()!,
            root.GetProperty("headline").GetString()!,
            root.GetProperty("metrics"),
            root.GetProperty("thresholds"),
            root.GetProperty("findings").EnumerateArray().ToList(),
            root.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList(),
            root.GetProperty("commands").EnumerateArray().Select(c => c.GetString()!).ToList());
    }
}
