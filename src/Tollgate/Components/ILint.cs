using Tollgate.Engine;
using Tollgate.Gates.Lint;
using Tollgate.Tools.Dotnet;

namespace Tollgate;

/// <summary>
/// The Lint gate: the compiler's diagnostics from the run's one build (analyzers and code style on) and
/// <c>dotnet format --verify-no-changes</c>; every diagnostic at a failing severity is a violation.
/// </summary>
public interface ILint : ICompile
{
    /// <summary>The severities that fail the gate.</summary>
    [Parameter("Severities that fail the Lint gate: error, warning, note")]
    string[] LintFailOn => this.ValueOf(() => LintFailOn, PolicyDefaults.Current.LintFailOn.ToArray());

    /// <summary>Where dotnet format's report goes.</summary>
    AbsolutePath LintReportDirectory => ArtifactsDirectory / "lint";

    /// <summary>Changes how <c>dotnet format</c> runs, e.g. <c>s =&gt; s.AddArguments("--exclude", "src/Generated")</c>.</summary>
    Configure<DotnetFormatSettings> FormatSettings => settings => settings;

    /// <summary>Checks formatting, style and analyzers.</summary>
    Target Lint => _ => _
        .Description("Check formatting, style and analyzers (compiler log of the build + dotnet format)")
        .DependsOn(Compile)
        .ProceedAfterFailure()
        .OnlyWhen(() => RunsGlobalGates, "this is shard 1 of a split run (the cheap, global gates run there; --shard-every-gate runs them on every shard), or the run is not split")
        .Executes(context => GateTarget.RunAsync(this, context, LintGate.Name, async () =>
        {
            var policy = new LintPolicy(this.Read(() => LintFailOn).Select(s => LintPolicy.Severities.Contains(s.ToLowerInvariant())
                ? s.ToLowerInvariant()
                : throw new BuildException($"--lint-fail-on '{s}' is not a severity; use error, warning or note.")).ToList());
            var inputs = new LintInputs
            {
                Root = RootDirectory,
                BuildTarget = BuildTarget,
                Built = BuildInfo.Read(BuildInfoDirectory),
                ReportDirectory = LintReportDirectory,
                Properties = BuildProperties,
                Policy = policy,
                TollgateVersion = TollgateVersion.Current,
            };
            var result = await new LintStep(ProcessRunner, RunEvidence, ToolHooks, await ResultCacheAsync(context.Cancellation).ConfigureAwait(false)).RunAsync(inputs, context.Cancellation).ConfigureAwait(false);
            foreach (var finding in result.Findings.Where(f => policy.FailOn.Contains(f.Severity ?? "")).Take(20))
            {
                context.Log.Warn($"{finding.File}:{finding.Line}: {finding.Rule}: {finding.Message}");
            }

            return result;
        }));
}
