using System.Text.Json;

namespace Tollgate.Gates.SecurityScan;

/// <summary>The images Package built and recorded in the last bundle's <c>artifacts.json</c>, when that bundle is of the commit being scanned.</summary>
internal static class PackagedImages
{
    /// <summary>The image references (<c>repository:version</c>); none when there is no such file, it is of another commit, or it is unreadable.</summary>
    public static IReadOnlyList<string> Of(string artifactsFile, string? commit)
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
                    .Where(a => a.GetProperty("kind").GetString() == "image")
                    .Select(a => $"{a.GetProperty("name").GetString()}:{a.GetProperty("version").GetString()}")
                    .ToList();
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return [];
        }
    }
}
