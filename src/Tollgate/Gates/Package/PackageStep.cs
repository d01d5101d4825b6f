using System.Text.Json.Nodes;
using Tollgate.Evidence;
using Tollgate.Gates.Cache;
using Tollgate.Gates.SecurityScan;
using Tollgate.IO;
using Tollgate.Tools;
using Tollgate.Tools.CycloneDx;
using Tollgate.Tools.Docker;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Gates.Package;

/// <summary>What Package reads, in named groups: the build, what ships, where it goes, where it is published, and the tools.</summary>
internal sealed record PackageInputs
{
    /// <summary>The build packed (which projects are packable, which have a Dockerfile).</summary>
    public required BuildScope Scope { get; init; }

    /// <summary>The version computed from git.</summary>
    public required BuildVersion Version { get; init; }

    /// <summary>Projects to pack (<c>--package-projects</c>); empty: every packable one.</summary>
    public IReadOnlyList<string> ProjectPatterns { get; init; } = [];

    /// <summary>Compile built the projects with <see cref="Version"/> in this run: they are packed as built, not compiled again.</summary>
    public bool Compiled { get; init; }

    /// <summary>The gates of this run, recorded beside the artifacts.</summary>
    public IReadOnlyList<GateResult> Gates { get; init; } = [];

    /// <summary>Where packages, publish output and SBOMs go.</summary>
    public required PackagePaths Paths { get; init; }

    /// <summary>Where the packages and images are pushed, and with what.</summary>
    public required PackagePublishing Publishing { get; init; }

    /// <summary>The CycloneDX tool.</summary>
    public required PinnedTool CycloneDx { get; init; }

    /// <summary>How what ships is scanned before it is published (null: the build has no SecurityScan; nothing is scanned).</summary>
    public ShippedScanInputs? Scan { get; init; }
}

/// <summary>Where Package writes.</summary>
/// <param name="PackagesDirectory">Where the packages go.</param>
/// <param name="PublishDirectory">Where each image's <c>dotnet publish</c> output goes (a folder per project below it).</param>
/// <param name="SbomDirectory">Where each packed project's SBOM goes.</param>
internal sealed record PackagePaths(string PackagesDirectory, string PublishDirectory, string SbomDirectory);

/// <summary>Where Package publishes; nothing is pushed where none is given.</summary>
/// <param name="Feed">Where to push the packages (null: nowhere).</param>
/// <param name="ApiKey">The feed's API key.</param>
/// <param name="Registry">Where to push the images (null: nowhere).</param>
/// <param name="Credentials">The registry's credentials.</param>
/// <param name="DockerSocket">The Docker Engine's socket.</param>
/// <param name="Remote">The repository's remote, for the images' source label (read only when an image is built).</param>
internal sealed record PackagePublishing(
    string? Feed, string? ApiKey, string? Registry, RegistryCredentials? Credentials, string DockerSocket, Func<CancellationToken, Task<string?>> Remote);

/// <summary>
/// Package from inputs to result: NuGet packages of the chosen projects, an SBOM of each, a container image of every
/// non-test project with a Dockerfile; then the SBOMs and images are scanned with the SecurityScan policy, and only
/// when that passes are the packages pushed (when a feed is given) and the images (when a registry is given).
/// <c>artifacts.json</c> ties each digest to the commit, the version and the run's gate verdicts, pushed or not.
/// </summary>
internal sealed class PackageStep(ProcessRunner runner, BundleWriter evidence, Action<string> say, ToolHooks? hooks = null, CacheContext? cache = null)
{
    public const string Name = "Package";

