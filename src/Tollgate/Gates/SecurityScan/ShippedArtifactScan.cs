using Tollgate.Evidence;
using Tollgate.Tools;

namespace Tollgate.Gates.SecurityScan;

/// <summary>How Package scans what it built before publishing it: the SecurityScan gate's severities and Trivy.</summary>
/// <param name="FailOn">Severities that stop the publication.</param>
/// <param name="Trivy">How Trivy runs.</param>
/// <param name="WorkDirectory">Where Trivy's reports go before they are copied into evidence.</param>
internal sealed record ShippedScanInputs(IReadOnlyList<string> FailOn, TrivyOptions Trivy, string WorkDirectory);

/// <summary>
/// Trivy on what a build is about to publish — the SBOM of every packed project and every image it built — held to
/// the repository's security policy (<c>.nuke/security.json</c>, <c>.trivyignore</c>): the same severities, suppressions
/// and waivers as the SecurityScan gate, whose run before Package never sees these artifacts. The reports go into
/// <paramref name="gate"/>'s evidence.
/// </summary>
internal sealed class ShippedArtifactScan(ProcessRunner runner, BundleWriter evidence, string gate)
{
    /// <summary>Scans <paramref name="images"/> (references) and <paramref name="sboms"/> (files) and judges the findings.</summary>
    public async Task<GateResult> RunAsync(
        string root, ShippedScanInputs inputs, IReadOnlyList<string> images, IReadOnlyList<string> sboms, CancellationToken cancellation)
    {
        var policy = SecurityPolicy.Of(root, inputs.FailOn, DateOnly.FromDateTime(DateTime.UtcNow));
        var output = policy.Entries.Waivers.TryGetValue(ScannerNames.Trivy, out var reason)
            ? ScanOutput.NotRun(ScannerNames.Trivy, ScannerState.Waived, reason)
            : await TrivyRunner.Create(runner, root, inputs.Trivy.Executable, inputs.Trivy.Hooks, inputs.Trivy.Environment)
                .RunOnArtifactsAsync(root, images, sboms, inputs.Trivy.Offline, inputs.Trivy.MinimumVersion, inputs.WorkDirectory, cancellation).ConfigureAwait(false);
        foreach (var (name, text) in output.Reports)
        {
            evidence.WriteReport(gate, name, text);
        }

        var tools = output.Run.Version is { } version ? new Dictionary<string, string> { [ScannerNames.Trivy] = version } : [];
        return SecurityScanGate.Evaluate([output.Run], output.Findings, policy, tools);
    }
}
