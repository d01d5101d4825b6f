using System.Globalization;
using System.Text.Json;

namespace Tollgate.Gates.Coverage;

/// <summary>
/// Reads the ratchet's baseline: a previous evidence <c>manifest.json</c> (its Coverage gate's line figure)
/// or a committed <c>.nuke/coverage-baseline.json</c> (<c>{ "line": 82.5 }</c>).
/// </summary>
internal static class CoverageBaselineReader
{
    /// <summary>The baseline in <paramref name="path"/>; a file that holds none is an error naming it.</summary>
    /// <param name="path">The file.</param>
    /// <param name="shownAs">How the file is named in messages and evidence (repository-relative).</param>
    public static CoverageBaseline Read(string path, string shownAs)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"coverage baseline {shownAs} does not exist; point --coverage-baseline at a manifest.json or a coverage-baseline.json.");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (root.TryGetProperty("line", out var line) && line.ValueKind == JsonValueKind.Number)
            {
                return new CoverageBaseline(line.GetDouble(), shownAs);
            }

            if (root.TryGetProperty("gates", out var gates))
            {
                foreach (var gate in gates.EnumerateArray())
                {
                    if (gate.GetProperty("name").GetString() == CoverageGate.Name && gate.GetProperty("metrics").TryGetProperty("line", out var figure))
                    {
                        var commit = root.TryGetProperty("commit", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()![..Math.Min(12, c.GetString()!.Length)] : "?";
                        return new CoverageBaseline(figure.GetDouble(), string.Create(CultureInfo.InvariantCulture, $"{shownAs}, commit {commit}"));
                    }
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"coverage baseline {shownAs} is not valid JSON: {exception.Message}", exception);
        }

        throw new InvalidDataException($"coverage baseline {shownAs} holds no line coverage: a {Manifest.FileName} with a Coverage gate, or {{ \"line\": 82.5 }}, is needed.");
    }
}