    public async Task<GateResult> RunAsync(PackageInputs inputs, CancellationToken cancellation)
    {
        var version = inputs.Version;
        say($"Version {version.NuGetVersion} ({version.Source}, branch {version.Branch}, commit {version.Sha})");
        var choice = PackageChoice.Of(inputs.Scope.Built, inputs.ProjectPatterns, inputs.Scope.Root);
        foreach (var (project, reason) in choice.NotPacked)
        {
            say($"Not packed: {project} ({reason})");
        }

        var nuget = new NuGetPackager(runner, hooks);
        var targets = choice.PacksAllPackable ? [inputs.Scope.BuildTarget] : choice.Packed.Select(p => Path.Combine(inputs.Scope.Root, p)).ToList();
        var stored = cache is null || cache.Cache.Mode == CacheMode.Off ? null : new PackageCache(cache, inputs.Scope.Root, inputs.Scope.Built);
        var artifacts = (await nuget.PackAsync(
            inputs.Scope.Root, targets, inputs.Scope.Configuration, version, inputs.Scope.Properties, inputs.Paths.PackagesDirectory, inputs.Compiled, cancellation,
            stored is null ? null : (stored, PackedProjects(inputs, choice).ToList())).ConfigureAwait(false)).ToList();
        var tools = new Dictionary<string, string> { ["dotnet"] = inputs.Scope.Built.FirstOrDefault()?.Sdk ?? "unknown", [CycloneDxTool.Package] = inputs.CycloneDx.Version };
        artifacts.AddRange(await SbomsAsync(inputs, choice, stored, cancellation).ConfigureAwait(false));
        var images = ContainerImage.Of(inputs.Scope.Built.Where(p => !p.IsTestProject).Select(p => p.Project), inputs.Publishing.Registry);
        using var engine = images.Count > 0 ? new DockerEngine(inputs.Publishing.DockerSocket) : null;
        var containers = engine is null ? null : new ContainerPackager(runner, engine, say, hooks);
        if (engine is not null)
        {
            tools["docker-engine"] = await engine.VersionAsync(cancellation).ConfigureAwait(false);
            var remote = await inputs.Publishing.Remote(cancellation).ConfigureAwait(false);
            foreach (var image in images)
            {
                artifacts.Add(await containers!.BuildAsync(
                    inputs.Scope.Root, image, inputs.Scope.Configuration, version, inputs.Scope.Properties, Path.Combine(inputs.Paths.PublishDirectory, Path.GetFileNameWithoutExtension(image.Project)), remote, cancellation).ConfigureAwait(false));
            }
        }

        var scan = await ScanAsync(inputs, artifacts, cancellation).ConfigureAwait(false);
        foreach (var (tool, toolVersion) in scan?.Tools ?? new Dictionary<string, string>())
        {
            tools[tool] = toolVersion;
        }

        if (scan is { Status: not GateStatus.Passed })
        {
            evidence.WriteFile("artifacts.json", ArtifactsDocument(version, artifacts, inputs.Gates));
            return Result(version, artifacts, choice, tools, scan, scan.Status, $"{version.NuGetVersion}: not published; {scan.Headline}", ["Nothing was published: what it ships did not pass the security scan.", .. scan.Reasons]);
        }

        for (var i = 0; i < artifacts.Count; i++)
        {
            if (artifacts[i].Kind == "nupkg" && inputs.Publishing.Feed is { } feed)
            {
                artifacts[i] = await nuget.PushAsync(inputs.Scope.Root, artifacts[i], feed, inputs.Publishing.ApiKey, Path.Combine(inputs.Scope.Root, ".nuke", "temp", "package"), cancellation).ConfigureAwait(false);
            }
            else if (artifacts[i].Kind == "image" && inputs.Publishing.Registry is { } registry)
            {
                artifacts[i] = await containers!.PushAsync(artifacts[i], registry, inputs.Publishing.Credentials, cancellation).ConfigureAwait(false);
            }
        }

        evidence.WriteFile("artifacts.json", ArtifactsDocument(version, artifacts, inputs.Gates));
        foreach (var artifact in artifacts)
        {
            say($"{artifact.Kind} {artifact.Name} {artifact.Version} {artifact.Digest}{(artifact.PushedTo is null ? "" : $" → {artifact.PushedTo}")}");
        }

        var packages = artifacts.Count(a => a.Kind == "nupkg");
        var imageCount = artifacts.Count(a => a.Kind == "image");
        var reused = (stored?.Reused ?? []).Select(CacheContext.Reused).ToList();
        var headline = $"{version.NuGetVersion}: {packages} package(s), {imageCount} image(s)"
            + (reused.Count == 0 ? "" : $" ({string.Join(" and ", reused.Select(r => r.Unit))} reused from {CacheContext.From(reused)})");
        return Result(version, artifacts, choice, tools, scan, GateStatus.Passed, headline, []) with { Reused = reused };
    }

    // The SBOMs and images are scanned before anything is published, when the build scans at all and something ships.
    private async Task<GateResult?> ScanAsync(PackageInputs inputs, IReadOnlyList<Artifact> artifacts, CancellationToken cancellation)
    {
        var sboms = artifacts.Where(a => a.Kind == "sbom").Select(a => Path.GetFullPath(a.Location, inputs.Scope.Root)).ToList();
        var images = artifacts.Where(a => a.Kind == "image").Select(a => a.Location.Split(' ')[0]).ToList();
        if (inputs.Scan is null || sboms.Count + images.Count == 0)
        {
            return null;
        }

        say($"Scanning what ships before publishing it: {sboms.Count} SBOM(s), {images.Count} image(s)");
        var scan = await new ShippedArtifactScan(runner, evidence, Name).RunAsync(inputs.Scope.Root, inputs.Scan, images, sboms, cancellation).ConfigureAwait(false);
        say($"Security scan of what ships: {scan.Status.ToString().ToLowerInvariant()} ({scan.Headline})");
        return scan;
    }

