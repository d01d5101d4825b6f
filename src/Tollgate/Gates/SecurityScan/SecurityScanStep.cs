using Tollgate.Evidence;
using Tollgate.Gates.Cache;
using Tollgate.IO;
using Tollgate.Tools;
using Tollgate.Tools.Dotnet;
using Tollgate.Tools.Git;

namespace Tollgate.Gates.SecurityScan;

/// <summary>What the SecurityScan gate reads, in named groups: what is scanned, the policy's severities, Trivy, and the rest by name.</summary>
internal sealed record SecurityScanInputs
{
    /// <summary>What is scanned.</summary>
    public required SecurityScope Scope { get; init; }

    /// <summary>Severities that fail the gate.</summary>
    public required IReadOnlyList<string> FailOn { get; init; }

    /// <summary>How Trivy runs.</summary>
    public required TrivyOptions Trivy { get; init; }

    /// <summary>Vulnerability sources for the NuGet audit (<c>--nuget-audit-sources</c>).</summary>
    public IReadOnlyList<string> AuditSources { get; init; } = [];

    /// <summary>Scratch space: <c>.nuke/temp/security</c>.</summary>
    public required string WorkDirectory { get; init; }

    /// <summary>The secret scanner's version and the SARIF report's.</summary>
    public required string TollgateVersion { get; init; }

    /// <summary>How many hours a NuGet audit is reused from the result cache (the policy's <c>security.auditCacheHours</c>; 0: never).</summary>
    public int AuditCacheHours { get; init; }

    /// <summary>The images to scan, found only when Trivy runs (Package's images need git's commit).</summary>
    public Func<CancellationToken, Task<IReadOnlyList<string>>> Images { get; init; } = _ => Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>The SBOMs Package wrote for this commit, found only when Trivy runs.</summary>
    public Func<CancellationToken, Task<IReadOnlyList<string>>>? Sboms { get; init; }
}

/// <summary>What SecurityScan scans.</summary>
/// <param name="Root">The repository root.</param>
/// <param name="BuildTarget">The solution (or selection) the audit restores.</param>
/// <param name="Selection">The projects chosen and left out (null: no solution to read; every file is scanned for secrets, and the audit fails with <paramref name="SelectionError"/>).</param>
/// <param name="SelectionError">Why there is no selection.</param>
/// <param name="Properties">MSBuild properties of the run.</param>
internal sealed record SecurityScope(string Root, string BuildTarget, ProjectSelection? Selection, string? SelectionError, IReadOnlyList<string> Properties);

/// <summary>
/// The SecurityScan gate from inputs to result: the policy file (and <c>.trivyignore</c>), then the secret scan,
/// the NuGet audit and Trivy (each unless waived), one verdict, the scanners' reports and a SARIF file.
/// </summary>
internal sealed class SecurityScanStep(ProcessRunner runner, BundleWriter evidence, Action<string> say, Action<string> warn, CacheContext? cache = null)
{
    public async Task<GateResult> RunAsync(SecurityScanInputs inputs, CancellationToken cancellation)
    {
        var stored = cache is null || cache.Cache.Mode == CacheMode.Off ? null : new SecurityScanCache(cache, TimeSpan.FromHours(inputs.AuditCacheHours));
        var nuke = Path.Combine(inputs.Scope.Root, ".nuke");
        SecuritySchema.WriteTo(nuke);
        var policy = SecurityPolicy.Of(inputs.Scope.Root, inputs.FailOn, DateOnly.FromDateTime(DateTime.UtcNow));
        var entries = policy.Entries;
        var outputs = new List<ScanOutput>
        {
            await Scan(ScannerNames.Secrets, entries, () => ScanSecretsAsync(inputs, stored, cancellation)).ConfigureAwait(false),
            await Scan(ScannerNames.NuGetAudit, entries, () => AuditAsync(inputs, stored, cancellation)).ConfigureAwait(false),
            await Scan(ScannerNames.Trivy, entries, async () =>
                await TrivyRunner.Create(runner, inputs.Scope.Root, inputs.Trivy.Executable, inputs.Trivy.Hooks, inputs.Trivy.Environment)
                    .RunAsync(inputs.Scope.Root, await inputs.Images(cancellation).ConfigureAwait(false), inputs.Trivy.Offline, inputs.Trivy.MinimumVersion, inputs.WorkDirectory, cancellation,
                        inputs.Sboms is null ? [] : await inputs.Sboms(cancellation).ConfigureAwait(false), stored, say)).ConfigureAwait(false),
        };

        foreach (var (name, text) in outputs.SelectMany(o => o.Reports))
        {
            evidence.WriteReport(SecurityScanGate.Name, name, text);
        }

        var tools = outputs.Where(o => o.Run.Version is not null).ToDictionary(o => o.Run.Scanner, o => o.Run.Version!);
        var result = SecurityScanGate.Evaluate(outputs.Select(o => o.Run).ToList(), outputs.SelectMany(o => o.Findings).ToList(), policy, tools);
        evidence.WriteReport(SecurityScanGate.Name, "security.sarif", SarifExporter.Render(result, inputs.TollgateVersion));
        if (outputs.Any(o => o.Run.Scanner == ScannerNames.Trivy && o.Run.State == ScannerState.Ran)
            && !Directory.EnumerateFiles(inputs.Scope.Root, "packages.lock.json", SearchOption.AllDirectories).Any())
        {
            warn("Trivy reads NuGet lock files, not project files, and found none: set <RestorePackagesWithLockFile>true</RestorePackagesWithLockFile> in Directory.Build.props and commit the packages.lock.json files.");
        }

        if (stored is { Reused.Count: > 0 })
        {
            var reused = stored.Reused.Select(CacheContext.Reused).ToList();
            result = result with { Headline = $"{result.Headline} ({string.Join(" and ", reused.Select(r => r.Unit))} reused from {CacheContext.From(reused)})", Reused = reused };
        }

        return result;
    }

