using System.Text.Json;

namespace Tollgate.Gates.SecurityScan;

/// <summary>
/// The SBOMs Package wrote and recorded in the last bundle's <c>artifacts.json</c>, when that bundle is of the commit
/// being scanned: Trivy scans them (<c>trivy sbom</c>), so what Package shipped, images' .NET content included, is
/// checked against the vulnerability database by the next run of the same commit.
/// </summary>
internal static class PackagedSboms
{
    /// <summary>The SBOM files (full paths) that exist; none when there is no such file, it is of another commit, or it is unreadable.</summary>
    public static IReadOnlyList<string> Of(string artifactsFile, string? commit, string root)
    {
        if (commit is null || !File.Exists(artifactsFile))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(artifactsFile));
            var rootElement = document.RootElement;
            return rootElement.GetProperty("commit").GetString() != commit
                ? []
                : rootElement.GetProperty("artifacts").EnumerateArray()
                    .Where(a => a.GetProperty("kind").GetString() == "sbom")
                    .Select(a => Path.GetFullPath(a.GetProperty("location").GetString()!, root))
                    .Where(File.Exists)
                    .ToList();
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            return [];
        }
    }
}
