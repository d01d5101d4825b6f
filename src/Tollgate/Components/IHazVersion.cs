using System.Runtime.CompilerServices;
using Tollgate.Ci;
using Tollgate.Gates.Package;
using Tollgate.Tools;
using Tollgate.Tools.Git;
using Tollgate.Tools.GitVersion;

namespace Tollgate;

/// <summary>
/// The build's version, computed from git history (<see cref="VersionRules"/>), or by GitVersion when
/// <c>--version-tool gitversion</c> and <c>dotnet-gitversion</c> is installed. The version the repository
/// declares itself (<see cref="DeclaredVersion"/>) is a floor: a computed version below it is an error naming
/// both. A shallow clone is an error explaining the fix, never a wrong version.
/// </summary>
public interface IHazVersion : IHazSolution
{
    private static readonly ConditionalWeakTable<IHazVersion, Lazy<BuildVersion>> Computed = new();

    /// <summary>How the version is computed.</summary>
    [Parameter("How the version is computed: git (Tollgate's rules from release tags) or gitversion (dotnet-gitversion)")]
    string VersionTool => this.ValueOf(() => VersionTool, PolicyDefaults.Current.VersionTool);

    /// <summary>What stands before the version in a release tag.</summary>
    [Parameter("What stands before the version in release tags, e.g. release- (default: v or nothing: v1.2.3, 1.2.3, v1.2)")]
    string? VersionTagPrefix => this.ValueOf(() => VersionTagPrefix, null);

    /// <summary>The branch to version for when HEAD is detached.</summary>
    [Parameter("The branch to version for when HEAD is detached (default: the CI host's branch variable)")]
    string? VersionBranch => this.ValueOf(() => VersionBranch, null);

    /// <summary>
    /// The version of this commit, computed once per run: a version that cannot be computed (no history, a shallow
    /// clone) fails every later asker with the same error without asking git again.
    /// </summary>
    internal BuildVersion BuildVersion =>
        Computed.GetValue(this, build => new Lazy<BuildVersion>(() => build.ComputeVersionAsync(CancellationToken.None).GetAwaiter().GetResult())).Value;

    /// <summary>Prints the version.</summary>
    Target Version => _ => _
        .Description("Print the version computed from git history")
        .Executes(context =>
        {
            var version = BuildVersion;
            RunEvidence.Version = version.NuGetVersion;
            context.Log.Always($"SemVer {version.SemVer}; FullSemVer {version.FullSemVer}; InformationalVersion {version.InformationalVersion}; AssemblyVersion {version.AssemblyVersion}; NuGetVersion {version.NuGetVersion} ({version.Source}, branch {version.Branch})");
            context.Headline = version.NuGetVersion;
        });

    // The projects whose declared version is the floor: the solution's; none where there is no one solution to read.
    private IReadOnlyList<string> DeclaringProjects()
    {
        try
        {
            return Selection.Included;
        }
        catch (BuildException exception)
        {
            Log.Info($"The declared version is not checked: {exception.Message}");
            return [];
        }
    }

    private async Task<BuildVersion> ComputeVersionAsync(CancellationToken cancellation)
    {
        var history = await GitHistory.ReadAsync(ProcessRunner, RootDirectory, (this.Read(() => VersionTagPrefix) ?? "") + "*", cancellation).ConfigureAwait(false);
        if (history.Shallow)
        {
            throw new BuildException(
                "This clone is shallow, and the version is computed from the whole history (tags and commit height): fetch it with 'git fetch --unshallow --tags' (GitHub Actions: actions/checkout with fetch-depth: 0; GitLab: GIT_DEPTH: 0).");
        }

        switch (this.Read(() => VersionTool))
        {
            case "gitversion":
                try
                {
                    var variables = await GitVersionTool.RunAsync(ProcessRunner, RootDirectory, GitVersionTool.Program, cancellation).ConfigureAwait(false);
                    return new BuildVersion(variables.SemVer, variables.FullSemVer, variables.InformationalVersion, variables.AssemblySemVer, variables.NuGetVersion, variables.Sha, variables.BranchName, "gitversion");
                }
                catch (Exception exception) when (exception is ToolNotFoundException or InvalidDataException)
                {
                    throw new BuildException($"--version-tool gitversion: {exception.Message}");
                }

            case "git":
                var branch = this.Read(() => VersionBranch) ?? history.Branch ?? CiBranch.From(EnvironmentVariables) ?? "detached";
                var latest = VersionRules.Latest(history.Tags, this.Read(() => VersionTagPrefix));
                var height = await GitHistory.HeightAsync(ProcessRunner, RootDirectory, latest?.Tag, cancellation).ConfigureAwait(false);
                var declared = DeclaredVersion.Find(RootDirectory, DeclaringProjects());
                var computed = VersionRules.Compute(latest?.Version, height, branch, history.Sha, declared?.Version);
                if (declared is not null && SemanticVersion.TryParse(computed.SemVer) is { } version
                    && (version.Major, version.Minor, version.Patch).CompareTo((declared.Version.Major, declared.Version.Minor, declared.Version.Patch)) < 0)
                {
                    throw new BuildException(
                        $"The version from git, {computed.SemVer} (from tag {latest?.Tag}), is below the version {declared.File} declares, {declared.Version}: "
                        + $"Tollgate never publishes below it. Tag the release the repository is at (git tag v{declared.Version.Core}), or lower the declared version.");
                }

                return computed;
            default:
                throw new BuildException($"--version-tool '{this.Read(() => VersionTool)}' is not a version tool; use git or gitversion.");
        }
    }
}
