using Tollgate.Engine;
using Tollgate.Gates.SecurityScan;
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

    /// <summary>How long a NuGet audit is reused from the result cache.</summary>
    [Parameter("Hours a NuGet audit is reused from the result cache while no project, package or audit source changed (default from the policy: 24; 0 audits every run)")]
    [Bounds(0, 8760)]
    int AuditCacheHours => this.ValueOf(() => AuditCacheHours, PolicyDefaults.Current.AuditCacheHours);

    /// <summary>Where the scanners' reports and Trivy's cache go.</summary>
    AbsolutePath SecurityWorkDirectory => RootDirectory / ".nuke" / "temp" / "security";

    /// <summary>Changes how Trivy's scans run, e.g. <c>s =&gt; s.AddArguments("--skip-dirs", "samples")</c>.</summary>
    Configure<TrivySettings> TrivySettings => settings => settings;

    /// <summary>Scans for vulnerable packages, misconfigurations and secrets.</summary>
    Target SecurityScan => _ => _
        .Description("Scan for vulnerable packages (NuGet audit, Trivy), misconfigurations and secrets")
        .ProceedAfterFailure()
        // The NuGet audit restores into the projects' obj folders: never while a build, dotnet format or a test run reads them,
        // so it comes between the build and the gates that read the build (Mutation waits for it too).
        .TryAfter<ICompile>(x => x.Compile)
        .TryBefore<ILint>(x => x.Lint)
        .TryBefore<ITest>(x => x.Test)
        .OnlyWhen(() => RunsGlobalGates, "this is shard 1 of a split run (the cheap, global gates run there; --shard-every-gate runs them on every shard), or the run is not split")
        .Executes(context => GateTarget.RunAsync(this, context, SecurityScanGate.Name, async () =>
        {
            var failOn = CheckedSecurityFailOn;
            var (selection, selectionError) = SelectionOrError();
            var inputs = new SecurityScanInputs
            {
                Scope = new SecurityScope(RootDirectory, selection is null ? "" : BuildTarget, selection, selectionError, BuildProperties),
                FailOn = failOn,
                Trivy = TrivyOptions,
                AuditSources = this.Read(() => NuGetAuditSources),
                AuditCacheHours = this.Read(() => AuditCacheHours),
                WorkDirectory = SecurityWorkDirectory,
                TollgateVersion = TollgateVersion.Current,
                Images = ImagesToScanAsync,
                Sboms = async cancellation => PackagedSboms.Of(EvidenceDirectory / "artifacts.json", (await GitFactsAsync(cancellation).ConfigureAwait(false)).Commit, RootDirectory),
            };
            var result = await new SecurityScanStep(ProcessRunner, RunEvidence, context.Log.Info, context.Log.Warn, await ResultCacheAsync(context.Cancellation).ConfigureAwait(false)).RunAsync(inputs, context.Cancellation).ConfigureAwait(false);
            foreach (var waiver in result.Waivers)
            {
                context.Log.Warn($"{waiver.Subject} is waived by {waiver.Source}: {waiver.Reason}");
            }

            foreach (var finding in result.Findings.Where(f => f.SuppressedBy is null && failOn.Contains(f.Severity ?? "")).Take(20))
            {
                context.Log.Error($"[{finding.Scanner}] {finding.Severity} {finding.Rule}: {finding.Message}{(finding.File is null ? "" : $" ({finding.File}{(finding.Line is { } line ? $":{line}" : "")})")}");
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

    // The projects left out of the run are not scanned; a repository without one solution to read has none
    // left out (every file is scanned for secrets), and the audit, which needs one, fails with the reason.
    private (Tools.Dotnet.ProjectSelection? Selection, string? Error) SelectionOrError()
    {
        try
        {
            return (Selection, null);
        }
        catch (BuildException exception)
        {
            return (null, exception.Message);
        }
    }

    /// <summary>How Trivy runs, here and in Package's scan of what it ships.</summary>
    internal TrivyOptions TrivyOptions =>
        new(this.Read(() => TrivyExecutable), this.Read(() => TrivyOffline), PolicyDefaults.Current.TrivyMinimumVersion, ToolHooks, EnvironmentVariables);
}
