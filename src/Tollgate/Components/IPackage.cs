using System.Text.Json.Nodes;
using Tollgate.Evidence;
using Tollgate.Gates.Package;
using Tollgate.Tools.Docker;
using Tollgate.Tools.Dotnet;

namespace Tollgate;

/// <summary>
/// Packs the release artifacts with the version computed from git: NuGet packages of the packable
/// projects (with symbols) and a container image of each project with a Dockerfile, built through the
/// Docker Engine API; pushes them when a feed or registry is given. In a run with gates, only when
/// every gate passed. The evidence records each artifact's digest and links it to the run's gate results.
/// </summary>
public interface IPackage : ICompile, IHazVersion
{
    /// <summary>The name of Package's result in the evidence.</summary>
    const string StepName = "Package";

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

    /// <summary>Packs NuGet packages and container images.</summary>
    Target Package => _ => _
        .Description("Pack NuGet packages and container images with the version from git (only after every gate of the run passed)")
        .DependsOn(Compile)
        .OnlyWhen(() => !RunEvidence.Gates.Any() || StandardGates.NotPassed(StandardGates.Checked(this.Read(() => RequiredGates)), StandardGates.StatusesOf(RunEvidence)).Count == 0, "every required gate of this run passed")
        .Executes(context => GateTarget.RunAsync(this, context, StepName, async () =>
        {
            var notPassed = StandardGates.NotPassed(StandardGates.Checked(this.Read(() => RequiredGates)), StandardGates.StatusesOf(RunEvidence));
            if (notPassed.Count > 0)
            {
                throw new TargetFailedException(
                    $"Package packs only what passed the required gates, and these did not pass in this run: {string.Join(", ", notPassed)}. Run ./build.sh Ci, or name the gates you require with --required-gates (recorded in the evidence).");
            }

            var gates = RunEvidence.Gates.Select(g => g.Result).ToList();
            var version = BuildVersion;
            RunEvidence.Version = version.NuGetVersion;
            context.Log.Info($"Version {version.NuGetVersion} ({version.Source}, branch {version.Branch}, commit {version.Sha})");
            var buildInfo = BuildInfo.Read(BuildInfoDirectory);
            var choice = PackageChoice.Of(buildInfo, this.Read(() => PackageProjects), RootDirectory);
            foreach (var (project, reason) in choice.NotPacked)
            {
                context.Log.Info($"Not packed: {project} ({reason})");
            }

            var nuget = new NuGetPackager(ProcessRunner.With(PackSettings(new DotnetPackSettings())).With(PushSettings(new NuGetPushSettings())));
            var targets = choice.PacksAllPackable ? [BuildTarget] : choice.Packed.Select(p => (string)(RootDirectory / p)).ToList();
            var artifacts = (await nuget.PackAsync(RootDirectory, targets, this.Read(() => Configuration), version, CheckedMSBuildProperties, PackagesDirectory, context.Cancellation).ConfigureAwait(false)).ToList();
            if (this.Read(() => NuGetFeed) is { } feed)
            {
                for (var i = 0; i < artifacts.Count; i++)
                {
                    if (artifacts[i].Kind == "nupkg")
                    {
                        artifacts[i] = await nuget.PushAsync(RootDirectory, artifacts[i], feed, this.Read(() => NuGetApiKey), RootDirectory / ".nuke" / "temp" / "package", context.Cancellation).ConfigureAwait(false);
                    }
                }
            }

            var tools = new Dictionary<string, string> { ["dotnet"] = buildInfo.FirstOrDefault()?.Sdk ?? "unknown" };
            var projects = buildInfo.Where(p => !p.IsTestProject).Select(p => p.Project);
            var images = ContainerImage.Of(projects, this.Read(() => ContainerRegistry));
            if (images.Count > 0)
            {
                using var engine = new DockerEngine(this.Read(() => DockerSocket));
                tools["docker-engine"] = await engine.VersionAsync(context.Cancellation).ConfigureAwait(false);
                var containers = new ContainerPackager(ProcessRunner, engine, line => context.Log.Info(line));
                var git = await GitFactsAsync(context.Cancellation).ConfigureAwait(false);
                var credentials = this.Read(() => ContainerRegistryUsername) is null ? null : new RegistryCredentials(this.Read(() => ContainerRegistryUsername), this.Read(() => ContainerRegistryPassword), this.Read(() => ContainerRegistry) ?? "");
                foreach (var image in images)
                {
                    var built = await containers.BuildAsync(
                        RootDirectory, image, this.Read(() => Configuration), version, CheckedMSBuildProperties, ArtifactsDirectory / "publish" / Path.GetFileNameWithoutExtension(image.Project), git.Remote, context.Cancellation).ConfigureAwait(false);
                    artifacts.Add(this.Read(() => ContainerRegistry) is { } registry ? await containers.PushAsync(built, registry, credentials, context.Cancellation).ConfigureAwait(false) : built);
                }
            }

            RunEvidence.WriteFile("artifacts.json", ArtifactsDocument(version, artifacts, gates));
            foreach (var artifact in artifacts)
            {
                context.Log.Info($"{artifact.Kind} {artifact.Name} {artifact.Version} {artifact.Digest}{(artifact.PushedTo is null ? "" : $" → {artifact.PushedTo}")}");
            }

            var packages = artifacts.Count(a => a.Kind == "nupkg");
            var imageCount = artifacts.Count(a => a.Kind == "image");
            return new GateResult(
                StepName, GateStatus.Passed, $"{version.NuGetVersion}: {packages} package(s), {imageCount} image(s)", [],
                new Dictionary<string, double> { ["packages"] = packages, ["images"] = imageCount, ["pushed"] = artifacts.Count(a => a.PushedTo is not null) },
                new Dictionary<string, double>(), tools,
                artifacts.Select(a => new Finding("artifact", $"{a.Kind} {a.Name} {a.Version}", a.Kind == "image" ? null : a.Location, Rule: a.Name, Detail: a.Digest))
                    .Concat(choice.Packed.Select(p => new Finding("packed", $"{p} packed", p)))
                    .Concat(choice.NotPacked.Select(n => new Finding("not-packed", $"{n.Project} not packed: {n.Reason}", n.Project)))
                    .ToList());
        }));

    private static string ArtifactsDocument(BuildVersion version, IReadOnlyList<Artifact> artifacts, IReadOnlyList<GateResult> gates)
    {
        var document = new JsonObject
        {
            ["commit"] = version.Sha,
            ["version"] = new JsonObject
            {
                ["semVer"] = version.SemVer,
                ["fullSemVer"] = version.FullSemVer,
                ["informationalVersion"] = version.InformationalVersion,
                ["assemblyVersion"] = version.AssemblyVersion,
                ["nuGetVersion"] = version.NuGetVersion,
                ["branch"] = version.Branch,
                ["source"] = version.Source,
            },
            ["gates"] = new JsonObject(gates.OrderBy(g => g.Gate, StringComparer.Ordinal)
                .Select(g => KeyValuePair.Create(g.Gate, (JsonNode?)g.Status.ToString().ToLowerInvariant()))),
            ["artifacts"] = new JsonArray(artifacts.Select(a => (JsonNode?)new JsonObject
            {
                ["kind"] = a.Kind,
                ["name"] = a.Name,
                ["version"] = a.Version,
                ["digest"] = a.Digest,
                ["location"] = a.Location,
                ["pushedTo"] = a.PushedTo,
            }).ToArray()),
        };
        return document.ToJsonString(EvidenceJson.Options) + "\n";
    }
}
