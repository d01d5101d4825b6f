using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tollgate.Evidence;

namespace Tollgate.Gates.Shards;

/// <summary>
/// How long each unit took, by <see cref="ShardUnit.Key"/>: <c>.nuke/shard-timings.json</c> (updated by MergeEvidence,
/// committed or cached by CI), or the <c>reports/shards/timings.json</c> of a bundle.
/// </summary>
internal sealed record ShardTimings(IReadOnlyDictionary<string, double> Seconds)
{
    /// <summary>The default file below the root.</summary>
    public const string DefaultFile = ".nuke/shard-timings.json";

    /// <summary>The folder of a bundle holding each kind of work's timings (<c>test.json</c>, <c>mutation.json</c>).</summary>
    public const string BundleFolder = "reports/shards"; // Evidence.BundleSchemas.ShardTimingsFolder holds its timings to their schema

    /// <summary>The gate name the timings are written under (its reports folder is <see cref="BundleFolder"/>).</summary>
    public const string BundleGate = "Shards";

    /// <summary>Reads <paramref name="path"/>: a timings file, or a bundle directory holding them.</summary>
    /// <exception cref="InvalidDataException">Neither, or not timings; the message names the file and the fix.</exception>
    public static ShardTimings Read(string path)
    {
        if (Directory.Exists(path))
        {
            var files = Directory.Exists(Path.Combine(path, BundleFolder)) ? Directory.GetFiles(Path.Combine(path, BundleFolder), "*.json").Order(StringComparer.Ordinal).ToList() : [];
            return files.Count == 0
                ? throw new InvalidDataException($"--shard-timings {path}: the bundle has no {BundleFolder}/; give the bundle of a split run, or a {Path.GetFileName(DefaultFile)} file, or leave it out to split by size.")
                : files.Select(ReadFile).Aggregate((all, next) => all.With(next));
        }

        if (!File.Exists(path))
        {
            throw new InvalidDataException($"--shard-timings {path}: no timings there; give a bundle of a split run or a {Path.GetFileName(DefaultFile)} file, or leave it out to split by size.");
        }

        return ReadFile(path);
    }

    private static ShardTimings ReadFile(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            return new ShardTimings(document.RootElement.GetProperty("units").EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.Ordinal));
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{file} is not a shard timings file ({{ \"units\": {{ \"<unit>\": seconds }} }}): {exception.Message}", exception);
        }
    }

    /// <summary>The JSON text.</summary>
    public string ToJson() => new JsonObject
    {
        ["units"] = new JsonObject(Seconds.OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => KeyValuePair.Create(s.Key, (JsonNode?)Math.Round(s.Value, 3)))),
    }.ToJsonString(EvidenceJson.Options) + "\n";

    /// <summary>These timings with <paramref name="newer"/> laid over them.</summary>
    public ShardTimings With(ShardTimings newer) =>
        new(Seconds.Concat(newer.Seconds).GroupBy(s => s.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal));

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", Seconds.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}={s.Value:0.###}")));
}
