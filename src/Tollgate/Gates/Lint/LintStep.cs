using Tollgate.Evidence;
using Tollgate.Tools;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Gates.Lint;

/// <summary>What the Lint gate reads.</summary>
internal sealed record LintInputs
{
    /// <summary>The repository root.</summary>
    public required string Root { get; init; }

    /// <summary>The solution (or selection) the build compiled.</summary>
    public required string BuildTarget { get; init; }

    /// <summary>The build's facts, with each project's compiler log.</summary>
    public required IReadOnlyList<ProjectInfo> Built { get; init; }

    /// <summary>Where dotnet format's report goes.</summary>
    public required string ReportDirectory { get; init; }

    /// <summary>MSBuild properties of the run.</summary>
    public required IReadOnlyList<string> Properties { get; init; }

    /// <summary>The severities that fail the gate.</summary>
    public required LintPolicy Policy { get; init; }

    /// <summary>Written into the SARIF report.</summary>
    public required string TollgateVersion { get; init; }
}

/// <summary>
/// The Lint gate from inputs to result: the compiler's diagnostics from the build's logs and
/// <c>dotnet format --verify-no-changes</c>, judged by severity; reports and a SARIF file into the evidence.
/// </summary>
internal sealed class LintStep(ProcessRunner runner, BundleWriter evidence, ToolHooks? hooks = null, Cache.CacheContext? cache = null)
{
    public async Task<GateResult> RunAsync(LintInputs inputs, CancellationToken cancellation)
    {
        var run = await new LintRunner(runner, hooks, cache).RunAsync(inputs.Root, inputs.BuildTarget, inputs.Built, inputs.ReportDirectory, inputs.Properties, cancellation).ConfigureAwait(false);
        foreach (var report in run.Reports)
        {
            evidence.AddReport(LintGate.Name, report, ReportName(inputs.Root, report));
        }

        var sdk = inputs.Built[0].Sdk;
        var result = LintGate.Evaluate(run.Diagnostics, run.MissingLogs, inputs.Policy, new Dictionary<string, string> { ["dotnet-format"] = sdk, ["csc"] = sdk });
        evidence.WriteReport(LintGate.Name, "lint.sarif", SarifExporter.Render(result, inputs.TollgateVersion));
        if (run.Reused.Count == 0)
        {
            return result;
        }

        var reused = run.Reused.Select(Cache.CacheContext.Reused).OrderBy(r => r.Unit, StringComparer.Ordinal).ToList();
        return result with { Headline = $"{result.Headline} ({Cache.CacheContext.Summary(reused.Count, reused, reused.Count == 1 ? " project's format check" : " projects' format checks")})", Reused = reused };
    }

    private static string ReportName(string root, string report) =>
        report.EndsWith(".sarif", StringComparison.Ordinal)
            ? Path.GetRelativePath(root, report).Replace('/', '_').Replace('\\', '_')
            : Path.GetFileName(report);
}
