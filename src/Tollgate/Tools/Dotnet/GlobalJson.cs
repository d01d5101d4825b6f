using System.Text.Json;
using System.Text.Json.Nodes;
using Tollgate.IO;

namespace Tollgate.Tools.Dotnet;

/// <summary>
/// The <c>global.json</c> that applies to a directory, as <c>dotnet</c> finds it (the nearest one upwards), and what
/// it says of the test runner: since .NET 10 its <c>test.runner</c> decides whether <c>dotnet test</c> runs VSTest
/// or Microsoft.Testing.Platform.
/// </summary>
internal static class GlobalJson
{
    /// <summary>The file name.</summary>
    public const string FileName = "global.json";

    /// <summary>The runner name that puts <c>dotnet test</c> in Microsoft.Testing.Platform mode.</summary>
    public const string TestingPlatformRunner = "Microsoft.Testing.Platform";

    /// <summary>The nearest <c>global.json</c> at or above <paramref name="directory"/>; null: none.</summary>
    public static string? Find(string directory)
    {
        for (var current = new DirectoryInfo(Path.GetFullPath(directory)); current is not null; current = current.Parent)
        {
            var candidate = Path.Combine(current.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Whether <c>dotnet test</c> run in <paramref name="directory"/> runs Microsoft.Testing.Platform (<c>"test": { "runner": "Microsoft.Testing.Platform" }</c>).</summary>
    /// <exception cref="InvalidDataException">The file is not valid JSON; the message names it.</exception>
    public static bool UsesTestingPlatform(string directory)
    {
        var file = Find(directory);
        if (file is null)
        {
            return false;
        }

        using var document = JsonFile.Parse(file, file);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("test", out var test) && test.ValueKind == JsonValueKind.Object
            && test.TryGetProperty("runner", out var runner) && runner.ValueKind == JsonValueKind.String
            && string.Equals(runner.GetString(), TestingPlatformRunner, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The text of a <c>global.json</c> that keeps everything of the one applying to <paramref name="directory"/> (the
    /// SDK it pins, its roll-forward, its MSBuild SDKs) and sets <c>dotnet test</c>'s runner: Microsoft.Testing.Platform,
    /// or VSTest (no <c>test</c> section) when <paramref name="testingPlatform"/> is false.
    /// </summary>
    public static string WithRunner(string directory, bool testingPlatform)
    {
        var file = Find(directory);
        var root = file is null ? new JsonObject() : JsonNode.Parse(File.ReadAllText(file), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject ?? new JsonObject();
        root.Remove("test");
        if (testingPlatform)
        {
            root["test"] = new JsonObject { ["runner"] = TestingPlatformRunner };
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
