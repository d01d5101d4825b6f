using System.Text.Json;

namespace Tollgate.Tests.Adoption;

/// <summary>A gate document of an evidence bundle.</summary>
internal sealed record Gate(string Status, string Headline, JsonElement Metrics, JsonElement Thresholds, IReadOnlyList<JsonElement> Findings, IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Commands, IReadOnlyList<string> Reused)
{
    public static Gate Read(string evidence, string name)
    {
        var path = Path.Combine(evidence, "gates", name.ToLowerInvariant() + ".json");
        Assert.True(File.Exists(path), $"{name} left no document in {evidence}: {(Directory.Exists(evidence) ? "the bundle holds " + string.Join(", ", Directory.GetFiles(evidence, "*.json", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(evidence, f))) : "there is no bundle")}");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement.Clone();
        return new Gate(
            root.GetProperty("status").GetString()!,
            root.GetProperty("headline").GetString()!,
            root.GetProperty("metrics"),
            root.GetProperty("thresholds"),
            root.GetProperty("findings").EnumerateArray().ToList(),
            root.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList(),
            root.GetProperty("commands").EnumerateArray().Select(c => c.GetString()!).ToList(),
            root.TryGetProperty("reused", out var reused) ? reused.EnumerateArray().Select(r => r.GetProperty("unit").GetString()!).ToList() : []);
    }

    /// <summary>What the gate said, for an assertion's message: status, headline and every reason.</summary>
    public string Said => $"{Status}: {Headline}" + (Reasons.Count == 0 ? "" : $" ({string.Join("; ", Reasons)})");

    /// <summary>Fails, saying what the gate said, unless its status is <paramref name="status"/>.</summary>
    public void AssertStatus(string status) => Assert.True(Status == status, $"expected {status}, the gate said {Said}");

    /// <summary>One of its figures; a figure it does not have fails saying what the gate said (on a loaded machine, often why it has none).</summary>
    public JsonElement Metric(string name)
    {
        Assert.True(Metrics.TryGetProperty(name, out var value), $"the gate has no figure '{name}'; it said {Said}");
        return value;
    }
}
