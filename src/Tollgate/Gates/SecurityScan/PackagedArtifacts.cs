using System.Text.Json;

namespace Tollgate.Gates.SecurityScan;

/// <summary>One artifact Package recorded in <c>artifacts.json</c>.</summary>
internal sealed record PackagedArtifact(string Kind, string? Name, string? Version, string? Location);

/// <summary>
/// The artifacts Package recorded in the last bundle's <c>artifacts.json</c>, when that bundle is of the commit being
/// scanned: SecurityScan scans the images and SBOMs among them.
/// </summary>
internal static class PackagedArtifacts
{
    /// <summary>The artifacts; none when there is no such file, it is of another commit, or it is unreadable.</summary>
    public static IReadOnlyList<PackagedArtifact> Of(string artifactsFile, string? commit)
    {
        if (commit is null || !File.Exists(artifactsFile))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(artifactsFile));
            var root = document.RootElement;
            return root.GetProperty("commit").GetString() != commit
                ? []
                : root.GetProperty("artifacts").EnumerateArray()
                    .Select(a => new PackagedArtifact(a.GetProperty("kind").GetString()!, Text(a, "name"), Text(a, "version"), Text(a, "location")))
                    .ToList();
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return [];
        }
    }

    private static string? Text(JsonElement artifact, string name) => artifact.TryGetProperty(name, out var value) ? value.GetString() : null;
}
