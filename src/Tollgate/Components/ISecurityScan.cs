using Tollgate.Engine;
using Tollgate.Evidence;
using Tollgate.Gates.SecurityScan;
using Tollgate.Tools.Git;
using Tollgate.Tools.Trivy;

namespace Tollgate;

/// <summary>
/// The SecurityScan gate: NuGet's vulnerability audit of every package, Trivy (dependencies from lock
/// files, secrets, Dockerfile and manifest misconfigurations, images) and Tollgate's own secret scan of
/// the repository's files, held to the policy (by default: no critical, no high). Waivers, suppressions
/// and allowed secrets live in <c>.nuke/security.json</c> and <c>.trivyignore</c>, each with a reason.
/// </summary>
public interface ISecurityScan : IHazSolution
{
    /// <summary>The severities that fail the gate.</summary>
    [Parameter("Severities that fail the SecurityScan gate: critical, high, medium, low, unknown")]
    string[] SecurityFailOn => this.ValueOf(() => SecurityFailOn, PolicyDefaults.Current.SecurityFailOn.ToArray());

    /// <summary>The Trivy program.</summary>
    [Parameter("The Trivy program: a path, or a name found on PATH")]
    string TrivyExecutable => this.ValueOf(() => TrivyExecutable, TrivyTool.Program);

    /// <summary>Air-gapped runners: no database or check downloads.</summary>
    [Parameter("Run Trivy offline (no vulnerability database or check updates; the cache in .nuke/temp/trivy must be filled)")]
    bool TrivyOffline => this.ValueOf(() => TrivyOffline, false);

    /// <summary>Container images to scan.</summary>
    [Parameter("Container images for trivy image to scan, as references (default, when none is given: the images Package built for this commit)")]
    string[] SecurityImages => this.ValueOf(() => SecurityImages, []);

    /// <summary>Audit sources instead of NuGet.Config's.</summary>
    [Parameter("NuGet audit sources (service index URLs) to use instead of those in NuGet.Config")]
    string[] NuGetAuditSources => this.ValueOf(() => NuGetAuditSources, []);

    /// <summary>Where the scanners' reports and Trivy's cache go.</summary>
    AbsolutePath SecurityWorkDirectory => RootDirectory / ".nuke" / "temp" / "security";

    /// <summary>Changes how Trivy's scans run, e.g. <c>s =&gt; s.AddArguments("--skip-dirs", "samples")</c>.</summary>
    Configure<TrivySettings> TrivySettings => settings => settings;

