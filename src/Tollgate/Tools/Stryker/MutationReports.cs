using System.Text.Json;
using System.Text.Json.Nodes;
using Tollgate.IO;

namespace Tollgate.Tools.Stryker;

/// <summary>
/// Combines two Stryker reports of the same project and mutants, tested by different test projects (Stryker runs one
/// test runner per run: VSTest or Microsoft.Testing.Platform), into one report in Stryker's format: a mutant is as
/// detected as the better of its two outcomes (Killed, then Timeout, then Survived, then NoCoverage), as it would be in
/// one run with every test. Mutants are matched by file, location, mutator and replacement.
/// </summary>
internal static class MutationReports
{
    // Best first; a status not listed (CompileError, Ignored, RuntimeError) is the same in both runs and kept.
    private static readonly string[] Detection = ["Killed", "Timeout", "Survived", "NoCoverage"];

    /// <summary>Writes the combination of <paramref name="first"/> and <paramref name="second"/> to <paramref name="output"/>.</summary>
    /// <exception cref="InvalidDataException">A file is no report, or the two hold different mutants (not the same project and source).</exception>
    public static void Combine(string first, string second, string output)
    {
        var combined = Load(first);
        var other = Load(second);
        var statuses = new Dictionary<string, Queue<string>>(StringComparer.Ordinal);
        foreach (var (file, mutant) in Mutants(other))
        {
            var key = Key(file, mutant);
            (statuses.TryGetValue(key, out var queue) ? queue : statuses[key] = new Queue<string>()).Enqueue(mutant["status"]!.GetValue<string>());
        }

        var count = 0;
        foreach (var (file, mutant) in Mutants(combined))
        {
            var key = Key(file, mutant);
            if (!statuses.TryGetValue(key, out var queue) || queue.Count == 0)
            {
                throw new InvalidDataException($"{second} has no mutant {key} that {first} has: the two runs did not mutate the same source.");
            }

            mutant["status"] = Better(mutant["status"]!.GetValue<string>(), queue.Dequeue());
            count++;
        }

        if (statuses.Values.Sum(q => q.Count) > 0)
        {
            throw new InvalidDataException($"{second} has {statuses.Values.Sum(q => q.Count)} mutant(s) that {first} has not: the two runs did not mutate the same source.");
        }

        AtomicFile.Write(output, combined.ToJsonString() + "\n");
    }

    private static string Better(string one, string other)
    {
        var (a, b) = (Array.IndexOf(Detection, one), Array.IndexOf(Detection, other));
        return a < 0 || b < 0 ? one : Detection[Math.Min(a, b)];
    }

    private static JsonObject Load(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject is { } report && report["files"] is JsonObject
                ? report
                : throw new InvalidDataException($"{path} is not a Stryker mutation report: it has no \"files\".");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path} is not a Stryker mutation report: {exception.Message}", exception);
        }
    }

    private static IEnumerable<(string File, JsonObject Mutant)> Mutants(JsonObject report) =>
        report["files"]!.AsObject().SelectMany(file => (file.Value?["mutants"] as JsonArray ?? []).OfType<JsonObject>().Select(m => (file.Key, m)));

    private static string Key(string file, JsonObject mutant) =>
        $"{file}:{mutant["location"]?.ToJsonString()}:{mutant["mutatorName"]?.GetValue<string>()}:{mutant["replacement"]?.GetValue<string>()}";
}