    private static GateResult Result(
        BuildVersion version, IReadOnlyList<Artifact> artifacts, PackageChoice choice, IReadOnlyDictionary<string, string> tools, GateResult? scan, GateStatus status,
        string headline, IReadOnlyList<string> reasons)
    {
        var metrics = new Dictionary<string, double>
        {
            ["packages"] = artifacts.Count(a => a.Kind == "nupkg"),
            ["images"] = artifacts.Count(a => a.Kind == "image"),
            ["pushed"] = artifacts.Count(a => a.PushedTo is not null),
        };
        foreach (var (severity, count) in scan?.Metrics ?? new Dictionary<string, double>())
        {
            metrics[$"shipped-{severity}"] = count;
        }

        return new GateResult(
            Name, status, headline, reasons, metrics,
            (scan?.Thresholds ?? new Dictionary<string, double>()).ToDictionary(t => $"shipped-{t.Key}", t => t.Value), tools,
            artifacts.Select(a => new Finding
            {
                Kind = "artifact",
                Message = $"{a.Kind} {a.Name} {a.Version}",
                File = a.Kind == "image" ? null : a.Location,
                Rule = a.Name,
                Detail = a.Digest,
            })
                .Concat(choice.Packed.Select(p => new Finding { Kind = "packed", Message = $"{p} packed", File = p }))
                .Concat(choice.NotPacked.Select(n => new Finding
                {
                    Kind = "not-packed",
                    Message = $"{n.Project} not packed: {n.Reason}",
                    File = n.Project,
                }))
                .Concat(scan?.Findings ?? [])
                .ToList())
        { Waivers = scan?.Waivers ?? [] };
    }

    // A CycloneDX SBOM of every packed project: its NuGet dependencies, with versions and hashes, from the build's restore.
    private async Task<List<Artifact>> SbomsAsync(PackageInputs inputs, PackageChoice choice, PackageCache? stored, CancellationToken cancellation)
    {
        // Every packed project, and every project an image is built from (the image's .NET content).
        var projects = PackedProjects(inputs, choice)
            .Concat(ContainerImage.Of(inputs.Scope.Built.Where(p => !p.IsTestProject).Select(p => p.Project), inputs.Publishing.Registry).Select(i => i.Project))
            .Select(Path.GetFullPath)
            .Distinct()
            .ToList();
        if (projects.Count == 0)
        {
            return [];
        }

        string? program = null; // installed only when an SBOM is not reused
        var sboms = new List<Artifact>();
        foreach (var project in projects)
        {
            var name = Path.GetFileNameWithoutExtension(project);
            var settings = CycloneDxTool.Settings(hooks, project, name, inputs.Version.NuGetVersion, inputs.Paths.SbomDirectory, $"{name}.cdx.json");
            var ingredients = stored?.SbomIngredients(project, settings, inputs.CycloneDx.Version, inputs.Version.NuGetVersion);
            var sbom = Path.Combine(settings.Output, settings.FileName);
            if (ingredients is null || !await stored!.RestoreAsync(PackageCache.SbomUnit(name), ingredients, settings.Output, cancellation).ConfigureAwait(false))
            {
                program ??= await new DotnetTools(runner, inputs.CycloneDx.Directory)
                    .EnsureAsync(CycloneDxTool.Package, inputs.CycloneDx.Version, CycloneDxTool.Command, cancellation).ConfigureAwait(false);
                sbom = await new CycloneDxTool(runner, program).WriteAsync(inputs.Scope.Root, settings, cancellation).ConfigureAwait(false);
                if (ingredients is not null)
                {
                    await stored!.StoreAsync(PackageCache.SbomUnit(name), ingredients, settings.Output, [sbom], cancellation).ConfigureAwait(false);
                }
            }

            evidence.AddReport("sbom", sbom, $"{name}.cdx.json");
            sboms.Add(new Artifact("sbom", name, inputs.Version.NuGetVersion, "sha256:" + FileDigest.Sha256(sbom), PortablePath.Relative(inputs.Scope.Root, sbom)));
        }

        return sboms;
    }

    // The projects packed: every packable one, or those chosen.
    private static IEnumerable<string> PackedProjects(PackageInputs inputs, PackageChoice choice) => choice.PacksAllPackable
        ? inputs.Scope.Built.Where(p => !p.IsTestProject && p.IsPackable).Select(p => p.Project).Distinct(StringComparer.Ordinal)
        : choice.Packed.Select(p => Path.Combine(inputs.Scope.Root, p));

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
