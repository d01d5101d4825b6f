using Tollgate.Gates;
using Tollgate.Gates.Package;
using Tollgate.Gates.SecurityScan;
using Tollgate.Tools;
using Tollgate.Tools.CycloneDx;
using Tollgate.Tools.Docker;
using Tollgate.Tools.Dotnet;

namespace Tollgate;

/// <summary>
/// Packs the release artifacts with the version computed from git: NuGet packages of the packable
/// projects (with symbols), a CycloneDX SBOM of each, and a container image of each project with a Dockerfile,
/// built through the Docker Engine API; a build with SecurityScan scans the SBOMs and images with that gate's policy,
/// and only then are they pushed, when a feed or registry is given. In a run with gates, only when
/// every gate passed. The evidence records each artifact's digest and links it to the run's gate results.
/// </summary>
public interface IPackage : ICompile, IHazVersion
{
    /// <summary>The name of Package's result in the evidence.</summary>
    /// <summary>Where to push NuGet packages.</summary>
    [Parameter("NuGet feed to push the packages to: a folder or an HTTP(S) source (none: pack only)")]
    string? NuGetFeed => this.ValueOf(() => NuGetFeed, null);

    /// <summary>The feed's API key.</summary>
    [Parameter("API key of --nuget-feed")]
    [Secret]
    string? NuGetApiKey => this.ValueOf(() => NuGetApiKey, null);

    /// <summary>Which packable projects are packed.</summary>
    [Parameter("Packable projects to pack, by file name pattern, e.g. MyLib*.csproj (default: every project with IsPackable not false, test projects never)")]
    string[] PackageProjects => this.ValueOf(() => PackageProjects, []);

    /// <summary>Where to name and push images.</summary>
    [Parameter("Container registry to name images in and push them to, e.g. registry.example.com:5000 (none: build only)")]
    string? ContainerRegistry => this.ValueOf(() => ContainerRegistry, null);

    /// <summary>The registry's user.</summary>
    [Parameter("User name for --container-registry")]
    string? ContainerRegistryUsername => this.ValueOf(() => ContainerRegistryUsername, null);

    /// <summary>The registry's password or token.</summary>
    [Parameter("Password or token for --container-registry")]
    [Secret]
    string? ContainerRegistryPassword => this.ValueOf(() => ContainerRegistryPassword, null);

    /// <summary>The Docker engine's socket.</summary>
    [Parameter("The Docker engine's unix socket (default: DOCKER_HOST, else /var/run/docker.sock)")]
    string DockerSocket => this.ValueOf(() => DockerSocket, DockerEngine.DefaultSocket(EnvironmentVariables));

    /// <summary><c>artifacts/packages/</c>: this run's NuGet packages.</summary>
    AbsolutePath PackagesDirectory => ArtifactsDirectory / "packages";

    /// <summary>Changes how <c>dotnet pack</c> runs, e.g. <c>s =&gt; s.AddArguments("-p:ContinuousIntegrationBuild=true")</c>.</summary>
    Configure<DotnetPackSettings> PackSettings => settings => settings;

    /// <summary>Changes how <c>dotnet nuget push</c> runs, e.g. <c>s =&gt; s.AddArguments("--skip-duplicate")</c>.</summary>
    Configure<NuGetPushSettings> PushSettings => settings => settings;

    /// <summary>Changes how <c>dotnet publish</c> runs for a project with a Dockerfile, e.g. <c>s =&gt; s with { Properties = [.. s.Properties, "PublishTrimmed=true"] }</c>.</summary>
    Configure<DotnetPublishSettings> PublishSettings => settings => settings;

    /// <summary>Changes how the CycloneDX SBOM of a packed project is made, e.g. <c>s =&gt; s.AddArguments("--exclude-dev")</c>.</summary>
    Configure<CycloneDxSettings> CycloneDxSettings => settings => settings;

    /// <summary>Changes how an image is built, e.g. <c>s =&gt; s with { BuildArguments = new Dictionary&lt;string, string&gt; { ["CONFIG"] = "Release" } }</c>.</summary>
    Configure<DockerBuildSettings> DockerBuildSettings => settings => settings;

    // A build with SecurityScan scans what it ships before publishing, with that gate's policy and Trivy settings.
    private ShippedScanInputs? ShippedScan => this is ISecurityScan scan
        ? new ShippedScanInputs(scan.CheckedSecurityFailOn, scan.TrivyOptions, RootDirectory / ".nuke" / "temp" / "package-scan")
        : null;

    /// <summary>
    /// When this run packages, Compile builds with the package's version, so the tests run on the assemblies that ship
    /// and <c>dotnet pack</c> packs them as they are (<c>--no-build</c>) instead of compiling them again. A version that
    /// cannot be computed (no git history, a shallow clone) stamps nothing: the gates still run, and Package says why it cannot.
    /// </summary>
    IReadOnlyList<string> IHazSolution.StampedVersion
    {
        get
        {
            // A shard packs nothing (the merge job packages), so only a run that will package asks git for the version.
            try
            {
                return PlannedTargets.Contains(nameof(Package)) && !CheckedShard.IsSplit ? BuildVersion.MSBuildProperties : [];
            }
            catch (Exception exception) when (exception is BuildException or InvalidDataException or ToolNotFoundException)
            {
                return [];
            }
        }
    }

