using System.Text.Json.Nodes;
using Tollgate.IO;

namespace Tollgate;

/// <summary>
/// Every change to the default policy, oldest first (<c>Policy/changes.json</c>, embedded): what a repository's gates get
/// when it moves from one Tollgate version to another. The old value of each change is the one the changes before it left,
/// so the list replayed from nothing gives <c>defaults.json</c> (a test holds it to that, and to <c>defaults.json</c>'s history).
/// </summary>
internal static class PolicyChanges
{
    /// <summary>Every change, with its old value.</summary>
    public static IReadOnlyList<PolicyChange> All { get; } = Load(EmbeddedText.Read("Tollgate.Policy.changes.json"));

    /// <summary>The changes a repository on <paramref name="from"/> gets by moving to <paramref name="to"/> (by major.minor.patch).</summary>
    public static IReadOnlyList<PolicyChange> Between(string from, string to) =>
        All.Where(c => Core(c.Version) > Core(from) && Core(c.Version) <= Core(to)).ToList();

    /// <summary>The changes in <paramref name="text"/>, each with the old value the changes before it left.</summary>
    public static IReadOnlyList<PolicyChange> Load(string text)
    {
        var state = new Dictionary<string, string>(StringComparer.Ordinal);
        var changes = new List<PolicyChange>();
        foreach (var entry in JsonNode.Parse(text)!["changes"]!.AsArray())
        {
            var key = (string)entry!["key"]!;
            var value = entry["new"]?.ToJsonString() ?? "null";
            changes.Add(new PolicyChange((string)entry["version"]!, key, state.GetValueOrDefault(key), value, (string)entry["why"]!));
            state[key] = value;
        }

        return changes;
    }

    /// <summary>The settings the changes leave, as <see cref="Flatten"/> gives them.</summary>
    public static IReadOnlyDictionary<string, string> Replay(IEnumerable<PolicyChange> changes)
    {
        var state = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            state[change.Key] = change.New;
        }

        return state;
    }

    /// <summary>A <c>defaults.json</c> as dotted paths to compact JSON values (an array is one value).</summary>
    public static IReadOnlyDictionary<string, string> Flatten(string defaultsJson)
    {
        var flat = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Walk(JsonNode? node, string path)
        {
            if (node is JsonObject obj)
            {
                foreach (var (name, child) in obj)
                {
                    if (!name.StartsWith('$'))
                    {
                        Walk(child, path.Length == 0 ? name : $"{path}.{name}");
                    }
                }

                return;
            }

            flat[path] = node?.ToJsonString() ?? "null";
        }

        Walk(JsonNode.Parse(defaultsJson), "");
        return flat;
    }

    private static Version Core(string version) =>
        Version.TryParse(version.Split('-', '+')[0], out var core) ? core : new Version(0, 0);
}