    private async Task<ScanOutput> ScanSecretsAsync(SecurityScanInputs inputs, SecurityScanCache? stored, CancellationToken cancellation)
    {
        var files = (await GitFiles.ListAsync(runner, inputs.Scope.Root, cancellation).ConfigureAwait(false) ?? SecretScanner.FilesBelow(inputs.Scope.Root).Select(RawPath.FromText).ToList())
            .Where(f => inputs.Scope.Selection?.InExcludedProject(inputs.Scope.Root, f.Text) != true && !SecretScanner.IsToolState(f.Text)).ToList(); // the chosen projects' folders and the repository's own files
        var ingredients = stored?.SecretsIngredients(inputs.Scope.Root, files);
        if (ingredients is not null && await stored!.ReadAsync(SecurityScanCache.SecretsUnit, ingredients, say, cancellation).ConfigureAwait(false) is { } kept)
        {
            say($"Secret scan: {files.Count} files unchanged since the scan reused from {CacheContext.From([CacheContext.Reused(stored.Reused[^1])])}, {kept.Findings.Count} finding(s)");
            return kept;
        }

        var scan = SecretScanner.Scan(inputs.Scope.Root, files, cancellation);
        say($"Secret scan: {scan.Scanned} files read, {scan.Hits.Count} hit(s), {scan.Skipped.Count} passed over (listed in {SkippedReport}), {scan.Unreadable.Count} unreadable");
        var findings = scan.Hits.Select(SecurityFindings.FromSecret).Concat(scan.Unreadable.Select(SecurityFindings.FromUnreadable)).ToList();
        var output = new ScanOutput(new ScannerRun(ScannerNames.Secrets, ScannerState.Ran, inputs.TollgateVersion), findings, [(SkippedReport, EvidenceJson.Serialize(scan.Skipped))]);
        if (ingredients is not null && scan.Unreadable.Count == 0)
        {
            await stored!.StoreAsync(SecurityScanCache.SecretsUnit, ingredients, output, cancellation).ConfigureAwait(false);
        }

        return output;
    }

    private async Task<ScanOutput> AuditAsync(SecurityScanInputs inputs, SecurityScanCache? stored, CancellationToken cancellation)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var audit = new NuGetAuditRunner(runner, http);
        var projects = inputs.Scope.Selection?.Included ?? throw new InvalidDataException(inputs.Scope.SelectionError);
        var sdk = await audit.SdkAsync(inputs.Scope.Root, cancellation).ConfigureAwait(false);
        var ingredients = stored?.AuditIngredients(projects, inputs.Scope.BuildTarget, inputs.Scope.Properties, inputs.AuditSources, sdk);
        if (ingredients is not null && await stored!.ReadAsync(SecurityScanCache.AuditUnit, ingredients, say, cancellation).ConfigureAwait(false) is { } kept)
        {
            say($"NuGet audit: no project, package or source changed since the audit reused from {CacheContext.From([CacheContext.Reused(stored.Reused[^1])])}, {kept.Findings.Count} finding(s)");
            return kept;
        }

        var output = await audit.RunAsync(inputs.Scope.Root, inputs.Scope.BuildTarget, projects, inputs.Scope.Properties, inputs.AuditSources, inputs.WorkDirectory, cancellation, sdk)
            .ConfigureAwait(false);
        if (ingredients is not null)
        {
            await stored!.StoreAsync(SecurityScanCache.AuditUnit, ingredients, output, cancellation).ConfigureAwait(false);
        }

        return output;
    }

    /// <summary>The report that lists the files the secret scan passed over, with the reason for each.</summary>
    public const string SkippedReport = "secrets-skipped.json";

    private static async Task<ScanOutput> Scan(string scanner, SecurityPolicyEntries entries, Func<Task<ScanOutput>> run) =>
        entries.Waivers.ContainsKey(scanner) ? ScanOutput.NotRun(scanner, ScannerState.Waived, entries.Waivers[scanner]) : await run().ConfigureAwait(false);
}