    // The required gates this run's plan will not run, so that Package refuses before Compile spends minutes; none when
    // the run is a shard (it packs nothing) or merges shards (the verdicts come from their bundles).
    private IReadOnlyList<string> UnplannedRequiredGates => CheckedShard.IsSplit || PlannedTargets.Contains(nameof(IMergeEvidence.MergeEvidence))
        ? []
        : StandardGates.Checked(this.Read(() => RequiredGates)).Where(gate => !PlannedTargets.Contains(gate)).ToList();

    /// <summary>The version error that left this packaging run's Compile unversioned, said by Compile and recorded in the evidence.</summary>
    string? IHazSolution.UnstampedVersion
    {
        get
        {
            if (!PlannedTargets.Contains(nameof(Package)) || CheckedShard.IsSplit)
            {
                return null;
            }

            try
            {
                _ = BuildVersion;
                return null;
            }
            catch (Exception exception) when (exception is BuildException or InvalidDataException or ToolNotFoundException)
            {
                return exception.Message;
            }
        }
    }

    /// <summary>Packs NuGet packages and container images.</summary>
    Target Package => _ => _
        .Description("Pack NuGet packages and container images with the version from git (only after every gate of the run passed)")
        .DependsOn(Compile)
        .TryAfter<IMergeEvidence>(x => x.MergeEvidence) // a merge job packages from the merged verdicts
        .TryAfter<ILint>(x => x.Lint) // Package reads the verdicts of the gates it requires: after every gate of the run, never beside one
        .TryAfter<ITest>(x => x.Test)
        .TryAfter<ICoverage>(x => x.Coverage)
        .TryAfter<IMutation>(x => x.Mutation)
        .TryAfter<IArchitectureTests>(x => x.ArchitectureTests)
        .TryAfter<ISecurityScan>(x => x.SecurityScan)
        .Requires(() => UnplannedRequiredGates.Count == 0, () => $"its required gates to run before it, and {string.Join(", ", UnplannedRequiredGates)} are not in this run: run them with it (./build.sh Ci), or name the gates you require with --required-gates (recorded in the evidence)")
        .OnlyWhen(() => !CheckedShard.IsSplit, "the run is not split over shards (package from the merged bundle's commit in one job)")
        .OnlyWhen(() => !RunEvidence.Gates.Any() || StandardGates.NotPassed(StandardGates.Checked(this.Read(() => RequiredGates)), StandardGates.StatusesOf(RunEvidence)).Count == 0, "every required gate of this run passed")
        .Executes(context => GateTarget.RunAsync(this, context, PackageStep.Name, async () =>
        {
            var notPassed = StandardGates.NotPassed(StandardGates.Checked(this.Read(() => RequiredGates)), StandardGates.StatusesOf(RunEvidence));
            if (notPassed.Count > 0)
            {
                throw new TargetFailedException(
                    $"Package packs only what passed the required gates, and these did not pass in this run: {string.Join(", ", notPassed)}. Run ./build.sh Ci, or name the gates you require with --required-gates (recorded in the evidence).");
            }

            var version = BuildVersion;
            RunEvidence.Version = version.NuGetVersion;
            var username = this.Read(() => ContainerRegistryUsername);
            var registry = this.Read(() => ContainerRegistry);
            var inputs = new PackageInputs
            {
                Scope = new BuildScope(RootDirectory, BuildInfo.Read(BuildInfoDirectory), BuildTarget, this.Read(() => Configuration), CheckedMSBuildProperties),
                Version = version,
                ProjectPatterns = this.Read(() => PackageProjects),
                Compiled = StampedVersion.Count > 0 && PlannedTargets.Contains(nameof(Compile)),
                Gates = RunEvidence.Gates.Select(g => g.Result).ToList(),
                Paths = new PackagePaths(PackagesDirectory, ArtifactsDirectory / "publish", ArtifactsDirectory / "sbom"),
                Publishing = new PackagePublishing(
                    this.Read(() => NuGetFeed), this.Read(() => NuGetApiKey), registry,
                    username is null ? null : new RegistryCredentials(username, this.Read(() => ContainerRegistryPassword), registry ?? ""), this.Read(() => DockerSocket),
                    async cancellation => (await GitFactsAsync(cancellation).ConfigureAwait(false)).Remote),
                CycloneDx = new PinnedTool(this.Read(() => ToolsDirectory), PolicyDefaults.Current.ToolVersion(CycloneDxTool.Package)),
                Scan = ShippedScan,
            };
            return await new PackageStep(ProcessRunner, RunEvidence, context.Log.Info, ToolHooks, await ResultCacheAsync(context.Cancellation).ConfigureAwait(false)).RunAsync(inputs, context.Cancellation).ConfigureAwait(false);
        }));
}
