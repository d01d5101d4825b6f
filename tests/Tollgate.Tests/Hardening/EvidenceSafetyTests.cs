using System.Text.Json;
using Tollgate.Engine;
using Tollgate.Evidence;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Hardening;

/// <summary>
/// Probes of issue 15 that are about the evidence: a typo never destroys good evidence, two runs in one
/// repository never corrupt each other, a URL's credentials never reach the console or the bundle, and a
/// gate that does not run is recorded as such.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EvidenceSafetyTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    private string Evidence => Path.Combine(root.Path, "artifacts", "evidence");

    [Fact]
    public async Task A_good_bundle_survives_ten_bad_input_runs()
    {
        var good = await HostRun.RunAsync<HostBuild>(root.Path, ["Everything"]);
        Assert.Equal(ExitCodes.Failure, good.ExitCode); // Unbuilt errs; the bundle is what matters here
        var before = DirectoryDigests.Of(Evidence);
        string[][] typos =
        [
            ["Gat"], ["--plan", "Gate"], ["Gate", "--break", "maybe"], ["Gate", "--no-such-parameter", "1"], ["Guarded"],
            ["Gate", "--evidence-history", "-1"], ["Gate", "--verbosity", "loud"], ["Gate", "--profile", "nope"], ["--help"], ["Gate", "--"],
        ];

        foreach (var typo in typos)
        {
            var run = await HostRun.RunAsync<HostBuild>(root.Path, typo);
            Assert.True(run.ExitCode is ExitCodes.BadInput or ExitCodes.Success, $"{string.Join(' ', typo)} exited {run.ExitCode}: {run.Error}");
        }

        Assert.Equal(before, DirectoryDigests.Of(Evidence));
        Assert.Empty(EvidenceVerifier.Verify(Evidence));
        Assert.False(Directory.Exists(Evidence + ".previous.1"), "no bad-input run may move the bundle aside");
    }

    [Fact]
    public async Task A_second_run_waits_for_the_first_and_neither_bundle_is_corrupt()
    {
        var first = HostRun.RunAsync<SlowGateBuild>(root.Path, ["Gate"]);
        await WaitForLockAsync();
        // The first run holds the lock until the second says it waits, however long either takes to start on a loaded machine.
        var output = new SignallingWriter("Waiting for another run in this repository to end (process ");
        var second = BuildHost.RunAsync<SlowGateBuild>(["Gate"], null, new HostEnvironment(root.Path, new Dictionary<string, string> { ["TOLLGATE_CACHE"] = "off" }, output, new StringWriter(), HandleSignals: false));
        await output.Seen.WaitAsync(TimeSpan.FromMinutes(5));
        File.WriteAllText(Path.Combine(root.Path, SlowGateBuild.Release), "");
        var firstRun = await first;

        Assert.Equal(ExitCodes.Success, firstRun.ExitCode);
        Assert.Equal(ExitCodes.Success, await second);
        Assert.Empty(EvidenceVerifier.Verify(Evidence));
        Assert.Empty(EvidenceVerifier.Verify(Evidence + ".previous.1"));
    }

    [Fact]
    public async Task With_no_wait_a_second_run_fails_at_once_naming_the_holder_and_touches_nothing()
    {
        var first = HostRun.RunAsync<SlowGateBuild>(root.Path, ["Gate", "--token", "s3cr3t-value"]);
        await WaitForLockAsync();
        var second = await HostRun.RunAsync<SlowGateBuild>(root.Path, ["Gate", "--no-wait"]);
        File.WriteAllText(Path.Combine(root.Path, SlowGateBuild.Release), "");
        await first;

        Assert.Equal(ExitCodes.Failure, second.ExitCode);
        Assert.Contains($"Another run holds {RepositoryLock.RelativePath} (process {Environment.ProcessId}", second.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-value", second.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Evidence + ".previous.1"), "the refused run wrote no bundle");
    }

    [Fact]
    public async Task Credentials_in_a_url_parameter_are_masked_on_the_console_and_in_every_file_of_the_bundle()
    {
        var run = await HostRun.RunAsync<HostBuild>(root.Path, ["Gate", "Talk", "Echo", "--feed", "https://deployer:" + "p4ssw0rd-xyz" + "@feed.example/v3/index.json"]); // built here, so no source line holds a secret

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("https://***@feed.example/v3/index.json", run.Output, StringComparison.Ordinal);
        foreach (var text in new[] { run.Output, run.Error }.Concat(Directory.GetFiles(Path.Combine(root.Path, "artifacts"), "*", SearchOption.AllDirectories).Select(File.ReadAllText)))
        {
            Assert.DoesNotContain("p4ssw0rd-xyz", text, StringComparison.Ordinal);
            Assert.DoesNotContain("deployer:", text, StringComparison.Ordinal);
        }

        Assert.Contains("https://***@feed.example", File.ReadAllText(Path.Combine(Evidence, "manifest.json")), StringComparison.Ordinal);
        Assert.Empty(EvidenceVerifier.Verify(Evidence));
    }

    [Fact]
    public async Task A_skipped_gate_is_recorded_as_skipped_with_its_reason()
    {
        var run = await HostRun.RunAsync<GatesBuild>(root.Path, ["Both", "--skip", "Lint"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Evidence, "manifest.json")));
        var lint = manifest.RootElement.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("name").GetString() == "Lint");
        Assert.Equal("skipped", lint.GetProperty("status").GetString());
        Assert.Contains("skipped", File.ReadAllText(Path.Combine(Evidence, "gates", "lint.json")), StringComparison.Ordinal);
        Assert.Empty(EvidenceVerifier.Verify(Evidence));
    }

    [Theory]
    [InlineData("--coverage-threshold", "-5", "--coverage-threshold -5 (--coverage-threshold) is out of range: expected a number from 0 to 100.")]
    [InlineData("--coverage-threshold", "150", "--coverage-threshold 150 (--coverage-threshold) is out of range: expected a number from 0 to 100.")]
    [InlineData("--coverage-tolerance", "-0.5", "--coverage-tolerance -0.5 (--coverage-tolerance) is out of range: expected a number from 0 to 100.")]
    [InlineData("--mutation-threshold", "101", "--mutation-threshold 101 (--mutation-threshold) is out of range: expected a number from 0 to 100.")]
    public async Task Thresholds_out_of_range_are_bad_input_before_anything_runs(string name, string value, string message)
    {
        var run = await HostRun.RunAsync<ThresholdBuild>(root.Path, ["Nothing", name, value]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("error: " + message, run.Error.Trim());
        Assert.False(Directory.Exists(Path.Combine(root.Path, "artifacts")));
    }

    [Fact]
    public async Task Coverage_without_this_runs_Test_is_bad_input_never_a_verdict_on_an_earlier_runs_files()
    {
        root.Write("artifacts/test-results/Old.Tests/net10.0/coverage.cobertura.xml", "<coverage lines-covered=\"99\" lines-valid=\"100\" />");

        var run = await HostRun.RunAsync<ThresholdBuild>(root.Path, ["Coverage", "--skip", "Test"]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Coverage requires its Test in the same run: with Test skipped, the coverage files in artifacts/test-results are an earlier run's, not this one's (do not --skip Test)", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root.Path, "artifacts", "evidence")));
    }

    [Fact]
    public async Task Bare_environment_variables_are_not_parameters_only_tollgate_ones_are()
    {
        var run = await HostRun.RunAsync<ThresholdBuild>(root.Path, ["--help"], new() { ["CONFIGURATION"] = "Debug", ["TOLLGATE_COVERAGE_THRESHOLD"] = "80" });

        Assert.Contains("now: 80 (from environment variable TOLLGATE_COVERAGE_THRESHOLD)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Debug", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_former_parameter_spelling_is_refused_naming_the_new_one()
    {
        var run = await HostRun.RunAsync<PackageNames>(root.Path, ["Nothing", "--nu-get-feed", "feeds/local"]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("error: --nu-get-feed is now spelled --nuget-feed; write that.", run.Error.Trim());
        Assert.Contains("--nuget-feed", (await HostRun.RunAsync<PackageNames>(root.Path, ["--help"])).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_starts_no_git_process_and_a_run_reads_git_once()
    {
        var git = await GitRepository.InitAsync(root.Path);
        await git.CommitAsync("one");

        var help = await HostRun.RunAsync<AllComponents>(root.Path, ["--help"]);
        var run = await HostRun.RunAsync<AllComponents>(root.Path, ["Nothing"]);

        Assert.Equal(ExitCodes.Success, help.ExitCode);
        Assert.DoesNotContain("> git", help.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        // Once, at the start: HEAD and its branch, the remote, and the commit's time (what a portfolio's lead time counts from).
        Assert.Equal(3, run.Output.Split('\n').Count(l => l.StartsWith("> git ", StringComparison.Ordinal)));
        Assert.Contains("> git rev-parse --is-shallow-repository HEAD --symbolic-full-name HEAD", run.Output, StringComparison.Ordinal);
        Assert.Contains("> git show -s --format=%cI HEAD", run.Output, StringComparison.Ordinal);
    }

    public sealed class AllComponents : TollgateBuild, IStandardGates
    {
        Target Nothing => _ => _.Executes(() => { });
    }

    public sealed class PackageNames : TollgateBuild, IPackage
    {
        Target Nothing => _ => _.Executes(() => { });
    }

    private async Task WaitForLockAsync()
    {
        var holder = Path.Combine(root.Path, RepositoryLock.RelativePath + ".holder");
        for (var i = 0; i < 200 && !File.Exists(holder); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(File.Exists(holder), "the first run never took the lock");
    }

    public sealed class SlowGateBuild : TollgateBuild
    {
        [Parameter("A token"), Secret]
        public readonly string? Token;

        /// <summary>The file whose appearance lets the gate finish: the test creates it once the other run has done what it checks.</summary>
        public const string Release = "release-the-gate";

        Target Gate => _ => _.Executes(async context =>
        {
            var release = Path.Combine(RootDirectory, Release);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!File.Exists(release) && clock.Elapsed < TimeSpan.FromMinutes(5))
            {
                await Task.Delay(25, context.Cancellation);
            }

            await GateTarget.RunAsync(this, context, "Sample", () => Task.FromResult(SampleGate.Evaluate(false)));
        });
    }

    public sealed class GatesBuild : TollgateBuild
    {
        Target Lint => _ => _.Executes(context => GateTarget.RunAsync(this, context, "Lint", () => Task.FromResult(SampleGate.Evaluate(false) with { Gate = "Lint" })));

        Target Test => _ => _.Executes(context => GateTarget.RunAsync(this, context, "Test", () => Task.FromResult(SampleGate.Evaluate(false) with { Gate = "Test" })));

        Target Both => _ => _.DependsOn(Lint, Test);
    }

    public sealed class ThresholdBuild : TollgateBuild, ICoverage, IMutation
    {
        Target Nothing => _ => _.Executes(() => { });
    }
}

/// <summary>A console that says when a line it waits for has been written.</summary>
internal sealed class SignallingWriter(string expected) : StringWriter
{
    private readonly TaskCompletionSource seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Seen => seen.Task;

    public override void Write(char value)
    {
        base.Write(value);
        Check();
    }

    public override void Write(string? value)
    {
        base.Write(value);
        Check();
    }

    public override void Write(char[] buffer, int index, int count)
    {
        base.Write(buffer, index, count);
        Check();
    }

    private void Check()
    {
        if (!seen.Task.IsCompleted && ToString().Contains(expected, StringComparison.Ordinal))
        {
            seen.TrySetResult();
        }
    }
}
