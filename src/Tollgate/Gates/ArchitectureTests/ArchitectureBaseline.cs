using System.Text.Json;
using Tollgate.IO;

namespace Tollgate.Gates.ArchitectureTests;

/// <summary>
/// The frozen violations of a legacy codebase (<c>.nuke/architecture-baseline.json</c>, written by
/// <c>--architecture-freeze</c>): listed as known, they do not fail the gate; a new one does.
/// </summary>
internal static class ArchitectureBaseline
{
    /// <summary>The file's name under <c>.nuke/</c>.</summary>
    public const string FileName = "architecture-baseline.json";

    /// <summary>The keys of the frozen violations; none when there is no file.</summary>
    public static IReadOnlySet<string> Read(string path)
    {
        if (!File.Exists(path))
        {
            return new HashSet<string>();
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.GetProperty("violations").EnumerateArray()
                .Select(v => $"{v.GetProperty("rule").GetString()}|{v.GetProperty("type").GetString()}|{v.GetProperty("dependency").GetString()}")
                .ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path} is not an architecture baseline ({exception.Message}); delete it and freeze again with --architecture-freeze.", exception);
        }
    }

    /// <summary>Writes the violations as the new baseline, in a stable order.</summary>
    public static void Write(string path, IReadOnlyList<ArchitectureViolation> violations)
    {
        var entries = violations
            .Select(v => new { rule = v.Rule, type = v.Type, dependency = v.Dependency })
            .Distinct()
            .OrderBy(v => v.rule, StringComparer.Ordinal).ThenBy(v => v.type, StringComparer.Ordinal).ThenBy(v => v.dependency, StringComparer.Ordinal)
            .ToList();
        AtomicFile.Write(path, JsonSerializer.Serialize(new { violations = entries }, new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
