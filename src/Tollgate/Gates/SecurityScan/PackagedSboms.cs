namespace Tollgate.Gates.SecurityScan;

/// <summary>
/// The SBOMs Package wrote for the commit being scanned (<see cref="PackagedArtifacts"/>): Trivy scans them
/// (<c>trivy sbom</c>), so what Package shipped, images' .NET content included, is checked against the
/// vulnerability database by the next run of the same commit.
/// </summary>
internal static class PackagedSboms
{
    /// <summary>The SBOM files (full paths) that exist; none when there is no such file, it is of another commit, or it is unreadable.</summary>
    public static IReadOnlyList<string> Of(string artifactsFile, string? commit, string root)
    {
        try
        {
            return PackagedArtifacts.Of(artifactsFile, commit)
                .Where(a => a.Kind == "sbom" && !string.IsNullOrEmpty(a.Location))
                .Select(a => Path.GetFullPath(a.Location!, root))
                .Where(File.Exists)
                .ToList();
        }
        catch (ArgumentException)
        {
            return []; // a location that is no path
        }
    }
}
