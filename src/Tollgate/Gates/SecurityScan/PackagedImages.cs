namespace Tollgate.Gates.SecurityScan;

/// <summary>The images Package built and recorded for the commit being scanned (<see cref="PackagedArtifacts"/>).</summary>
internal static class PackagedImages
{
    /// <summary>The image references (<c>repository:version</c>); none when there is no such file, it is of another commit, or it is unreadable.</summary>
    public static IReadOnlyList<string> Of(string artifactsFile, string? commit)
    {
        var images = PackagedArtifacts.Of(artifactsFile, commit).Where(a => a.Kind == "image").ToList();
        return images.Any(i => i.Name is null || i.Version is null) ? [] : images.Select(i => $"{i.Name}:{i.Version}").ToList();
    }
}
