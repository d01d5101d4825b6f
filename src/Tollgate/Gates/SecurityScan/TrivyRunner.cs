using System.Text.Json.Nodes;
using Tollgate.Evidence;
using Tollgate.Tools;
using Tollgate.Tools.Trivy;

namespace Tollgate.Gates.SecurityScan;

/// <summary>
/// Trivy's part of the gate: checks the installed version against the pinned minimum, then runs
/// <c>trivy fs</c> (dependencies and secrets) and <c>trivy config</c> (Dockerfiles, manifests) on the
/// repository and <c>trivy image</c> on each image given. Reports go into evidence without the quoted
/// lines; what Trivy was kept from reading is recorded in <c>trivy-inputs.json</c>.
/// </summary>
internal sealed class TrivyRunner(TrivyTool trivy, TrivyEnvironment environment)
{
    /// <summary>Directories Trivy does not walk: build output and tool state.</summary>
    public static readonly IReadOnlyList<string> SkippedDirectories = ["**/bin", "**/obj", "artifacts", ".nuke/temp", ".git"];

    /// <summary>Trivy run by <paramref name="runner"/>, each scan changed by the build's <paramref name="hooks"/>, its cache under <c>.nuke/temp/trivy</c>.</summary>
    public static TrivyRunner Create(ProcessRunner runner, string root, string executable, ToolHooks hooks, IReadOnlyDictionary<string, string> environment)
    {
        var trivyEnvironment = TrivyEnvironment.Of(environment);
        return new TrivyRunner(new TrivyTool(runner, executable, Path.Combine(root, ".nuke", "temp", "trivy"), trivyEnvironment, hooks), trivyEnvironment);
    }

    /// <summary>
    /// Runs the scans of the repository (<c>trivy fs</c>, <c>trivy config</c>), then of the images and SBOMs given. With a
    /// <paramref name="cache"/> and nothing but the repository to scan, a scan of the same files with the same Trivy and
    /// commands is reused for the policy's hours (Trivy's database changes by itself); images and SBOMs are always scanned.
    /// </summary>
    public async Task<ScanOutput> RunAsync(
        string root, IReadOnlyList<string> images, bool offline, string minimumVersion, string reportDirectory, CancellationToken cancellation,
        IReadOnlyList<string>? sboms = null, SecurityScanCache? cache = null, Action<string>? say = null)
    {
        IReadOnlyList<TrivyScan> repository = [
            TrivyScan.Filesystem(root, Path.Combine(reportDirectory, "trivy-fs.json")),
            TrivyScan.Config(root, Path.Combine(reportDirectory, "trivy-config.json"))];
        var scans = repository.Concat(ArtifactScans(images, sboms ?? [], reportDirectory)).ToList();
        if (cache is null || scans.Count > repository.Count || await VersionOrNullAsync(cancellation).ConfigureAwait(false) is not { } version)
        {
            return await ScanAsync(root, images, offline, minimumVersion, scans, cancellation).ConfigureAwait(false);
        }

        var ingredients = cache.TrivyIngredients(root, version, SkippedDirectories, repository.Select(s => trivy.SettingsOf(s, offline, SkippedDirectories)).ToList(),
            environment.Overrides);
        if (await cache.ReadAsync(SecurityScanCache.TrivyUnit, ingredients, say ?? (_ => { }), cancellation).ConfigureAwait(false) is { } kept)
        {
            return kept;
        }

        var output = await ScanAsync(root, images, offline, minimumVersion, scans, cancellation).ConfigureAwait(false);
        await cache.StoreAsync(SecurityScanCache.TrivyUnit, ingredients, output, cancellation).ConfigureAwait(false);
        return output;
    }

    private async Task<string?> VersionOrNullAsync(CancellationToken cancellation)
    {
        try
        {
            return await trivy.VersionAsync(cancellation).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ToolNotFoundException or InvalidDataException)
        {
            return null; // the scan says why
        }
    }

    /// <summary>Runs the scans of what a build ships only: <c>trivy image</c> on each image, <c>trivy sbom</c> on each SBOM.</summary>
    public Task<ScanOutput> RunOnArtifactsAsync(
        string root, IReadOnlyList<string> images, IReadOnlyList<string> sboms, bool offline, string minimumVersion, string reportDirectory, CancellationToken cancellation) =>
        ScanAsync(root, images, offline, minimumVersion, [.. ArtifactScans(images, sboms, reportDirectory)], cancellation);

