using Tollgate.Gates;
using Tollgate.Gates.Test;
using Tollgate.Tools.Dotnet;

namespace Tollgate;

/// <summary>
/// Runs every test project once per target framework, against the one build, and judges the results from TRX.
/// A test project without a coverage collector gets Tollgate's own (pinned) for the run; the evidence says whose ran.
/// </summary>
public interface ITest : ICompile
{
    /// <summary>Whether the coverlet collector runs with the tests (the Coverage gate reads its files).</summary>
    [Parameter("Collect code coverage with coverlet while testing")]
    bool CollectCoverage => this.ValueOf(() => CollectCoverage, true);

    /// <summary>How long a test may make no progress before its test host is stopped and the test named.</summary>
    [Parameter("Stop a test run whose tests make no progress for this long, naming the test that hung, e.g. 30m, 90s, 2h (default from the policy: 30m)")]
    string TestHangTimeout => this.ValueOf(() => TestHangTimeout, PolicyDefaults.Current.TestHangTimeout);

    /// <summary>Where the test results of this run go (emptied first).</summary>
    AbsolutePath TestResultsDirectory => ArtifactsDirectory / "test-results";

    /// <summary>
    /// Changes how each test run goes, once per test project and framework:
    /// <c>Configure&lt;DotnetTestSettings&gt; ITest.TestSettings =&gt; s =&gt; s with { BlameHangTimeout = "5m" };</c>, or for one project
    /// <c>s =&gt; s.Project.EndsWith("Slow.Tests.csproj") ? s with { Filter = "Category!=Nightly" } : s</c>.
    /// </summary>
    Configure<DotnetTestSettings> TestSettings => settings => settings;

    /// <summary>Runs the tests.</summary>
    Target Test => _ => _
        .Description("Run the tests (TRX, coverage); zero tests is a failure")
        .DependsOn(Compile)
        .Requires(() => HangTimeout.IsValid(this.Read(() => TestHangTimeout)), () =>
            $"--test-hang-timeout to be a duration both test platforms read, not '{this.Read(() => TestHangTimeout)}': a whole number with ms, s, m or h, e.g. 30m")
        .ProceedAfterFailure()
        .Produces(TestResultsDirectory.RelativeTo(RootDirectory))
        .Executes(context => GateTarget.RunAsync(this, context, TestGate.Name, async () =>
        {
            var shard = CheckedShard;
            var inputs = new TestInputs
            {
                Scope = new BuildScope(RootDirectory, BuildInfo.Read(BuildInfoDirectory), BuildTarget, this.Read(() => Configuration), BuildProperties),
                ResultsDirectory = TestResultsDirectory,
                CollectCoverage = this.Read(() => CollectCoverage),
                Collector = new PinnedTool(this.Read(() => ToolsDirectory), PolicyDefaults.Current.ToolVersion(CoverageCollectorPackage.Package)),
                HangTimeout = this.Read(() => TestHangTimeout),
                Shard = shard,
                Timings = shard.IsSplit ? CheckedShardTimings : null,
            };
            var cache = await ResultCacheAsync(context.Cancellation).ConfigureAwait(false);
            var result = await new TestStep(ProcessRunner, RunEvidence, context.Log.Info, ToolHooks, cache)
                .RunAsync(inputs, context.Cancellation).ConfigureAwait(false);
            foreach (var finding in result.Findings.Where(f => f.Kind != "coverage-collector"))
            {
                context.Log.Error($"{finding.Rule ?? finding.File}: {finding.Message.Split('\n')[0]}");
            }

            // The closing line keeps its form (Test: N passed, N failed[, N skipped]); what was reused is said on the line before it.
            context.ClosingLine = $"{TestGate.Name}: {TestGate.WithoutReuse(result.Headline)}";
            if (result.Reused.Count > 0)
            {
                context.Log.Info($"{TestGate.Name}: {result.Headline}");
            }
            return result;
        }));
}
