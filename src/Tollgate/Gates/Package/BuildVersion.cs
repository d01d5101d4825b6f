namespace Tollgate.Gates.Package;

/// <summary>The version of a build, in each form the tools want it.</summary>
/// <param name="SemVer">e.g. <c>1.4.1-alpha.0.3</c>.</param>
/// <param name="FullSemVer">SemVer with the commit height as build metadata, e.g. <c>1.4.1-alpha.0.3+3</c>.</param>
/// <param name="InformationalVersion">SemVer with branch and commit, e.g. <c>1.4.1-alpha.0.3+Branch.main.Sha.0a1b…</c>.</param>
/// <param name="AssemblyVersion">e.g. <c>1.4.1.0</c>.</param>
/// <param name="NuGetVersion">The package version, e.g. <c>1.4.1-alpha.0.3</c>.</param>
/// <param name="Sha">The commit.</param>
/// <param name="Branch">The branch it was computed for.</param>
/// <param name="Source"><c>git</c> (Tollgate's rules) or <c>gitversion</c>.</param>
internal sealed record BuildVersion(
    string SemVer, string FullSemVer, string InformationalVersion, string AssemblyVersion, string NuGetVersion, string Sha, string Branch, string Source)
{
    /// <summary>
    /// The MSBuild properties that stamp it on a build or pack, and make what ships reproducible: a deterministic compilation
    /// whose source paths are mapped to <c>/_/</c> (<c>ContinuousIntegrationBuild</c>), so the same commit gives the same
    /// assemblies in any checkout folder. Coverage still finds the sources: coverlet maps <c>/_/</c> back through its
    /// <c>CoverletSourceRootsMapping_*</c> file, which Tollgate's build targets write where coverlet's own do not.
    /// </summary>
    public IReadOnlyList<string> MSBuildProperties =>
    [
        $"Version={NuGetVersion}", $"PackageVersion={NuGetVersion}", $"AssemblyVersion={AssemblyVersion}",
        $"FileVersion={AssemblyVersion}", $"InformationalVersion={InformationalVersion}", $"RepositoryCommit={Sha}",
        "Deterministic=true", "ContinuousIntegrationBuild=true",
    ];
}
