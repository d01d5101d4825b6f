using Tollgate.Tools;
using Tollgate.Tools.Dotnet;
using Tollgate.Tools.NuGet;

namespace Tollgate.Gates.SecurityScan;

/// <summary>
/// NuGet's part of the gate: a restore with the audit on (every package, every severity), then
/// <c>dotnet list package --vulnerable --include-transitive --format json</c>, against the repository's
/// audit sources or those given. An audit with no source that serves vulnerability data is no audit:
/// that is reported, never passed.
/// </summary>
internal sealed class NuGetAuditRunner(ProcessRunner runner, HttpClient http)
{
    /// <summary>
    /// Audits <paramref name="target"/> (a solution or project) with the build's <paramref name="properties"/>; the
    /// restore outputs of <paramref name="projects"/> are put back afterwards, so the build's <c>obj/</c> stays as it was.
    /// </summary>
    public async Task<ScanOutput> RunAsync(
        string root, string target, IReadOnlyList<string> projects, IReadOnlyList<string> properties, IReadOnlyList<string> auditSources, string workDirectory,
        CancellationToken cancellation, string? sdk = null)
    {
        using var kept = RestoreOutputs.Save(projects, Path.Combine(workDirectory, "restore-outputs"));
        var version = sdk ?? await SdkAsync(root, cancellation).ConfigureAwait(false);
        var restore = await runner.RunAsync(
            new ProcessSpec(DotnetCli.Program, [.. DotnetCli.RestoreWithAudit(target), .. DotnetCli.Properties(properties)], root, TimeSpan.FromMinutes(20), InstallHint: DotnetCli.InstallHint),
            cancellation).ConfigureAwait(false);
        if (!restore.Succeeded && !restore.Output.Contains("NU190", StringComparison.Ordinal))
        {
            return ScanOutput.NotRun(ScannerNames.NuGetAudit, ScannerState.Failed, $"dotnet restore failed (exit {restore.ExitCode}): {FirstError(restore)}", version);
        }

        string? config = null;
        if (auditSources.Count > 0)
        {
            Directory.CreateDirectory(workDirectory);
            config = Path.Combine(workDirectory, "nuget-audit.config");
            File.WriteAllText(config, NuGetConfigFile.AuditSources(auditSources));
        }

        var list = await runner.RunAsync(
            new ProcessSpec(
                DotnetCli.Program, DotnetCli.ListVulnerable(target, config), root, TimeSpan.FromMinutes(20),
                PropertyEnvironment.Environment(properties, Path.Combine(workDirectory, "list-properties")), DotnetCli.InstallHint),
            cancellation).ConfigureAwait(false);
        VulnerablePackagesReport report;
        try
        {
            report = VulnerablePackagesReader.Parse(list.Output, "dotnet list package --vulnerable");
        }
        catch (InvalidDataException exception)
        {
            return ScanOutput.NotRun(ScannerNames.NuGetAudit, ScannerState.Failed, $"{exception.Message} (exit {list.ExitCode}: {FirstError(list)})", version);
        }

        var reports = new List<(string, string)> { ("nuget-vulnerable.json", list.Output) };
        var errors = report.Problems.Where(p => p.StartsWith("error", StringComparison.OrdinalIgnoreCase)).ToList();
        if (errors.Count > 0 || !list.Succeeded)
        {
            return new ScanOutput(new ScannerRun(ScannerNames.NuGetAudit, ScannerState.Failed, version, errors.FirstOrDefault() ?? FirstError(list)), [], reports);
        }

        var sources = report.Sources.Count > 0 ? report.Sources : auditSources;
        var serving = new List<string>();
        foreach (var source in sources)
        {
            if (await VulnerabilityFeedProbe.ServesVulnerabilityDataAsync(http, source, cancellation).ConfigureAwait(false))
            {
                serving.Add(source);
            }
        }

        if (serving.Count == 0)
        {
            var asked = sources.Count == 0 ? "no source" : string.Join(", ", sources);
            return new ScanOutput(new ScannerRun(ScannerNames.NuGetAudit, ScannerState.Missing, version,
                $"none of the audit sources ({asked}) serves vulnerability data (NuGet's VulnerabilityInfo resource), so nothing was audited; add an <auditSources> entry to NuGet.Config, pass --nuget-audit-sources, or waive 'nuget-audit' in .nuke/security.json"), [], reports);
        }

        var findings = report.Packages.Select(p => SecurityFindings.FromNuGet(p, project => Path.IsPathRooted(project) ? Path.GetRelativePath(root, project).Replace('\\', '/') : project)).ToList();
        return new ScanOutput(new ScannerRun(ScannerNames.NuGetAudit, ScannerState.Ran, version), findings, reports);
    }

    /// <summary>The SDK <c>dotnet</c> runs in <paramref name="root"/> (its <c>global.json</c> decides), as <c>dotnet --version</c> says it.</summary>
    public async Task<string> SdkAsync(string root, CancellationToken cancellation) =>
        (await runner.RunAsync(new ProcessSpec(DotnetCli.Program, ["--version"], root, TimeSpan.FromMinutes(1), InstallHint: DotnetCli.InstallHint), cancellation).ConfigureAwait(false)).Output.Trim();

    private static string FirstError(ProcessResult result) =>
        (result.Output + "\n" + result.Error).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
        ?? (result.Error + result.Output).Trim().Split('\n')[0];
}