    private static IEnumerable<TrivyScan> ArtifactScans(IReadOnlyList<string> images, IReadOnlyList<string> sboms, string reportDirectory) =>
        images.Select((image, i) => TrivyScan.Image(image, Path.Combine(reportDirectory, $"trivy-image-{i + 1}.json")))
            .Concat(sboms.Select(sbom => TrivyScan.Sbom(sbom, Path.Combine(reportDirectory, $"trivy-sbom-{Path.GetFileNameWithoutExtension(sbom)}.json"))));

    private async Task<ScanOutput> ScanAsync(string root, IReadOnlyList<string> images, bool offline, string minimumVersion, IReadOnlyList<TrivyScan> scans, CancellationToken cancellation)
    {
        string version;
        try
        {
            version = await trivy.VersionAsync(cancellation).ConfigureAwait(false);
        }
        catch (ToolNotFoundException exception)
        {
            return ScanOutput.NotRun(ScannerNames.Trivy, ScannerState.Missing, exception.Message);
        }
        catch (InvalidDataException exception)
        {
            return ScanOutput.NotRun(ScannerNames.Trivy, ScannerState.Failed, exception.Message);
        }

        if (!AtLeast(version, minimumVersion))
        {
            return ScanOutput.NotRun(ScannerNames.Trivy, ScannerState.Failed, $"Trivy {version} is older than the minimum {minimumVersion} the policy pins; upgrade Trivy.", version);
        }

        var findings = new List<Finding>();
        var reports = new List<(string, string)> { ("trivy-inputs.json", Inputs(root, images, offline)) };
        try
        {
            foreach (var scan in scans)
            {
                await trivy.ScanAsync(scan, offline, SkippedDirectories, cancellation).ConfigureAwait(false);
                findings.AddRange(TrivyReportReader.Read(scan.Output).Select(f => SecurityFindings.FromTrivy(f, target => Relative(root, target))));
                reports.Add((Path.GetFileName(scan.Output), TrivyReportReader.Sanitized(scan.Output)));
            }
        }
        catch (InvalidDataException exception)
        {
            return new ScanOutput(new ScannerRun(ScannerNames.Trivy, ScannerState.Failed, version, exception.Message), findings, reports);
        }

        return new ScanOutput(new ScannerRun(ScannerNames.Trivy, ScannerState.Ran, version), findings, reports);
    }

    /// <summary>Whether <paramref name="version"/> (e.g. <c>0.58.1</c>) is at least <paramref name="minimum"/>; pre-release suffixes are ignored.</summary>
    public static bool AtLeast(string version, string minimum) =>
        Version.TryParse(version.Split('-', '+')[0], out var have) && Version.TryParse(minimum, out var need) && have >= need;

    private string Inputs(string root, IReadOnlyList<string> images, bool offline)
    {
        var ignored = new[] { "trivy.yaml", ".trivyignore" }.Where(f => File.Exists(Path.Combine(root, f))).ToList();
        var inputs = new JsonObject
        {
            ["removedVariables"] = new JsonArray(environment.Removed.Select(n => (JsonNode?)n).ToArray()),
            ["passedVariables"] = new JsonArray(environment.Passed.Select(n => (JsonNode?)n).ToArray()),
            ["filesNotReadByTrivy"] = new JsonArray(ignored.Select(n => (JsonNode?)n).ToArray()),
            ["note"] = ".trivyignore entries are applied by Tollgate as suppressions (with reason and expiry); trivy.yaml is not read so that every runner scans alike.",
            ["offline"] = offline,
            ["images"] = new JsonArray(images.Select(n => (JsonNode?)n).ToArray()),
            ["skippedDirectories"] = new JsonArray(SkippedDirectories.Select(n => (JsonNode?)n).ToArray()),
        };
        return inputs.ToJsonString(EvidenceJson.Options) + "\n";
    }

    private static string Relative(string root, string target) =>
        Path.IsPathRooted(target) ? Path.GetRelativePath(root, target).Replace('\\', '/') : target.Replace('\\', '/');
}