    /// <summary>Scans for vulnerable packages, misconfigurations and secrets.</summary>
    Target SecurityScan => _ => _
        .Description("Scan for vulnerable packages (NuGet audit, Trivy), misconfigurations and secrets")
        .ProceedAfterFailure()
        // The NuGet audit restores into the projects' obj folders: never while a build, dotnet format or a test run reads them.
        .TryAfter<ICompile>(x => x.Compile)
        .TryAfter<ILint>(x => x.Lint)
        .TryAfter<ITest>(x => x.Test)
        .Executes(context => GateTarget.RunAsync(this, context, SecurityScanGate.Name, async () =>
        {
            var nuke = RootDirectory / ".nuke";
            SecuritySchema.WriteTo(nuke);
            var policyFile = nuke / SecurityPolicyFile.FileName;
            var policySource = policyFile.RelativeTo(RootDirectory);
            var entries = SecurityPolicyFile.Read(policyFile, policySource);
            var trivyIgnore = RootDirectory / ".trivyignore";
            if (File.Exists(trivyIgnore))
            {
                entries = entries with { Suppressions = [.. entries.Suppressions, .. TrivyIgnoreFile.Parse(File.ReadAllText(trivyIgnore), ".trivyignore")] };
            }

            var policy = new SecurityPolicy(CheckedSecurityFailOn, entries, policySource, DateOnly.FromDateTime(DateTime.UtcNow));
            var trivyEnvironment = TrivyEnvironment.Of(EnvironmentVariables);
            var outputs = new List<ScanOutput>
            {
                await Scan(ScannerNames.Secrets, entries, () => ScanSecretsAsync(context.Cancellation)).ConfigureAwait(false),
                await Scan(ScannerNames.NuGetAudit, entries, async () =>
                {
                    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
                    return await new NuGetAuditRunner(ProcessRunner, http)
                        .RunAsync(RootDirectory, BuildTarget, Selection.Included, CheckedMSBuildProperties, this.Read(() => NuGetAuditSources), SecurityWorkDirectory, context.Cancellation).ConfigureAwait(false);
                }).ConfigureAwait(false),
                await Scan(ScannerNames.Trivy, entries, async () =>
                    await new TrivyRunner(new TrivyTool(ProcessRunner.With(TrivySettings(new TrivySettings())), this.Read(() => TrivyExecutable), RootDirectory / ".nuke" / "temp" / "trivy", trivyEnvironment), trivyEnvironment)
                        .RunAsync(RootDirectory, await ImagesToScanAsync(context.Cancellation).ConfigureAwait(false), this.Read(() => TrivyOffline), PolicyDefaults.Current.TrivyMinimumVersion, SecurityWorkDirectory, context.Cancellation)).ConfigureAwait(false),
            };

            foreach (var (name, text) in outputs.SelectMany(o => o.Reports))
            {
                RunEvidence.WriteReport(SecurityScanGate.Name, name, text);
            }

            var tools = outputs.Where(o => o.Run.Version is not null).ToDictionary(o => o.Run.Scanner, o => o.Run.Version!);
            var result = SecurityScanGate.Evaluate(outputs.Select(o => o.Run).ToList(), outputs.SelectMany(o => o.Findings).ToList(), policy, tools);
            RunEvidence.WriteReport(SecurityScanGate.Name, "security.sarif", SarifExporter.Render(result, TollgateVersion.Current));
            foreach (var waiver in result.Waivers)
            {
                context.Log.Warn($"{waiver.Subject} is waived by {waiver.Source}: {waiver.Reason}");
            }

            foreach (var finding in result.Findings.Where(f => f.SuppressedBy is null && policy.FailOn.Contains(f.Severity ?? "")).Take(20))
            {
                context.Log.Error($"[{finding.Scanner}] {finding.Severity} {finding.Rule}: {finding.Message}{(finding.File is null ? "" : $" ({finding.File}{(finding.Line is { } line ? $":{line}" : "")})")}");
            }

            if (outputs.Any(o => o.Run.Scanner == ScannerNames.Trivy && o.Run.State == ScannerState.Ran)
                && !Directory.EnumerateFiles(RootDirectory, "packages.lock.json", SearchOption.AllDirectories).Any())
            {
                context.Log.Warn("Trivy reads NuGet lock files, not project files, and found none: set <RestorePackagesWithLockFile>true</RestorePackagesWithLockFile> in Directory.Build.props and commit the packages.lock.json files.");
            }

            return result;
        }));

    /// <summary>The fail-on severities, checked.</summary>
    IReadOnlyList<string> CheckedSecurityFailOn => this.Read(() => SecurityFailOn).Select(s => SecurityPolicy.Severities.Contains(s.ToLowerInvariant())
        ? s.ToLowerInvariant()
        : throw new BuildException($"--security-fail-on '{s}' is not a severity; use {string.Join(", ", SecurityPolicy.Severities)}.")).ToList();

    // The images to scan: those given, else those Package built for this commit (found only when the gate runs, so no
    // git process starts for a run that does not scan).
    private async Task<IReadOnlyList<string>> ImagesToScanAsync(CancellationToken cancellation) =>
        this.Read(() => SecurityImages).Length > 0
            ? this.Read(() => SecurityImages)
            : PackagedImages.Of(EvidenceDirectory / "artifacts.json", (await GitFactsAsync(cancellation).ConfigureAwait(false)).Commit);

    // The projects left out of the run are not scanned; a repository without one solution to read has none left out.
    private Tools.Dotnet.ProjectSelection? SecretScanSelection()
    {
        try
        {
            return Selection;
        }
        catch (BuildException)
        {
            return null;
        }
    }

    private async Task<ScanOutput> ScanSecretsAsync(CancellationToken cancellation)
    {
        var selection = SecretScanSelection();
        var files = (await GitFiles.ListAsync(ProcessRunner, RootDirectory, cancellation).ConfigureAwait(false) ?? SecretScanner.FilesBelow(RootDirectory))
            .Where(f => selection?.InExcludedProject(RootDirectory, f) != true).ToList(); // the chosen projects' folders and the repository's own files
        var hits = SecretScanner.Scan(RootDirectory, files, cancellation);
        Log.Info($"Secret scan: {files.Count} files, {hits.Count} hit(s)");
        return new ScanOutput(new ScannerRun(ScannerNames.Secrets, ScannerState.Ran, TollgateVersion.Current), hits.Select(SecurityFindings.FromSecret).ToList(), []);
    }

    private static async Task<ScanOutput> Scan(string scanner, SecurityPolicyEntries entries, Func<Task<ScanOutput>> run) =>
        entries.Waivers.ContainsKey(scanner) ? ScanOutput.NotRun(scanner, ScannerState.Waived, entries.Waivers[scanner]) : await run().ConfigureAwait(false);
}
