using System.Text.Json;

namespace Tollgate.Tools.Sarif;

/// <summary>Reads SARIF 2.1.0 logs, as the C# compiler writes them with <c>ErrorLog=…,version=2.1</c>.</summary>
internal static class SarifReader
{
    /// <summary>Every result of every run in the log.</summary>
    /// <exception cref="InvalidDataException">The file is not SARIF 2.1.</exception>
    public static IReadOnlyList<SarifResult> Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (!root.TryGetProperty("version", out var version) || version.GetString() != "2.1.0")
            {
                throw new InvalidDataException($"{path} is not a SARIF 2.1.0 log.");
            }

            return root.GetProperty("runs").EnumerateArray()
                .SelectMany(run => run.TryGetProperty("results", out var results) ? results.EnumerateArray() : Enumerable.Empty<JsonElement>())
                .Select(Result)
                .ToList();
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path} is not a SARIF 2.1.0 log: {exception.Message}", exception);
        }
    }

    private static SarifResult Result(JsonElement result)
    {
        string? file = null;
        int? line = null;
        if (result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
            && locations[0].TryGetProperty("physicalLocation", out var physical))
        {
            if (physical.TryGetProperty("artifactLocation", out var artifact) && artifact.TryGetProperty("uri", out var uri))
            {
                var text = uri.GetString()!;
                file = Uri.TryCreate(text, UriKind.Absolute, out var absolute) && absolute.IsFile ? absolute.LocalPath : text;
            }

            if (physical.TryGetProperty("region", out var region) && region.TryGetProperty("startLine", out var start))
            {
                line = start.GetInt32();
            }
        }

        return new SarifResult(
            result.TryGetProperty("ruleId", out var rule) ? rule.GetString()! : "(no rule)",
            result.TryGetProperty("level", out var level) ? level.GetString()! : "warning",
            result.TryGetProperty("message", out var message) && message.TryGetProperty("text", out var text2) ? text2.GetString()! : "",
            file,
            line,
            result.TryGetProperty("suppressions", out var suppressions) && suppressions.GetArrayLength() > 0);
    }
}
