namespace Tollgate.Tools.Trivy;

/// <summary>One Trivy scan: <c>fs</c> of a directory, <c>config</c> of a directory, or <c>image</c> of a reference.</summary>
/// <param name="Command"><c>fs</c>, <c>config</c> or <c>image</c>.</param>
/// <param name="Target">The directory or image reference.</param>
/// <param name="Output">Where the JSON report is written.</param>
internal sealed record TrivyScan(string Command, string Target, string Output)
{
    /// <summary>A filesystem scan for vulnerable dependencies (lock files) and secrets.</summary>
    public static TrivyScan Filesystem(string directory, string output) => new("fs", directory, output);

    /// <summary>A misconfiguration scan of Dockerfiles and deployment manifests.</summary>
    public static TrivyScan Config(string directory, string output) => new("config", directory, output);

    /// <summary>A scan of a built container image.</summary>
    public static TrivyScan Image(string reference, string output) => new("image", reference, output);

    /// <summary>A vulnerability scan of a CycloneDX SBOM (the packages a project or image ships).</summary>
    public static TrivyScan Sbom(string file, string output) => new("sbom", file, output);
}
