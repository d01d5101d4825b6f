using Tollgate.IO;

namespace Tollgate.Evidence;

/// <summary>
/// The contract of an evidence bundle: a JSON schema (draft-07) for every JSON file Tollgate writes into one, shipped in the
/// assembly and in the package under <c>schemas/</c> — <c>manifest</c>, <c>gate</c> (<c>gates/*.json</c>), <c>artifacts</c>,
/// <c>projects</c>, <c>deployment</c>, <c>codequality</c> (<c>codequality.json</c>, <c>pr-codequality.json</c>), <c>changed-lines</c>
/// (the pull request's), <c>shard-timings</c> (<c>reports/shards/*.json</c>). A reader in any language can consume a bundle from these alone; Verify holds every
/// such file of a bundle to its schema.
/// </summary>
internal static class BundleSchemas
{
    /// <summary>Every schema's name.</summary>
    public static readonly IReadOnlyList<string> Names = ["manifest", "gate", "artifacts", "projects", "deployment", "codequality", "changed-lines", "shard-timings"];

    /// <summary>Where a split run's unit durations are in a bundle (the Shards gate's reports).</summary>
    public const string ShardTimingsFolder = "reports/shards/";

    /// <summary>The text of the schema <paramref name="name"/> (e.g. <c>gate</c>).</summary>
    public static string Text(string name) => EmbeddedText.Read($"Tollgate.Evidence.Schemas.{name}.schema.json");

    /// <summary>The schema a bundle file follows; null for a file the contract leaves to its tool (reports, JUnit, SARIF, provenance).</summary>
    public static string? For(string bundlePath) => bundlePath switch
    {
        Manifest.FileName or "promoted-manifest.json" => "manifest",
        "artifacts.json" => "artifacts",
        "projects.json" => "projects",
        "deployment.json" => "deployment",
        CodeQualityExporter.FileName or PullRequestFiles.CodeQuality => "codequality",
        PullRequestFiles.ChangedLines => "changed-lines",
        _ when bundlePath.StartsWith(ShardTimingsFolder, StringComparison.Ordinal) && bundlePath.EndsWith(".json", StringComparison.Ordinal) => "shard-timings",
        _ when bundlePath.StartsWith("gates/", StringComparison.Ordinal) && bundlePath.EndsWith(".json", StringComparison.Ordinal) && bundlePath.Count(c => c == '/') == 1 => "gate",
        _ => null,
    };

    /// <summary>Every problem of the file at <paramref name="path"/> (bundle path <paramref name="bundlePath"/>) against its schema, one line each; none for a file without one.</summary>
    public static IReadOnlyList<string> Problems(string path, string bundlePath)
    {
        if (For(bundlePath) is not { } schema)
        {
            return [];
        }

        try
        {
            return JsonSchemaCheck.Problems(path, bundlePath, Text(schema));
        }
        catch (InvalidDataException exception)
        {
            return [exception.Message];
        }
    }
}
